"""The SQL of a published snapshot (exchange/publish.py): a copy of the ledger cut down to what a wider
audience may read, with readable views and the §3 figures as plain SQL for Datasette's canned queries.

Safe by default: a table or column not named in the caller's list is not in the snapshot, so a table or
column added to the ledger later stays out until someone decides it may be published.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from branchdesk.domain.enums import (
    ActivityType,
    BranchKind,
    EndReason,
    ItemKind,
    ItemStatus,
    PairingMethod,
    RegionLevel,
    Tier,
)
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.teams import Role
from branchdesk.domain.vocabulary import UNGRADED, term_name
from branchdesk.storage import plan_items as item_sql
from branchdesk.storage import stats as stats_sql
from branchdesk.storage import teams as team_sql
from branchdesk.storage.backup import copy_database
from branchdesk.storage.ledger import sqlite_reason
from branchdesk.storage.regions import scope_sql

# The snapshot's own facts: the date its figures default to, its default month and its region's path.
PUBLICATION_TABLE = "publication"
# Every region with its path and its county and township (for the views' facets).
REGION_PATHS_VIEW = "region_paths"


@dataclass(frozen=True)
class Publication:
    region_id: int | None  # None: the whole ledger
    as_of: str  # YYYY-MM-DD
    month: str  # YYYY-MM, the canned queries' default month
    published_at: str
    min_days: int  # the ledger's days rule for work team members (its setting is not published)
    columns: Mapping[str, Sequence[str]]  # table -> the columns published
    views: Mapping[str, str]  # view name -> its SELECT


def write_snapshot(ledger_path: Path, target: Path, publication: Publication) -> None:
    """Copy the ledger with SQLite's backup API into ``target`` and cut the copy down in place."""
    copy_database(ledger_path, target)
    try:
        with contextlib.closing(sqlite3.connect(target, isolation_level=None)) as conn:
            # Cut data must not stay readable in free pages of the file.
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("BEGIN")
            _drop_schema_objects(conn, ("view", "trigger"))
            _drop_unpublished_tables(conn, publication.columns)
            if publication.region_id is not None:
                _keep_region(conn, publication.region_id)
                _drop_orphans(conn)
            for table, columns in publication.columns.items():
                _keep_columns(conn, table, columns)
            _write_publication(conn, publication)
            conn.execute(_REGION_PATHS)
            for name, select in publication.views.items():
                conn.execute(f'CREATE VIEW "{name}" AS {select}')
            conn.execute("COMMIT")
            conn.execute("VACUUM")
    except sqlite3.Error as error:
        raise BranchDeskError("publish.failed", path=str(target), reason=sqlite_reason(error)) from None


