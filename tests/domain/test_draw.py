"""The draw (DESIGN.md §4): deterministic, one-to-one, strong organs with weak grassroots first."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branchdesk.domain.draw import (
    ALGORITHM_VERSION,
    GRASSROOTS_TIER_ORDER,
    ORGAN_TIER_ORDER,
    Candidate,
    SeededSequence,
    draw,
    swap,
)
from branchdesk.domain.enums import Tier

tiers = st.sampled_from([Tier.STRONG, Tier.AVERAGE, Tier.WEAK, None])


def side(prefix: str) -> st.SearchStrategy[list[Candidate]]:
    return st.lists(st.tuples(st.integers(0, 10**6), tiers), max_size=25, unique_by=lambda t: t[0]).map(
        lambda items: [Candidate(f"{prefix}-{n:07d}", tier) for n, tier in items]
    )


def reference_shuffle(items: list[str], seed: str, counter: int) -> tuple[list[str], int]:
    """The documented algorithm, written out again independently of the implementation."""
    items = list(items)
    for i in range(len(items) - 1, 0, -1):
        bound = i + 1
        while True:
            value = int.from_bytes(hashlib.sha256(f"{seed}:{counter}".encode()).digest()[:8], "big")
            counter += 1
            if value < 2**64 - 2**64 % bound:
                break
        j = value % bound
        items[i], items[j] = items[j], items[i]
    return items, counter


def test_matches_the_documented_algorithm() -> None:
    organs = [Candidate(f"o{i}", Tier.STRONG if i < 4 else Tier.WEAK) for i in range(7)]
    grassroots = [Candidate(f"g{i}", Tier.WEAK if i % 2 else Tier.AVERAGE) for i in range(9)]
    result = draw(organs, grassroots, "20220411")

    counter = 0
    expected_organs: list[str] = []
    for tier in ORGAN_TIER_ORDER:
        group = sorted(c.uuid for c in organs if c.tier == tier)
        shuffled, counter = reference_shuffle(group, "20220411", counter)
        expected_organs += shuffled
    expected_grassroots: list[str] = []
    for tier in GRASSROOTS_TIER_ORDER:
        group = sorted(c.uuid for c in grassroots if c.tier == tier)
        shuffled, counter = reference_shuffle(group, "20220411", counter)
        expected_grassroots += shuffled

    assert [(p.organ.uuid, p.grassroots.uuid) for p in result.pairs] == list(
        zip(expected_organs, expected_grassroots[:7], strict=True)
    )
    assert [c.uuid for c in result.grassroots_leftovers] == expected_grassroots[7:]
    assert result.algorithm_version == ALGORITHM_VERSION == 1


def test_generator_is_sha256_of_seed_and_counter() -> None:
    rng = SeededSequence("42")
    first = int.from_bytes(hashlib.sha256(b"42:0").digest()[:8], "big")
    assert rng.below(2**63) == first % 2**63


@given(side("o"), side("g"), st.text(min_size=1, max_size=12))
def test_draw_properties(organs: list[Candidate], grassroots: list[Candidate], seed: str) -> None:
    result = draw(organs, grassroots, seed)
    again = draw(list(reversed(organs)), list(reversed(grassroots)), seed)
    assert result == again  # input order does not matter, only the set and the seed

    organ_ids = [p.organ.uuid for p in result.pairs]
    grassroots_ids = [p.grassroots.uuid for p in result.pairs]
    assert len(set(organ_ids)) == len(organ_ids)
    assert len(set(grassroots_ids)) == len(grassroots_ids)
    assert len(result.pairs) == min(len(organs), len(grassroots))
    # every candidate is either paired or listed as a leftover, never dropped
    assert sorted(organ_ids + [c.uuid for c in result.organ_leftovers]) == sorted(c.uuid for c in organs)
    assert sorted(grassroots_ids + [c.uuid for c in result.grassroots_leftovers]) == sorted(
        c.uuid for c in grassroots
    )
    assert not (result.organ_leftovers and result.grassroots_leftovers)
    # strongest organs meet the weakest grassroots first
    organ_ranks = [ORGAN_TIER_ORDER.index(p.organ.tier) for p in result.pairs]
    grassroots_ranks = [GRASSROOTS_TIER_ORDER.index(p.grassroots.tier) for p in result.pairs]
    assert organ_ranks == sorted(organ_ranks)
    assert grassroots_ranks == sorted(grassroots_ranks)


def test_input_hash_covers_tiers_and_result_hash_covers_pairs() -> None:
    organs = [Candidate("o1", Tier.STRONG), Candidate("o2", Tier.STRONG)]
    grassroots = [Candidate("g1", Tier.WEAK), Candidate("g2", Tier.WEAK)]
    first = draw(organs, grassroots, "7")
    regraded = draw([Candidate("o1", Tier.AVERAGE), organs[1]], grassroots, "7")
    assert first.input_hash != regraded.input_hash
    swapped = swap(first, "o1", "o2")
    assert swapped.swaps == (("o1", "o2"),)
    assert swapped.result_hash != first.result_hash
    assert {(p.organ.uuid, p.grassroots.uuid) for p in swapped.pairs} == {
        (first.pairs[0].organ.uuid, first.pairs[1].grassroots.uuid),
        (first.pairs[1].organ.uuid, first.pairs[0].grassroots.uuid),
    }
    with pytest.raises(ValueError, match="two different"):
        swap(first, "o1", "o1")


def test_different_seeds_give_different_orders() -> None:
    organs = [Candidate(f"o{i:02d}", Tier.STRONG) for i in range(20)]
    grassroots = [Candidate(f"g{i:02d}", Tier.WEAK) for i in range(20)]
    assert draw(organs, grassroots, "1").pairs != draw(organs, grassroots, "2").pairs
