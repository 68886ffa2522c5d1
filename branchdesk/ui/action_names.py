"""What the Edit menu and History call each kind of user action (the ``operation.action`` codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from branchdesk.domain.changes import Changed, undone_action
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP

# Every writing service's action code; a code missing here shows as itself (tests check the list).
ACTION_NAMES: dict[str, str] = {
    "ledger.create": QT_TRANSLATE_NOOP("Actions", "Create ledger"),
    "region.add": QT_TRANSLATE_NOOP("Actions", "Add region"),
    "region.edit": QT_TRANSLATE_NOOP("Actions", "Edit region"),
    "region.move": QT_TRANSLATE_NOOP("Actions", "Move region"),
    "region.remove": QT_TRANSLATE_NOOP("Actions", "Remove region"),
    "unit.add": QT_TRANSLATE_NOOP("Actions", "Add unit"),
    "unit.edit": QT_TRANSLATE_NOOP("Actions", "Edit unit"),
    "branch.add": QT_TRANSLATE_NOOP("Actions", "Add branch"),
    "branch.edit": QT_TRANSLATE_NOOP("Actions", "Edit branch"),
    "branch.bulk_edit": QT_TRANSLATE_NOOP("Actions", "Bulk edit branches"),
    "branch.paste": QT_TRANSLATE_NOOP("Actions", "Paste branches"),
    "branch.archive": QT_TRANSLATE_NOOP("Actions", "Archive branch"),
    "branch.restore": QT_TRANSLATE_NOOP("Actions", "Restore archived branch"),
    "branch.delete": QT_TRANSLATE_NOOP("Actions", "Delete branch"),
    "pairing.add": QT_TRANSLATE_NOOP("Actions", "Pair branches"),
    "pairing.add_cross_county": QT_TRANSLATE_NOOP("Actions", "Pair branches of two counties"),
    "pairing.community": QT_TRANSLATE_NOOP("Actions", "Pair a unit with a community's grids"),
    "pairing.end": QT_TRANSLATE_NOOP("Actions", "End pairing"),
    "pairing.repair": QT_TRANSLATE_NOOP("Actions", "Re-pair"),
    "pairing.repair_cross_county": QT_TRANSLATE_NOOP("Actions", "Re-pair across two counties"),
    "draw.commit": QT_TRANSLATE_NOOP("Actions", "Commit draw"),
    "agreement.save": QT_TRANSLATE_NOOP("Actions", "Save pairing agreement"),
    "star_rating.set": QT_TRANSLATE_NOOP("Actions", "Rate branch"),
    "halfyear.start": QT_TRANSLATE_NOOP("Actions", "Start a new half-year"),
    "key_task.add": QT_TRANSLATE_NOOP("Actions", "Add key task"),
    "key_task.edit": QT_TRANSLATE_NOOP("Actions", "Edit key task"),
    "key_task.retire": QT_TRANSLATE_NOOP("Actions", "Retire key task"),
    "key_task.copy": QT_TRANSLATE_NOOP("Actions", "Copy key tasks"),
    "activity.add": QT_TRANSLATE_NOOP("Actions", "Record activity"),
    "activity.edit": QT_TRANSLATE_NOOP("Actions", "Edit activity"),
    "activity.copy": QT_TRANSLATE_NOOP("Actions", "Copy activity"),
    "activity.delete": QT_TRANSLATE_NOOP("Actions", "Delete activities"),
    "item.add": QT_TRANSLATE_NOOP("Actions", "Add list item"),
    "item.edit": QT_TRANSLATE_NOOP("Actions", "Edit list item"),
    "item.close": QT_TRANSLATE_NOOP("Actions", "Tick off list item"),
    "item.delete": QT_TRANSLATE_NOOP("Actions", "Delete list item"),
    "package.import": QT_TRANSLATE_NOOP("Actions", "Import packages"),
    "holidays.edit": QT_TRANSLATE_NOOP("Actions", "Edit holidays"),
    "holidays.seed": QT_TRANSLATE_NOOP("Actions", "Load the official holiday calendar"),
    "setting.set": QT_TRANSLATE_NOOP("Actions", "Change a ledger setting"),
    "import": QT_TRANSLATE_NOOP("Actions", "Import"),
    "month.lock": QT_TRANSLATE_NOOP("Actions", "Lock month"),
    "month.unlock": QT_TRANSLATE_NOOP("Actions", "Unlock month"),
    "team.add": QT_TRANSLATE_NOOP("Actions", "Send work team"),
    "team.edit": QT_TRANSLATE_NOOP("Actions", "Edit work team"),
    "team.member_add": QT_TRANSLATE_NOOP("Actions", "Add team member"),
    "team.member_edit": QT_TRANSLATE_NOOP("Actions", "Edit team member"),
    "team.member_remove": QT_TRANSLATE_NOOP("Actions", "Remove team member"),
    "team.days": QT_TRANSLATE_NOOP("Actions", "Save team members' days"),
    "team.days_import": QT_TRANSLATE_NOOP("Actions", "Import team members' days"),
    "team.rule": QT_TRANSLATE_NOOP("Actions", "Change the days-in-village rule"),
}
_UNDO = QT_TRANSLATE_NOOP("Actions", "Undo: {action}")
_REDO = QT_TRANSLATE_NOOP("Actions", "Redo: {action}")


def action_label(code: str) -> str:
    """An action code as words: "branch.add" → 添加支部; "undo:branch.add" → 撤销：添加支部."""
    plain = undone_action(code)
    source = ACTION_NAMES.get(plain)
    name = QCoreApplication.translate("Actions", source) if source is not None else plain
    if code.startswith("undo:"):
        return QCoreApplication.translate("Actions", _UNDO).format(action=name)
    if code.startswith("redo:"):
        return QCoreApplication.translate("Actions", _REDO).format(action=name)
    return name


def action_name(done: Changed | None) -> str:
    """The Edit menu's words for an action: its name and, for one record, that record's name."""
    if done is None:
        return ""
    name = action_label(done.action)
    return f"{name} “{done.subject}”" if done.subject else name
