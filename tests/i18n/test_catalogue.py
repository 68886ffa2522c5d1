"""The Chinese catalogue is complete, has nothing unused, and the compiled .qm matches it."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from branchdesk.domain.rules import Rule
from branchdesk.i18n.messages import MESSAGES, TABLE_NAMES
from branchdesk.storage.packages import PACKAGE_TABLES

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "branchdesk_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{(\w+)\}")

sys.path.insert(0, str(ROOT / "tools"))
import i18n as catalogue_tool  # noqa: E402


def entries(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")  # type: ignore[assignment]
    return found


def test_every_entry_is_translated() -> None:
    untranslated = [
        key
        for key, translation in entries(TS).items()
        if translation.get("type") in ("unfinished", "obsolete", "vanished")
        or not (translation.text or "").strip()
    ]
    assert untranslated == []


def test_catalogue_matches_the_sources(tmp_path: Path) -> None:
    """Collect the strings afresh: none may be missing from the catalogue, none left over in it."""
    fresh = tmp_path / "fresh.ts"
    catalogue_tool.update(fresh)
    assert set(entries(fresh)) == set(entries(TS))


def test_no_string_hides_in_an_unnamed_context() -> None:
    assert [key for key in entries(TS) if not key[0]] == []


def test_placeholders_survive_translation() -> None:
    for (context, source), translation in entries(TS).items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text or "")), (
            context,
            source,
        )


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    catalogue_tool.release(TS, compiled)
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run: python tools/i18n.py release"


def _raised_codes() -> set[str]:
    codes = set()
    for path in (ROOT / "branchdesk").rglob("*.py"):
        codes |= set(re.findall(r'BranchDeskError\(\s*"([\w.]+)"', path.read_text(encoding="utf-8")))
        codes |= set(re.findall(r'(?<!Field)Problem\(\s*"([\w.]+)"', path.read_text(encoding="utf-8")))
        codes |= set(re.findall(r'FieldProblem\(\s*[\w."]+,\s*"([\w.]+)"', path.read_text(encoding="utf-8")))
        # Texts given without an error raised (the command line's last resort for a bug).
        codes |= set(re.findall(r'message_text\(\s*"([\w.]+)"', path.read_text(encoding="utf-8")))
    # Check database names each row breaking a rule of the ledger under the rule's own code.
    return codes | {rule.value for rule in Rule}


def test_every_raised_code_has_a_message_and_every_message_is_used() -> None:
    assert _raised_codes() - set(MESSAGES) == set()
    assert set(MESSAGES) - _raised_codes() == set()


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_messages_render_in_chinese(code: str, qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from branchdesk.i18n.language import Translations
    from branchdesk.i18n.messages import message_text

    translations = Translations(QCoreApplication.instance())  # type: ignore[arg-type]
    translations.install("zh_CN")
    try:
        params = dict.fromkeys(PLACEHOLDER.findall(MESSAGES[code]), "X")
        text = message_text(code, **params)
        assert re.search(r"[\u4e00-\u9fff]", text), text
    finally:
        translations.remove()


def test_qts_own_dialogs_speak_chinese_too(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from branchdesk.i18n.language import Translations

    translations = Translations(QCoreApplication.instance())  # type: ignore[arg-type]
    translations.install("zh_CN")
    try:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert [button.text() for button in buttons.buttons()] == ["取消"]
    finally:
        translations.remove()


def test_every_table_a_package_carries_has_a_name_for_messages() -> None:
    """A package's refusals name its records ({table}): each table a package may hold, as a clerk calls it."""
    assert set(PACKAGE_TABLES) <= set(TABLE_NAMES)
