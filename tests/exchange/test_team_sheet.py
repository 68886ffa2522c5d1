"""The monthly record sheet (驻村工作纪实登记表) of a work team, as PDF and Word: every member's days as
在/假/公/缺 with what the rule asks and the shortfall, the leaves with their reasons, the roster."""

from __future__ import annotations

from pathlib import Path

import docx

from branchdesk.domain.months import Month
from branchdesk.domain.teams import DayMark, MemberDraft, MonthDays, Role
from branchdesk.exchange.team_sheet import sheet_pages, write_sheet
from branchdesk.services import teams
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day

APRIL = Month(2022, 4)


def _sheet_ledger(ledger: Ledger, build: LedgerBuilder) -> int:
    build.paired_town(1)
    village = ledger.scalar("SELECT id FROM branch WHERE name = '城关1村党支部'")
    start = day("2022-04-01")
    teams.add_team(
        ledger,
        village,
        start,
        members=[
            MemberDraft("张明", "13800000001", Role.LEADER, start, sending_unit="潢川县财政局"),
            MemberDraft("李芳", "13800000002", Role.FIRST_SECRETARY, start),
        ],
    )
    members = [row["id"] for row in teams.members_of(ledger, ledger.scalar("SELECT id FROM work_team"))]
    marks = "P" * 10 + "LLL" + "P" * 5 + "B" + "-" * 11
    teams.save_month(
        ledger,
        APRIL,
        {
            members[0]: MonthDays(
                APRIL,
                tuple(None if c == "-" else DayMark(c) for c in marks),
                {11: "病假", 12: "病假", 13: "病假"},
            ),
            members[1]: MonthDays(APRIL, (DayMark.PRESENT,) * 30),
        },
    )
    return int(ledger.scalar("SELECT id FROM work_team"))


def test_the_sheet_in_word_holds_the_days_shortfall_and_leaves(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path
) -> None:
    sheet = teams.record_sheet(ledger, _sheet_ledger(ledger, build), APRIL)
    path = tmp_path / "纪实登记表.docx"
    write_sheet(sheet, path)
    document = docx.Document(str(path))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "驻村工作纪实登记表" in text
    assert "派驻村（社区）：潢川县 / 城关镇 城关1村党支部" in text
    assert "派出单位：潢川县财政局　　月份：2022年4月" in text
    days, leaves, roster = document.tables
    header = [cell.text for cell in days.rows[0].cells]
    assert header[:3] == ["姓名", "职务", "1"]
    assert header[-4:] == ["30", "计", "应", "差"]
    zhang = [cell.text for cell in days.rows[1].cells]
    assert zhang[:2] == ["张明", "队长"]
    assert zhang[2:32] == ["在"] * 10 + ["假"] * 3 + ["在"] * 5 + ["公"] + [""] * 11
    assert zhang[-3:] == ["16", "20", "4"]  # 15 in the village and one on business: short by 4
    assert [cell.text for cell in days.rows[2].cells][-3:] == ["30", "20", ""]
    assert [[cell.text for cell in row.cells] for row in leaves.rows[1:]] == [
        ["张明", "4月11—13日（3天）", "病假"]
    ]
    assert [cell.text for cell in roster.rows[2].cells][:2] == ["李芳", "第一书记"]


def test_the_sheet_in_pdf_shows_the_same(ledger: Ledger, build: LedgerBuilder, tmp_path: Path) -> None:
    sheet = teams.record_sheet(ledger, _sheet_ledger(ledger, build), APRIL)
    texts = [text.get_text() for figure in sheet_pages(sheet).figures for text in figure.texts]
    assert texts[0] == "驻村工作纪实登记表"
    assert "4月11—13日（3天）" in texts
    assert texts.count("假") == 3
    path = tmp_path / "纪实登记表.pdf"
    write_sheet(sheet, path)
    assert path.read_bytes().startswith(b"%PDF")
