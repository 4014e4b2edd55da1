"""Which segments a write merges: small ones only, newest first, keeping document order.

Whoosh's default policy (MERGE_SMALL) never fires for 1,000-article batches (~5,000 passages a
segment), so a bulk load leaves one segment per batch (~20 for 20k articles; rare-term searches
then take 1.27 ms against 0.57 ms on one segment). When it does fire (many small writes) it
merges the smallest segments wherever they stand and appends their documents after the new
ones, which breaks the rule that document numbers follow (article id, start), on which
equal-score ordering relies (see ``search.whoosh.index._top``).

Merging is expensive in Whoosh: in one run, optimising 8 batch segments (8k articles) took
305 s where indexing them took 142 s, and merging 4 batch segments inline made that batch's
request take 181 s instead of ~30 s. So bulk segments are never merged on the request path;
``factdesk reindex`` (a rebuild from the database in one writer: one segment, cheaper than
Whoosh's optimize) consolidates them offline.

Small segments (single-article posts, small batches) are merged log-structured: segments are
tiered by live size (tier = floor(log4(docs))); a write merges the newest run of segments whose
tier is not above its own when, with the new segment, the run holds ``MERGE_FACTOR`` of them,
cascading while the merged result completes a run one tier up, and never into a segment of
more than ``MAX_MERGED`` passages. Merged documents are added before any later ones, so order is
kept. Below the cap a passage is rewritten about log4(MAX_MERGED / write size) times and the
segment count stays within (MERGE_FACTOR - 1) per tier.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

MERGE_FACTOR = 4
MAX_MERGED = 4096  # passages: a merge never writes a larger segment (see the module docstring)


def tier(docs: int) -> int:
    """The size tier of a segment holding ``docs`` live documents."""
    return int(math.log(max(docs, 1), MERGE_FACTOR))


def merge_from(sizes: Sequence[int], incoming: int) -> int:
    """The index of the first segment (in index order, oldest first, sizes in live documents)
    to merge into a new segment of ``incoming`` documents; ``len(sizes)`` merges none."""
    start, merged = len(sizes), incoming
    while True:
        level = tier(merged)
        first = start
        while first > 0 and tier(sizes[first - 1]) <= level:
            first -= 1
        if start - first + 1 < MERGE_FACTOR or merged + sum(sizes[first:start]) > MAX_MERGED:
            return start
        merged += sum(sizes[first:start])
        start = first
