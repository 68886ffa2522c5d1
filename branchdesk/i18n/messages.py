"""Texts of the errors raised below the UI, by code (DESIGN.md §6)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from PySide6.QtCore import QCoreApplication

from branchdesk.domain.errors import BranchDeskError, InvalidRecordError, Reason
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.records import Problem
from branchdesk.i18n.language import (
    CHINESE,
    current_language,
    format_date,
    format_half_year,
    format_moment,
    format_month,
    format_span,
)
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.i18n.reasons import reason_text

CONTEXT = "Messages"

MESSAGES: dict[str, str] = {
    "ledger.missing": QT_TRANSLATE_NOOP("Messages", "The ledger file {path} does not exist."),
    "ledger.exists": QT_TRANSLATE_NOOP(
        "Messages", "The file {path} already exists. Choose another name, or allow overwriting it."
    ),
    "ledger.not_a_file": QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a ledger file."),
    "ledger.cannot_write": QT_TRANSLATE_NOOP("Messages", "{path} cannot be written: {reason}"),
    "ledger.is_open": QT_TRANSLATE_NOOP(
        "Messages", "{path} is the ledger open in this window; choose another name for the new ledger."
    ),
    "error.unexpected": QT_TRANSLATE_NOOP(
        "Messages", "Something unexpected went wrong ({reason}). Your ledger was not changed by it."
    ),
    "error.internal": QT_TRANSLATE_NOOP(
        "Messages",
        "Internal error: this is a fault in BranchDesk, not in what you did. Your ledger keeps everything "
        "saved before it. The details were written to {log}; please send that file to whoever supports "
        "BranchDesk.",
    ),
    "backup.failed": QT_TRANSLATE_NOOP("Messages", "The backup of {path} failed: {reason}"),
    "publish.failed": QT_TRANSLATE_NOOP("Messages", "Publishing into {path} failed: {reason}"),
    "publish.no_password": QT_TRANSLATE_NOOP(
        "Messages",
        "Set the password readers must give in the environment variable {variable} before serving; "
        "the snapshot is not served without one.",
    ),
    "publish.no_datasette": QT_TRANSLATE_NOOP(
        "Messages", "Datasette is not installed. Install it with: pip install branchdesk[publish]"
    ),
    "backup.cancelled": QT_TRANSLATE_NOOP("Messages", "The backup was cancelled; nothing was kept of it."),
    "backup.damaged": QT_TRANSLATE_NOOP(
        "Messages", "The backup {path} is damaged and cannot be restored. Choose another one."
    ),
    "ledger.folder_missing": QT_TRANSLATE_NOOP("Messages", "The folder {path} does not exist."),
    "ledger.not_a_ledger": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a BranchDesk ledger. It was left unchanged."
    ),
    "ledger.newer_version": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was saved by a newer BranchDesk (ledger version {file_version}; this program reads up to "
        "version {app_version}). Please update BranchDesk. The file was left unchanged.",
    ),
    "ledger.damaged": QT_TRANSLATE_NOOP(
        "Messages", "{path} is damaged and cannot be read. It was left unchanged; restore it from a backup."
    ),
    "ledger.locked": QT_TRANSLATE_NOOP(
        "Messages", "{path} is in use by another program. Close that program and try again."
    ),
    "ledger.read_only": QT_TRANSLATE_NOOP("Messages", "{path} is read-only; changes cannot be saved."),
    "ledger.needs_recovery": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was being saved when the computer stopped, and must be put back to its last saved state, "
        "which needs write access to the file and its folder.",
    ),
    "ledger.needs_upgrade_read_only": QT_TRANSLATE_NOOP(
        "Messages", "{path} is from an older BranchDesk and must be upgraded, which needs write access."
    ),
    "ledger.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk holding {path} is full. Nothing was changed; free some space and try again."
    ),
    "ledger.cannot_open": QT_TRANSLATE_NOOP("Messages", "{path} cannot be opened: {reason}"),
    "ledger.migration_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "Upgrading {path} to ledger version {version} failed ({reason}). The file was left as it was.",
    ),
    "region.not_found": QT_TRANSLATE_NOOP("Messages", "No region is named “{query}”."),
    "region.ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "“{query}” names several regions: {candidates}. Give the path or the official code."
    ),
    "region.none": QT_TRANSLATE_NOOP("Messages", "This ledger has no regions yet."),
    "region.choose_one": QT_TRANSLATE_NOOP(
        "Messages", "This ledger has several top regions ({candidates}); name one."
    ),
    "date.invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a date: write it as 2020-05-01 (or 2020/5/1, 20200501, 2020年5月1日)."
    ),
    "date.no_such_month": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a date: there is no month {month} (months run from 1 to 12)."
    ),
    "date.no_such_day": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a date: month {month} of {year} has only {days} days."
    ),
    "month.invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a month: write it as 2023-06 (or 2023/6, 2023年6月)."
    ),
    "month.no_such_month": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a month: there is no month {month} (months run from 1 to 12)."
    ),
    "month.locked": QT_TRANSLATE_NOOP(
        "Messages",
        "{month} is locked for {region}: its figures have been reported upward, so nothing in that month can "
        "be changed. Nothing was saved. To change it after all, unlock the month first and give the reason.",
    ),
    "month.lock_not_ended": QT_TRANSLATE_NOOP(
        "Messages",
        "{month} has not ended yet; only a month that has ended (and been reported) can be locked.",
    ),
    "month.already_locked": QT_TRANSLATE_NOOP("Messages", "{month} is already locked for {region}."),
    "month.not_locked": QT_TRANSLATE_NOOP("Messages", "{month} is not locked; there is nothing to unlock."),
    "month.lock_ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "{month} is locked for several regions ({regions}); name the one to unlock."
    ),
    "month.unlock_needs_reason": QT_TRANSLATE_NOOP(
        "Messages", "Unlocking a reported month needs a reason; it is kept in the ledger's history."
    ),
    "half_year.invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a half-year; write it as 2022-H1 or 2022年上半年."
    ),
    "halfyear.not_begun": QT_TRANSLATE_NOOP("Messages", "{half_year} has not begun yet: it has no figures."),
    "halfyear.task_twice": QT_TRANSLATE_NOOP("Messages", "The key task “{name}” is in the list twice."),
    "demo.clock_too_early": QT_TRANSLATE_NOOP(
        "Messages",
        "The computer's date ({today}) is before the programme began; the demo needs {earliest} or later.",
    ),
    "demo.unknown_scale": QT_TRANSLATE_NOOP("Messages", "Unknown scale “{scale}”; choose one of {choices}."),
    "pairing.organ_already_paired": QT_TRANSLATE_NOOP(
        "Messages", "This organ branch already has an active pairing; pairing is strictly one-to-one."
    ),
    "pairing.grassroots_already_paired": QT_TRANSLATE_NOOP(
        "Messages", "This grassroots branch already has an active pairing; pairing is strictly one-to-one."
    ),
    "pairing.wrong_sides": QT_TRANSLATE_NOOP(
        "Messages", "A pairing links an organ branch with a village, community or grid branch."
    ),
    "pairing.branch_archived": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” is archived; only active branches can be paired."
    ),
    "pairing.already_ended": QT_TRANSLATE_NOOP("Messages", "This pairing already ended on {date}."),
    "pairing.ends_before_start": QT_TRANSLATE_NOOP(
        "Messages", "The date is before the pairing started ({started})."
    ),
    "pairing.unit_not_assigned": QT_TRANSLATE_NOOP("Messages", "This unit is not assigned to a community."),
    "pairing.unit_nothing_to_pair": QT_TRANSLATE_NOOP(
        "Messages",
        "Nothing to pair: {unit} has no unpaired organ branch, or {community} has no unpaired grid.",
    ),
    "draw.scope_not_county": QT_TRANSLATE_NOOP(
        "Messages", "A draw is held within one county or district; {region} is not one."
    ),
    "draw.no_seed": QT_TRANSLATE_NOOP("Messages", "Enter a seed for the draw, or generate one."),
    "draw.nothing_to_draw": QT_TRANSLATE_NOOP(
        "Messages", "Nothing to draw in {region}: one side has no unpaired branch."
    ),
    "draw.stale": QT_TRANSLATE_NOOP(
        "Messages",
        "The branches of {region} changed since the preview (a pairing, an archived or regraded branch). "
        "Nothing was saved; preview the draw again.",
    ),
    "draw.not_found": QT_TRANSLATE_NOOP("Messages", "There is no committed draw number {id} in this ledger."),
    "draw.not_verifiable": QT_TRANSLATE_NOOP(
        "Messages", "Draw {id} was recorded without its candidates, so it cannot be re-run."
    ),
    "draw.unknown_algorithm": QT_TRANSLATE_NOOP(
        "Messages", "Draw {id} used draw algorithm version {version}, which this BranchDesk does not know."
    ),
    "draw.record_damaged": QT_TRANSLATE_NOOP(
        "Messages", "The record of draw {id} was altered: its candidates no longer match its input hash."
    ),
    "row.missing": QT_TRANSLATE_NOOP("Messages", "The record no longer exists; it may have been removed."),
    "row.foreign_key": QT_TRANSLATE_NOOP(
        "Messages", "The change would leave a record pointing to a record that does not exist."
    ),
    "row.constraint": QT_TRANSLATE_NOOP("Messages", "The change breaks a rule of the ledger: {reason}"),
    "branch.name_required": QT_TRANSLATE_NOOP("Messages", "Enter the branch's name."),
    "branch.duplicate_name": QT_TRANSLATE_NOOP(
        "Messages", "Another branch in the same region is already named “{name}”."
    ),
    "branch.region_required": QT_TRANSLATE_NOOP("Messages", "Choose the region the branch belongs to."),
    "branch.kind_not_chosen": QT_TRANSLATE_NOOP("Messages", "Choose the kind of branch."),
    "branch.tier_not_chosen": QT_TRANSLATE_NOOP(
        "Messages", "Choose the tier (or ungraded, if it has none yet)."
    ),
    "branch.township_required": QT_TRANSLATE_NOOP(
        "Messages", "Village, community and grid branches belong to a township: choose a township."
    ),
    "branch.unit_required": QT_TRANSLATE_NOOP(
        "Messages", "An organ branch belongs to a unit: choose its unit."
    ),
    "branch.community_required": QT_TRANSLATE_NOOP(
        "Messages", "A grid branch belongs to a community: choose its community."
    ),
    "branch.bad_phone": QT_TRANSLATE_NOOP(
        "Messages",
        "“{phone}” is not a phone number: give a mobile number (11 digits, starting with 1) or a landline "
        "with its area code, such as 0376-6221234.",
    ),
    "branch.negative_members": QT_TRANSLATE_NOOP("Messages", "The number of members cannot be negative."),
    "branch.optimised_not_organ": QT_TRANSLATE_NOOP(
        "Messages", "Only organ branches are optimised; leave the optimised date empty."
    ),
    "branch.date_in_future": QT_TRANSLATE_NOOP("Messages", "The date {date} is in the future."),
    "branch.unknown_kind": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a kind of branch: use organ, village, community or grid."
    ),
    "branch.kind_required": QT_TRANSLATE_NOOP("Messages", "Give the kind of branch."),
    "branch.unknown_tier": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a tier: use strong, average or weak, or leave it empty."
    ),
    "branch.unknown_unit": QT_TRANSLATE_NOOP(
        "Messages", "No unit is named “{name}”. Add the unit first (Branches ▸ New unit)."
    ),
    "branch.ambiguous_unit": QT_TRANSLATE_NOOP(
        "Messages", "Several units are named “{name}”; add this branch through the dialog to choose one."
    ),
    "branch.grid_needs_dialog": QT_TRANSLATE_NOOP(
        "Messages", "Grid branches are added through the dialog, where their community is chosen."
    ),
    "branch.grid_moves_with_community": QT_TRANSLATE_NOOP(
        "Messages", "A grid branch stays in its community's township; change its community instead."
    ),
    "stars.unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "“{value}” is no star rating: type 1 to 5 stars (e.g. 4 or 四星), with the year if needed.",
    ),
    "stars.not_grassroots": QT_TRANSLATE_NOOP(
        "Messages", "Only grassroots branches (villages, communities, grids) are rated with stars."
    ),
    "stars.future_year": QT_TRANSLATE_NOOP(
        "Messages", "The year {year} has not come yet: it cannot be rated."
    ),
    "stars.rated_in_future": QT_TRANSLATE_NOOP("Messages", "The date rated ({day}) is after today."),
    "stars.rated_before_year": QT_TRANSLATE_NOOP(
        "Messages", "The rating of {year} cannot be given before that year began ({day})."
    ),
    "stars.year_required": QT_TRANSLATE_NOOP(
        "Messages", "Give the year the stars are of (a 评星年度 column, or with the stars: 2023 四星)."
    ),
    "stars.nothing_to_remove": QT_TRANSLATE_NOOP("Messages", "{name} has no star rating for {year}."),
    "branch.not_editable": QT_TRANSLATE_NOOP("Messages", "This column cannot be changed here."),
    "branch.nothing_to_change": QT_TRANSLATE_NOOP("Messages", "Choose branches and what to change."),
    "branch.archive_paired": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” is in an active pairing; end the pairing before archiving the branch."
    ),
    "branch.kind_keeps_side": QT_TRANSLATE_NOOP(
        "Messages",
        "The branch has pairings on this side; an organ branch cannot become a grassroots branch or the "
        "other way round.",
    ),
    "branch.community_keeps_grids": QT_TRANSLATE_NOOP(
        "Messages", "Grids belong to this community: it stays a community in their township."
    ),
    "branch.community_elsewhere": QT_TRANSLATE_NOOP(
        "Messages", "The community “{name}” is in another township; a grid sits in its community's township."
    ),
    "branch.archive_before_pairing_end": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” has a pairing until {date}; archive it on that day or later."
    ),
    "branch.established_after_pairing": QT_TRANSLATE_NOOP(
        "Messages", "The branch has been paired since {date}; it was established by then."
    ),
    "branch.archive_before_established": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” cannot be archived before the date it was established."
    ),
    "branch.delete_referenced": QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” (and {count} selected in all) has or had pairings or grids and cannot be deleted; "
        "archive it instead, so its history stays in the ledger.",
    ),
    "unit.name_required": QT_TRANSLATE_NOOP("Messages", "Enter the unit's name."),
    "name.too_long": QT_TRANSLATE_NOOP(
        "Messages", "A name may be at most {limit} characters long; this one has {length}. Shorten it."
    ),
    "unit.duplicate_name": QT_TRANSLATE_NOOP("Messages", "A unit named “{name}” already exists there."),
    "region.name_required": QT_TRANSLATE_NOOP("Messages", "Enter the region's name."),
    "region.duplicate_name": QT_TRANSLATE_NOOP("Messages", "A region named “{name}” already exists there."),
    "region.duplicate_code": QT_TRANSLATE_NOOP(
        "Messages", "The official code {official_code} is already used by another region."
    ),
    "region.no_children": QT_TRANSLATE_NOOP(
        "Messages", "Townships are the lowest level: choose the city or a county to add a region to."
    ),
    "chain.city_required": QT_TRANSLATE_NOOP(
        "Messages", "Enter the city's name (the top of the region chain)."
    ),
    "chain.name_required": QT_TRANSLATE_NOOP(
        "Messages", "Enter this region's name, or clear its official code to leave it out."
    ),
    "chain.county_required": QT_TRANSLATE_NOOP(
        "Messages", "Townships belong to a county: enter the county's name first."
    ),
    "chain.duplicate_township": QT_TRANSLATE_NOOP("Messages", "The township “{name}” is listed twice."),
    "chain.too_deep": QT_TRANSLATE_NOOP(
        "Messages", "“{path}” has more than three levels; a region chain is city/county/township."
    ),
    "chain.too_many_codes": QT_TRANSLATE_NOOP(
        "Messages",
        "{codes} official codes for a chain of {levels} levels: give at most one code per level, in chain "
        "order.",
    ),
    "region.bad_move": QT_TRANSLATE_NOOP("Messages", "“{name}” cannot be placed under “{parent}”."),
    "region.remove_top": QT_TRANSLATE_NOOP(
        "Messages", "The city at the top of the ledger cannot be removed."
    ),
    "region.has_branches": QT_TRANSLATE_NOOP(
        "Messages",
        "“{name}” still holds {count} branches (such as {where}); move or delete them before removing it.",
    ),
    "region.has_regions": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” still holds {count} townships; move or remove them first."
    ),
    "region.has_units": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” still has {count} units registered in it; they must be moved first."
    ),
    "pairing.starts_in_future": QT_TRANSLATE_NOOP(
        "Messages", "A pairing cannot start in the future ({date})."
    ),
    "pairing.ends_in_future": QT_TRANSLATE_NOOP(
        "Messages", "A pairing cannot be ended in the future ({date}); end it on or after its last day."
    ),
    "pairing.before_established": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” was established after {date}, so it cannot be paired from that day."
    ),
    "undo.nothing": QT_TRANSLATE_NOOP("Messages", "There is nothing to undo for this action."),
    "undo.conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "“{subject}” has changed since this action, so the action cannot be undone. Nothing was changed.",
    ),
    "check.cancelled": QT_TRANSLATE_NOOP("Messages", "The check was cancelled."),
    "check.integrity": QT_TRANSLATE_NOOP("Messages", "The file's structure is damaged: {detail}"),
    "check.application_id": QT_TRANSLATE_NOOP("Messages", "The file is not marked as a BranchDesk ledger."),
    "check.foreign_key": QT_TRANSLATE_NOOP("Messages", "A record points to a missing record: {detail}"),
    # The ledger's rules (domain.rules), as Check database names each row that breaks one.
    "rule.pairing_sides": QT_TRANSLATE_NOOP(
        "Messages", "Pairing {pairing} ({span}) does not link an organ branch with a grassroots branch."
    ),
    "rule.pairing_overlap": QT_TRANSLATE_NOOP(
        "Messages",
        "{branch} is in two pairings at the same time: {pairing} ({span}) and {other} ({other_span}).",
    ),
    "rule.pairing_outside_life": QT_TRANSLATE_NOOP(
        "Messages",
        "Pairing {pairing} ({span}) lies outside the life of {branch} "
        "(established {established}, archived {archived}).",
    ),
    "rule.pairing_in_future": QT_TRANSLATE_NOOP(
        "Messages", "Pairing {pairing} ({span}) starts or ends after today ({today})."
    ),
    "rule.activity_outside_pairing": QT_TRANSLATE_NOOP(
        "Messages", "The activity of {held_on} lies outside the dates of its pairing {pairing} ({span})."
    ),
    "rule.activity_in_future": QT_TRANSLATE_NOOP(
        "Messages", "The activity of {held_on} of pairing {pairing} is dated after today ({today})."
    ),
    "rule.attendance": QT_TRANSLATE_NOOP(
        "Messages",
        "The attendance of the activity of {held_on} of pairing {pairing} does not add up: expected "
        "{expected}, present {present}, {named} absentees named, make-up session {make_up}.",
    ),
    "rule.key_task_half_year": QT_TRANSLATE_NOOP(
        "Messages",
        "The activity of {held_on} of pairing {pairing} serves the key task {task} of another half-year "
        "({half_year}).",
    ),
    "rule.target_before_signing": QT_TRANSLATE_NOOP(
        "Messages",
        "The target “{target}” of the agreement of pairing {pairing} is due on {due_on}, before the "
        "agreement was signed ({signed_on}).",
    ),
    "rule.agreement_in_future": QT_TRANSLATE_NOOP(
        "Messages", "The agreement of pairing {pairing} has a date after today: {day} (today is {today})."
    ),
    "agreement.target_name_empty": QT_TRANSLATE_NOOP("Messages", "Target {row} needs its text."),
    "agreement.target_number": QT_TRANSLATE_NOOP(
        "Messages", "The number of the target “{target}” must be more than 0 (or left empty)."
    ),
    "agreement.target_before_signing": QT_TRANSLATE_NOOP(
        "Messages", "The target “{target}” is due on {due}, before the agreement was signed ({signed})."
    ),
    "agreement.target_before_signing_held": QT_TRANSLATE_NOOP(
        "Messages", "A target would be due before its agreement was signed; nothing was changed."
    ),
    "agreement.progress_negative": QT_TRANSLATE_NOOP(
        "Messages", "The progress of the target “{target}” cannot be below 0."
    ),
    "agreement.progress_in_future": QT_TRANSLATE_NOOP(
        "Messages", "The progress of the target “{target}” is dated {recorded}, after today ({today})."
    ),
    "agreement.signed_in_future": QT_TRANSLATE_NOOP(
        "Messages", "The agreement is signed on {signed}, after today ({today})."
    ),
    "agreement.phone": QT_TRANSLATE_NOOP("Messages", "“{phone}” is not a phone number."),
    "agreement.none": QT_TRANSLATE_NOOP(
        "Messages", "The pairing {pairing} has no agreement yet: enter it first (Pairing ▸ Agreement)."
    ),
    "rule.duplicate_name": QT_TRANSLATE_NOOP(
        "Messages", "{count} active branches in {region} have the same name {name}."
    ),
    "rule.grassroots_township": QT_TRANSLATE_NOOP(
        "Messages", "The grassroots branch {name} sits in {region}, which is not a township."
    ),
    "rule.grid_community": QT_TRANSLATE_NOOP(
        "Messages",
        "The grid branch {name} in {region} names {community}, which is not a community branch of its "
        "township.",
    ),
    "rule.organ_unit": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} in {region}: an organ branch must belong to a unit, and only organ branches belong to one.",
    ),
    "rule.star_rating": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} in {region}: its star rating of {year} ({stars} stars, rated on {rated_on}) is of a branch "
        "that is not a grassroots branch, given before the year began or dated after today ({today}).",
    ),
    "rule.halfyear_summary": QT_TRANSLATE_NOOP(
        "Messages",
        "The summary of {half_year} of {region} is dated {frozen_on}: before that half-year began or after "
        "today ({today}).",
    ),
    "rule.plan_item_links": QT_TRANSLATE_NOOP(
        "Messages",
        "The project {title} of pairing {pairing} names a need or resource that is not one of its own "
        "pairing's, or is no project.",
    ),
    "rule.plan_item_in_future": QT_TRANSLATE_NOOP(
        "Messages", "The item {title} of pairing {pairing} is dated {day}, after today ({today})."
    ),
    "rule.known_values": QT_TRANSLATE_NOOP(
        "Messages", "{row} holds the value {value}, which the ledger does not know."
    ),
    "pairing.overlap": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} already has a pairing from {started} to {ended}; a branch is in one pairing at a time, "
        "so the two may not share a day.",
    ),
    "pairing.overlap_open": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} has been in a pairing since {started}; a branch is in one pairing at a time, so the two "
        "may not share a day.",
    ),
    "pairing.overlap_held": QT_TRANSLATE_NOOP(
        "Messages",
        "A branch would be in two pairings on the same day; a branch is in one pairing at a time. "
        "Nothing was changed.",
    ),
    "pairing.activity_after_end": QT_TRANSLATE_NOOP(
        "Messages",
        "The pairing has an activity on {date}; it can end on that day at the earliest "
        "(or move the activity).",
    ),
    "pairing.repair_too_soon": QT_TRANSLATE_NOOP(
        "Messages",
        "The pairing started on {started}; a new partner can start on the day after at the earliest.",
    ),
    "pairing.after_archived": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” was archived on {date}; its pairings end by then."
    ),
    "activity.in_future": QT_TRANSLATE_NOOP(
        "Messages", "The date {date} is in the future (today is {today}); record an activity once it is held."
    ),
    "activity.no_pairing": QT_TRANSLATE_NOOP(
        "Messages", "Choose the pairing (or pairings) that held the activity."
    ),
    "activity.before_pairing": QT_TRANSLATE_NOOP(
        "Messages", "{date} is before the pairing {pairing} started ({started})."
    ),
    "activity.after_pairing": QT_TRANSLATE_NOOP(
        "Messages", "{date} is after the pairing {pairing} ended ({ended})."
    ),
    "activity.volunteers": QT_TRANSLATE_NOOP(
        "Messages", "At least one Party-member volunteer takes part in an activity ({volunteers} given)."
    ),
    "activity.no_area": QT_TRANSLATE_NOOP(
        "Messages", "Tick at least one of the six areas the activity served."
    ),
    "activity.key_task_missing": QT_TRANSLATE_NOOP(
        "Messages", "Choose the key task this key-task activity served."
    ),
    "pairing.cross_county": QT_TRANSLATE_NOOP(
        "Messages",
        "The organ branch is in {organ_county} and the grassroots branch in {grassroots_county}: pairing "
        "across two counties needs the user's confirmation.",
    ),
    "activity.no_date": QT_TRANSLATE_NOOP("Messages", "Enter the date the activity was held."),
    "activity.no_type": QT_TRANSLATE_NOOP("Messages", "Choose the type of activity."),
    "activity.key_task_half_year": QT_TRANSLATE_NOOP(
        "Messages", "The key task “{task}” belongs to {half_year}; choose one of the activity's half-year."
    ),
    "activity.weekday_reason": QT_TRANSLATE_NOOP(
        "Messages",
        "{date} is a working day. Routine activities are held on days off (weekend rule): give the reason "
        "for holding it on a working day, or choose another date.",
    ),
    "activity.none_selected": QT_TRANSLATE_NOOP("Messages", "Select the activities first."),
    "attendance.expected": QT_TRANSLATE_NOOP(
        "Messages", "Enter how many Party members were expected (at least 1; {expected} given)."
    ),
    "attendance.present_over_expected": QT_TRANSLATE_NOOP(
        "Messages", "Present ({present}) cannot be more than expected ({expected})."
    ),
    "attendance.absentee_name": QT_TRANSLATE_NOOP("Messages", "Each absentee needs a name."),
    "attendance.absentee_reason": QT_TRANSLATE_NOOP("Messages", "Give the reason {name} was absent."),
    "attendance.absentees_count": QT_TRANSLATE_NOOP(
        "Messages",
        "{named} absentees are named, but expected minus present is {absent}: name every absentee, or check "
        "the numbers.",
    ),
    "attendance.make_up_without_absent": QT_TRANSLATE_NOOP(
        "Messages", "Nobody was absent, so there is no make-up session to record."
    ),
    "attendance.make_up_before": QT_TRANSLATE_NOOP(
        "Messages", "The make-up session ({date}) cannot be before the activity ({held})."
    ),
    "check.chain_broken": QT_TRANSLATE_NOOP(
        "Messages",
        "The change history was altered outside BranchDesk: entry {id} (of {at}) no longer matches the "
        "entries before it. The history from there on cannot be trusted.",
    ),
    "check.chain_gap": QT_TRANSLATE_NOOP(
        "Messages",
        "The change history was altered outside BranchDesk: {missing} entries before entry {id} were "
        "removed.",
    ),
    "attendance.incomplete": QT_TRANSLATE_NOOP(
        "Messages", "Attendance needs both numbers, expected and present (or neither)."
    ),
    "key_task.name_empty": QT_TRANSLATE_NOOP("Messages", "A key task needs a name."),
    "item.title_empty": QT_TRANSLATE_NOOP("Messages", "An item needs a title."),
    "item.title_too_long": QT_TRANSLATE_NOOP("Messages", "An item's title has at most {limit} characters."),
    "item.in_future": QT_TRANSLATE_NOOP(
        "Messages",
        "{day} is after today ({today}): an item is entered once raised, and ticked off once done.",
    ),
    "item.due_before_opened": QT_TRANSLATE_NOOP(
        "Messages", "The due date {due} is before the item was raised ({opened})."
    ),
    "item.done_needs_date": QT_TRANSLATE_NOOP("Messages", "A done item needs the date it was done."),
    "item.done_before_opened": QT_TRANSLATE_NOOP(
        "Messages", "The item cannot be done ({done}) before it was raised ({opened})."
    ),
    "item.done_needs_note": QT_TRANSLATE_NOOP(
        "Messages", "Ticking an item off needs a note of what was done."
    ),
    "item.links_of_projects": QT_TRANSLATE_NOOP(
        "Messages", "Only a project names the need and the resource it matches."
    ),
    "item.link_wrong": QT_TRANSLATE_NOOP(
        "Messages",
        "A project matches a need and a resource of its own pairing; the {kind} chosen is not one.",
    ),
    "item.activity_of_other_pairing": QT_TRANSLATE_NOOP(
        "Messages", "An item is linked only to activities of its own pairing."
    ),
    "item.in_use": QT_TRANSLATE_NOOP(
        "Messages", "The projects {projects} name this item; change them first."
    ),
    "key_task.name_taken": QT_TRANSLATE_NOOP("Messages", "{half_year} already has a key task “{name}”."),
    "key_task.nothing_to_copy": QT_TRANSLATE_NOOP(
        "Messages", "{target} already has every key task of {source} that is in use; nothing was copied."
    ),
    "holidays.bad_line": QT_TRANSLATE_NOOP(
        "Messages",
        "Line {line} cannot be read: “{text}”. Write a date or a range, then 休 or 班, then a name, "
        "e.g. 2027-02-06~2027-02-12 休 春节.",
    ),
    "holidays.wrong_year": QT_TRANSLATE_NOOP("Messages", "Line {line} is not in {year}: “{text}”."),
    "holidays.bad_year": QT_TRANSLATE_NOOP("Messages", "{year} is not a year the calendar can hold."),
    "cell.not_a_number": QT_TRANSLATE_NOOP("Messages", "“{value}” is not a whole number."),
    "cell.formula_without_value": QT_TRANSLATE_NOOP(
        "Messages",
        "The formula {formula} has no saved result (the file was never calculated); "
        "open it in Excel or WPS, save it, and import it again.",
    ),
    "cell.not_yes_no": QT_TRANSLATE_NOOP("Messages", "“{value}” is neither 是 (yes) nor 否 (no)."),
    "cell.unknown_term": QT_TRANSLATE_NOOP("Messages", "“{value}” is not one of {choices}."),
    "export.cannot_write": QT_TRANSLATE_NOOP("Messages", "{path} cannot be written: {reason}"),
    "import.missing": QT_TRANSLATE_NOOP("Messages", "The file {path} does not exist."),
    "import.too_large": QT_TRANSLATE_NOOP(
        "Messages", "{path} is too large to be a ledger's workbook; it was not opened."
    ),
    "import.bomb": QT_TRANSLATE_NOOP(
        "Messages", "{path} is built to expand enormously when opened (a zip or XML bomb); it was not opened."
    ),
    "import.malformed": QT_TRANSLATE_NOOP(
        "Messages", "{path} is damaged or not really a workbook; save it again from Excel or WPS."
    ),
    "import.unknown_format": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a workbook BranchDesk reads; save it as .xlsx, .xls or .csv."
    ),
    "import.encoding_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "The text encoding of {path} is not clearly UTF-8 or GBK.",
    ),
    "import.bom_not_utf8": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is marked as UTF-8 text but is written in another encoding (probably GBK). Open it in "
        "Excel or WPS, check that the Chinese reads correctly, save it as an Excel workbook (.xlsx) and "
        "import that.",
    ),
    "import.wrong_encoding": QT_TRANSLATE_NOOP("Messages", "{path} cannot be read as {encoding}."),
    "import.no_sheets": QT_TRANSLATE_NOOP("Messages", "{path} has none of the sheets {sheets}."),
    "import.missing_columns": QT_TRANSLATE_NOOP(
        "Messages", "The sheet {sheet} has no column for: {columns}. Add the column or correct the mapping."
    ),
    "import.required": QT_TRANSLATE_NOOP("Messages", "This cell must be filled in."),
    "import.date_in_future": QT_TRANSLATE_NOOP("Messages", "{date} is in the future."),
    "import.not_found": QT_TRANSLATE_NOOP(
        "Messages", "Nothing in the ledger or the file is named “{value}”."
    ),
    "import.ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "{count} records are named “{value}”; give the region or unit to tell them apart."
    ),
    "import.wrong_kind": QT_TRANSLATE_NOOP("Messages", "“{value}” is not a branch of the kind needed here."),
    "import.duplicate": QT_TRANSLATE_NOOP("Messages", "Already in the ledger: “{name}”."),
    "import.wrong_parent_level": QT_TRANSLATE_NOOP(
        "Messages", "{value} cannot hold this region (a county sits in a city, a township in a county)."
    ),
    "import.code_taken": QT_TRANSLATE_NOOP("Messages", "Another region has the code {value}."),
    "import.archived_before_established": QT_TRANSLATE_NOOP(
        "Messages", "The branch cannot be archived before it was established."
    ),
    "import.bad_draw_record": QT_TRANSLATE_NOOP("Messages", "The draw record in this cell is damaged."),
    "import.ended_before_started": QT_TRANSLATE_NOOP("Messages", "The pairing ends before it starts."),
    "import.reason_without_end": QT_TRANSLATE_NOOP("Messages", "An end reason needs an end date."),
    "import.draw_required": QT_TRANSLATE_NOOP(
        "Messages", "A pairing made by draw needs the draw's number (抽签编号) from the same ledger."
    ),
    "import.no_pairing": QT_TRANSLATE_NOOP("Messages", "This branch had no pairing on {date}."),
    "import.no_agreement": QT_TRANSLATE_NOOP(
        "Messages", "No pairing of “{name}” has an agreement yet (give the agreement on its sheet first)."
    ),
    "import.no_team": QT_TRANSLATE_NOOP(
        "Messages", "{branch} had no work team on {day} (or several: give the team's number)."
    ),
    "import.no_member": QT_TRANSLATE_NOOP(
        "Messages",
        "No work team member with the number {phone} serves in {month} (or more than one does: give the "
        "member's number).",
    ),
    "import.no_such_day": QT_TRANSLATE_NOOP("Messages", "{month} has {days} days, not {day}."),
    # Data packages (.bdx, DESIGN.md §9): refused before any line is used; the ledger is never touched.
    "package.missing": QT_TRANSLATE_NOOP("Messages", "The package {path} does not exist."),
    "package.cannot_read": QT_TRANSLATE_NOOP("Messages", "The package {path} cannot be read: {reason}"),
    "package.cannot_write": QT_TRANSLATE_NOOP("Messages", "The package {path} cannot be written: {reason}"),
    "package.damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The package {path} is incomplete or damaged (cut short in copying or sending?). Nothing was "
        "imported; ask the sender to send it again.",
    ),
    "package.not_a_package": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a BranchDesk data package. Nothing was imported."
    ),
    "package.too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "The package {path} unpacks to far more data than a ledger holds, so it was not opened. "
        "Nothing was imported.",
    ),
    "package.unknown_format": QT_TRANSLATE_NOOP(
        "Messages",
        "The package is of format version {version}; this program reads version {supported}. Please "
        "update BranchDesk. Nothing was imported.",
    ),
    "package.newer_schema": QT_TRANSLATE_NOOP(
        "Messages",
        "The package was made by a newer BranchDesk (ledger version {package_version}; this program reads "
        "up to version {app_version}). Please update BranchDesk. Nothing was imported.",
    ),
    "package.bad_manifest": QT_TRANSLATE_NOOP(
        "Messages",
        "The package's list of contents is damaged or incomplete. Nothing was imported; ask the sender for "
        "a new package.",
    ),
    "package.bad_signature": QT_TRANSLATE_NOOP(
        "Messages",
        "The package's signature does not match its contents: it was changed after it was made. Nothing "
        "was imported; ask the sender for a new package.",
    ),
    "package.wrong_key": QT_TRANSLATE_NOOP(
        "Messages",
        "The package is signed with the key {found}, but packages from this ledger so far came with the key "
        "{pinned}. It may come from a re-created ledger or be forged. Nothing was imported; check with the "
        "sender by phone.",
    ),
    "package.member_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The package lacks its part {member}. Nothing was imported; ask the sender to send it again.",
    ),
    "package.member_extra": QT_TRANSLATE_NOOP(
        "Messages",
        "The package holds {member}, which its list of contents does not name. Nothing was imported.",
    ),
    "package.member_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "The part {member} of the package is not what the package says it is (it was changed or damaged). "
        "Nothing was imported; ask the sender to send it again.",
    ),
    "package.picture_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "A photo in the package ({member}) is not the picture the package says it is (it was changed or "
        "damaged). Nothing was imported and no photo was kept; ask the sender to send it again.",
    ),
    "package.bad_line": QT_TRANSLATE_NOOP(
        "Messages", "Line {line} of {member} in the package cannot be read. Nothing was imported."
    ),
    "package.counts_wrong": QT_TRANSLATE_NOOP(
        "Messages",
        "The package says it holds {declared} records of one kind ({table}) but holds {found}. Nothing was "
        "imported; ask the sender for a new package.",
    ),
    "package.nothing_new": QT_TRANSLATE_NOOP(
        "Messages",
        "Nothing has changed since the receiver last acknowledged this ledger's changes: there is nothing to "
        "send. A full package sends every record.",
    ),
    "package.receipt_for_new": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is a receipt: it only says what an office received, and holds no records. A new ledger is "
        "made from a seed or full package. Ask the office above for one.",
    ),
    "package.not_for_new": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} holds changes only; a new ledger is made from a seed or full package. Ask the office above "
        "for one.",
    ),
    "package.bad_row": QT_TRANSLATE_NOOP(
        "Messages",
        "The package holds a record of {table} with a field this program does not know ({column}).",
    ),
    "package.unknown_reference": QT_TRANSLATE_NOOP(
        "Messages",
        "A record of {table} in the package refers ({column}) to a record the package does not hold. "
        "Nothing was imported; ask the sender for a new package.",
    ),
    "receipt.not_a_receipt": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a data package, not a receipt. Nothing was changed; import it as a package."
    ),
    "receipt.unknown_key": QT_TRANSLATE_NOOP(
        "Messages",
        "The receipt is signed with the key {fingerprint}, which this ledger has never trusted. Nothing "
        "was changed. Check the fingerprint with the receiving office by phone, then trust its key with a "
        "reason.",
    ),
    "receipt.own": QT_TRANSLATE_NOOP(
        "Messages",
        "The receipt {path} was written by this ledger itself; send it to the office whose package it "
        "acknowledges. Nothing was changed.",
    ),
    "receipt.not_sent": QT_TRANSLATE_NOOP(
        "Messages",
        "The receipt {path} is for a package this ledger never sent (or not as it was sent). Nothing was "
        "changed.",
    ),
    "package.scope_owned": QT_TRANSLATE_NOOP(
        "Messages",
        "The package comes from a ledger (key {found}) that this ledger does not know, for {scope}, which "
        "the ledger with key {owner} speaks for. Nothing was imported. If {scope} made a new ledger (its "
        "file was lost or re-created), check the key by phone and accept the new ledger as its successor, "
        "with a reason.",
    ),
    "trust.needs_reason": QT_TRANSLATE_NOOP(
        "Messages", "Trusting a key needs a reason; it is kept with the key's history."
    ),
    "trust.own_package": QT_TRANSLATE_NOOP(
        "Messages", "This package was written by this ledger itself; there is no other key to trust."
    ),
    "package.other_office": QT_TRANSLATE_NOOP(
        "Messages",
        "The package {path} comes from {sender}, an office neither above nor below this ledger's. "
        "Nothing was imported; check that it was sent to the right office.",
    ),
    "package.from_above": QT_TRANSLATE_NOOP(
        "Messages",
        "The package {path} comes from {sender}, the office above, and holds the records of all its offices; "
        "this ledger keeps {mine}. Nothing was imported: the office above sends this ledger its records in "
        "a seed package of {mine}.",
    ),
    "package.seed_elsewhere": QT_TRANSLATE_NOOP(
        "Messages",
        "The package {path} is the seed of {scope}, and this ledger keeps {mine}. Nothing was imported: a "
        "seed goes into the ledger of its own region, or a new ledger is made from it.",
    ),
    "package.full_first": QT_TRANSLATE_NOOP(
        "Messages",
        "The package {path} holds the changes of {sender}, whose records this ledger does not have yet. "
        "Nothing was imported; import {sender}'s full package first (it sends one once: all its records), "
        "then its monthly packages.",
    ),
    "package.gap": QT_TRANSLATE_NOOP(
        "Messages",
        "Changes from {sender} are missing before the package {path}: this ledger has its changes up to "
        "number {last}, the package starts at number {first}. The package was not imported; ask {sender} for "
        "a new package.",
    ),
    "package.conflicts": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} records were changed both here and in the packages, differently. Nothing was imported; "
        "choose whose version to keep.",
    ),
    "key.cannot_write": QT_TRANSLATE_NOOP(
        "Messages", "The ledger's signing key cannot be saved to {path}: {reason}"
    ),
    "key.cannot_read": QT_TRANSLATE_NOOP(
        "Messages", "The ledger's signing key {path} cannot be read: {reason}"
    ),
    "pairing.not_found": QT_TRANSLATE_NOOP(
        "Messages",
        "No pairing is named “{query}”: give a branch's name or the pairing's uuid (as exports write it).",
    ),
    "pairing.ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "“{query}” names several pairings: {candidates}. Give the pairing's uuid."
    ),
    "ledger_doc.range_reversed": QT_TRANSLATE_NOOP(
        "Messages", "The first month {first} is after the last month {last}."
    ),
    "ledger_doc.pairing_outside": QT_TRANSLATE_NOOP(
        "Messages", "The pairing was not active between {first} and {last}; choose other months."
    ),
    "ledger_doc.template_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The Word template {path} cannot be read: {reason}. No document was written."
    ),
    "ledger_doc.template_not_docx": QT_TRANSLATE_NOOP(
        "Messages", "The Word template {path} is not a Word document (.docx). No document was written."
    ),
    "ledger_doc.template_broken": QT_TRANSLATE_NOOP(
        "Messages", "The Word template {path} has a malformed field ({reason}). No document was written."
    ),
    "ledger_doc.template_missing_field": QT_TRANSLATE_NOOP(
        "Messages",
        "The Word template {path} lacks the field “{field}”, without which it is no ledger. "
        "No document was written.",
    ),
    "ledger_doc.template_unknown_field": QT_TRANSLATE_NOOP(
        "Messages",
        "The Word template {path} uses the field “{field}”, which BranchDesk does not fill. "
        "No document was written; correct the field's name (docs/word-ledger.md lists them).",
    ),
    "key.damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The ledger's signing key {path} is damaged or belongs to another ledger. It was left as it is; "
        "restore it from a copy of the data folder.",
    ),
    "photo.missing_file": QT_TRANSLATE_NOOP("Messages", "The photo {path} does not exist."),
    "photo.cannot_read": QT_TRANSLATE_NOOP("Messages", "The photo {path} cannot be read: {reason}"),
    "photo.not_an_image": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a photo that BranchDesk can read (JPEG or PNG). It was not added."
    ),
    "photo.heic": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} is an HEIC photo (an iPhone's own format), which BranchDesk cannot read. Send it as JPEG "
        "(in WeChat, tick “original”), or set the iPhone's camera to “Most Compatible”. It was not added.",
    ),
    "photo.too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} is {megabytes} MB; a photo may be at most {limit} MB. Choose a smaller copy. "
        "It was not added.",
    ),
    "photo.too_many_pixels": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} has more than {limit} million pixels (a panorama or a scan?), more than a photo needs. "
        "Choose a smaller copy. It was not added.",
    ),
    "photo.damaged": QT_TRANSLATE_NOOP(
        "Messages", "{name} is damaged or incomplete (was it copied whole?). It was not added."
    ),
    "photo.store_read_only": QT_TRANSLATE_NOOP(
        "Messages",
        "The photo folder {path} is read-only (a locked USB stick?), so no photo can be added. Copy the "
        "ledger and its photo folder to the computer, or unlock the stick. The ledger was not changed.",
    ),
    "photo.store_cannot_write": QT_TRANSLATE_NOOP(
        "Messages", "The photo folder {path} cannot be written: {reason}. The ledger was not changed."
    ),
    "photo.unknown_picture": QT_TRANSLATE_NOOP(
        "Messages", "A photo to be saved is not in this ledger ({sha256}); add it again."
    ),
    "photo.folder_missing": QT_TRANSLATE_NOOP("Messages", "The folder {path} does not exist."),
    "photo.one_activity": QT_TRANSLATE_NOOP(
        "Messages", "Photos belong to one activity: record them for one pairing at a time."
    ),
    "activity.items_one_pairing": QT_TRANSLATE_NOOP(
        "Messages", "List items belong to one pairing: link them to an activity recorded for one pairing."
    ),
    "team.bad_mark": QT_TRANSLATE_NOOP(
        "Messages",
        "“{text}” is no day mark: type P, L, B or A (在, 假, 公, 缺), and after a leave its reason.",
    ),
    "team.wrong_length": QT_TRANSLATE_NOOP(
        "Messages",
        "The days of {month} must be {days} days long.",
    ),
    "team.day_outside_member": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} serves from {from_on} to {to_on}: {day} is outside that, no day may be entered for it.",
    ),
    "team.reason_without_leave": QT_TRANSLATE_NOOP(
        "Messages",
        "{name}, day {day}: a reason is given only for a day of leave.",
    ),
    "team.member_name_empty": QT_TRANSLATE_NOOP(
        "Messages",
        "Enter the member's name.",
    ),
    "team.member_phone": QT_TRANSLATE_NOOP(
        "Messages",
        "“{phone}” is no phone number: a member is known by a mobile or landline number.",
    ),
    "team.dates_order": QT_TRANSLATE_NOOP(
        "Messages",
        "The end {to_on} is before the start {from_on}.",
    ),
    "team.date_in_future": QT_TRANSLATE_NOOP(
        "Messages",
        "{day} has not come yet: enter a team or member from the day they start.",
    ),
    "team.member_outside_team": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} must serve within the team's dates ({team_from} to {team_to}).",
    ),
    "team.paste_columns": QT_TRANSLATE_NOOP(
        "Messages",
        "The pasted cells are {columns} columns wide, but from day {day} the month has only {days_left} "
        "days left. Nothing was pasted: copy the days only, without names or headers.",
    ),
    "team.paste_start": QT_TRANSLATE_NOOP(
        "Messages", "Select the cell of the first day to paste into, then paste."
    ),
    "team.sheet_no_phone": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} has no column of phone numbers (电话): the members are found by their numbers. Nothing "
        "was imported.",
    ),
    "team.sheet_columns": QT_TRANSLATE_NOOP(
        "Messages",
        "The sheet's day columns are not those of {month}: it has {found} day columns, the month has "
        "{days} days. Nothing was imported.",
    ),
    "team.sheet_bad_cell": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}, day {day}: “{text}” is no day mark (在, 假, 公, 缺 or P, L, B, A). Nothing was imported.",
    ),
    "team.paste_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "The pasted cells are {rows} rows high, but only {rows_left} members are listed from here. "
        "Nothing was pasted.",
    ),
    "team.paste_bad_cell": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row} of the pasted cells, day {day}: “{text}” is no day mark (在, 假, 公, 缺 or P, L, B, A). "
        "Nothing was pasted.",
    ),
    "team.day_twice": QT_TRANSLATE_NOOP(
        "Messages",
        "{phone} on {day} is entered twice (rows {first} and {second}); nothing was imported.",
    ),
    "team.day_twice_held": QT_TRANSLATE_NOOP(
        "Messages",
        "This member's month is entered twice; nothing was saved.",
    ),
    "team.bad_min_days": QT_TRANSLATE_NOOP(
        "Messages",
        "The rule must be between 1 and {most} days a month, not {days}.",
    ),
    "team.not_grassroots": QT_TRANSLATE_NOOP(
        "Messages",
        "A work team is sent to a village, community or grid branch, not to an organ branch.",
    ),
    "team.branch_has_team": QT_TRANSLATE_NOOP(
        "Messages",
        "{branch} already has a work team: end it before sending another.",
    ),
    "team.branch_has_team_held": QT_TRANSLATE_NOOP(
        "Messages",
        "This branch already has a work team; nothing was saved.",
    ),
    "team.member_busy": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} ({phone}) already serves on the work team of {branch} from {from_on} to {to_on}: one "
        "person serves on one team at a time.",
    ),
    "team.member_overlap_held": QT_TRANSLATE_NOOP(
        "Messages",
        "This person already serves on another work team at that time; nothing was saved.",
    ),
    "team.no_member_on_day": QT_TRANSLATE_NOOP(
        "Messages",
        "No work team member with the number {phone} serves on {day}; nothing was imported.",
    ),
    "rule.team_grassroots": QT_TRANSLATE_NOOP(
        "Messages",
        "The work team of {branch} (from {started_on}) is sent to a branch that is no village, "
        "community or grid.",
    ),
    "rule.team_member_overlap": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} ({phone}) serves on two work teams at the same time: {branch} ({span}) and {other} "
        "({other_span}).",
    ),
    "rule.team_member_outside_team": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} of the work team of {branch} serves {span}, outside the team's dates {team_span}.",
    ),
    "rule.team_days_outside_member": QT_TRANSLATE_NOOP(
        "Messages",
        "{name} has days entered in {month} outside their service {span}.",
    ),
}


# The tables a message may name (``{table}``: a package's counts, rows and references), as a clerk calls
# their records; a table not listed is named as the file names it.
TABLE_NAMES = {
    "star_rating": QT_TRANSLATE_NOOP("Messages", "star rating"),
    "halfyear_summary": QT_TRANSLATE_NOOP("Messages", "half-year summary"),
    "region": QT_TRANSLATE_NOOP("Messages", "region"),
    "unit": QT_TRANSLATE_NOOP("Messages", "unit"),
    "branch": QT_TRANSLATE_NOOP("Messages", "branch"),
    "draw": QT_TRANSLATE_NOOP("Messages", "draw"),
    "key_task": QT_TRANSLATE_NOOP("Messages", "key task"),
    "pairing": QT_TRANSLATE_NOOP("Messages", "pairing"),
    "activity": QT_TRANSLATE_NOOP("Messages", "activity"),
    "activity_area": QT_TRANSLATE_NOOP("Messages", "activity's area"),
    "activity_absentee": QT_TRANSLATE_NOOP("Messages", "absentee"),
    "photo": QT_TRANSLATE_NOOP("Messages", "activity photo"),
    "agreement": QT_TRANSLATE_NOOP("Messages", "pairing agreement"),
    "agreement_target": QT_TRANSLATE_NOOP("Messages", "agreement target"),
    "target_progress": QT_TRANSLATE_NOOP("Messages", "target progress"),
    "work_team": QT_TRANSLATE_NOOP("Messages", "work team"),
    "team_member": QT_TRANSLATE_NOOP("Messages", "work team member"),
    "team_days": QT_TRANSLATE_NOOP("Messages", "member's month of days"),
    "photo_image": QT_TRANSLATE_NOOP("Messages", "photo thumbnail"),
    "media": QT_TRANSLATE_NOOP("Messages", "photo file"),
    "plan_item": QT_TRANSLATE_NOOP("Messages", "list item"),
    "plan_item_activity": QT_TRANSLATE_NOOP("Messages", "list item's activity"),
    "plan_item_photo": QT_TRANSLATE_NOOP("Messages", "list item's photo"),
    "package": QT_TRANSLATE_NOOP("Messages", "package"),  # a whole package refused (a gap before it)
}


def table_text(table: str) -> str:
    """A table's records as a clerk calls them, in the current language (one not listed: as the file
    names it)."""
    source = TABLE_NAMES.get(table)
    return table if source is None else QCoreApplication.translate(CONTEXT, source)


# Parameters that hold a day, a month, a moment or a span of days: as the file keeps them (2022-04-16,
# 2022-04, 2022-05-19T09:00:00+08:00, 2022-01-01–2022-06-30 or 2022-01-01–…) or as dates, shown as the
# reader writes them (2022年4月16日). A value of another shape stays as it is: a day or month by its number
# (day 5, month 13), a "—" for no date. What the clerk typed ({value}, {text}) is never among them.
DATE_PARAMS = frozenset(
    {
        "archived",
        "at",
        "date",
        "day",
        "done",
        "due",
        "due_on",
        "earliest",
        "ended",
        "established",
        "first",
        "frozen_on",
        "from_on",
        "held",
        "held_on",
        "last",
        "make_up",
        "month",
        "opened",
        "other_span",
        "rated_on",
        "recorded",
        "signed",
        "signed_on",
        "span",
        "started",
        "started_on",
        "team_from",
        "team_span",
        "team_to",
        "to_on",
        "today",
    }
)
_DAY = r"\d{4}-\d{2}-\d{2}"
_DAY_SHAPE = re.compile(_DAY)
_MONTH_SHAPE = re.compile(r"\d{4}-\d{2}")
_MOMENT_SHAPE = re.compile(rf"{_DAY}[T ]\d{{2}}:\d{{2}}(:\d{{2}}(\.\d+)?)?(Z|[+-]\d{{2}}:\d{{2}})?")
_SPAN_SHAPE = re.compile(rf"({_DAY}) *– *({_DAY}|…)")


def date_shown(value: object, language: str) -> object:
    """A date-like parameter as the reader of ``language`` writes it; the file's ISO text stays in English."""
    if isinstance(value, dt.datetime):
        return format_moment(value, language)
    if isinstance(value, dt.date):
        return format_date(value, language)
    if isinstance(value, Month):
        return format_month(value.year, value.month, language)
    if not isinstance(value, str) or language != CHINESE:
        return value
    try:
        if _DAY_SHAPE.fullmatch(value):
            return format_date(dt.date.fromisoformat(value), language)
        if _MONTH_SHAPE.fullmatch(value):
            month = Month.parse(value)
            return format_month(month.year, month.month, language)
        if _MOMENT_SHAPE.fullmatch(value):
            return format_moment(dt.datetime.fromisoformat(value), language)
        span = _SPAN_SHAPE.fullmatch(value)
        if span:
            first, last = span.groups()
            end = None if last == "…" else dt.date.fromisoformat(last)
            return format_span(dt.date.fromisoformat(first), end, language)
    except (ValueError, BranchDeskError):
        pass  # shaped like a date but none (2022-13-45): shown as it came
    return value


