"""One vocabulary: every concept has one Chinese name, the same in the window (the translation catalogue),
the export, the import template, the monthly report and the CLI, and it comes from domain.vocabulary.
Older words (等次, 重点工作, 合规率 …) are still read on import but written nowhere."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from branchdesk.domain import cells
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Area, BranchKind, Tier, UnitLevel
from branchdesk.domain.imports import ImportKind
from branchdesk.domain.months import Month
from branchdesk.domain.vocabulary import (
    NAMES,
    RETIRED,
    TERMS,
    UNGRADED_ENGLISH,
    Concept,
    english_name,
    find_term,
    name,
    parse_tier,
    term_name,
    tier_name,
)
from branchdesk.exchange.columns import COLUMNS, match_headers
from branchdesk.exchange.ledger_export import export_ledger
from branchdesk.exchange.monthly_report import build_report
from branchdesk.exchange.templates import template
from branchdesk.storage.ledger import Ledger
from branchdesk.ui import labels
from tests.builders import LedgerBuilder
from tests.test_cli import cli

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "branchdesk_zh_CN.ts"


def _catalogue() -> list[tuple[str, str, str]]:
    """(context, source, translation) of every entry."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            found.append(
                (
                    context.findtext("name") or "",
                    message.findtext("source") or "",
                    message.findtext("translation") or "",
                )
            )
    return found


def _bare(text: str) -> str:
    """A label without its access key, ellipsis or colon: "&Tier…:" → "tier", "档次(&T)…" → "档次"."""
    text = re.sub(r"\(&\w\)", "", text).replace("&", "")
    return re.sub(r"[…:：]+$", "", text.strip()).strip().casefold()


@pytest.mark.parametrize("concept", list(Concept))
def test_the_window_calls_each_concept_by_the_tables_name(concept: Concept) -> None:
    """Wherever the window shows a concept's English word on its own (a column, a form label, a history
    field), the Chinese is the vocabulary's name. The Labels context holds values (the kind 社区)."""
    english = _bare(NAMES[concept].english)
    shown = {
        (context, translation)
        for context, source, translation in _catalogue()
        if context != "Labels" and _bare(source) == english
    }
    assert {_bare(translation) for _, translation in shown} <= {name(concept)}, shown


def test_the_window_names_each_value_as_the_table_does() -> None:
    """好/中/差, 机关/农村/社区/网格, the levels, methods, end reasons, activity types and the six areas: the
    window's translation of each value's English source (the vocabulary's, which imports also read) equals
    the vocabulary's name."""
    translated = {(c, s): t for c, s, t in _catalogue() if c == "Labels"}
    values = [value for enum in TERMS for value in TERMS[enum] if not isinstance(value, UnitLevel)]
    assert {value: translated[("Labels", english_name(value))] for value in values} == {
        value: term_name(value) for value in values
    }
    assert translated[("Labels", UNGRADED_ENGLISH)] == tier_name(None) == "未定档次"
    # a unit's level: 市直单位, 县直单位, 中央、省驻信单位
    for level in UnitLevel:
        assert translated[("Labels", english_name(level))].startswith(term_name(level))
    # the window reads its labels from the vocabulary's sources
    assert labels.term_label(Area.CUSTOMS) == english_name(Area.CUSTOMS) == "Civic customs"


def test_the_english_windows_words_read_as_the_values() -> None:
    """What the English window shows (its exports too) is read back as the value it names."""
    for enum in TERMS:
        for value in TERMS[enum]:
            assert find_term(english_name(value).upper(), enum) is value
    assert parse_tier("Ungraded") is None


def test_retired_words_are_written_nowhere() -> None:
    """No translation and no string the program writes (exports, reports, CLI) uses a retired word;
    only the vocabulary itself keeps them, as aliases to read."""
    in_catalogue = [
        (source, translation)
        for _, source, translation in _catalogue()
        for word in RETIRED
        if word in translation
    ]
    assert in_catalogue == []
    in_code = []
    for path in (ROOT / "branchdesk").rglob("*.py"):
        if path.name == "vocabulary.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                in_code += [(path.name, node.lineno, word) for word in RETIRED if word in node.value]
    assert in_code == []


