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
# copies, packages and keys, photos, draws' seeds, settings, tables added later) stays out.
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
}  # fmt: skip
# Personal data: only with --include-personal (names and phones of secretaries, liaisons, hosts).
PERSONAL_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "branch": ("secretary", "phone"),
    "activity": ("host",),
    "agreement": ("organ_liaison", "organ_phone", "grassroots_liaison", "grassroots_phone"),
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


_PARAM_NOTE = (
    "区域：路径、名称或区划代码（不填为本次发布的区域）；月份：YYYY-MM（不填为截至日期的上个月）；"
    "截至日期：YYYY-MM-DD（不填为发布时的截至日期）。"
)
_FACETS = {
    "支部": ["县区", "乡镇", "支部类型", "档次"],
    "结对": ["县区", "乡镇", "支部类型", "档次"],
    "活动": ["县区", "乡镇", "月份", "活动类型"],
    "结对协议": ["县区", "月份"],
    "区域": ["级别", "县区"],
}
_VIEW_TEXT = {
    "支部": "各党支部（机关、村、社区、网格），按县区、乡镇、支部类型、档次查看。",
    "结对": "机关党支部与基层党支部的结对（联建）关系。",
    "活动": "结对开展的各项活动（主题党日、党课、重点任务、走访、志愿服务等）。",
    "结对协议": "结对共建协议及其目标数。",
    "区域": "市、县区、乡镇街道。",
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
}  # fmt: skip


def datasette_metadata(region_path: str, as_of: dt.date, *, personal: bool) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    columns = published_columns(personal=personal)
    for table, (title, description, label) in _TABLE_TEXT.items():
        # The raw tables (ids, codes) sit under "hidden tables", below the readable views.
        entry: dict[str, Any] = {"title": title, "description": description, "hidden": True}
        if label is not None:
            entry["label_column"] = label
        entry["columns"] = {c: _COLUMN_TEXT[c] for c in columns.get(table, ()) if c in _COLUMN_TEXT}
        tables[table] = entry
    for view, facets in _FACETS.items():
        tables[view] = {"title": view, "description": _VIEW_TEXT[view], "facets": facets}
    queries = {
        "coverage": ("覆盖率（按区域、日期）", snapshot.coverage_query()),
        "optimisation": ("支部数与优化率", snapshot.optimisation_query()),
        "compliance": ("主题党日落实率（按区域、月份）", snapshot.compliance_query()),
        "activities": ("活动情况（按区域、月份）", snapshot.activities_query()),
    }
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
                        "description": _PARAM_NOTE,
                        "sql": sql,
                        "params": list(snapshot.QUERY_PARAMETERS),
                        "hide_sql": True,
                    }
                    for name, (title, sql) in queries.items()
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
