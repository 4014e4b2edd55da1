"""Counting hits: a ratio that renders as "0.873 (192/220)"."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Ratio:
    """Hits out of a total; empty totals render as "n/a"."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        """Count one case."""
        self.hits += int(hit)
        self.total += 1

    @property
    def value(self) -> float | None:
        """The share, or None when nothing was counted."""
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        if not self.total:
            return "n/a (0)"
        return f"{self.hits / self.total:.3f} ({self.hits}/{self.total})"
