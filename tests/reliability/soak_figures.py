"""What one soak round of battery 3 found: the items the writers added, and the figures."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Item:
    """One company or note a writer added, and what its writer last saw of it."""

    writer: str
    kind: str  # "company" or "note"
    text: str
    committed_at: float | None = None
    present: bool = False
    undone: bool = False
    shown_at: dict[str, float] = field(default_factory=dict)
    behind_form: set[str] = field(default_factory=set)
    """The windows that had a form open over the board when it committed."""


@dataclass
class Result:
    """The figures of one soak."""

    seconds: float
    edits: dict[str, int]
    items: list[Item]
    lost: list[str]
    resurrected: list[str]
    dropped: list[str]
    undo_kept: list[str]
    failures: list[str]
    latencies: list[float]
    missing: list[str]
    integrity: str
    foreign_key_errors: int
    behind_form: int = 0
    """Sightings in a window that had a form open over the board when the row committed."""
    changes_logged: list[int] = field(default_factory=list)
    """Change-log entries per writer (each window, the CLI), as committed: moves included."""

    @property
    def max_latency(self) -> float:
        return max(self.latencies, default=0.0)

    @property
    def p95_latency(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0

    def summary(self) -> str:
        return (
            f"{self.seconds:.0f} s of edits; edits {self.edits}; "
            f"{sum(i.kind == 'company' for i in self.items)} companies and "
            f"{sum(i.kind == 'note' for i in self.items)} notes, "
            f"{sum(i.undone for i in self.items)} undone by their writer; "
            f"lost {len(self.lost)}, resurrected {len(self.resurrected)}, dropped "
            f"{len(self.dropped)}, undo kept {len(self.undo_kept)}; failures "
            f"{len(self.failures)}; {len(self.latencies)} sightings "
            f"({self.behind_form} behind an open form), max "
            f"{self.max_latency * 1000:.0f} ms, p95 {self.p95_latency * 1000:.0f} ms, missing "
            f"{len(self.missing)}; integrity {self.integrity}, foreign-key errors "
            f"{self.foreign_key_errors}; change-log entries per writer {self.changes_logged}"
        )
