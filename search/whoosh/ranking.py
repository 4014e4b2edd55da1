"""/search's first pages without Whoosh's per-match Python calls: term, AND and OR queries
ranked over cached postings with numpy, exactly as Whoosh's collector ranks them.

Whoosh's collector scores every match with several Python calls (matcher, scorer, collector):
a common word in 45k of 105k passages costs 10-20 ms before a single hit is read. Here each
term's postings in a segment (the ``PostingsCache`` the answerer's top-k reads) are scored in one
numpy expression, an AND is an intersection and an OR a union of sorted docnum arrays, and only
the passages that can enter the first ``offset + limit`` (the k-th best score and its ties) are
sorted. The count of matches falls out of the same arrays, so the total costs nothing extra.

Results are Whoosh's to the bit: the same BM25F formula evaluated with the same IEEE double
operations in the same order, the same index-wide idf and average length, ties by docnum
(insertion order). Sums must also be added in Whoosh's order: a node of two children adds
``a + b``, which equals ``b + a``, but a node of three or more is a tree Whoosh weights by
per-segment estimates, whose association changes the last bit; and Whoosh's matchers skip
nested groups past some of their matches (see ``plan``). So ``plan`` accepts one text word, or
AND or OR of two (what users write most); anything else (phrases, NOT, prefixes, fuzzy terms,
nested or wider groups) returns None and the caller uses the collector.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh.query import And, Or, Query, Term
from whoosh.scoring import BM25F

from search.whoosh.topk import PostingsCache

_FIELD = "text"
# Below this many postings (summed over the query's words) the collector is as cheap: measured
# over HTTP on a loaded 2-core machine, rare words were slower ranked here (bench/PROFILE.md).
MIN_POSTINGS = 100


@dataclass(frozen=True, slots=True)
class Leaf:
    """One analyzed word of the text field."""

    text: str


@dataclass(frozen=True, slots=True)
class Both:
    """Passages matching both children; score ``a + b``."""

    a: Node
    b: Node


@dataclass(frozen=True, slots=True)
class Either:
    """Passages matching either child; score the sum of the children that match."""

    a: Node
    b: Node


Node = Leaf | Both | Either


def plan(query: Query) -> Node | None:
    """The query as a tree this module ranks exactly, or None when only the collector can."""
    if type(query) is Term:
        if query.fieldname != _FIELD or query.boost != 1.0 or not isinstance(query.text, str):
            return None
        return Leaf(query.text)
    if type(query) not in (And, Or) or query.boost != 1.0 or not 1 <= len(query.subqueries) <= 2:
        return None
    if type(query) is Or and (query.scale is not None or query.minmatch):
        return None
    children = [plan(sub) for sub in query.subqueries]
    if len(children) == 1:
        return children[0]
    a, b = children
    # Only words below AND and OR: Whoosh's matchers skip nested groups past some of their
    # matches (an OR under AND sums only the words it stopped on; an OR of ANDs loses
    # passages), and /search must return what it returned before, so those stay with the
    # collector.
    if not isinstance(a, Leaf) or not isinstance(b, Leaf):
        return None
    return Both(a, b) if type(query) is And else Either(a, b)


def worth_ranking(searcher: Any, node: Node) -> bool:
    """Whether to rank ``node`` here rather than with the collector: always for OR, whose
    count the collector gets wrong (it misses passages, and a page's next cursor with them);
    for a word or AND, when their postings are many enough to beat the collector (document
    frequencies, read from the term index as Whoosh's idf reads them). Never on an empty
    index: its reader has no segment to key postings on."""
    if searcher.doc_count_all() == 0:
        return False
    if isinstance(node, Either):
        return True
    words = _words(node)
    return sum(searcher.doc_frequency(_FIELD, word) for word in words) >= MIN_POSTINGS


def _words(node: Node) -> list[str]:
    return [node.text] if isinstance(node, Leaf) else _words(node.a) + _words(node.b)


@dataclass(frozen=True, slots=True)
class Ranked:
    """The first ``wanted`` matches (score, global docnum), best first, and how many match."""

    top: list[tuple[float, int]]
    count: int


def rank(
    searcher: Any,
    node: Node,
    wanted: int,
    cache: PostingsCache,
    allowed: np.ndarray | None = None,
) -> Ranked:
    """Rank ``node`` over every segment of ``searcher``; ``allowed`` (sorted global docnums)
    restricts the matches, as a filter does."""
    weighting = searcher.weighting
    if not isinstance(weighting, BM25F) or _FIELD in weighting._field_B:
        raise ValueError("rank needs BM25F weighting with the default B")
    scorer = _Scorer(searcher, cache, weighting)
    ids_parts, score_parts = [], []
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        ids, scores = scorer.evaluate(node, reader)
        if not len(ids):
            continue
        ids = ids.astype(np.int64) + offset
        if allowed is not None:
            keep = np.isin(ids, allowed, assume_unique=True)
            ids, scores = ids[keep], scores[keep]
        ids_parts.append(ids)
        score_parts.append(scores)
    if not ids_parts:
        return Ranked([], 0)
    ids = np.concatenate(ids_parts)
    scores = np.concatenate(score_parts)
    return Ranked(_window(ids, scores, wanted), len(ids))


def _window(ids: np.ndarray, scores: np.ndarray, wanted: int) -> list[tuple[float, int]]:
    """The ``wanted`` best (score, docnum), score descending then docnum ascending; only the
    matches scoring at least the ``wanted``-th best score are sorted."""
    if wanted <= 0:
        return []
    if len(scores) > wanted:
        kth = np.partition(scores, len(scores) - wanted)[len(scores) - wanted]
        keep = scores >= kth
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))[:wanted]
    return [(float(scores[i]), int(ids[i])) for i in order]


_EMPTY_IDS = np.empty(0, dtype=np.int32)
_EMPTY_SCORES = np.empty(0, dtype=np.float64)


class _Scorer:
    """Evaluates a plan in one segment; the statistics are the whole index's, as Whoosh's."""

    def __init__(self, searcher: Any, cache: PostingsCache, weighting: BM25F) -> None:
        self._searcher = searcher
        self._cache = cache
        self._avgfl = searcher.avg_field_length(_FIELD) or 1
        self._b = weighting.B
        self._k1 = weighting.K1
        self._idf: dict[str, float] = {}

    def evaluate(self, node: Node, reader: Any) -> tuple[np.ndarray, np.ndarray]:
        """Sorted segment docnums matching ``node`` and their scores."""
        if isinstance(node, Leaf):
            return self._term(node.text, reader)
        a_ids, a_scores = self.evaluate(node.a, reader)
        if isinstance(node, Both) and not len(a_ids):
            return _EMPTY_IDS, _EMPTY_SCORES
        b_ids, b_scores = self.evaluate(node.b, reader)
        if isinstance(node, Both):
            ids, ia, ib = np.intersect1d(a_ids, b_ids, assume_unique=True, return_indices=True)
            return ids, a_scores[ia] + b_scores[ib]
        ids = np.union1d(a_ids, b_ids)
        # 0.0 + a + b == a + b and 0.0 + a == a: each passage's sum is Whoosh's.
        scores = np.zeros(len(ids), dtype=np.float64)
        scores[np.searchsorted(ids, a_ids)] += a_scores
        scores[np.searchsorted(ids, b_ids)] += b_scores
        return ids, scores

    def _term(self, text: str, reader: Any) -> tuple[np.ndarray, np.ndarray]:
        postings = self._cache.get(reader, _FIELD, text)
        if not len(postings.ids):
            return _EMPTY_IDS, _EMPTY_SCORES
        idf = self._idf.get(text)
        if idf is None:
            # The whole index's idf, once per query: what Whoosh's scorer asks its searcher.
            idf = self._idf[text] = self._searcher.idf(_FIELD, text)
        ids = np.frombuffer(postings.ids, dtype=np.int32)
        tf = np.frombuffer(postings.weights, dtype=np.float32).astype(np.float64)
        lengths = np.frombuffer(self._cache.lengths(reader, _FIELD), dtype=np.float64)
        b, k1 = self._b, self._k1
        # whoosh.scoring.bm25, operation for operation:
        # idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
        norm = k1 * ((1 - b) + b * lengths[ids] / self._avgfl)
        return ids, idf * ((tf * (k1 + 1)) / (tf + norm))
