"""Exact BM25 top-k for an OR of terms, without scoring every passage that has a common word.

Whoosh's collector scores each posting of every term in Python: an OR with "killed" (in 45k of
105k passages) costs 100+ ms even when the top passages all contain a rarer word. This is
"MaxScore" done per query: take the passages of the rarest terms as candidates and score them
fully; once the k-th best candidate beats the most that the remaining (common) terms could give
a passage together (each term's BM25 upper bound, from its maximum frequency and minimum field
length), no passage without a rare term can enter the top k, and the common terms' postings are
only looked up, never walked. The result equals Whoosh's ``search(Or(terms), limit=k)``:
same scores (Whoosh's BM25F formula and statistics), ties by lower document number.

A term's postings per segment are read once and kept (segments never change; a segment's
deletions only grow, so the deleted count is part of the key) in a cache bounded by postings.
"""

from __future__ import annotations

import heapq
import math
import threading
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

POSTINGS_BUDGET = 4_000_000  # ~32 MB of (docnum, frequency) pairs kept across queries


@dataclass(frozen=True, slots=True)
class _Postings:
    """One term's live postings in one segment: ascending segment docnums, frequencies."""

    ids: array[int]
    weights: array[float]

    def weight(self, docnum: int) -> float:
        i = bisect_left(self.ids, docnum)
        return self.weights[i] if i < len(self.ids) and self.ids[i] == docnum else 0.0


class PostingsCache:
    """Least-recently-used postings lists, bounded by their total length."""

    def __init__(self, budget: int = POSTINGS_BUDGET) -> None:
        self._lists: OrderedDict[tuple[Any, ...], _Postings] = OrderedDict()
        self._size = 0
        self._budget = budget
        self._lock = threading.Lock()
        self._lengths: dict[tuple[Any, ...], array[float]] = {}
        self._terms: dict[tuple[Any, ...], _Term] = {}

    def get(self, reader: Any, fieldname: str, term: str) -> _Postings:
        """``term``'s postings in the segment ``reader`` reads, deleted documents left out."""
        segment = reader.segment()
        key = (segment.segment_id(), segment.deleted_count(), fieldname, term)
        with self._lock:
            found = self._lists.get(key)
            if found is not None:
                self._lists.move_to_end(key)
                return found
        postings = _read(reader, fieldname, term)
        with self._lock:
            if key not in self._lists:
                self._lists[key] = postings
                self._size += len(postings.ids)
            while self._size > self._budget and len(self._lists) > 1:
                _, dropped = self._lists.popitem(last=False)
                self._size -= len(dropped.ids)
        return postings

    def term(self, searcher: Any, fieldname: str, text: str) -> _Term:
        """A term's statistics for this searcher's set of segments (idf and bounds are
        index-wide: recomputing them per query cost ~1 ms a term)."""
        segments = tuple(
            (sub.reader().segment().segment_id(), sub.reader().segment().deleted_count())
            for sub, _ in searcher.leaf_searchers()
        )
        key = (segments, fieldname, text)
        with self._lock:
            found = self._terms.get(key)
        if found is None:
            found = _statistics(searcher, fieldname, text)
            with self._lock:
                if len(self._terms) > _TERMS:
                    self._terms.clear()
                self._terms[key] = found
        return found

    def lengths(self, reader: Any, fieldname: str) -> array[float]:
        """The segment's per-document field lengths (a segment never changes)."""
        key = (reader.segment().segment_id(), fieldname)
        with self._lock:
            found = self._lengths.get(key)
        if found is None:
            found = _lengths(reader, fieldname)
            with self._lock:
                if len(self._lengths) > _SEGMENTS:
                    self._lengths.clear()  # merged-away segments: start again
                self._lengths[key] = found
        return found


_SEGMENTS = 256
_TERMS = 50_000


def _statistics(searcher: Any, fieldname: str, text: str) -> _Term:
    frequency = searcher.doc_frequency(fieldname, text)
    if not frequency:
        return _Term(text, 0.0, 0.0, 0)
    bound = searcher.weighting.scorer(searcher, fieldname, text).max_quality()
    return _Term(text, searcher.idf(fieldname, text), bound, frequency)


_BYTE_LENGTHS = [float(byte_to_length(byte)) for byte in range(256)]


