"""The draw (随机固定结对, DESIGN.md §4) as use cases: candidates and feasibility, preview with hand swaps,
commit as one undoable action, re-running a past draw from its record, and the record itself."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from branchdesk.domain.changes import Changed
from branchdesk.domain.draw import (
    ALGORITHM_VERSION,
    GRASSROOTS_TIER_ORDER,
    ORGAN_TIER_ORDER,
    Candidate,
    Difference,
    DrawResult,
    Feasibility,
    candidates_text,
    draw,
    feasibility,
    first_difference,
    input_hash,
    parse_candidates,
    replay,
    swap,
    tier_groups,
)
from branchdesk.domain.enums import BranchKind, PairingMethod, RegionLevel, Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.pairing_list import UnpairedBranch
from branchdesk.domain.records import Region
from branchdesk.services.history import changed
from branchdesk.services.pairings import check_start
from branchdesk.storage import pairing_list
from branchdesk.storage import pairings as store
from branchdesk.storage import regions as region_store
from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class DrawCandidates:
    """The unpaired branches of a county on both sides, as the draw takes them."""

    scope: Region
    organs: tuple[UnpairedBranch, ...]
    grassroots: tuple[UnpairedBranch, ...]

    def sides(self) -> tuple[list[Candidate], list[Candidate]]:
        return (
            [Candidate(b.uuid, b.tier) for b in self.organs],
            [Candidate(b.uuid, b.tier) for b in self.grassroots],
        )

    @property
    def feasibility(self) -> Feasibility:
        return feasibility(*self.sides())

    @property
    def input_hash(self) -> str:
        return input_hash(*self.sides())

    def in_list_order(self) -> tuple[list[UnpairedBranch], list[UnpairedBranch]]:
        """Each side by tier in the draw's order, by uuid inside a tier: the order in which the draw takes
        them before shuffling, and in which the printed candidate list shows them."""
        names = {b.uuid: b for b in (*self.organs, *self.grassroots)}
        organs, grassroots = self.sides()
        return (
            [names[c.uuid] for group in tier_groups(organs, ORGAN_TIER_ORDER) for c in group],
            [names[c.uuid] for group in tier_groups(grassroots, GRASSROOTS_TIER_ORDER) for c in group],
        )


@dataclass(frozen=True)
class TriedSeed:
    """A seed previewed for a scope (kept in the ledger, printed on the draw's record)."""

    seed: str
    result_hash: str  # before any hand swap
    previewed_at: dt.datetime


@dataclass(frozen=True)
class NamedPair:
    position: int  # 1-based, in the draw's order
    organ: UnpairedBranch
    organ_tier: Tier | None  # the tier the draw used
    grassroots: UnpairedBranch
    grassroots_tier: Tier | None


@dataclass(frozen=True)
class DrawPreview:
    """A draw run but not yet committed, with the names to show it by."""

    candidates: DrawCandidates
    result: DrawResult

    @property
    def names(self) -> dict[str, UnpairedBranch]:
        return {b.uuid: b for b in (*self.candidates.organs, *self.candidates.grassroots)}

    def pairs(self) -> list[NamedPair]:
        return _named_pairs(self.result, self.names)

    def leftovers(self) -> tuple[list[UnpairedBranch], list[UnpairedBranch]]:
        names = self.names
        return (
            [names[c.uuid] for c in self.result.organ_leftovers],
            [names[c.uuid] for c in self.result.grassroots_leftovers],
        )


def _named_pairs(result: DrawResult, names: dict[str, UnpairedBranch]) -> list[NamedPair]:
    return [
        NamedPair(i, names[p.organ.uuid], p.organ.tier, names[p.grassroots.uuid], p.grassroots.tier)
        for i, p in enumerate(result.pairs, start=1)
    ]


def _region(ledger: Ledger, region_id: int) -> Region:
    region = next((r for r in region_store.all_regions(ledger) if r.id == region_id), None)
    if region is None:
        raise BranchDeskError("row.missing", table="region", id=region_id)
    return region


def counties(ledger: Ledger) -> list[Region]:
    """The scopes a draw can have."""
    return [r for r in region_store.all_regions(ledger) if r.level is RegionLevel.COUNTY]


def draw_candidates(ledger: Ledger, region_id: int) -> DrawCandidates:
    """A county's unpaired organ and grassroots branches (not archived; grids of a community assigned to a
    unit are left to that unit)."""
    scope = _region(ledger, region_id)
    if scope.level is not RegionLevel.COUNTY:
        raise BranchDeskError("draw.scope_not_county", region=scope.path)
    return DrawCandidates(
        scope,
        pairing_list.unpaired(ledger, region_id, organ_side=True, for_draw=True).branches,
        pairing_list.unpaired(ledger, region_id, organ_side=False, for_draw=True).branches,
    )


def preview_draw(ledger: Ledger, region_id: int, seed: str) -> DrawPreview:
    """A draw run but not committed. Any text is a seed (dice throws, a lottery result…), without the
    spaces around it. Each preview on a writable ledger is kept, to be printed on the draw's record."""
    seed = seed.strip()
    if not seed:
        raise BranchDeskError("draw.no_seed")
    candidates = draw_candidates(ledger, region_id)
    if candidates.feasibility.pairs == 0:
        raise BranchDeskError("draw.nothing_to_draw", region=candidates.scope.path)
    result = draw(*candidates.sides(), seed)
    if not ledger.read_only:
        store.keep_preview(ledger, region_id, result)
    return DrawPreview(candidates, result)


def _tried(rows: list[dict[str, Any]]) -> tuple[TriedSeed, ...]:
    return tuple(
        TriedSeed(row["seed"], row["result_hash"], dt.datetime.fromisoformat(row["previewed_at"]))
        for row in rows
    )


def tried_seeds(ledger: Ledger, candidates: DrawCandidates) -> tuple[TriedSeed, ...]:
    """The seeds previewed for these candidates of their scope since the candidates last changed."""
    return _tried(store.previews(ledger, candidates.scope.id, candidates.input_hash))


def swap_pairs(preview: DrawPreview, first: int, second: int) -> DrawPreview:
    """Exchange the grassroots partners of two previewed pairs (0-based rows); the swap is recorded."""
    pairs = preview.result.pairs
    swapped = swap(preview.result, pairs[first].organ.uuid, pairs[second].organ.uuid)
    return dataclasses.replace(preview, result=swapped)


def commit_draw(ledger: Ledger, preview: DrawPreview, started_on: dt.date) -> Changed:
    """Record the draw and its pairs as one action; refused when the candidates changed since the preview
    (someone paired, archived or regraded a branch meanwhile). Pairs made before stay as they are."""
    scope = preview.candidates.scope
    with ledger.operation("draw.commit") as op:
        current = draw_candidates(ledger, scope.id)
        if current.input_hash != preview.result.input_hash:
            raise BranchDeskError("draw.stale", region=scope.path)
        ids = {b.uuid: b.id for b in (*current.organs, *current.grassroots)}
        paired = [
            ids[uuid] for pair in preview.result.pairs for uuid in (pair.organ.uuid, pair.grassroots.uuid)
        ]
        check_start(ledger, started_on, paired)
        draw_id = store.insert_draw(
            ledger, scope.id, preview.result, candidates_text(*current.sides()), ledger.now()
        )
        for pair in preview.result.pairs:
            store.add_pairing(
                ledger,
                ids[pair.organ.uuid],
                ids[pair.grassroots.uuid],
                started_on,
                method=PairingMethod.DRAW,
                draw_id=draw_id,
            )
    return dataclasses.replace(changed(ledger, op), subject=scope.name)


def committed_draw_id(ledger: Ledger, done: Changed) -> int:
    """The id of the draw a ``draw.commit`` action recorded."""
    draw_id = store.draw_of_operation(ledger, done.operation_id)
    if draw_id is None:
        raise BranchDeskError("draw.not_found", id="?")
    return draw_id


@dataclass(frozen=True)
class DrawRecord:
    """A committed draw re-run from its record (抽签记录): what a printed record shows."""

    id: int
    scope: Region
    drawn_at: dt.datetime
    seed: str
    algorithm_version: int
    input_hash: str
    result_hash: str
    swaps: tuple[tuple[UnpairedBranch, UnpairedBranch], ...]  # organ branches whose partners were exchanged
    tried: tuple[TriedSeed, ...]  # the seeds previewed for its candidates before it was committed
    pairs: tuple[NamedPair, ...]
    organ_leftovers: tuple[UnpairedBranch, ...]
    grassroots_leftovers: tuple[UnpairedBranch, ...]
    difference: Difference | None  # the first pair where the ledger differs from the re-run; None: none
    recorded_hash_matches: bool  # the re-run's result hash is the one recorded

    @property
    def matches(self) -> bool:
        return self.difference is None and self.recorded_hash_matches


def _replayed(ledger: Ledger, draw_id: int) -> tuple[dict[str, Any], DrawResult]:
    row = store.draw(ledger, draw_id)
    if row is None:
        raise BranchDeskError("draw.not_found", id=draw_id)
    if row["candidates"] is None:
        raise BranchDeskError("draw.not_verifiable", id=draw_id)
    if row["algorithm_version"] != ALGORITHM_VERSION:
        raise BranchDeskError("draw.unknown_algorithm", id=draw_id, version=row["algorithm_version"])
    try:
        organs, grassroots = parse_candidates(row["candidates"])
        swaps = [(str(a), str(b)) for a, b in json.loads(row["swaps"])]
        result = replay(organs, grassroots, row["seed"], swaps)
    except ValueError:
        raise BranchDeskError("draw.record_damaged", id=draw_id) from None
    if result.input_hash != row["input_hash"]:
        # The candidates kept with the draw are not those it hashed: the record itself was altered.
        raise BranchDeskError("draw.record_damaged", id=draw_id)
    return row, result


def draw_record(ledger: Ledger, draw_id: int) -> DrawRecord:
    """Re-run draw ``draw_id`` from its record (candidates, seed, algorithm, swaps) and compare the pairs
    with those the ledger holds for it."""
    row, result = _replayed(ledger, draw_id)
    found = store.draw_pairs(ledger, draw_id)
    difference = first_difference([(p.organ.uuid, p.grassroots.uuid) for p in result.pairs], found)
    uuids = [c.uuid for c in (*result.organ_leftovers, *result.grassroots_leftovers)]
    uuids += [u for p in result.pairs for u in (p.organ.uuid, p.grassroots.uuid)]
    uuids += [u for pair in found for u in pair]
    names = store.branches_by_uuid(ledger, uuids)
    names.update({u: _missing(u) for u in uuids if u not in names})
    return DrawRecord(
        id=draw_id,
        scope=_region(ledger, row["scope_region_id"]),
        drawn_at=dt.datetime.fromisoformat(row["drawn_at"]),
        seed=row["seed"],
        algorithm_version=row["algorithm_version"],
        input_hash=result.input_hash,
        result_hash=row["result_hash"],
        swaps=tuple((names[a], names[b]) for a, b in result.swaps),
        tried=_tried(store.previews(ledger, row["scope_region_id"], row["input_hash"], row["drawn_at"])),
        pairs=tuple(_named_pairs(result, names)),
        organ_leftovers=tuple(names[c.uuid] for c in result.organ_leftovers),
        grassroots_leftovers=tuple(names[c.uuid] for c in result.grassroots_leftovers),
        difference=difference,
        recorded_hash_matches=result.result_hash == row["result_hash"],
    )


def _missing(uuid: str) -> UnpairedBranch:
    """A branch the record names that is no longer in the ledger (deleted since): shown by its uuid."""
    return UnpairedBranch(0, uuid, uuid, BranchKind.VILLAGE, None, "", None)
