"""Publishing a ledger read-only for Datasette (DESIGN.md §12, README "Publishing for a city's intranet").

``OUTDIR`` gets ``ledger.db`` (the snapshot, opened immutable by ``datasette -i``) and ``metadata.json``
(Chinese titles, foreign-key labels, facets, canned queries for the §3 figures, the password plugin's
settings). Republishing writes both beside the old ones and moves them into place.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import last_ended_month
from branchdesk.services.teams import min_days
from branchdesk.storage import publish as snapshot
from branchdesk.storage.ledger import Ledger

SNAPSHOT_NAME = "ledger.db"
METADATA_NAME = "metadata.json"
# The password a served snapshot asks for comes from here, never from a file or the command line.
PASSWORD_VARIABLE = "BRANCHDESK_PUBLISH_PASSWORD"
# Its hash, handed to datasette-auth-passwords through the environment ({"$env": …} in the metadata).
HASH_VARIABLE = "BRANCHDESK_PUBLISH_PASSWORD_HASH"
USER_NAME = "branchdesk"
DEFAULT_PORT = 8001

# What a wider audience may read, table by table. Anything else (the change log with its before/after
# copies, packages and keys, draws' seeds, settings, tables added later) stays out, and by decision:
# - photos, of activities and of list items' 销号 (photo, photo_image, plan_item_photo): the pictures live in
#   the store beside the ledger, not in the one file Datasette serves, and show people; the views carry the
#   written record (an activity's theme and attendance, an item's 销号 date and note);
# - absentees (activity_absentee): people's names and why they were absent, not only columns to hide;
# - frozen half-year summaries (halfyear_summary): a township's draft report as one JSON text, unreadable as
#   a table; the canned queries work its figures out for any region and month.
PUBLIC_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "region": ("id", "uuid", "name", "level", "parent_id", "code"),
    "unit": ("id", "uuid", "name", "level", "region_id", "assigned_community_id"),
    "branch": (
        "id", "uuid", "name", "kind", "region_id", "community_id", "unit_id", "tier", "member_count",
        "optimised_on", "established_on", "archived_on",
    ),
    "pairing": (
        # draw_id stays: a CHECK ties it to the method (its draw, with the seed, does not).
        "id", "uuid", "organ_id", "grassroots_id", "method", "draw_id", "organ_tier", "grassroots_tier",
        "started_on", "ended_on", "end_reason",
    ),
    "key_task": ("id", "uuid", "name", "half_year"),
    "activity": (
        "id", "uuid", "pairing_id", "held_on", "type", "key_task_id", "volunteers", "location", "summary",
        "weekday_reason", "theme", "expected", "present",
    ),
    "activity_area": ("activity_id", "area"),
    "holiday": ("day", "uuid", "kind", "name"),
    "agreement": ("id", "uuid", "pairing_id", "signed_on", "review"),
    "agreement_target": ("id", "uuid", "agreement_id", "position", "name", "number", "unit", "due_on"),
    "target_progress": ("id", "uuid", "target_id", "recorded_on", "value"),
    # Notes (teams', members', items') stay out, as branches' do: free text may hold anything.
    "work_team": ("id", "uuid", "branch_id", "unit_id", "started_on", "ended_on"),
    "team_member": ("id", "uuid", "team_id", "sending_unit", "role", "from_on", "to_on"),
    "team_days": ("id", "uuid", "member_id", "month", "marks", "present", "leave", "business", "absent"),
    "plan_item": (
        "id", "uuid", "pairing_id", "kind", "title", "opened_on", "due_on", "status", "done_on", "done_note",
        "need_id", "resource_id",
    ),
    "plan_item_activity": ("id", "uuid", "plan_item_id", "activity_id"),
    "star_rating": ("id", "uuid", "branch_id", "year", "stars", "rated_on"),
}  # fmt: skip
# Personal data: only with --include-personal (names and phones of secretaries, liaisons, hosts, work
# team members and items' owners; why a member was on leave).
PERSONAL_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "branch": ("secretary", "phone"),
    "activity": ("host",),
    "agreement": ("organ_liaison", "organ_phone", "grassroots_liaison", "grassroots_phone"),
    "team_member": ("name", "phone"),
    "team_days": ("reasons",),
    "plan_item": ("owner",),
}


def published_columns(*, personal: bool) -> dict[str, tuple[str, ...]]:
    if not personal:
        return dict(PUBLIC_COLUMNS)
    return {table: columns + PERSONAL_COLUMNS.get(table, ()) for table, columns in PUBLIC_COLUMNS.items()}


def publish(
    ledger: Ledger,
    out_dir: Path,
    *,
    region_id: int | None,
    region_path: str,
    personal: bool,
    as_of: dt.date | None = None,
) -> Path:
    """Write the snapshot and its metadata into ``out_dir``; returns the snapshot's path."""
    day = as_of or ledger.clock.today()
    publication = snapshot.Publication(
        region_id=region_id,
        as_of=day.isoformat(),
        month=str(last_ended_month(day)),
        published_at=ledger.clock.now().isoformat(timespec="seconds"),
        min_days=min_days(ledger),
        columns=published_columns(personal=personal),
        views=snapshot.readable_views(personal=personal),
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / SNAPSHOT_NAME
    partial = out_dir / (SNAPSHOT_NAME + ".new")
    try:
        snapshot.write_snapshot(ledger.path, partial, publication)
        metadata = out_dir / METADATA_NAME
        metadata_partial = out_dir / (METADATA_NAME + ".new")
        metadata_partial.write_text(
            json.dumps(datasette_metadata(region_path, day, personal=personal), ensure_ascii=False, indent=2),
            encoding="utf-8",
        )
        os.replace(partial, target)
        os.replace(metadata_partial, metadata)
    except OSError as error:
        raise BranchDeskError("publish.failed", path=str(out_dir), reason=str(error)) from None
    finally:
        partial.unlink(missing_ok=True)
    return target


_REGION_NOTE = "区域：路径、名称或区划代码（不填为本次发布的区域）；"
_DAY_NOTE = "截至日期：YYYY-MM-DD（不填为发布时的截至日期）。"
_PARAM_NOTE = f"{_REGION_NOTE}月份：YYYY-MM（不填为截至日期的上个月）；{_DAY_NOTE}"
_STARS_NOTE = (
    f"{_REGION_NOTE}{_DAY_NOTE}每个已评定的年度一行（最新在前），计截至该日已有的基层党支部及其截至该日"
    "评定的星级；最新年度一行即台账“覆盖率”页星级分布图各柱之和。"
)
_FACETS = {
    "支部": ["县区", "乡镇", "支部类型", "档次"],
    "结对": ["县区", "乡镇", "支部类型", "档次"],
    "活动": ["县区", "乡镇", "月份", "活动类型"],
    "结对协议": ["县区", "月份"],
    "区域": ["级别", "县区"],
    "驻村队员": ["县区", "乡镇", "职务"],
    "驻村出勤": ["县区", "乡镇", "月份", "职务"],
    "清单": ["县区", "乡镇", "清单类别", "状态"],
    "星级": ["县区", "乡镇", "年度", "星级"],
}
_VIEW_TEXT = {
    "支部": "各党支部（机关、村、社区、网格），按县区、乡镇、支部类型、档次查看。",
    "结对": "机关党支部与基层党支部的结对（联建）关系。",
    "活动": "结对开展的各项活动（主题党日、党课、重点任务、走访、志愿服务等）。",
    "结对协议": "结对共建协议及其目标数。",
    "区域": "市、县区、乡镇街道。",
    "驻村队员": "驻村工作队队员：派驻的村（社区）、职务、派出单位和驻村起止日期。",
    "驻村出勤": "驻村工作队队员每月出勤：在村、公务、请假、缺勤天数（在村和公务合计计入每月天数要求）。",
    "清单": "需求清单、资源清单、项目清单的事项及其推进和销号情况。",
    "星级": "基层党支部每年的星级评定（五星支部）。",
}
_TABLE_TEXT: dict[str, tuple[str, str, str | None]] = {
    # table: (title, description, label column)
    "region": ("区域（原表）", "区域原表", "name"),
    "unit": ("单位（原表）", "机关党支部所属单位", "name"),
    "branch": ("党支部（原表）", "党支部原表（编号形式）", "name"),
    "pairing": ("结对（原表）", "结对原表（编号形式）", None),
    "key_task": ("阶段性重点任务", "每半年确定的重点任务", "name"),
    "activity": ("活动（原表）", "活动原表（编号形式）", None),
    "activity_area": ("活动领域（六共）", "每次活动涉及的六共领域", None),
    "holiday": ("节假日与调休", "法定节假日和调休上班日", "name"),
    "agreement": ("结对协议（原表）", "结对协议原表", None),
    "agreement_target": ("协议目标", "结对协议中的目标", "name"),
    "target_progress": ("目标进度", "协议目标的进度记录", None),
    "work_team": ("驻村工作队（原表）", "驻村工作队原表（编号形式）", None),
    "team_member": ("驻村队员（原表）", "驻村工作队队员原表（编号形式）", None),
    "team_days": ("驻村出勤（原表）", "队员每月出勤原表，每天一个字母：P在村 L请假 B公务 A缺勤 -未填", None),
    "plan_item": ("清单（原表）", "三个清单的事项原表（编号形式）", "title"),
    "plan_item_activity": ("清单事项与活动", "推进清单事项的活动", None),
    "star_rating": ("星级评定（原表）", "基层党支部星级评定原表", None),
    snapshot.PUBLICATION_TABLE: ("发布信息", "本次发布的截至日期、默认月份和发布时间", None),
}
_COLUMN_TEXT = {
    "name": "名称", "kind": "支部类型", "tier": "档次", "level": "级别", "code": "区划代码",
    "region_id": "区域", "parent_id": "上级区域", "unit_id": "所属单位", "community_id": "所属社区",
    "member_count": "党员数", "optimised_on": "优化日期", "established_on": "成立日期",
    "archived_on": "归档日期", "organ_id": "机关党支部", "grassroots_id": "基层党支部", "method": "结对方式",
    "started_on": "结对日期", "ended_on": "结束日期", "end_reason": "结束原因", "pairing_id": "结对",
    "held_on": "活动日期", "type": "活动类型", "key_task_id": "重点任务", "volunteers": "党员志愿者人次",
    "location": "活动地点", "summary": "活动内容", "weekday_reason": "工作日开展原因", "theme": "活动主题",
    "expected": "应到人数", "present": "实到人数", "signed_on": "签订日期", "review": "评议",
    "due_on": "完成期限", "number": "目标数值", "unit": "计量单位", "value": "进度数值",
    "recorded_on": "记录日期", "uuid": "全局编号（合并台账用）", "half_year": "半年度",
    "secretary": "书记", "phone": "联系电话", "host": "主持人", "organ_liaison": "机关联络员",
    "organ_phone": "机关联络员电话", "grassroots_liaison": "基层联络员", "grassroots_phone": "基层联络员电话",
    "branch_id": "党支部", "team_id": "驻村工作队", "sending_unit": "派出单位", "role": "职务",
    "from_on": "驻村起始", "to_on": "驻村截止", "member_id": "队员", "month": "月份",
    "marks": "每日出勤（P在村 L请假 B公务 A缺勤 -未填）", "leave": "请假天数",
    "business": "公务天数", "absent": "缺勤天数", "reasons": "请假原因", "title": "事项",
    "opened_on": "提出日期", "status": "状态", "done_on": "销号日期", "done_note": "销号说明",
    "need_id": "对应需求", "resource_id": "对应资源", "plan_item_id": "清单事项", "activity_id": "活动",
    "year": "年度", "stars": "星级", "rated_on": "评定日期", "owner": "负责人",
}  # fmt: skip
# Where a table's column means something else than the same name elsewhere.
_TABLE_COLUMN_TEXT = {
    ("work_team", "unit_id"): "派出单位", ("work_team", "started_on"): "派驻日期",
    ("team_member", "name"): "姓名", ("team_member", "phone"): "联系电话",
    ("team_days", "present"): "在村天数", ("plan_item", "kind"): "清单类别",
}  # fmt: skip


def datasette_metadata(region_path: str, as_of: dt.date, *, personal: bool) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    columns = published_columns(personal=personal)
    for table, (title, description, label) in _TABLE_TEXT.items():
        # The raw tables (ids, codes) sit under "hidden tables", below the readable views.
        entry: dict[str, Any] = {"title": title, "description": description, "hidden": True}
        if label is not None:
            entry["label_column"] = label
        texts = {**_COLUMN_TEXT, **{c: text for (t, c), text in _TABLE_COLUMN_TEXT.items() if t == table}}
        entry["columns"] = {c: texts[c] for c in columns.get(table, ()) if c in texts}
        tables[table] = entry
    for view, facets in _FACETS.items():
        tables[view] = {"title": view, "description": _VIEW_TEXT[view], "facets": facets}
    # The queries by region, month and as-of date; then the stars', by region and as-of date.
    by_month = {
        "coverage": ("覆盖率（按区域、日期）", snapshot.coverage_query()),
        "optimisation": ("支部数与优化率", snapshot.optimisation_query()),
        "compliance": ("主题党日落实率（按区域、月份）", snapshot.compliance_query()),
        "activities": ("活动情况（按区域、月份）", snapshot.activities_query()),
        "targets": ("结对协议目标完成情况（按区域、截至日期）", snapshot.targets_query()),
        "items": ("三个清单事项情况（按区域、截至日期）", snapshot.items_query()),
        "teams": ("驻村工作队队员出勤达标情况（按区域、月份）", snapshot.teams_query()),
        "teams_shortfall": (
            "未达每月在村天数要求的驻村队员（按区域、月份）",
            snapshot.shortfall_query(personal=personal),
        ),
    }
    queries: dict[str, tuple[str, str, Sequence[str], str]] = {
        name: (title, sql, snapshot.QUERY_PARAMETERS, _PARAM_NOTE) for name, (title, sql) in by_month.items()
    }
    queries["stars"] = (
        "基层党支部星级分布（按区域、截至日期，每年一行）",
        snapshot.stars_query(),
        snapshot.STAR_PARAMETERS,
        _STARS_NOTE,
    )
    return {
        "title": f"支部联建台账：{region_path}",
        "description": (
            f"{region_path} 支部联建台账的只读发布（截至 {as_of.isoformat()}）。"
            "比率按台账规则截断保留两位小数。"
        ),
        "allow_sql": True,
        "databases": {
            Path(SNAPSHOT_NAME).stem: {
                "title": "支部联建台账",
                "tables": tables,
                "queries": {
                    # Their SQL is long (the ledger's own): shown on request only.
                    name: {
                        "title": title,
                        "description": note,
                        "sql": sql,
                        "params": list(params),
                        "hide_sql": True,
                    }
                    for name, (title, sql, params, note) in queries.items()
                },
            }
        },
        "plugins": {
            "datasette-auth-passwords": {
                "http_basic_auth": True,
                f"{USER_NAME}_password_hash": {"$env": HASH_VARIABLE},
            }
        },
    }


def serve_command(out_dir: Path, *, host: str, port: int) -> list[str]:
    """``datasette serve -i`` over a published snapshot (the [publish] extra)."""
    return [
        *_datasette(),
        "serve",
        "-i",
        str(out_dir / SNAPSHOT_NAME),
        "--metadata",
        str(out_dir / METADATA_NAME),
        "-h",
        host,
        "-p",
        str(port),
        # The city's canned queries read every activity of a month: more than Datasette's default second.
        "--setting",
        "sql_time_limit_ms",
        "20000",
        # A facet of the activities' view (300,000 at a city) takes about a second on a busy machine;
        # at Datasette's default 0.2 s every one was left out as "timed out".
        "--setting",
        "facet_time_limit_ms",
        "5000",
    ]


def serve_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment for ``serve_command``: the password's hash for datasette-auth-passwords."""
    password = environ.get(PASSWORD_VARIABLE, "")
    if not password:
        raise BranchDeskError("publish.no_password", variable=PASSWORD_VARIABLE)
    hashed = subprocess.run(
        [*_datasette(), "hash-password", "--no-confirm"],
        input=password,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return {**environ, HASH_VARIABLE: hashed}


def _datasette() -> Sequence[str]:
    """Datasette of the same Python: the one ``pip install branchdesk[publish]`` put beside BranchDesk."""
    if any(importlib.util.find_spec(name) is None for name in ("datasette", "datasette_auth_passwords")):
        raise BranchDeskError("publish.no_datasette")
    return [sys.executable, "-m", "datasette"]