def _lengths(reader: Any, fieldname: str) -> array[float]:
    """Every document's field length as Whoosh scores it (stored in one byte, decoded)."""
    count = reader.doc_count_all()
    try:
        # The length column's raw bytes in one read (whoosh-reloaded 2.7.5 internals): a call
        # per document took ~0.7 s for 105k passages.
        column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        if column._fixedlen != 1:
            raise AttributeError("not a one-byte length column")
        stored = min(column._count, count)
        raw = column._dbfile.get(column._basepos, stored) if stored else b""
    except AttributeError:
        lengths = (reader.doc_field_length(docnum, fieldname, 0) or 0 for docnum in range(count))
        return array("d", (float(length) for length in lengths))
    decoded = array("d", (_BYTE_LENGTHS[byte] for byte in raw))
    decoded.extend([0.0] * (count - len(decoded)))
    return decoded


def _read(reader: Any, fieldname: str, term: str) -> _Postings:
    ids: array[int] = array("i")  # segment docnums fit in 32 bits
    weights: array[float] = array("f")  # frequencies, stored as float32 by Whoosh too
    if (fieldname, term) not in reader:
        return _Postings(ids, weights)
    matcher = reader.postings(fieldname, term)  # wrapped to skip deleted documents, if any
    if isinstance(matcher, W3LeafMatcher):
        # A block at a time (whoosh-reloaded 2.7.5 internals): 4x faster than a call per
        # posting on short lists, and reading a term's postings is a cold question's main cost.
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.extend(matcher._ids)
            weights.extend(matcher._weights)  # numbers; array('f') converts in C
            matcher._next_block()
        return _Postings(ids, weights)
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return _Postings(ids, weights)


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    idf: float
    bound: float  # the most this term adds to any passage's score
    frequency: int  # passages containing it (deleted ones included, as in Whoosh's idf)


def top_documents(
    searcher: Any, fieldname: str, terms: Sequence[str], k: int, cache: PostingsCache
) -> list[tuple[float, int]]:
    """The ``k`` best (score, docnum) for an OR of ``terms`` (analyzed index terms), best first,
    ties by docnum: what ``searcher.search(Or(terms), limit=k)`` ranks."""
    weighting = searcher.weighting
    if not isinstance(weighting, BM25F) or k <= 0:
        raise ValueError("top_documents needs BM25F weighting and k >= 1")
    if searcher.doc_count_all() == 0:
        return []  # an empty index's reader has no segment to key postings on
    plan = _plan(searcher, fieldname, terms, cache)
    avgfl = searcher.avg_field_length(fieldname) or 1
    b, k1 = weighting.B, weighting.K1
    k1_plus_1, one_minus_b = k1 + 1, 1 - b  # bm25() below is Whoosh's, inlined
    leaves = [(sub.reader(), offset) for sub, offset in searcher.leaf_searchers()]
    top: list[tuple[float, int]] = []  # min-heap of the k best (score, -docnum) so far
    floor = -math.inf  # a passage scoring below this cannot enter the top k
    scored: set[int] = set()
    for n, term in enumerate(plan):
        later = plan[n + 1 :]
        rest = sum(t.bound for t in later)
        if term.bound + rest < floor:
            break  # no passage without a rarer term can reach the k-th score
        for reader, offset in leaves:
            own = cache.get(reader, fieldname, term.text)
            others = [(t.idf, t.bound, cache.get(reader, fieldname, t.text)) for t in later]
            lengths = cache.lengths(reader, fieldname)
            idf = term.idf
            for docnum, weight in zip(own.ids, own.weights, strict=True):
                if docnum + offset in scored:
                    continue  # has a rarer term: scored with every term already
                # A new passage has none of the rarer terms: only this and later ones count,
                # and it is dropped as soon as even all the terms left could not lift it.
                norm = k1 * (one_minus_b + b * lengths[docnum] / avgfl)
                score = idf * ((weight * k1_plus_1) / (weight + norm))
                left = rest
                for other_idf, bound, postings in others:
                    if score + left < floor:
                        break
                    left -= bound
                    other = postings.weight(docnum)
                    if other:
                        score += other_idf * ((other * k1_plus_1) / (other + norm))
                else:
                    entry = (score, -(docnum + offset))
                    if len(top) < k:
                        heapq.heappush(top, entry)
                    elif entry > top[0]:
                        heapq.heapreplace(top, entry)
                    if len(top) >= k:
                        floor = top[0][0] - _SLACK
            scored.update(docnum + offset for docnum in own.ids)
    return [(score, -negated) for score, negated in sorted(top, reverse=True)]


_SLACK = 1e-9  # float sums in another order than Whoosh's must not decide a tie


def _plan(searcher: Any, fieldname: str, terms: Sequence[str], cache: PostingsCache) -> list[_Term]:
    """The query's terms that occur, rarest first (their passages become candidates first)."""
    plan = []
    for text in dict.fromkeys(terms):
        term = cache.term(searcher, fieldname, text)
        if term.frequency:
            plan.append(term)
    return sorted(plan, key=lambda t: (t.frequency, t.text))
