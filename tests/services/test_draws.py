"""The draw as use cases: candidates, preview, swaps, one undoable commit, verification from the record."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services import draws
from branchdesk.services.history import UndoHistory
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day

tiers = st.sampled_from([Tier.STRONG, Tier.AVERAGE, Tier.WEAK, None])


def _county(
    build: LedgerBuilder, organ_tiers: list[Tier | None], village_tiers: list[Tier | None]
) -> dict[str, int]:
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    for i, tier in enumerate(organ_tiers):
        build.branch(f"机关第{i + 1}党支部", BranchKind.ORGAN, tree["huangchuan"], tier=tier, unit_id=unit)
    for i, tier in enumerate(village_tiers):
        build.branch(f"村{i + 1}党支部", BranchKind.VILLAGE, tree["hc_renhe"], tier=tier)
    return tree


def _draw_pairs(ledger: Ledger) -> list[tuple[str, str]]:
    return [
        (row["organ"], row["grassroots"])
        for row in ledger.query(
            "SELECT o.name AS organ, g.name AS grassroots FROM pairing p JOIN branch o ON o.id = p.organ_id"
            " JOIN branch g ON g.id = p.grassroots_id WHERE p.method = 'draw' ORDER BY p.id"
        )
    ]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(tiers, max_size=8),
    st.lists(tiers, max_size=8),
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=4),
    st.integers(0, 10**6),
)
def test_a_draw_never_pairs_a_paired_branch_and_keeps_earlier_pairs(
    organ_tiers: list[Tier | None],
    village_tiers: list[Tier | None],
    earlier: list[tuple[int, int]],
    seed: int,
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        create_ledger(Path(folder) / "l.bdesk", FixedClock.on("2022-05-19")) as ledger,
    ):
        build = LedgerBuilder(ledger)
        tree = _county(build, organ_tiers, village_tiers)
        organs = [r["id"] for r in ledger.query("SELECT id FROM branch WHERE kind = 'organ' ORDER BY id")]
        villages = [r["id"] for r in ledger.query("SELECT id FROM branch WHERE kind <> 'organ' ORDER BY id")]
        made: set[tuple[int, int]] = set()
        for o, g in earlier:
            if o < len(organs) and g < len(villages) and all(o != a and g != b for a, b in made):
                build.pair(organs[o], villages[g], "2022-04-01")
                made.add((o, g))
        before = ledger.query("SELECT * FROM pairing ORDER BY id")
        if draws.draw_candidates(ledger, tree["huangchuan"]).feasibility.pairs == 0:
            with pytest.raises(BranchDeskError, match=r"draw\.nothing_to_draw"):
                draws.preview_draw(ledger, tree["huangchuan"], str(seed))
            return
        preview = draws.preview_draw(ledger, tree["huangchuan"], str(seed))
        drawn = {o for p in preview.result.pairs for o in (p.organ.uuid, p.grassroots.uuid)}
        paired = {
            r["uuid"]
            for r in ledger.query(
                "SELECT b.uuid FROM branch b JOIN pairing p ON b.id IN (p.organ_id, p.grassroots_id)"
            )
        }
        assert not drawn & paired
        organ_left, grassroots_left = preview.leftovers()
        plan = preview.candidates.feasibility
        assert plan.organs == len(organs) - len(made)
        assert (len(organ_left), len(grassroots_left)) == (
            plan.organ_leftovers,
            plan.grassroots_leftovers,
        )
        draws.commit_draw(ledger, preview, day("2022-05-19"))
        assert ledger.query("SELECT * FROM pairing ORDER BY id")[: len(before)] == before


def test_preview_swap_commit_undo_and_verify(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = _county(build, [Tier.STRONG, Tier.STRONG, Tier.WEAK, None], [Tier.WEAK, Tier.AVERAGE, Tier.WEAK])
    candidates = draws.draw_candidates(ledger, tree["huangchuan"])
    plan = candidates.feasibility
    assert (plan.organs, plan.grassroots, plan.pairs, plan.organ_leftovers) == (4, 3, 3, 1)
    assert plan.organ_tiers == {Tier.STRONG: 2, Tier.AVERAGE: 0, Tier.WEAK: 1, None: 1}

    preview = draws.preview_draw(ledger, tree["huangchuan"], "20220411")
    again = draws.preview_draw(ledger, tree["huangchuan"], "20220411")
    assert again == preview
    swapped = draws.swap_pairs(preview, 0, 2)
    shown = [(p.organ.name, p.grassroots.name) for p in swapped.pairs()]
    assert shown[0] == (preview.pairs()[0].organ.name, preview.pairs()[2].grassroots.name)

    history = UndoHistory(ledger)
    done = draws.commit_draw(ledger, swapped, day("2022-05-19"))
    history.record(done)
    assert (done.action, done.subject, done.touches("pairing", "draw")) == ("draw.commit", "潢川县", True)
    draw_id = draws.committed_draw_id(ledger, done)
    row = ledger.row("draw", draw_id)
    assert row is not None
    assert json.loads(row["swaps"]) == [
        [p.organ.uuid for p in (preview.result.pairs[0], preview.result.pairs[2])]
    ]
    assert _draw_pairs(ledger) == shown
    record = draws.draw_record(ledger, draw_id)
    assert record.matches
    assert [(p.organ.name, p.grassroots.name) for p in record.pairs] == shown
    assert [b.name for b in record.organ_leftovers] == [b.name for b in swapped.leftovers()[0]]
    assert len(record.swaps) == 1

    # Someone edits a drawn pair in SQL: the re-run names the first pair that differs.
    (extra,) = build.villages(tree["hc_renhe"], 1, prefix="外")
    first = ledger.query("SELECT id, grassroots_id FROM pairing ORDER BY id LIMIT 1")[0]
    ledger.conn.execute("UPDATE pairing SET grassroots_id = ? WHERE id = ?", (extra, first["id"]))
    tampered = draws.draw_record(ledger, draw_id)
    assert tampered.difference is not None
    assert tampered.difference.position == 1
    assert tampered.difference.found is not None
    assert tampered.difference.found[1] == ledger.scalar("SELECT uuid FROM branch WHERE id = ?", (extra,))
    ledger.conn.execute(
        "UPDATE pairing SET grassroots_id = ? WHERE id = ?", (first["grassroots_id"], first["id"])
    )
    assert draws.draw_record(ledger, draw_id).matches

    history.undo()
    assert ledger.scalar("SELECT count(*) FROM pairing") == 0
    assert ledger.scalar("SELECT count(*) FROM draw") == 0


def test_a_stale_preview_is_refused_whole(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = _county(build, [Tier.STRONG, Tier.STRONG], [Tier.WEAK, Tier.WEAK])
    preview = draws.preview_draw(ledger, tree["huangchuan"], "7")
    organ, village = preview.pairs()[0].organ.id, preview.pairs()[1].grassroots.id
    build.pair(organ, village, "2022-05-01")
    with pytest.raises(BranchDeskError) as refused:
        draws.commit_draw(ledger, preview, day("2022-05-19"))
    assert refused.value.code == "draw.stale"
    assert ledger.scalar("SELECT count(*) FROM draw") == 0
    assert ledger.scalar("SELECT count(*) FROM pairing") == 1


def test_refusals(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = _county(build, [Tier.STRONG], [])
    for region, seed, code in (
        (tree["city"], "1", "draw.scope_not_county"),
        (tree["hc_renhe"], "1", "draw.scope_not_county"),
        (tree["huangchuan"], " ", "draw.no_seed"),
        (tree["huangchuan"], "1", "draw.nothing_to_draw"),
    ):
        with pytest.raises(BranchDeskError) as refused:
            draws.preview_draw(ledger, region, seed)
        assert refused.value.code == code
    for draw_id, code in ((99, "draw.not_found"),):
        with pytest.raises(BranchDeskError) as refused:
            draws.draw_record(ledger, draw_id)
        assert refused.value.code == code


def test_an_altered_record_is_reported(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = _county(build, [Tier.STRONG, Tier.WEAK], [Tier.WEAK, Tier.STRONG])
    done = draws.commit_draw(ledger, draws.preview_draw(ledger, tree["huangchuan"], "5"), day("2022-05-19"))
    draw_id = draws.committed_draw_id(ledger, done)
    ledger.conn.execute(
        "UPDATE draw SET candidates = json_remove(candidates, '$.organ[0]') WHERE id = ?", (draw_id,)
    )
    with pytest.raises(BranchDeskError) as refused:
        draws.draw_record(ledger, draw_id)
    assert refused.value.code == "draw.record_damaged"
    ledger.conn.execute("UPDATE draw SET candidates = NULL WHERE id = ?", (draw_id,))
    with pytest.raises(BranchDeskError) as refused:
        draws.draw_record(ledger, draw_id)
    assert refused.value.code == "draw.not_verifiable"


def test_every_seed_previewed_is_kept_and_the_record_lists_those_since_the_candidates_changed(
    ledger: Ledger, build: LedgerBuilder, clock: FixedClock
) -> None:
    tree = _county(build, [Tier.STRONG, Tier.WEAK, Tier.AVERAGE], [Tier.WEAK, Tier.AVERAGE])
    county = tree["huangchuan"]
    history = UndoHistory(ledger)
    operations = ledger.scalar("SELECT count(*) FROM operation")
    for seed in ("1111", "  3-6-1-4-2-5 "):
        draws.preview_draw(ledger, county, seed)
        clock.moment += dt.timedelta(minutes=1)
    candidates = draws.draw_candidates(ledger, county)
    assert [t.seed for t in draws.tried_seeds(ledger, candidates)] == ["1111", "3-6-1-4-2-5"]
    # A preview is no action to undo: nothing in the change log that an undo could take back.
    assert ledger.scalar("SELECT count(*) FROM operation") == operations

    # A new grassroots branch changes the candidates: what was tried before is no longer this list's.
    build.villages(tree["hc_renhe"], 1, tier=Tier.STRONG, prefix="新")
    candidates = draws.draw_candidates(ledger, county)
    assert draws.tried_seeds(ledger, candidates) == ()
    lottery = "双色球 2022040 期：03 11 17 22 28 30 + 09"
    tried = []
    for seed in ("42", lottery, "42"):
        tried.append(draws.preview_draw(ledger, county, seed))
        clock.moment += dt.timedelta(minutes=1)
    done = draws.commit_draw(ledger, tried[-1], day("2022-05-19"))
    history.record(done)
    clock.moment += dt.timedelta(minutes=1)
    record = draws.draw_record(ledger, draws.committed_draw_id(ledger, done))
    assert [(t.seed, t.result_hash) for t in record.tried] == [
        (p.result.seed, p.result.result_hash) for p in tried
    ]
    assert record.tried[0].previewed_at < record.tried[1].previewed_at <= record.drawn_at
    # A refused preview (nothing left to pair after the commit) keeps nothing.
    with pytest.raises(BranchDeskError):
        draws.preview_draw(ledger, county, "later")  # nothing left to pair on the grassroots side
    assert ledger.scalar("SELECT count(*) FROM draw_preview") == 5

    # Undoing the draw keeps every seed tried: an undo never erases one.
    history.undo()
    assert ledger.scalar("SELECT count(*) FROM draw") == 0
    assert ledger.scalar("SELECT count(*) FROM draw_preview") == 5
    candidates = draws.draw_candidates(ledger, county)
    assert [t.seed for t in draws.tried_seeds(ledger, candidates)] == ["42", lottery, "42"]


def test_a_read_only_ledger_previews_without_keeping(
    ledger: Ledger, build: LedgerBuilder, clock: FixedClock
) -> None:
    tree = _county(build, [Tier.STRONG], [Tier.WEAK])
    path = ledger.path
    ledger.close()
    with Ledger.open(path, clock, read_only=True) as reading:
        preview = draws.preview_draw(reading, tree["huangchuan"], "7")
        assert len(preview.pairs()) == 1
        assert reading.scalar("SELECT count(*) FROM draw_preview") == 0
