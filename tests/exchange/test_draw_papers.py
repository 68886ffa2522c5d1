"""The draw's papers: the candidate list with its hash, printed and signed before the seed is drawn, and
the record of the draw with every seed tried, the candidate hash and three signature lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from matplotlib.figure import Figure

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Tier
from branchdesk.exchange.draw_record import (
    candidate_list_pages,
    draw_record_pages,
    write_candidate_list,
    write_draw_record,
)
from branchdesk.services import draws
from branchdesk.services.demo import generate_demo
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day


def _texts(figures: list[Figure]) -> list[str]:
    return [text.get_text() for figure in figures for text in figure.texts]


def _county(build: LedgerBuilder) -> int:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    build.organs(unit, tree["huangchuan"], 2, tier=Tier.STRONG)
    build.organs(unit, tree["huangchuan"], 2, tier=Tier.WEAK)
    build.villages(tree["hc_renhe"], 3, tier=Tier.WEAK)
    return tree["huangchuan"]


def test_the_candidate_list_shows_its_hash_and_every_candidate_in_the_draws_order(
    ledger: Ledger, build: LedgerBuilder, clock: FixedClock, tmp_path: Path
) -> None:
    candidates = draws.draw_candidates(ledger, _county(build))
    texts = _texts(candidate_list_pages(candidates, clock.now()))
    assert f"候选名单哈希：{candidates.input_hash}" in texts
    organs, grassroots = candidates.in_list_order()
    assert [b.tier for b in organs] == [Tier.STRONG, Tier.STRONG, Tier.WEAK, Tier.WEAK]
    assert [b.uuid for b in organs[:2]] == sorted(b.uuid for b in organs[:2])
    uuids = [text for text in texts if text in {b.uuid for b in (*organs, *grassroots)}]
    assert uuids == [b.uuid for b in (*organs, *grassroots)]  # whole, never cut short, in the draw's order
    for role in ("抽签人", "监督人", "见证人"):
        assert any(text.startswith(f"{role}（签字）") for text in texts)
    path = tmp_path / "候选名单.pdf"
    write_candidate_list(candidates, clock.now(), path)
    assert path.read_bytes().startswith(b"%PDF")


def test_the_record_prints_the_seeds_tried_the_candidate_hash_and_signature_lines(
    ledger: Ledger, build: LedgerBuilder, clock: FixedClock, tmp_path: Path
) -> None:
    county = _county(build)
    before = draws.draw_candidates(ledger, county).input_hash
    for seed in ("1111", "6-2-5-3", "20220411"):
        preview = draws.preview_draw(ledger, county, seed)
        clock.moment += dt.timedelta(minutes=2)
    done = draws.commit_draw(ledger, draws.swap_pairs(preview, 0, 1), day("2022-05-19"))
    record = draws.draw_record(ledger, draws.committed_draw_id(ledger, done))
    texts = _texts(draw_record_pages(record))
    assert f"候选名单哈希：{before}" in texts
    tried = [text.strip() for text in texts if "种子 " in text and "结果哈希" in text]
    assert [line.split("种子 ")[1].split()[0] for line in tried] == ["1111", "6-2-5-3", "20220411"]
    assert [line.endswith("← 采用") for line in tried] == [False, False, True]
    assert any(text.startswith("试抽的种子（候选名单最近一次变化以来，共 3 次") for text in texts)
    assert any("算法第 1 版" in text for text in texts)
    for role in ("抽签人", "监督人", "见证人"):
        assert any(text.startswith(f"{role}（签字）") for text in texts)
    path = tmp_path / "抽签记录.pdf"
    write_draw_record(record, path)
    assert path.read_bytes().startswith(b"%PDF")


def test_a_draw_recorded_before_seeds_were_kept_says_so(ledger: Ledger, build: LedgerBuilder) -> None:
    county = _county(build)
    done = draws.commit_draw(ledger, draws.preview_draw(ledger, county, "5"), day("2022-05-19"))
    ledger.conn.execute("DELETE FROM draw_preview")
    texts = _texts(draw_record_pages(draws.draw_record(ledger, draws.committed_draw_id(ledger, done))))
    assert any(text.startswith("试抽的种子：台账中没有留存") for text in texts)


def test_the_demos_draws_were_previewed_as_the_window_does(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "演示.bdesk"
    generate_demo(path, "county", clock=clock)
    with Ledger.open(path, clock, read_only=True) as demo:
        ids = [row["id"] for row in demo.query("SELECT id FROM draw ORDER BY id")]
        assert ids
        for draw_id in ids:
            record = draws.draw_record(demo, draw_id)
            assert record.matches
            assert [(t.seed, t.result_hash) for t in record.tried] == [(record.seed, record.result_hash)]
            assert any(text.endswith("← 采用") for text in _texts(draw_record_pages(record)))
