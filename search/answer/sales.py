"""The two sides of a sale, for "Who sold ...?" and "Which company is buying ...?" answered from
a sentence that tells the sale from the other side: "<Buyer> acquired <Thing> from <Seller>"
names the seller after "from", "<Seller> agreed to sell <Thing> to <Buyer>" the buyer after
"to". A question asking for one side is then answered by the name in that place, though the
sentence never uses the question's verb."""

from __future__ import annotations

import re
from collections.abc import Set
from functools import cache

from search.answer.questions import stems_of

_SELL = "sell sells selling sold"
_BUY = "buy buys buying bought acquire acquires acquiring acquired acquisition purchase"
_BUY += " purchases purchasing purchased takeover takeovers"
_VERB = re.compile(r"[a-z]+")


@cache
def _sides() -> tuple[frozenset[str], frozenset[str]]:
    return stems_of(_SELL), stems_of(_BUY)


def buying_words() -> frozenset[str]:
    """The stems of the words a purchase is told with ("buy", "acquired", "acquisition",
    "takeover"): a question's "buy" is matched by an article's "acquire"."""
    return _sides()[1]


def other_side(sentence: str, start: int, terms: Set[str]) -> bool:
    """Whether the name at ``start`` of ``sentence`` is the side of a sale the question asks
    for, written from the other side: after "from" when a buying verb comes before it and the
    question asks who sold; after "to" when a selling verb does and it asks who buys."""
    sell, buy = _sides()
    before = sentence[:start]
    m = re.search(r"\b(from|to)\s+(?:the\s+)?<?$", before)
    if m is None:
        return False
    verbs = {stem for word in _VERB.findall(before[: m.start()]) for stem in stems_of(word)}
    if m[1] == "from":
        return bool(terms & sell) and bool(verbs & buy) and not terms & buy
    return bool(terms & buy) and bool(verbs & sell) and not terms & sell
