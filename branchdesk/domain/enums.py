"""The programme's vocabulary (DESIGN.md §1) as enums whose values are stored in the ledger."""

from __future__ import annotations

from enum import StrEnum


class RegionLevel(StrEnum):
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"


class BranchKind(StrEnum):
    ORGAN = "organ"
    VILLAGE = "village"
    COMMUNITY = "community"
    GRID = "grid"

    @property
    def is_grassroots(self) -> bool:
        return self is not BranchKind.ORGAN


GRASSROOTS_KINDS = (BranchKind.VILLAGE, BranchKind.COMMUNITY, BranchKind.GRID)


class Tier(StrEnum):
    STRONG = "strong"
    AVERAGE = "average"
    WEAK = "weak"


class UnitLevel(StrEnum):
    CITY = "city"
    COUNTY = "county"
    CENTRAL = "central"  # central or provincial unit based in the city (中央、省驻信单位)


class PairingMethod(StrEnum):
    ASSIGNED = "assigned"
    DRAW = "draw"


class EndReason(StrEnum):
    MERGED = "merged"
    ABOLISHED = "abolished"
    VILLAGE_TO_COMMUNITY = "village_to_community"
    REPAIRED = "repaired"
    OTHER = "other"


class ActivityType(StrEnum):
    THEMED_DAY = "themed_day"
    LECTURE = "lecture"
    KEY_TASK = "key_task"
    VISIT = "visit"
    VOLUNTEER = "volunteer"
    OTHER = "other"

    @property
    def is_routine(self) -> bool:
        """Routine activities fall under the weekend rule; key-task (emergency) work does not."""
        return self is not ActivityType.KEY_TASK


class Area(StrEnum):
    """The six areas (六共), in the article's order."""

    ORGANISATION = "organisation"
    TEAM = "team"
    INDUSTRY = "industry"
    SERVICE = "service"
    CUSTOMS = "customs"
    PRACTICAL = "practical"


class DayKind(StrEnum):
    """An entry of the ledger's holiday table."""

    HOLIDAY = "holiday"  # official non-working day
    WORKDAY = "workday"  # adjusted working day (调休), usually a weekend


class ItemKind(StrEnum):
    """The three lists (DESIGN.md §11): the village's needs, the organ's resources, the projects matching
    a need with a resource."""

    NEED = "need"
    RESOURCE = "resource"
    PROJECT = "project"


class ItemStatus(StrEnum):
    """An item's way: open → in progress → done (销号)."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
