"""Rates as the programme reports them (DESIGN.md §3).

Rates are truncated, not rounded, to two decimals in integer arithmetic: 4521/4522 is 99.97 %, and only a
complete count is 100.00 %. A zero denominator has no rate ("—").
"""

from __future__ import annotations

from dataclasses import dataclass


def truncated_percent(count: int, total: int) -> str | None:
    """``count/total`` as a percentage string with two decimals, truncated; ``None`` when ``total`` is 0."""
    if total < 0 or count < 0:
        raise ValueError("counts cannot be negative")
    if total == 0:
        return None
    hundredths = 10000 * count // total
    return f"{hundredths // 100}.{hundredths % 100:02d}"


@dataclass(frozen=True)
class Rate:
    count: int
    total: int

    @property
    def percent(self) -> str | None:
        return truncated_percent(self.count, self.total)

    def as_dict(self) -> dict[str, int | str | None]:
        return {"count": self.count, "total": self.total, "rate": self.percent}
