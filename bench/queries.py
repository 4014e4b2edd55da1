"""Query pools for the four search classes, drawn from a generated corpus's own vocabulary.

Document frequencies are counted over passages (surface words, lower-cased, stop words out).
Every pool is split into disjoint parts (warm-up, one client, eight clients) so that no query
repeats inside a measurement: a result cache would otherwise turn a search benchmark into a cache
benchmark. The repeated-query measurement asks one query of its own on purpose.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from whoosh.analysis import STOP_WORDS

CLASSES = ("rare", "common", "and", "phrase")
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True, slots=True)
class QueryPools:
    """Per class: warm-up queries, single-client queries, concurrent queries; plus df ranges."""

    warmup: dict[str, list[str]]
    single: dict[str, list[str]]
    concurrent: dict[str, list[str]]
    describe: dict[str, str]
    repeated: str


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS]


def build_pools(
    passages: Sequence[str], *, single: int, concurrent: int, seed: int = 5
) -> QueryPools:
    """Pools of ``single`` and ``concurrent`` distinct queries per class from ``passages``."""
    rng = random.Random(seed)
    warmup = 8
    need = warmup + single + concurrent + 1
    tokenised = [_words(p) for p in passages]
    df: Counter[str] = Counter()
    for words in tokenised:
        df.update(set(words))
    n = len(passages)

    rare = sorted(w for w, c in df.items() if 2 <= c <= 8)
    common_all = [w for w, _ in df.most_common(max(need * 2, 300))]
    common = common_all[: max(need, 150)]
    terms = {
        "rare": rng.sample(rare, min(need, len(rare))),
        "common": rng.sample(common, min(need, len(common))),
        "and": _pairs(rng, tokenised, df, need, min_df=max(20, n // 500)),
        "phrase": _bigrams(rng, passages, need),
    }
    pools: dict[str, list[list[str]]] = {}
    for cls, queries in terms.items():
        rng.shuffle(queries)
        head, rest = queries[:warmup], queries[warmup:]
        pools[cls] = [head, rest[:single], rest[single : single + concurrent]]
    # The repeated query: a mid-frequency word no pool uses.
    used = {q for qs in terms.values() for q in qs}
    repeated = next(w for w, c in df.most_common(600)[300:] if w not in used)
    describe = {
        "rare": "one word in 2–8 passages of the smallest corpus",
        "common": f"one of the {len(common)} most frequent non-stop words "
        f"(df {df[common[-1]]}–{df[common[0]]} of {n} passages)",
        "and": f"two co-occurring words, each in ≥ {max(20, n // 500)} passages, joined by AND",
        "phrase": "two adjacent non-stop words from a passage, quoted",
    }
    return QueryPools(
        warmup={c: p[0] for c, p in pools.items()},
        single={c: p[1] for c, p in pools.items()},
        concurrent={c: p[2] for c, p in pools.items()},
        describe=describe,
        repeated=repeated,
    )


def _pairs(
    rng: random.Random, tokenised: list[list[str]], df: Counter[str], need: int, min_df: int
) -> list[str]:
    seen: set[str] = set()
    for _ in range(need * 50):
        if len(seen) >= need:
            break
        words = sorted({w for w in rng.choice(tokenised) if df[w] >= min_df})
        if len(words) >= 2:
            a, b = rng.sample(words, 2)
            seen.add(f"{a} AND {b}")
    return sorted(seen)


def _bigrams(rng: random.Random, passages: Sequence[str], need: int) -> list[str]:
    seen: set[str] = set()
    for _ in range(need * 50):
        if len(seen) >= need:
            break
        tokens = re.findall(r"[^\W\d_]+|\S", rng.choice(passages).lower())
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(tokens)
            if _WORD.fullmatch(a) and _WORD.fullmatch(b) and STOP_WORDS.isdisjoint((a, b))
        ]
        if pairs:
            a, b = rng.choice(pairs)
            seen.add(f'"{a} {b}"')
    return sorted(seen)


def fts5_query(query: str) -> str:
    """The same query in SQLite FTS5 syntax (terms quoted so no word is read as an operator)."""
    if query.startswith('"'):
        return query
    return " AND ".join(f'"{term}"' for term in query.split(" AND "))