def snapshot_columns(path: Path) -> dict[str, list[str]]:
    """Every table's and view's columns in a snapshot: what a reader of it can reach."""
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        names = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type IN ('table','view')")
        ]
        return {name: [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')] for name in names}


def _drop_schema_objects(conn: sqlite3.Connection, kinds: Sequence[str]) -> None:
    for kind in kinds:
        for (name,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = ?", (kind,)).fetchall():
            conn.execute(f'DROP {kind.upper()} "{name}"')


def _drop_unpublished_tables(conn: sqlite3.Connection, columns: Mapping[str, Sequence[str]]) -> None:
    tables = conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for (name,) in tables:
        if name not in columns:
            conn.execute(f'DROP TABLE "{name}"')


def _keep_columns(conn: sqlite3.Connection, table: str, keep: Sequence[str]) -> None:
    """Drop the columns not kept (their indexes first: SQLite refuses to drop an indexed column)."""
    present = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    dropped = [column for column in present if column not in keep]
    if not dropped:
        return
    indexes = conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,)
    ).fetchall()
    for (index,) in indexes:
        covered = {row[2] for row in conn.execute(f'PRAGMA index_xinfo("{index}")')}
        if covered & set(dropped):
            conn.execute(f'DROP INDEX "{index}"')
    for column in dropped:
        conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')


# A region's part: the regions of its subtree; the branches there and on the other side of their pairings
# (an organ of the city paired with a village of the county), with the communities of their grids; the
# regions of those branches and every ancestor, so that paths read as in the whole ledger.
_SUBTREE = "sub(id) AS (SELECT :region UNION ALL SELECT r.id FROM region r JOIN sub ON r.parent_id = sub.id)"
_KEEP_REGION = f"""
CREATE TEMP TABLE kept_branch AS
WITH RECURSIVE {_SUBTREE},
inside(id) AS (SELECT id FROM branch WHERE region_id IN (SELECT id FROM sub)),
paired(id) AS (
    SELECT organ_id FROM pairing WHERE grassroots_id IN inside OR organ_id IN inside
    UNION SELECT grassroots_id FROM pairing WHERE grassroots_id IN inside OR organ_id IN inside
),
sides(id) AS (SELECT id FROM inside UNION SELECT id FROM paired)
SELECT id FROM sides UNION SELECT community_id FROM branch WHERE id IN sides AND community_id IS NOT NULL;
CREATE TEMP TABLE kept_region AS
WITH RECURSIVE {_SUBTREE},
up(id) AS (
    SELECT id FROM sub UNION SELECT region_id FROM branch WHERE id IN temp.kept_branch
    UNION SELECT r.parent_id FROM region r JOIN up ON r.id = up.id WHERE r.parent_id IS NOT NULL
)
SELECT id FROM up;
DELETE FROM region WHERE id NOT IN temp.kept_region;
DELETE FROM branch WHERE id NOT IN temp.kept_branch;
DELETE FROM pairing WHERE organ_id NOT IN temp.kept_branch OR grassroots_id NOT IN temp.kept_branch;
DROP TABLE temp.kept_branch;
DROP TABLE temp.kept_region;
"""


def _keep_region(conn: sqlite3.Connection, region_id: int) -> None:
    for statement in _KEEP_REGION.split(";"):
        if statement.strip():
            conn.execute(statement, {"region": region_id} if ":region" in statement else {})


def _drop_orphans(conn: sqlite3.Connection) -> None:
    """Rows whose required parent row was cut (activities of a cut pairing, their areas, a unit of
    another county …), found through the declared foreign keys, until none is left."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    while True:
        removed = 0
        for table in tables:
            required = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")') if row[3]}
            for foreign in conn.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
                parent, column, parent_column = foreign[2], foreign[3], foreign[4] or "id"
                if column in required and parent in tables:
                    kept = f'SELECT "{parent_column}" FROM "{parent}"'
                    removed += conn.execute(
                        f'DELETE FROM "{table}" WHERE "{column}" NOT IN ({kept})'
                    ).rowcount
        if not removed:
            return


def _write_publication(conn: sqlite3.Connection, publication: Publication) -> None:
    conn.execute(
        f"CREATE TABLE {PUBLICATION_TABLE} (region_id INTEGER, as_of TEXT NOT NULL, month TEXT NOT NULL,"
        " published_at TEXT NOT NULL, min_days INTEGER NOT NULL)"
    )
    conn.execute(
        f"INSERT INTO {PUBLICATION_TABLE} VALUES (?, ?, ?, ?, ?)",
        (
            publication.region_id,
            publication.as_of,
            publication.month,
            publication.published_at,
            publication.min_days,
        ),
    )


_REGION_PATHS = f"""
CREATE VIEW {REGION_PATHS_VIEW} AS
WITH RECURSIVE walk(id, path, county, township) AS (
    SELECT id, name, NULL, NULL FROM region WHERE parent_id IS NULL
    UNION ALL
    SELECT r.id, walk.path || '/' || r.name,
           CASE r.level WHEN 'county' THEN r.name ELSE walk.county END,
           CASE r.level WHEN 'township' THEN r.name ELSE walk.township END
    FROM region r JOIN walk ON r.parent_id = walk.id
)
SELECT r.id, r.name, r.level, r.code, walk.path, walk.county, walk.township
FROM region r JOIN walk ON walk.id = r.id
"""


# The canned queries' parameters, named in Chinese (Datasette shows the names on its form), each optional:
# a region by path, name or code (default: the published region; an unknown or ambiguous name finds none,
# so the figures are blank rather than another region's), the month and the as-of date (defaults: the
# publication's).
_REGION = (
    "(SELECT CASE WHEN nullif(:区域, '') IS NULL THEN"
    f" (SELECT coalesce(region_id, (SELECT id FROM region WHERE parent_id IS NULL)) FROM {PUBLICATION_TABLE})"
    f" ELSE (SELECT CASE WHEN count(*) = 1 THEN min(id) END FROM {REGION_PATHS_VIEW}"
    " WHERE :区域 IN (path, code, name)) END)"
)
QUERY_PARAMETERS = ("区域", "月份", "截至日期")
_DAY = f"(SELECT coalesce(nullif(:截至日期, ''), as_of) FROM {PUBLICATION_TABLE})"
_MONTH = f"(SELECT coalesce(nullif(:月份, ''), month) FROM {PUBLICATION_TABLE})"
_LAST = f"date({_MONTH} || '-01', '+1 month', '-1 day')"
_MIN_DAYS = f"(SELECT min_days FROM {PUBLICATION_TABLE})"
_PARAMETERS = {
    "region": _REGION,
    "day": _DAY,
    "today": _DAY,  # the lists' figures name the as-of date so
    "month": _MONTH,
    "first": f"date({_MONTH} || '-01')",
    "last": _LAST,
    "length": f"CAST(strftime('%d', {_LAST}) AS INTEGER)",
    "min_days": _MIN_DAYS,
}


def _with_parameters(sql: str) -> str:
    """The ledger's own SQL of a figure, its parameters read from the canned query's."""
    names = "|".join(_PARAMETERS)
    return re.sub(rf":({names})\b", lambda found: _PARAMETERS[found[1]], sql)


def rate_sql(count: str, total: str) -> str:
    """``domain.rates.truncated_percent`` in SQL: 10000 * count // total as a two-decimal string."""
    hundredths = f"(10000 * {count} / {total})"
    return (
        f"CASE WHEN {total} = 0 THEN NULL ELSE ({hundredths} / 100) || '.' "
        f"|| substr('0' || ({hundredths} % 100), -2) END"
    )


def _figure_query(sql: str, columns: Sequence[tuple[str, str]]) -> str:
    """``columns``: (expression over the figure's row ``f``, its title)."""
    selected = ",\n    ".join(
        [
            f'(SELECT path FROM {REGION_PATHS_VIEW} WHERE id = {_REGION}) AS "区域"',
            f'{_DAY} AS "截至日期"',
            f'{_MONTH} AS "月份"',
        ]
        + [f'{expression} AS "{title}"' for expression, title in columns]
    )
    return f"SELECT\n    {selected}\nFROM ({_with_parameters(sql)}) f"


def coverage_query() -> str:
    grassroots = stats_sql.coverage_sql(direct=False, organ_side=False)
    organ = stats_sql.coverage_sql(direct=False, organ_side=True)
    return _figure_query(
        f"SELECT g.paired AS g_paired, g.total AS g_total, o.paired AS o_paired, o.total AS o_total"
        f" FROM ({grassroots}) g, ({organ}) o",
        [
            ("f.g_paired", "基层党支部已结对"),
            ("f.g_total", "基层党支部总数"),
            (rate_sql("f.g_paired", "f.g_total"), "基层覆盖率(%)"),
            ("f.o_paired", "机关党支部已结对"),
            ("f.o_total", "机关党支部总数"),
            (rate_sql("f.o_paired", "f.o_total"), "机关覆盖率(%)"),
        ],
    )


def optimisation_query() -> str:
    return _figure_query(
        stats_sql.branch_figures_sql(direct=False),
        [
            ("f.organ", "机关党支部"),
            ("f.grassroots", "基层党支部"),
            ("f.archived", "已归档"),
            ("f.optimised", "已优化机关党支部"),
            (rate_sql("f.optimised", "f.organ"), "优化率(%)"),
        ],
    )


def compliance_query() -> str:
    return _figure_query(
        stats_sql.monthly_compliance_sql(direct=False),
        [
            ("f.compliant", "开展主题党日的结对"),
            ("f.total", "应开展的结对"),
            (rate_sql("f.compliant", "f.total"), "主题党日落实率(%)"),
        ],
    )


def activities_query() -> str:
    return _figure_query(
        stats_sql.activity_counts_sql(direct=False),
        [
            ("f.count", "活动次数"),
            ("f.themed_days", "主题党日"),
            ("f.key_task", "重点任务"),
            ("f.volunteers", "党员志愿者人次"),
            ("f.weekday", "工作日开展的常规活动"),
            ("f.present", "实到人次"),
            ("f.expected", "应到人次"),
            (rate_sql("f.present", "f.expected"), "出勤率(%)"),
        ],
    )


def targets_query() -> str:
    return _figure_query(
        stats_sql.target_counts_sql(direct=False),
        [
            ("f.count", "协议数值目标"),
            ("f.reached", "已达成目标"),
            (rate_sql("f.reached", "f.count"), "目标达成率(%)"),
            ("f.overdue", "逾期未达成目标"),
        ],
    )


def items_query() -> str:
    return _figure_query(
        item_sql.item_counts_sql(direct=False),
        [
            ("f.need", "需求清单事项"),
            ("f.resource", "资源清单事项"),
            ("f.project", "项目清单事项"),
            ("f.done", "已销号事项"),
            ("f.overdue", "逾期未销号事项"),
        ],
    )


def teams_query() -> str:
    return _figure_query(
        team_sql.rule_figures_sql(direct=False),
        [
            ("f.members", "在岗驻村队员"),
            ("f.below", "未达天数要求"),
            (_MIN_DAYS, "每月在村天数要求"),
        ],
    )


# The stars query's parameters: it counts as of a day, over every year rated by then.
STAR_PARAMETERS = ("区域", "截至日期")
STAR_TITLES = ((5, "五星"), (4, "四星"), (3, "三星"), (2, "二星"), (1, "一星"))


def stars_query() -> str:
    """The star mix (五星支部) of the region's grassroots branches existing on the as-of date, one row a
    year rated by then (newest first), each branch counted by its stars of that year as rated by then.
    The newest year's row is the Coverage tab's 星级分布 added up over its parts (storage/stars.py)."""
    counts = ", ".join(f'coalesce(sum(s.stars = {n}), 0) AS "{title}"' for n, title in STAR_TITLES)
    sql = f"""
        WITH RECURSIVE {scope_sql(False)},
        years(year) AS (
            SELECT DISTINCT year FROM star_rating
            WHERE rated_on <= :day AND year <= CAST(substr(:day, 1, 4) AS INTEGER)
        )
        SELECT (SELECT path FROM {REGION_PATHS_VIEW} WHERE id = :region) AS "区域", :day AS "截至日期",
               y.year AS "年度", count(*) AS "基层党支部", count(s.id) AS "已评定", {counts},
               count(*) - count(s.id) AS "未评定"
        FROM years y JOIN branch b
        LEFT JOIN star_rating s ON s.branch_id = b.id AND s.year = y.year AND s.rated_on <= :day
        WHERE b.kind <> 'organ' AND b.region_id IN (SELECT id FROM scope) AND {stats_sql.EXISTS_ON}
        GROUP BY y.year
        ORDER BY y.year DESC
        """
    return _with_parameters(sql)


def shortfall_query(*, personal: bool) -> str:
    """The members below the days rule in the month, one row each (as many as ``teams_query`` counts),
    by township, village and team; names and phones only with ``personal``."""
    who = 'm.name AS "姓名", m.phone AS "联系电话", ' if personal else ""
    sql = f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT rp.county AS "县区", rp.township AS "乡镇", b.name AS "派驻村（社区）", {who}
               {_terms("m.role", Role)} AS "职务", m.sending_unit AS "派出单位",
               m.from_on AS "驻村起始", m.to_on AS "驻村截止", :month AS "月份",
               {team_sql.COUNTED} AS "在村及公务天数", {team_sql.REQUIRED} AS "应达天数",
               {team_sql.REQUIRED} - {team_sql.COUNTED} AS "差额"
        {team_sql.SERVING}
        JOIN {REGION_PATHS_VIEW} rp ON rp.id = b.region_id
        WHERE {team_sql.COUNTED} < {team_sql.REQUIRED}
        ORDER BY rp.path, b.name, t.id, {team_sql.ROLE_RANK}, m.id
        """
    return _with_parameters(sql)


# The readable views: names instead of ids, the programme's Chinese terms instead of codes. Their column
# names are the published file's own (what a reader of the snapshot sees), so they are Chinese here.
def _terms(column: str, enum: type[StrEnum], empty: str | None = None) -> str:
    cases = " ".join(f"WHEN '{value.value}' THEN '{term_name(value)}'" for value in enum)
    otherwise = f"'{empty}'" if empty is not None else column
    return f"CASE {column} {cases} ELSE {otherwise} END"


def readable_views(*, personal: bool) -> dict[str, str]:
    """View name -> SELECT; ``personal`` adds the personal columns (secretaries, phones, liaisons, hosts)."""
    branch_personal = ', b.secretary AS "书记", b.phone AS "联系电话"' if personal else ""
    host = ', a.host AS "主持人"' if personal else ""
    liaisons = (
        ', x.organ_liaison AS "机关联络员", x.organ_phone AS "机关联络员电话",'
        ' x.grassroots_liaison AS "基层联络员", x.grassroots_phone AS "基层联络员电话"'
        if personal
        else ""
    )
    sides = (
        "JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id"
        f" JOIN {REGION_PATHS_VIEW} gr ON gr.id = g.region_id LEFT JOIN unit u ON u.id = o.unit_id"
    )
    side_columns = (
        'gr.county AS "县区", gr.township AS "乡镇", o.name AS "机关党支部", u.name AS "机关单位",'
        ' g.name AS "基层党支部"'
    )
    return {
        "支部": f"""
            SELECT b.id AS "编号", b.name AS "党支部", {_terms("b.kind", BranchKind)} AS "支部类型",
                   r.county AS "县区", r.township AS "乡镇", r.path AS "区域", u.name AS "单位",
                   c.name AS "所属社区", {_terms("b.tier", Tier, UNGRADED)} AS "档次",
                   b.member_count AS "党员数", b.optimised_on AS "优化日期", b.established_on AS "成立日期",
                   b.archived_on AS "归档日期"{branch_personal}
            FROM branch b JOIN {REGION_PATHS_VIEW} r ON r.id = b.region_id
            LEFT JOIN unit u ON u.id = b.unit_id LEFT JOIN branch c ON c.id = b.community_id""",
        "结对": f"""
            SELECT p.id AS "编号", {side_columns}, {_terms("g.kind", BranchKind)} AS "支部类型",
                   {_terms("p.method", PairingMethod)} AS "结对方式",
                   {_terms("p.organ_tier", Tier, UNGRADED)} AS "机关档次",
                   {_terms("p.grassroots_tier", Tier, UNGRADED)} AS "档次",
                   p.started_on AS "结对日期", p.ended_on AS "结束日期",
                   {_terms("p.end_reason", EndReason, "")} AS "结束原因"
            FROM pairing p {sides}""",
        "活动": f"""
            SELECT a.id AS "编号", a.held_on AS "日期", substr(a.held_on, 1, 7) AS "月份",
                   {_terms("a.type", ActivityType)} AS "活动类型", {side_columns},
                   k.name AS "重点任务", a.theme AS "活动主题", a.volunteers AS "党员志愿者人次",
                   a.expected AS "应到人数", a.present AS "实到人数",
                   a.location AS "活动地点", a.summary AS "活动内容",
                   a.weekday_reason AS "工作日开展原因"{host}
            FROM activity a JOIN pairing p ON p.id = a.pairing_id {sides}
            LEFT JOIN key_task k ON k.id = a.key_task_id""",
        "结对协议": f"""
            SELECT x.id AS "编号", x.signed_on AS "签订日期", substr(x.signed_on, 1, 7) AS "月份",
                   {side_columns},
                   (SELECT count(*) FROM agreement_target t WHERE t.agreement_id = x.id) AS "目标数",
                   x.review AS "评议"{liaisons}
            FROM agreement x JOIN pairing p ON p.id = x.pairing_id {sides}""",
        "区域": f"""
            SELECT id AS "编号", name AS "名称", {_terms("level", RegionLevel)} AS "级别", code AS "区划代码",
                   path AS "路径", county AS "县区", township AS "乡镇"
            FROM {REGION_PATHS_VIEW}""",
        **_programme_views(personal=personal, sides=sides, side_columns=side_columns),
    }


def _programme_views(*, personal: bool, sides: str, side_columns: str) -> dict[str, str]:
    """The work teams (members and their days), the three lists and the star ratings, read as the
    other views are; members' names and phones, leave reasons and items' owners only with ``personal``."""
    member = ', m.name AS "姓名", m.phone AS "联系电话"' if personal else ""
    reasons = ', d.reasons AS "请假原因"' if personal else ""
    owner = ', i.owner AS "负责人"' if personal else ""
    team = (
        f"JOIN work_team t ON t.id = m.team_id JOIN branch b ON b.id = t.branch_id"
        f" JOIN {REGION_PATHS_VIEW} r ON r.id = b.region_id"
    )
    team_columns = 'r.county AS "县区", r.township AS "乡镇", b.name AS "派驻村（社区）"'
    return {
        "驻村队员": f"""
            SELECT m.id AS "编号", {team_columns}, {_terms("m.role", Role)} AS "职务",
                   m.sending_unit AS "派出单位", m.from_on AS "驻村起始", m.to_on AS "驻村截止",
                   t.started_on AS "工作队派驻日期", t.ended_on AS "工作队结束日期"{member}
            FROM team_member m {team}""",
        "驻村出勤": f"""
            SELECT d.id AS "编号", d.month AS "月份", {team_columns}, {_terms("m.role", Role)} AS "职务",
                   d.present AS "在村天数", d.business AS "公务天数", d.leave AS "请假天数",
                   d.absent AS "缺勤天数", d.present + d.business AS "在村及公务天数",
                   d.marks AS "每日出勤（P在村 L请假 B公务 A缺勤 -未填）"{member}{reasons}
            FROM team_days d JOIN team_member m ON m.id = d.member_id {team}""",
        "清单": f"""
            SELECT i.id AS "编号", {side_columns}, {_terms("i.kind", ItemKind)} AS "清单类别",
                   i.title AS "事项", {_terms("i.status", ItemStatus)} AS "状态",
                   i.opened_on AS "提出日期", substr(i.opened_on, 1, 7) AS "月份", i.due_on AS "完成期限",
                   i.done_on AS "销号日期", i.done_note AS "销号说明"{owner}
            FROM plan_item i JOIN pairing p ON p.id = i.pairing_id {sides}""",
        "星级": f"""
            SELECT s.id AS "编号", r.county AS "县区", r.township AS "乡镇", b.name AS "党支部",
                   {_terms("b.kind", BranchKind)} AS "支部类型", s.year AS "年度", s.stars AS "星级",
                   s.rated_on AS "评定日期"
            FROM star_rating s JOIN branch b ON b.id = s.branch_id
            JOIN {REGION_PATHS_VIEW} r ON r.id = b.region_id""",
    }