def message_text(code: str, **params: object) -> str:
    """The message for ``code`` in the current language, placeholders filled."""
    source = MESSAGES.get(code)
    if source is None:
        # A code without a text is a programming error; still show something useful rather than crash.
        return f"{code} {params}"
    reason = params.get("reason")
    if isinstance(
        reason, Reason | str
    ):  # SQLite's or the OS's words, in English: told in the user's language
        params = {**params, "reason": reason_text(reason)}
    half_year = params.get("half_year")
    if isinstance(half_year, str):  # as the file keeps it (2022-H1): as the window shows it (2022年上半年)
        with contextlib.suppress(BranchDeskError):
            params = {**params, "half_year": format_half_year(HalfYear.parse(half_year))}
    table = params.get("table")
    if isinstance(table, str):
        params = {**params, "table": table_text(table)}
    language = current_language()
    params = {
        name: date_shown(value, language) if name in DATE_PARAMS else value for name, value in params.items()
    }
    return QCoreApplication.translate(CONTEXT, source).format(**params)


def problem_text(problem: Problem) -> str:
    """A finding of Check database: the reason, naming the row that breaks the rule."""
    return message_text(problem.code, detail=problem.detail, **problem.params)


def error_text(error: BranchDeskError) -> str:
    text = message_text(error.code, **error.params)
    if isinstance(error, InvalidRecordError) and error.subject:
        return QCoreApplication.translate("Messages", "“{subject}”: {problem}").format(
            subject=error.subject, problem=text
        )
    return text