def test_the_programmes_terms_are_the_chosen_ones() -> None:
    assert [name(c) for c in (Concept.TIER, Concept.KEY_TASK, Concept.COMPLIANCE_RATE)] == [
        "档次",
        "重点任务",
        "落实率",
    ]
    assert [term_name(t) for t in Tier] == ["好", "中", "差"]
    assert term_name(BranchKind.COMMUNITY) == "社区"
    assert TERMS[Area][Area.ORGANISATION][0] == "组织共建"


@pytest.fixture
def small(build: LedgerBuilder, ledger: Ledger) -> Ledger:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2)
    villages = build.villages(tree["hc_chengguan"], 2)
    build.pair(organs[0], villages[0], "2022-04-10")
    build.activity(1, "2022-05-14")
    return ledger


def _headers(path: Path, sheet: str) -> list[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [str(cell.value) for cell in next(book[sheet].iter_rows(max_row=1))]
    finally:
        book.close()


def test_export_template_and_window_head_a_concept_alike(small: Ledger, tmp_path: Path) -> None:
    export_ledger(small, tmp_path / "台账.xlsx")
    branches = _headers(tmp_path / "台账.xlsx", "党支部")
    pairings = _headers(tmp_path / "台账.xlsx", "结对")
    activities = _headers(tmp_path / "台账.xlsx", "活动")
    template(tmp_path / "模板.xlsx", ImportKind.BRANCHES)
    in_template = _headers(tmp_path / "模板.xlsx", "党支部")
    window = {_bare(t) for c, s, t in _catalogue() if c == "BranchTable"}
    for concept in (Concept.KIND, Concept.TIER, Concept.REGION, Concept.UNIT, Concept.MEMBERS):
        assert name(concept) in branches
        assert name(concept) in in_template
        assert name(concept) in window
    for concept in (Concept.ORGAN_BRANCH, Concept.GRASSROOTS_BRANCH, Concept.METHOD, Concept.STARTED_ON):
        assert name(concept) in pairings
    for concept in (Concept.KEY_TASK, Concept.AREAS, Concept.VOLUNTEERS, Concept.ACTIVITY_TYPE):
        assert name(concept) in activities
    summary = [
        str(row[0]) for row in openpyxl.load_workbook(tmp_path / "台账.xlsx", read_only=True)["汇总"].values
    ]
    assert "主题党日落实率（2022年4月）" in summary
    assert "月度落实情况" in openpyxl.load_workbook(tmp_path / "台账.xlsx", read_only=True).sheetnames


def test_old_headers_still_import() -> None:
    """A sheet written with the old words (等次, 重点工作, 所属区域, 种子) is still read."""
    assert set(match_headers(ImportKind.BRANCHES, ["支部名称", "类型", "所属区域", "等次"]).values()) == {
        "name",
        "kind",
        "region",
        "tier",
    }
    assert list(match_headers(ImportKind.ACTIVITIES, ["阶段性重点工作"]).values()) == ["key_task"]
    assert list(match_headers(ImportKind.DRAWS, ["种子"]).values()) == ["seed"]
    # and every header the export writes is read back as its own field
    for kind, columns in COLUMNS.items():
        assert list(match_headers(kind, [c.header for c in columns]).values()) == [c.field for c in columns]


def test_report_and_cli_say_the_same_words(small: Ledger, clock: FixedClock) -> None:
    report = build_report(small, Month.parse("2022-04"))
    text = "\n".join(t.get_text() for page in report.pages for t in page.texts)
    assert "主题党日落实率" in text
    assert "合规" not in text
    small.close()
    _, out, _ = cli("stats", str(small.path), "--month", "2022-04", clock=clock)
    assert "主题党日落实率" in out
    assert out.splitlines()[0].startswith(f"{name(Concept.REGION)}：")


def test_an_areas_cell_reads_english_names_of_two_words() -> None:
    """The English window writes "Civic customs、Practical matters"; blanks still separate Chinese names."""
    assert cells.areas("Civic customs、Practical matters") == {Area.CUSTOMS, Area.PRACTICAL}
    assert cells.areas("Team, civic customs") == {Area.TEAM, Area.CUSTOMS}
    assert cells.areas("组织共建 服务共做\u3000新风共树") == {Area.ORGANISATION, Area.SERVICE, Area.CUSTOMS}
