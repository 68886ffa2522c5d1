"""branchdesk-cli report: the monthly report as an A4 PDF in Chinese, with the figures stats gives and the
pairings overdue says are missing their themed Party day."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind
from branchdesk.domain.months import Month
from branchdesk.exchange.monthly_report import build_report
from branchdesk.exchange.pdf_pages import A4
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.test_cli import cli
from tests.test_cli_overdue import county  # noqa: F401  (the fixture)

CLOCK = FixedClock.on("2022-07-19")


def _texts(path: Path, month: str, region: str | None = None) -> list[list[str]]:
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        report = build_report(ledger, Month.parse(month), region)
    return [[text.get_text() for text in page.texts] for page in report.pages]


def test_report_writes_an_a4_pdf_in_chinese(county: Path, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "月报 6月.pdf"
    code, text, err = cli("report", str(county), str(out), "--month", "2022-06", clock=CLOCK)
    assert (code, err) == (EXIT_OK, "")
    assert "共 3 页" in text
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b", data)) == 3
    # A4 portrait: 595 × 842 points.
    assert re.search(rb"/MediaBox \[ ?0 0 595\.44 841\.68 ?\]", data) or b"595.44 841.68" in data
    assert A4 == (8.27, 11.69)

    pages = _texts(county, "2022-06")
    first = "\n".join(pages[0])
    assert "支部联支部工作月报" in first
    assert "2022年6月" in first
    _, stats, _ = cli(
        "stats", str(county), "--month", "2022-06", "--as-of", "2022-06-30", "--json", clock=CLOCK
    )
    figures = json.loads(stats)
    assert f"{figures['coverage']['grassroots']['rate']}%" in pages[0]
    assert f"{figures['compliance']['rate']}%" in pages[0]
    # The overdue page lists exactly what `overdue` lists.
    last = "\n".join(pages[-1])
    assert "未开展主题党日的结对（1 对）" in last
    assert "城关2村党支部" in last
    assert "从未开展" in last
    for page in pages:
        assert any(text.endswith(f"第 {pages.index(page) + 1} 页") for text in page)


def test_report_of_a_region_and_of_a_month_without_figures(county: Path, tmp_path: Path) -> None:  # noqa: F811
    pages = _texts(county, "2022-04", "仁和镇")
    assert any("信阳市/潢川县/仁和镇" in text for text in pages[0])
    assert any("落实率为“—”" in text for text in pages[-1])
    code, _, err = cli("report", str(county), str(tmp_path / "x.pdf"), "--month", "2022-13", clock=CLOCK)
    assert code == EXIT_FAILED
    assert "2022-13" in err
    code, _, err = cli("report", str(county), str(tmp_path / "x.pdf"), clock=CLOCK)
    assert code == EXIT_USAGE
    assert not (tmp_path / "x.pdf").exists()


def test_report_pages_render(county: Path, tmp_path: Path) -> None:  # noqa: F811
    """The pages as pictures, for looking at (BRANCHDESK_SCREENSHOTS=DIR keeps them)."""
    folder = Path(os.environ.get("BRANCHDESK_SCREENSHOTS", tmp_path))
    with open_ledger(county, CLOCK, read_only=True) as ledger:
        report = build_report(ledger, Month.parse("2022-06"))
    for number, page in enumerate(report.pages, start=1):
        target = folder / f"report-page-{number}.png"
        page.savefig(target, dpi=80)
        assert target.stat().st_size > 10_000


LONG_GRASSROOTS = "城关镇春申街道办事处北京路社区第十二网格（含新建商住小区及沿街商铺）党支部"
LONG_ORGAN = "潢川县发展和改革委员会机关第二党支部（含县粮食和物资储备中心）"


def test_a_long_name_wraps_whole_and_the_paper_names_the_program_in_chinese(
    build: LedgerBuilder, ledger: Ledger, tmp_path: Path
) -> None:
    tree = build.tree()
    organ = build.branch(
        LONG_ORGAN,
        BranchKind.ORGAN,
        tree["huangchuan"],
        unit_id=build.unit("潢川县发改委", tree["huangchuan"]),
    )
    grassroots = build.branch(LONG_GRASSROOTS, BranchKind.VILLAGE, tree["hc_chengguan"])
    build.pair(organ, grassroots, "2022-04-10")  # owes June its themed Party day, and has none
    path = ledger.path
    ledger.close()
    out = tmp_path / "月报.pdf"
    assert cli("report", str(path), str(out), "--month", "2022-06", clock=CLOCK)[0] == EXIT_OK
    pages = _texts(path, "2022-06")
    last = pages[-1]
    # Each long name is there in full, over consecutive lines of its cell, nothing cut with "…".
    texts = [text for text in last if text]
    for long in (LONG_GRASSROOTS, LONG_ORGAN):
        start = next(i for i, text in enumerate(texts) if long.startswith(text) and len(text) > 3)
        parts: list[str] = []
        for text in texts[start:]:
            if not long.startswith("".join(parts) + text):
                break
            parts.append(text)
        assert "".join(parts) == long
        assert len(parts) > 1
    assert not any("…" in text for page in pages for text in page)
    footers = [text for page in pages for text in page if text.endswith("页")]
    assert all("支部联建台账" in text and "BranchDesk" not in text for text in footers)
    assert b"BranchDesk" not in out.read_bytes()
