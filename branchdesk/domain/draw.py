"""The random fixed pairing (随机固定结对), DESIGN.md §4.

Organ candidates are ordered strong → average → weak (ungraded last), grassroots candidates weak → average →
strong (ungraded last); each tier is shuffled with a seeded generator and the two sides are paired by
position, so the strongest organ branches meet the weakest grassroots branches first (BranchDesk's
positional reading of 以强带弱). Leftovers are listed, never dropped.

The generator must give the same pairs on every Python and platform for years, so it is spelled out here
rather than taken from :mod:`random`: algorithm version 1 is a Fisher–Yates shuffle whose random numbers are
the first 8 bytes (big-endian) of SHA-256("<seed>:<counter>"), rejection-sampled to avoid modulo bias, with
one counter running across the whole draw in the order the tiers are shuffled. docs/draw.md publishes it
exactly (with a reference script and test vectors): change nothing here without a new ALGORITHM_VERSION.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from branchdesk.domain.enums import Tier

ALGORITHM_VERSION = 1

ORGAN_TIER_ORDER: tuple[Tier | None, ...] = (Tier.STRONG, Tier.AVERAGE, Tier.WEAK, None)
GRASSROOTS_TIER_ORDER: tuple[Tier | None, ...] = (Tier.WEAK, Tier.AVERAGE, Tier.STRONG, None)

_SPACE = 1 << 64


@dataclass(frozen=True)
class Candidate:
    uuid: str
    tier: Tier | None


@dataclass(frozen=True)
class DrawnPair:
    organ: Candidate
    grassroots: Candidate


@dataclass(frozen=True)
class DrawResult:
    seed: str
    algorithm_version: int
    input_hash: str
    pairs: tuple[DrawnPair, ...]
    organ_leftovers: tuple[Candidate, ...]
    grassroots_leftovers: tuple[Candidate, ...]
    swaps: tuple[tuple[str, str], ...] = field(default=())

    @property
    def result_hash(self) -> str:
        return result_hash(self.pairs)

    def as_json(self) -> dict[str, Any]:
        """The draw as ``branchdesk-cli draw --json`` prints it and docs/draw_reference.py reads it: the
        seed and the candidates are all it takes to re-run it."""
        organs = [p.organ for p in self.pairs] + list(self.organ_leftovers)
        grassroots = [p.grassroots for p in self.pairs] + list(self.grassroots_leftovers)
        return {
            "seed": self.seed,
            "algorithm_version": self.algorithm_version,
            "input_hash": self.input_hash,
            "result_hash": self.result_hash,
            "candidates": json.loads(candidates_text(organs, grassroots)),
            "pairs": [[p.organ.uuid, p.grassroots.uuid] for p in self.pairs],
            "leftovers": {
                "organ": [c.uuid for c in self.organ_leftovers],
                "grassroots": [c.uuid for c in self.grassroots_leftovers],
            },
        }


class SeededSequence:
    """Uniform integers from SHA-256 of (seed, counter): stable across versions and platforms."""

    def __init__(self, seed: str) -> None:
        self._seed = seed
        self._counter = 0

    def _next64(self) -> int:
        digest = hashlib.sha256(f"{self._seed}:{self._counter}".encode()).digest()
        self._counter += 1
        return int.from_bytes(digest[:8], "big")

    def below(self, bound: int) -> int:
        """A uniform integer in ``[0, bound)``."""
        if bound <= 0:
            raise ValueError("bound must be positive")
        limit = _SPACE - _SPACE % bound
        while True:
            value = self._next64()
            if value < limit:
                return value % bound

    def shuffle(self, items: list[Candidate]) -> None:
        """Fisher–Yates, from the last position down."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def candidates_text(organs: Sequence[Candidate], grassroots: Sequence[Candidate]) -> str:
    """The sorted candidate uuids of each side with their tiers, as JSON: what a draw's record keeps of its
    input (so that it can be re-run) and what the input hash covers."""
    payload = {
        "organ": sorted([c.uuid, c.tier.value if c.tier else None] for c in organs),
        "grassroots": sorted([c.uuid, c.tier.value if c.tier else None] for c in grassroots),
    }
    return json.dumps(payload, separators=(",", ":"))


def parse_candidates(text: str) -> tuple[list[Candidate], list[Candidate]]:
    """The two sides of :func:`candidates_text`; ValueError when the text is not such a record."""
    try:
        payload = json.loads(text)
        sides = [
            [Candidate(str(uuid), None if tier is None else Tier(tier)) for uuid, tier in payload[side]]
            for side in ("organ", "grassroots")
        ]
    except (TypeError, KeyError, ValueError) as error:
        raise ValueError(f"not a draw's candidates: {error}") from None
    return sides[0], sides[1]


def input_hash(organs: Sequence[Candidate], grassroots: Sequence[Candidate]) -> str:
    """SHA-256 over the sorted candidate uuids of each side with their tiers."""
    return hashlib.sha256(candidates_text(organs, grassroots).encode()).hexdigest()


def result_hash(pairs: Sequence[DrawnPair]) -> str:
    payload = [[p.organ.uuid, p.grassroots.uuid] for p in pairs]
    return hashlib.sha256(json.dumps(payload, separators=(",", ":")).encode()).hexdigest()


