"""``branchdesk-cli halfyear LEDGER --half 2023-H1 --summary OUT.pdf|OUT.docx``: a half-year's summary as
an A4 PDF in Chinese or a Word draft — the frozen figures once the half-year was closed (an activity
entered later does not change them), the ledger as it is before; bad half-years and files refused in
Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.months import HalfYear
from branchdesk.exchange.halfyear_report import summary_pages
from branchdesk.services import halfyear
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.regions import find_region
from tests.builders import LedgerBuilder
from tests.test_cli import cli
from tests.test_cli_check import shell
from tests.ui.test_new_halfyear import make_county

CLOCK = FixedClock.on("2023-07-10")
H1 = HalfYear(2023, 1)


@pytest.fixture
def county(tmp_path: Path) -> Path:
    path = tmp_path / "台账" / "潢川.bdesk"
    path.parent.mkdir()
    make_county(path, CLOCK)
    return path


def page_texts(path: Path) -> str:
    """What the PDF's pages say, as they are drawn (the CLI writes these pages)."""
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        summary, frozen = halfyear.summary_for_print(ledger, find_region(ledger, None).id, H1)
    pages = summary_pages(summary, frozen, ["秋收秋种"])
    return "\n".join(text.get_text() for page in pages.figures for text in page.texts)


def figure(text: str, label: str) -> str:
    """The value written beside ``label`` on the figures page."""
    lines = text.splitlines()
    return lines[lines.index(label) + 1]


def test_the_summary_pdf_says_the_frozen_figures_and_not_later_entries(county: Path, tmp_path: Path) -> None:
    out = tmp_path / "总结" / "潢川 2023年上半年.pdf"
    out.parent.mkdir()
    code, printed, err = cli("halfyear", str(county), "--half", "2023-H1", "--summary", str(out), clock=CLOCK)
    assert (code, err) == (EXIT_OK, "")
    assert printed == f"已写出 {out}：2023年上半年尚未冻结，按2023年7月10日的台账数据生成\n"
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b", data)) == 1
    text = page_texts(county)
    assert "支部联支部工作半年总结" in text
    assert "区域：信阳市" in text
    assert figure(text, "半年活动次数") == "8"
    assert figure(text, "半年主题党日落实率（逐月合计）") == "50.00%"
    assert "0.00%（0/2）" in text  # May: no themed Party day at all
    assert "1. 秋收秋种" in text

    with open_ledger(county, CLOCK) as ledger:
        halfyear.start_half_year(ledger, find_region(ledger, None).id, H1, [halfyear.PlannedTask("秋收秋种")])
        # A themed Party day of May entered after the half-year was frozen.
        pairing = int(ledger.scalar("SELECT id FROM pairing ORDER BY id LIMIT 1"))
        LedgerBuilder(ledger).activity(pairing, "2023-05-20")
    code, printed, _ = cli(
        "halfyear", str(county), "--half", "2023年上半年", "--summary", str(out), clock=CLOCK
    )
    assert code == EXIT_OK
    assert printed == f"已写出 {out}：2023年上半年总结（2023年7月10日冻结）\n"
    text = page_texts(county)
    assert figure(text, "半年活动次数") == "8"  # as frozen, without the late entry
    assert "数据于2023年7月10日开启新半年时冻结" in text


def test_the_word_draft_opens_with_the_figures_in_words(county: Path, tmp_path: Path) -> None:
    out = tmp_path / "总结.docx"
    code, _, err = cli("halfyear", str(county), "--half", "2023-H1", "--summary", str(out), clock=CLOCK)
    assert (code, err) == (EXIT_OK, "")
    document = Document(str(out))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "信阳市2023年上半年支部联支部工作总结" in text
    assert "围绕“春耕生产”等重点任务开展了活动。" in text
    assert "五、存在的问题" in text
    months = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    assert months[0] == ["月份", "主题党日落实率", "活动次数", "主题党日", "重点任务活动", "志愿者人次"]
    assert months[1] == ["2023年1月", "100.00%（2/2）", "2", "2", "0", "8"]
    assert len(months) == 7


@pytest.mark.parametrize(
    ("half", "out", "code", "message"),
    [
        ("2023-H3", "x.pdf", EXIT_USAGE, "参数有误：“2023-H3”不是半年，请写成 2022年上半年 或 2022-H1。"),
        (
            "2023-H1",
            "x.txt",
            EXIT_USAGE,
            "参数有误：半年总结须写为 .pdf 或 .docx（Word 初稿）文件，而不是 x.txt",
        ),
        ("2024-H1", "x.pdf", EXIT_FAILED, "2024年上半年尚未开始，还没有数据。"),
    ],
)
def test_bad_half_years_and_files_are_refused_in_chinese(
    county: Path, tmp_path: Path, half: str, out: str, code: int, message: str
) -> None:
    result, printed, err = cli(
        "halfyear", str(county), "--half", half, "--summary", str(tmp_path / out), clock=CLOCK
    )
    assert (result, printed, err) == (code, "", f"branchdesk-cli：{message}\n")
    assert not (tmp_path / out).exists()


def test_check_names_a_summary_dated_before_its_half_year(county: Path) -> None:
    with open_ledger(county, CLOCK) as ledger:
        halfyear.start_half_year(ledger, find_region(ledger, None).id, H1, [])
    assert cli("check", str(county), clock=CLOCK)[0] == EXIT_OK
    shell(county, "UPDATE halfyear_summary SET frozen_on = '2022-12-31'")
    code, out, _ = cli("check", str(county), clock=CLOCK)
    assert code == EXIT_FAILED
    assert (
        "信阳市2023年上半年总结的冻结日期为2022年12月31日，早于该半年开始或晚于今天（2023年7月10日）。" in out
    )
