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
    Difference,
    SeededSequence,
    candidates_text,
    draw,
    feasibility,
    first_difference,
    input_hash,
    os_seed,
    parse_candidates,
    replay,
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


def test_a_fixed_seed_and_input_give_a_pinned_result() -> None:
    """Any change to the algorithm changes these pairs: then it is a new ALGORITHM_VERSION."""
    cycle = [Tier.STRONG, Tier.AVERAGE, Tier.WEAK, None]
    organs = [Candidate(f"o{i}", cycle[i % 4]) for i in range(6)]
    grassroots = [Candidate(f"g{i}", cycle[i * 3 % 4]) for i in range(8)]
    result = draw(organs, grassroots, "20220411")
    assert [(p.organ.uuid, p.grassroots.uuid) for p in result.pairs] == [
        ("o0", "g2"), ("o4", "g6"), ("o1", "g7"), ("o5", "g3"), ("o2", "g0"), ("o3", "g4"),
    ]  # fmt: skip
    assert [c.uuid for c in result.grassroots_leftovers] == ["g5", "g1"]
    assert result.input_hash == "21471a15b62b1af47980ceb3596ac410a0804f174c10c2ebef144a19015884c7"
    assert result.result_hash == "1339ac777cba03750cf1147fec2421bfc71efcc8ab3404058feeaf34c69b909c"


@given(side("o"), side("g"), st.text(min_size=1, max_size=12), st.data())
def test_a_draw_replays_from_its_recorded_candidates_and_swaps(
    organs: list[Candidate], grassroots: list[Candidate], seed: str, data: st.DataObject
) -> None:
    result = draw(organs, grassroots, seed)
    drawn = [p.organ.uuid for p in result.pairs]
    if len(drawn) >= 2:
        for _ in range(data.draw(st.integers(0, 3))):
            a, b = data.draw(st.lists(st.sampled_from(drawn), min_size=2, max_size=2, unique=True))
            result = swap(result, a, b)
    kept_organs, kept_grassroots = parse_candidates(candidates_text(organs, grassroots))
    again = replay(kept_organs, kept_grassroots, seed, result.swaps)
    assert again == result
    assert input_hash(kept_organs, kept_grassroots) == result.input_hash
    plan = feasibility(organs, grassroots)
    assert (plan.pairs, plan.organ_leftovers, plan.grassroots_leftovers) == (
        len(result.pairs),
        len(result.organ_leftovers),
        len(result.grassroots_leftovers),
    )


def test_first_difference_names_the_first_pair_that_differs() -> None:
    expected = [("o1", "g1"), ("o2", "g2"), ("o3", "g3")]
    assert first_difference(expected, list(reversed(expected))) is None
    assert first_difference(expected, [("o1", "g1"), ("o2", "g3"), ("o3", "g2")]) == Difference(
        2, ("o2", "g2"), ("o2", "g3")
    )
    assert first_difference(expected, expected[:2]) == Difference(3, ("o3", "g3"), None)
    assert first_difference(expected, [*expected, ("o9", "g9")]) == Difference(4, None, ("o9", "g9"))


def test_parse_candidates_refuses_what_is_not_a_record() -> None:
    for text in ("", "[]", '{"organ": [["a", "excellent"]], "grassroots": []}'):
        with pytest.raises(ValueError, match="candidates"):
            parse_candidates(text)


def test_os_seeds_are_nine_digits_and_vary() -> None:
    seeds = {os_seed() for _ in range(20)}
    assert all(len(seed) == 9 and seed.isdigit() for seed in seeds)
    assert len(seeds) > 1