def tier_groups(candidates: Sequence[Candidate], order: Sequence[Tier | None]) -> list[list[Candidate]]:
    """The candidates of each tier in ``order``, each sorted by uuid: the draw's input before shuffling,
    and the order a printed candidate list shows."""
    return [sorted((c for c in candidates if c.tier == tier), key=lambda c: c.uuid) for tier in order]


def _ordered(
    candidates: Sequence[Candidate], order: Sequence[Tier | None], rng: SeededSequence
) -> list[Candidate]:
    ordered: list[Candidate] = []
    for group in tier_groups(candidates, order):
        rng.shuffle(group)
        ordered.extend(group)
    return ordered


def draw(organs: Sequence[Candidate], grassroots: Sequence[Candidate], seed: str) -> DrawResult:
    """Pair unpaired candidates of one scope; the same inputs and seed always give the same result."""
    for side in (organs, grassroots):
        if len({c.uuid for c in side}) != len(side):
            raise ValueError("duplicate candidate")
    rng = SeededSequence(seed)
    organ_order = _ordered(organs, ORGAN_TIER_ORDER, rng)
    grassroots_order = _ordered(grassroots, GRASSROOTS_TIER_ORDER, rng)
    paired = min(len(organ_order), len(grassroots_order))
    return DrawResult(
        seed=seed,
        algorithm_version=ALGORITHM_VERSION,
        input_hash=input_hash(organs, grassroots),
        pairs=tuple(DrawnPair(o, g) for o, g in zip(organ_order, grassroots_order, strict=False)),
        organ_leftovers=tuple(organ_order[paired:]),
        grassroots_leftovers=tuple(grassroots_order[paired:]),
    )


def swap(result: DrawResult, organ_a: str, organ_b: str) -> DrawResult:
    """Exchange the grassroots partners of the pairs of two organ branches (a hand swap before commit)."""
    index = {pair.organ.uuid: i for i, pair in enumerate(result.pairs)}
    if organ_a not in index or organ_b not in index or organ_a == organ_b:
        raise ValueError("a swap needs two different drawn organ branches")
    pairs = list(result.pairs)
    i, j = index[organ_a], index[organ_b]
    pairs[i], pairs[j] = (
        DrawnPair(pairs[i].organ, pairs[j].grassroots),
        DrawnPair(pairs[j].organ, pairs[i].grassroots),
    )
    return DrawResult(
        seed=result.seed,
        algorithm_version=result.algorithm_version,
        input_hash=result.input_hash,
        pairs=tuple(pairs),
        organ_leftovers=result.organ_leftovers,
        grassroots_leftovers=result.grassroots_leftovers,
        swaps=(*result.swaps, (organ_a, organ_b)),
    )


def replay(
    organs: Sequence[Candidate],
    grassroots: Sequence[Candidate],
    seed: str,
    swaps: Sequence[tuple[str, str]] = (),
) -> DrawResult:
    """A past draw again: the same candidates and seed, then its recorded hand swaps in their order."""
    result = draw(organs, grassroots, seed)
    for organ_a, organ_b in swaps:
        result = swap(result, organ_a, organ_b)
    return result


def os_seed() -> str:
    """A seed drawn from the operating system's random source, short enough to read out and type."""
    return str(100_000_000 + secrets.randbelow(900_000_000))


@dataclass(frozen=True)
class Feasibility:
    """What a draw over these candidates will do, before it is run: counts by tier and what is left."""

    organ_tiers: dict[Tier | None, int]
    grassroots_tiers: dict[Tier | None, int]

    @property
    def organs(self) -> int:
        return sum(self.organ_tiers.values())

    @property
    def grassroots(self) -> int:
        return sum(self.grassroots_tiers.values())

    @property
    def pairs(self) -> int:
        return min(self.organs, self.grassroots)

    @property
    def organ_leftovers(self) -> int:
        return self.organs - self.pairs

    @property
    def grassroots_leftovers(self) -> int:
        return self.grassroots - self.pairs


def feasibility(organs: Sequence[Candidate], grassroots: Sequence[Candidate]) -> Feasibility:
    organ_counts = Counter(c.tier for c in organs)
    grassroots_counts = Counter(c.tier for c in grassroots)
    return Feasibility(
        organ_tiers={tier: organ_counts[tier] for tier in ORGAN_TIER_ORDER},
        grassroots_tiers={tier: grassroots_counts[tier] for tier in GRASSROOTS_TIER_ORDER},
    )


@dataclass(frozen=True)
class Difference:
    """The first pair where a recorded draw and the ledger disagree (1-based position in the draw).

    ``expected`` is what re-running the draw gives, ``found`` what the ledger holds for that organ branch
    (None: nothing there, or a pairing the draw did not make)."""

    position: int
    expected: tuple[str, str] | None
    found: tuple[str, str] | None


def first_difference(
    expected: Sequence[tuple[str, str]], found: Sequence[tuple[str, str]]
) -> Difference | None:
    """Compare a re-run draw's (organ uuid, grassroots uuid) pairs with the ledger's, in the draw's order;
    pairs the ledger holds beyond the draw's count as differing after them."""
    by_organ = dict(found)
    for position, (organ, grassroots) in enumerate(expected, start=1):
        partner = by_organ.pop(organ, None)
        if partner != grassroots:
            return Difference(position, (organ, grassroots), None if partner is None else (organ, partner))
    if by_organ:
        extra = sorted(by_organ.items())[0]
        return Difference(len(expected) + 1, None, extra)
    return None
