"""A pairing's agreement printed: ``branchdesk-cli agreement LEDGER OUT.pdf|OUT.docx --pairing P``, and the
Word ledger's agreement section and its figure, read back from the files (the Pairings tab's menu:
tests/ui/test_agreement_dialog.py)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, run
from branchdesk.domain.agreements import Agreement, Progress, Target
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind
from branchdesk.services.agreements import save_agreement
from branchdesk.services.ledgers import create_ledger
from tests.builders import LedgerBuilder, day

CLOCK = FixedClock.on("2022-12-31")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=CLOCK, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def signed(tmp_path: Path) -> Path:
    return signed_ledger(tmp_path)


def signed_ledger(tmp_path: Path) -> Path:
    """Two pairings of 城关镇; 郑庄村's has an agreement: a target reached beyond its number, one overdue."""
    path = tmp_path / "协议 台账.bdesk"
    with create_ledger(path, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        tree = build.tree()
        organs = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 2)
        village = build.branch("郑庄村党支部", BranchKind.VILLAGE, tree["hc_chengguan"])
        other = build.branch("李楼村党支部", BranchKind.VILLAGE, tree["hc_chengguan"])
        pairing = build.pair(organs[0], village, "2022-04-10")
        build.pair(organs[1], other, "2022-04-10")
        save_agreement(
            ledger,
            pairing,
            Agreement(
                signed_on=day("2022-04-20"),
                organ_liaison="李明",
                organ_phone="13812345678",
                grassroots_liaison="王芳",
                review="年度回顾：实事办结。",
                targets=(
                    Target("帮办实事", 3.0, "件", day("2022-10-31"),
                           (Progress(day("2022-06-01"), 2.0, "走访"), Progress(day("2022-09-01"), 4.0))),
                    Target("引进项目资金", 20.0, "万元", day("2022-12-01"),
                           (Progress(day("2022-08-01"), 5.5),)),
                ),
            ),
        )  # fmt: skip
    return path


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def target_rate(document: Any) -> list[list[str]]:
    """The figures page's row of the hard-target rate, cell by cell."""
    return [
        [cell.text for cell in row.cells]
        for table in document.tables
        for row in table.rows
        if row.cells[0].text.startswith("结对共建协议硬目标完成率")
    ]


def test_an_agreement_as_word_and_pdf(signed: Path, tmp_path: Path) -> None:
    word = tmp_path / "协议.docx"
    code, out, err = cli("agreement", str(signed), str(word), "--pairing", "郑庄村党支部")
    assert (code, err) == (EXIT_OK, "")
    assert out.strip() == f"已写入 {word}：郑庄村党支部 — 机关第1党支部的结对共建协议，目标 2 项"
    text = docx_text(word)
    for expected in (
        "支部联支部结对共建协议",
        "郑庄村党支部 — 机关第1党支部",
        "2022年4月20日",
        "李明　13812345678",
        "王芳",  # no phone: the name alone
        "硬目标 2 项，截至2022年12月31日已完成 1 项",
        "帮办实事", "3 件", "4 件（2022年9月1日）", "已完成（超出目标）",
        "引进项目资金", "20 万元", "5.5 万元（2022年8月1日）", "逾期未完成",
        "2022年6月1日 累计 2 件（走访）；2022年9月1日 累计 4 件",
        "年度回顾：实事办结。",
    ):  # fmt: skip
        assert expected in text, expected
    pdf = tmp_path / "协议.pdf"
    assert cli("agreement", str(signed), str(pdf), "--pairing", "郑庄村党支部")[0] == EXIT_OK
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>") >= 1
    # A pairing without an agreement, and a file that is neither.
    code, _, err = cli("agreement", str(signed), str(tmp_path / "无.pdf"), "--pairing", "李楼村党支部")
    assert code == EXIT_FAILED
    assert "结对“李楼村党支部 — 机关第2党支部”还没有录入共建协议" in err
    assert (
        cli("agreement", str(signed), str(tmp_path / "协议.txt"), "--pairing", "郑庄村党支部")[0]
        == EXIT_USAGE
    )


def test_the_word_ledger_has_the_agreements_and_their_rate(signed: Path, tmp_path: Path) -> None:
    book = tmp_path / "台账.docx"
    code, _, err = cli("ledger-doc", str(signed), str(book), "--from", "2022-04", "--to", "2022-12")
    assert (code, err) == (EXIT_OK, "")
    document = Document(str(book))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    section = paragraphs[paragraphs.index("五、结对共建协议及目标完成情况") + 1 :]
    assert [text for text in section if text.startswith("（")] == ["（1）郑庄村党支部 — 机关第1党支部"]
    assert "逾期未完成" in docx_text(book)
    assert target_rate(document) == [["结对共建协议硬目标完成率（截至2022年12月31日）", "50.00%", "1", "2"]]


def test_a_word_ledger_of_past_months_gives_the_targets_as_they_stood_at_its_end(
    signed: Path, tmp_path: Path
) -> None:
    """Printed on 31 December for April to June: the agreement's targets as they stood on 30 June, as
    the figures page's rate is (section 五 gave them as of the day printed: reached, overdue)."""
    book = tmp_path / "二季度台账.docx"
    code, _, err = cli("ledger-doc", str(signed), str(book), "--from", "2022-04", "--to", "2022-06")
    assert (code, err) == (EXIT_OK, "")
    text = docx_text(book)
    assert "硬目标 2 项，截至2022年6月30日已完成 0 项" in text
    assert "2 件（2022年6月1日）" in text
    for later in ("已完成（超出目标）", "逾期未完成", "4 件", "5.5 万元", "截至2022年12月31日"):
        assert later not in text, later
    assert target_rate(Document(str(book))) == [
        ["结对共建协议硬目标完成率（截至2022年6月30日）", "0.00%", "0", "2"]
    ]
