"""Claims rendered once per corpus version: JSON per claim, in order, plus per-kind totals.

Claims are reconciled from every matching fact, so the service keeps them until the next write,
as bytes rather than objects (the objects of 40k claims at 20k articles hold ~120 MB), and
renders each claim as it is built so the objects never all exist at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from corpus.claims import Claim, claim_order
from service.schemas.answers import ClaimKindSummary, RangeOut, claim_out


@dataclass(slots=True)
class _KindTotals:
    claims: int = 0
    facts: int = 0
    disputed: int = 0
    lows: list[float] = field(default_factory=list)
    highs: list[float] = field(default_factory=list)

    def add(self, claim: Claim) -> None:
        self.claims += 1
        self.facts += sum(len(v.citations) for v in claim.values)
        self.disputed += claim.disputed
        if claim.range_min is not None:
            self.lows.append(claim.range_min)
        if claim.range_max is not None:
            self.highs.append(claim.range_max)

    def summary(self, kind: str) -> ClaimKindSummary:
        return ClaimKindSummary(
            kind=kind,
            claims=self.claims,
            facts=self.facts,
            disputed=self.disputed,
            range=RangeOut(min=min(self.lows, default=None), max=max(self.highs, default=None)),
        )


@dataclass(frozen=True, slots=True)
class RenderedClaims:
    """One field's (and kind's) claims, most cited first, and its per-kind totals."""

    json: tuple[bytes, ...]
    disputed: tuple[bool, ...]
    kinds: tuple[ClaimKindSummary, ...]

    @property
    def nbytes(self) -> int:
        """About what it holds, for the result cache's byte bound."""
        return sum(map(len, self.json)) + 8 * len(self.disputed) + 512 * len(self.kinds)

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> RenderedClaims:
        """Render ``claims`` (in any order) and total them per kind."""
        rendered: list[tuple[tuple[int, str, str, str, str], bool, bytes]] = []
        totals: dict[str, _KindTotals] = {}
        for claim in claims:
            totals.setdefault(claim.kind, _KindTotals()).add(claim)
            body = claim_out(claim).model_dump_json().encode()
            rendered.append((claim_order(claim), claim.disputed, body))
        rendered.sort(key=lambda item: item[0])
        return cls(
            json=tuple(body for _, _, body in rendered),
            disputed=tuple(disputed for _, disputed, _ in rendered),
            kinds=tuple(totals[kind].summary(kind) for kind in sorted(totals)),
        )
