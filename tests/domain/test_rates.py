from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branchdesk.domain.rates import Rate, truncated_percent


@pytest.mark.parametrize(
    ("count", "total", "shown"),
    [
        (1083, 1127, "96.09"),  # the article's city-level optimisation rate
        (4498, 4522, "99.46"),  # the article's county-level optimisation rate
        (4521, 4522, "99.97"),  # one short of complete is never 100.00
        (4522, 4522, "100.00"),
        (5180, 5211, "99.40"),
        (0, 7, "0.00"),
        (1, 3, "33.33"),
        (2, 3, "66.66"),
    ],
)
def test_rates_are_truncated_to_two_decimals(count: int, total: int, shown: str) -> None:
    assert truncated_percent(count, total) == shown


def test_zero_denominator_has_no_rate() -> None:
    assert truncated_percent(0, 0) is None
    assert Rate(0, 0).as_dict() == {"count": 0, "total": 0, "rate": None}


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        truncated_percent(-1, 3)


@given(st.integers(min_value=1, max_value=10**7).flatmap(lambda t: st.tuples(st.integers(0, t), st.just(t))))
def test_matches_decimal_truncation_and_only_complete_is_100(pair: tuple[int, int]) -> None:
    count, total = pair
    expected = (Decimal(100) * count / total).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    shown = truncated_percent(count, total)
    assert shown == f"{expected:.2f}"
    assert (shown == "100.00") == (count == total)
