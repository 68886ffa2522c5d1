"""What an import reads and what it reports: the kinds of rows, their fields, and the row-by-row report."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from branchdesk.domain.cells import EPOCH_1900
from branchdesk.domain.changes import Changed


class ImportKind(StrEnum):
    """The kinds of rows, in the order an import of everything takes them (each refers to earlier ones)."""

    REGIONS = "regions"
    UNITS = "units"
    BRANCHES = "branches"
    DRAWS = "draws"
    PAIRINGS = "pairings"
    KEY_TASKS = "key_tasks"
    ACTIVITIES = "activities"
    ITEMS = "items"  # the three lists (需求 / 资源 / 项目): a project names its need and resource
    # A pairing's agreement (结对共建协议), its targets, each target's progress entries.
    AGREEMENTS = "agreements"
    TARGETS = "targets"
    PROGRESS = "progress"
    # Village work teams (驻村工作队), their members, each member's days of a month.
    TEAMS = "teams"
    MEMBERS = "members"
    TEAM_DAYS = "team_days"
    # Every year's star rating of the grassroots branches (the branches' sheet holds the newest only).
    RATINGS = "ratings"


# What ``--what`` may name besides one kind: the kinds a workbook of that record holds (one sheet each).
GROUPS: dict[str, tuple[ImportKind, ...]] = {
    "agreements": (ImportKind.AGREEMENTS, ImportKind.TARGETS, ImportKind.PROGRESS),
    "teams": (ImportKind.TEAMS, ImportKind.MEMBERS, ImportKind.TEAM_DAYS),
}
# The day columns of a member's month (1日 … 31日): a day a column, as the counties' sheets have them.
DAY_FIELDS = tuple(f"day_{day}" for day in range(1, 32))


# The fields of each kind, in the order of an export's columns. Names of referenced rows come with the
# referenced row's uuid (``*_uuid``): a file made by hand gives the name, an export gives both, and the
# uuid wins, so an export is read back exactly.
FIELDS: dict[ImportKind, tuple[str, ...]] = {
    ImportKind.REGIONS: ("uuid", "name", "level", "parent", "code"),
    ImportKind.UNITS: ("uuid", "name", "level", "region", "community", "community_uuid", "note"),
    ImportKind.BRANCHES: (
        "uuid", "name", "kind", "region", "unit", "unit_uuid", "community", "community_uuid", "tier",
        "secretary", "phone", "member_count", "optimised_on", "established_on", "archived_on", "note",
        "stars", "star_year", "rated_on",
    ),
    ImportKind.DRAWS: (
        "uuid", "scope", "seed", "algorithm_version", "input_hash", "result_hash", "swaps", "drawn_at",
        "committed", "note", "candidates",
    ),
    ImportKind.PAIRINGS: (
        "uuid", "organ", "organ_unit", "organ_uuid", "grassroots", "grassroots_region", "grassroots_uuid",
        "method", "draw_uuid", "organ_tier", "grassroots_tier", "started_on", "ended_on", "end_reason",
        "note",
    ),
    ImportKind.KEY_TASKS: ("uuid", "name", "half_year", "retired", "note"),
    ImportKind.ACTIVITIES: (
        "uuid", "pairing_uuid", "organ", "grassroots", "grassroots_region", "held_on", "type", "key_task",
        "key_task_uuid",
        "areas", "volunteers", "location", "summary", "weekday_reason",
        "theme", "host", "expected", "present", "absentees", "make_up_on",
    ),
    ImportKind.ITEMS: (
        "uuid", "pairing_uuid", "organ", "grassroots", "grassroots_region", "kind", "title", "owner",
        "opened_on", "due_on", "status", "done_on", "done_note", "need", "need_uuid", "resource",
        "resource_uuid", "note", "activity_uuids",
    ),
    ImportKind.AGREEMENTS: (
        "uuid", "pairing_uuid", "organ", "grassroots", "grassroots_region", "signed_on", "organ_liaison",
        "organ_phone", "grassroots_liaison", "grassroots_phone", "review",
    ),
    ImportKind.TARGETS: (
        "uuid", "agreement_uuid", "organ", "grassroots", "grassroots_region", "name", "number", "unit",
        "due_on",
    ),
    ImportKind.PROGRESS: (
        "uuid", "target_uuid", "organ", "grassroots", "grassroots_region", "target", "recorded_on", "value",
        "note",
    ),
    ImportKind.TEAMS: (
        "uuid", "grassroots", "grassroots_region", "grassroots_uuid", "unit", "unit_uuid", "started_on",
        "ended_on", "note",
    ),
    ImportKind.MEMBERS: (
        "uuid", "team_uuid", "grassroots", "grassroots_region", "name", "phone", "sending_unit", "role",
        "from_on", "to_on", "note",
    ),
    ImportKind.TEAM_DAYS: ("uuid", "member_uuid", "grassroots", "name", "phone", "month", *DAY_FIELDS),
    ImportKind.RATINGS: (
        "uuid", "grassroots", "grassroots_region", "grassroots_uuid", "stars", "star_year", "rated_on",
    ),
}  # fmt: skip

# Without these a row cannot be read at all (the import's mapping step insists on them).
REQUIRED: dict[ImportKind, tuple[tuple[str, ...], ...]] = {
    ImportKind.REGIONS: (("name",), ("level",)),
    ImportKind.UNITS: (("name",), ("level",), ("region",)),
    ImportKind.BRANCHES: (("name",), ("kind",), ("region",)),
    ImportKind.DRAWS: (("uuid",), ("scope",), ("seed",)),
    ImportKind.PAIRINGS: (("organ", "organ_uuid"), ("grassroots", "grassroots_uuid"), ("started_on",)),
    ImportKind.KEY_TASKS: (("name",), ("half_year",)),
    ImportKind.ACTIVITIES: (("pairing_uuid", "grassroots"), ("held_on",), ("type",)),
    ImportKind.ITEMS: (("pairing_uuid", "grassroots"), ("kind",), ("title",), ("opened_on",)),
    ImportKind.AGREEMENTS: (("pairing_uuid", "grassroots"), ("signed_on",)),
    ImportKind.TARGETS: (("agreement_uuid", "grassroots"), ("name",), ("due_on",)),
    ImportKind.PROGRESS: (("target_uuid", "target"), ("recorded_on",)),
    ImportKind.TEAMS: (("grassroots_uuid", "grassroots"), ("started_on",)),
    ImportKind.MEMBERS: (("team_uuid", "grassroots"), ("name",), ("phone",), ("role",), ("from_on",)),
    ImportKind.TEAM_DAYS: (("member_uuid", "phone"), ("month",)),
    ImportKind.RATINGS: (("grassroots_uuid", "grassroots"), ("stars",)),
}


@dataclass(frozen=True)
class SourceRow:
    """One row of a file: its row number as the spreadsheet shows it, its cells by field, and the day its
    workbook's date serial numbers count from."""

    number: int
    values: Mapping[str, object]
    epoch: dt.date = EPOCH_1900


@dataclass(frozen=True)
class RowProblem:
    """Why a row was rejected or skipped: a message code about one field (None: the whole row)."""

    kind: ImportKind
    row: int
    field: str | None
    code: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)


@dataclass
class KindCounts:
    read: int = 0
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    rejected: int = 0


@dataclass
class ImportReport:
    """What an import found and did. ``committed`` is False after a dry run or a refusal."""

    counts: dict[ImportKind, KindCounts] = dataclasses.field(default_factory=dict)
    problems: list[RowProblem] = dataclasses.field(default_factory=list)  # rejected rows
    duplicates: list[RowProblem] = dataclasses.field(default_factory=list)  # skipped or updated rows
    committed: bool = False
    changed: Changed | None = None

    def of(self, kind: ImportKind) -> KindCounts:
        return self.counts.setdefault(kind, KindCounts())

    @property
    def written(self) -> int:
        return sum(counts.added + counts.updated for counts in self.counts.values())


class ImportMode(StrEnum):
    """What happens to a file with rejected rows: nothing (the default) or only the valid rows go in."""

    ALL_OR_NOTHING = "all_or_nothing"
    VALID_ONLY = "valid_only"
