"""The ledger's schema as append-only migrations; ``PRAGMA user_version`` is the number applied.

Never edit a migration that has shipped: add a new one at the end.
"""

from __future__ import annotations

# "BDK1": marks a SQLite file as a BranchDesk ledger (PRAGMA application_id).
APPLICATION_ID = 0x42444B31

_TIERS = ("strong", "average", "weak")
_STAMPS = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL"


def _one_of(column: str, *values: object, nullable: bool = False) -> str:
    """An enum CHECK written as ``=`` tests: SQLite builds a temporary table per row for ``IN (…)``."""
    tests = " OR ".join(
        f"{column} = {value!r}" if isinstance(value, int) else f"{column} = '{value}'" for value in values
    )
    return f"CHECK ({column} IS NULL OR {tests})" if nullable else f"CHECK ({tests})"


def _date(column: str, *, required: bool = False) -> str:
    """A real calendar date as YYYY-MM-DD: the '+0 days' modifier normalises 2022-02-30, exposing it."""
    valid = f"date({column}, '+0 days') = {column}"
    return f"CHECK ({valid})" if required else f"CHECK ({column} IS NULL OR {valid})"


MIGRATION_1 = f"""
CREATE TABLE region (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    level TEXT NOT NULL {_one_of("level", "city", "county", "township")},
    parent_id INTEGER REFERENCES region(id),
    code TEXT UNIQUE CHECK (code IS NULL OR length(trim(code)) > 0),
    {_STAMPS},
    CHECK ((level = 'city') = (parent_id IS NULL))
);
CREATE UNIQUE INDEX region_sibling_name ON region(parent_id, name);
CREATE INDEX region_name ON region(name);

CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    level TEXT NOT NULL {_one_of("level", "city", "county", "central")},
    region_id INTEGER NOT NULL REFERENCES region(id),
    assigned_community_id INTEGER REFERENCES branch(id),
    note TEXT,
    {_STAMPS}
);
CREATE UNIQUE INDEX unit_region_name ON unit(region_id, name);
CREATE INDEX unit_community ON unit(assigned_community_id);

CREATE TABLE branch (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL {_one_of("kind", "organ", "village", "community", "grid")},
    region_id INTEGER NOT NULL REFERENCES region(id),
    community_id INTEGER REFERENCES branch(id),
    unit_id INTEGER REFERENCES unit(id),
    tier TEXT {_one_of("tier", *_TIERS, nullable=True)},
    secretary TEXT,
    phone TEXT,
    member_count INTEGER CHECK (member_count IS NULL OR member_count >= 0),
    optimised_on TEXT {_date("optimised_on")},
    established_on TEXT {_date("established_on")},
    archived_on TEXT {_date("archived_on")},
    note TEXT,
    {_STAMPS},
    CHECK ((kind = 'grid') = (community_id IS NOT NULL)),
    CHECK ((kind = 'organ') = (unit_id IS NOT NULL)),
    CHECK (kind = 'organ' OR optimised_on IS NULL),
    CHECK (archived_on IS NULL OR established_on IS NULL OR archived_on >= established_on)
);
CREATE INDEX branch_region_kind ON branch(region_id, kind);
CREATE INDEX branch_kind_name ON branch(kind, name);
CREATE INDEX branch_name ON branch(name);
CREATE INDEX branch_tier ON branch(tier);
CREATE INDEX branch_secretary ON branch(secretary);
CREATE INDEX branch_members ON branch(member_count);
CREATE INDEX branch_optimised ON branch(optimised_on);
CREATE INDEX branch_established ON branch(established_on);
CREATE INDEX branch_archived ON branch(archived_on);
CREATE INDEX branch_unit ON branch(unit_id);
CREATE INDEX branch_community ON branch(community_id);
CREATE INDEX branch_updated ON branch(updated_at);

CREATE TABLE draw (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    scope_region_id INTEGER NOT NULL REFERENCES region(id),
    seed TEXT NOT NULL CHECK (length(seed) > 0),
    algorithm_version INTEGER NOT NULL,
    input_hash TEXT NOT NULL,
    result_hash TEXT NOT NULL,
    swaps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(swaps)),
    drawn_at TEXT NOT NULL,
    committed INTEGER NOT NULL DEFAULT 0 {_one_of("committed", 0, 1)},
    note TEXT,
    {_STAMPS}
);
CREATE INDEX draw_scope ON draw(scope_region_id);

CREATE TABLE pairing (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    organ_id INTEGER NOT NULL REFERENCES branch(id),
    grassroots_id INTEGER NOT NULL REFERENCES branch(id),
    method TEXT NOT NULL {_one_of("method", "assigned", "draw")},
    draw_id INTEGER REFERENCES draw(id),
    organ_tier TEXT {_one_of("organ_tier", *_TIERS, nullable=True)},
    grassroots_tier TEXT {_one_of("grassroots_tier", *_TIERS, nullable=True)},
    started_on TEXT NOT NULL {_date("started_on", required=True)},
    ended_on TEXT {_date("ended_on")},
    end_reason TEXT {
    _one_of("end_reason", "merged", "abolished", "village_to_community", "repaired", "other", nullable=True)
},
    note TEXT,
    {_STAMPS},
    CHECK (ended_on IS NULL OR ended_on >= started_on),
    CHECK (ended_on IS NOT NULL OR end_reason IS NULL),
    CHECK ((method = 'draw') = (draw_id IS NOT NULL))
);
-- Strictly one-to-one (一对一): one open pairing per branch on each side, held by the database itself.
CREATE UNIQUE INDEX pairing_open_organ ON pairing(organ_id) WHERE ended_on IS NULL;
CREATE UNIQUE INDEX pairing_open_grassroots ON pairing(grassroots_id) WHERE ended_on IS NULL;
CREATE INDEX pairing_organ ON pairing(organ_id, started_on);
CREATE INDEX pairing_grassroots ON pairing(grassroots_id, started_on);
CREATE INDEX pairing_draw ON pairing(draw_id);
CREATE INDEX pairing_started ON pairing(started_on);
CREATE INDEX pairing_ended ON pairing(ended_on);

CREATE TRIGGER pairing_sides_insert BEFORE INSERT ON pairing
WHEN (SELECT kind FROM branch WHERE id = NEW.organ_id) IS NOT 'organ'
  OR (SELECT kind FROM branch WHERE id = NEW.grassroots_id) NOT IN ('village','community','grid')
BEGIN SELECT RAISE(ABORT, 'pairing.sides'); END;
CREATE TRIGGER pairing_sides_update BEFORE UPDATE OF organ_id, grassroots_id ON pairing
WHEN (SELECT kind FROM branch WHERE id = NEW.organ_id) IS NOT 'organ'
  OR (SELECT kind FROM branch WHERE id = NEW.grassroots_id) NOT IN ('village','community','grid')
BEGIN SELECT RAISE(ABORT, 'pairing.sides'); END;

CREATE TABLE key_task (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    half_year TEXT NOT NULL CHECK (half_year GLOB '[0-9][0-9][0-9][0-9]-H[12]'),
    retired INTEGER NOT NULL DEFAULT 0 {_one_of("retired", 0, 1)},
    note TEXT,
    {_STAMPS}
);
CREATE UNIQUE INDEX key_task_half_year_name ON key_task(half_year, name);

CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    pairing_id INTEGER NOT NULL REFERENCES pairing(id),
    held_on TEXT NOT NULL {_date("held_on", required=True)},
    type TEXT NOT NULL {_one_of("type", "themed_day", "lecture", "key_task", "visit", "volunteer", "other")},
    key_task_id INTEGER REFERENCES key_task(id),
    volunteers INTEGER NOT NULL DEFAULT 0 CHECK (volunteers >= 0),
    location TEXT,
    summary TEXT,
    weekday_reason TEXT,
    {_STAMPS}
);
CREATE INDEX activity_pairing_type_held ON activity(pairing_id, type, held_on);
-- Covers the month aggregates (counts, volunteers, weekday activities) without reading the table.
CREATE INDEX activity_month ON activity(held_on, pairing_id, type, volunteers, weekday_reason);
CREATE INDEX activity_type_held ON activity(type, held_on);
CREATE INDEX activity_key_task ON activity(key_task_id);

CREATE TABLE activity_area (
    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    area TEXT NOT NULL {
    _one_of("area", "organisation", "team", "industry", "service", "customs", "practical")
},
    PRIMARY KEY (activity_id, area)
) WITHOUT ROWID;
CREATE INDEX activity_area_area ON activity_area(area, activity_id);

CREATE TABLE holiday (
    day TEXT PRIMARY KEY {_date("day", required=True)},
    uuid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL {_one_of("kind", "holiday", "workday")},
    name TEXT,
    source TEXT NOT NULL {_one_of("source", "library", "user")},
    {_STAMPS}
);

-- Years whose official calendar is in the holiday table; other years fall back to plain weekends.
CREATE TABLE holiday_year (
    year INTEGER PRIMARY KEY,
    source TEXT NOT NULL {_one_of("source", "library", "user")},
    {_STAMPS}
);

-- One row per user action; change_log rows hang off it so that an action can be shown and undone whole.
CREATE TABLE operation (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    action TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    operation_id INTEGER NOT NULL REFERENCES operation(id),
    entity TEXT NOT NULL,
    entity_uuid TEXT NOT NULL,
    change TEXT NOT NULL {_one_of("change", "insert", "update", "delete")},
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after))
);
CREATE INDEX change_log_entity ON change_log(entity, entity_uuid);
CREATE INDEX change_log_operation ON change_log(operation_id);

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value)),
    updated_at TEXT NOT NULL
);
"""

# A draw keeps its candidates (both sides' uuids with their tiers, as JSON), so that anyone can re-run it
# from its record: the pairs alone do not say which branches were left over, and the leftovers take part
# in the shuffle. NULL for draws recorded before.
MIGRATION_2 = """
ALTER TABLE draw ADD COLUMN candidates TEXT CHECK (candidates IS NULL OR json_valid(candidates));
"""


def _no_overlap(event: str, side: str) -> str:
    """One-to-one over time (domain.rules.Rule.PAIRING_OVERLAP): no other pairing of the same branch on
    ``side`` shares a day with the new row, ended pairings included; by pairing_organ/pairing_grassroots."""
    return f"""
CREATE TRIGGER pairing_overlap_{side}_{event.split()[0].lower()} BEFORE {event} ON pairing
WHEN EXISTS (SELECT 1 FROM pairing q WHERE q.{side}_id = NEW.{side}_id AND q.id IS NOT NEW.id
             AND q.started_on <= coalesce(NEW.ended_on, '9999-12-31')
             AND coalesce(q.ended_on, '9999-12-31') >= NEW.started_on
             -- two open pairings: the partial unique indexes say so, naming the side
             AND (q.ended_on IS NOT NULL OR NEW.ended_on IS NOT NULL))
BEGIN SELECT RAISE(ABORT, 'pairing.overlap'); END;
"""


# The ledger's rules in the schema where SQLite holds them cheaply: no branch in two pairings on one day,
# whoever writes the file. Rows already overlapping stay (Check database names them). Indexes let the
# check and every door find active namesakes and key tasks' activities without reading the tables.
MIGRATION_3 = f"""
{_no_overlap("INSERT", "organ")}
{_no_overlap("INSERT", "grassroots")}
{_no_overlap("UPDATE OF organ_id, started_on, ended_on", "organ")}
{_no_overlap("UPDATE OF grassroots_id, started_on, ended_on", "grassroots")}
CREATE INDEX branch_active_name ON branch(region_id, name) WHERE archived_on IS NULL;
DROP INDEX activity_key_task;
CREATE INDEX activity_key_task ON activity(key_task_id, held_on);
"""


# Names sort by a stored key (domain/sort_key.py: pinyin, numbers in numeric order), indexed as the names are.
# The app keeps it on every write through triggers of its own connections (Ledger.keep_name_keys), which
# call its pinyin_key(); the file holds none that another program could not run, so the sqlite3 shell can
# still add and rename rows: a rename that leaves the key as it was clears it, and the app fills in every
# missing key when it next opens the file.
NAME_KEY_TABLES = ("region", "unit", "branch")


def _name_key_column(table: str) -> str:
    """Part of migration 4: never change it (a change of the key's storage is a new migration)."""
    return f"""
ALTER TABLE {table} ADD COLUMN name_key TEXT;
UPDATE {table} SET name_key = pinyin_key(name);
CREATE INDEX {table}_name_key ON {table}(name_key);
CREATE TRIGGER {table}_name_key_stale AFTER UPDATE OF name ON {table} WHEN NEW.name_key IS OLD.name_key
BEGIN UPDATE {table} SET name_key = NULL WHERE id = NEW.id; END;
"""


MIGRATION_4 = (
    _name_key_column("region")
    + _name_key_column("unit")
    + _name_key_column("branch")
    + "CREATE INDEX branch_kind_name_key ON branch(kind, name_key);\n"
)

# Every seed previewed for a county, so that a draw's record can show what was tried before the chosen seed
# (DESIGN.md §4). Kept outside the change log: an undo must never erase a seed that was tried.
MIGRATION_5 = f"""
CREATE TABLE draw_preview (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    scope_region_id INTEGER NOT NULL REFERENCES region(id),
    seed TEXT NOT NULL CHECK (length(seed) > 0),
    algorithm_version INTEGER NOT NULL,
    input_hash TEXT NOT NULL,
    result_hash TEXT NOT NULL,
    previewed_at TEXT NOT NULL,
    {_STAMPS}
);
CREATE INDEX draw_preview_scope ON draw_preview(scope_region_id, previewed_at);
"""

# Data packages (DESIGN.md §9): who this ledger is, what it has sent and received, whose keys it trusts.
#
# - ledger_identity: one row. ledger_id is minted here, for new and older files alike (a uuid4 from
#   randomblob: a migration has no Python); scope_region_id is the region the ledger is authoritative for,
#   on an older file its home as RegionChain.home() names it (the one top region, then down while a region
#   has one child); NULL while the ledger has no region. create_ledger sets it to the new chain's home.
# - The change log is the packages' sequence and their tombstones: change_log.id only grows (rows are never
#   deleted, so SQLite's max(rowid)+1 never reuses one; the triggers below keep it so) and one writer at a
#   time means ids are in commit order; every delete (Ledger.delete, delete_link, undo) is logged with the
#   whole row before it, which is the tombstone a package carries. A separate tombstone table would hold the
#   same rows twice.
# - package_log: every package written or read (result: sent, applied, refused…), kept through undo.
# - pinned_key: the public key of each sender ledger, pinned on its first accepted package (trust on first
#   use); the key is 32 bytes as hex, the fingerprint its short form (domain/package_keys.py).
MIGRATION_6 = f"""
CREATE TABLE ledger_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    ledger_id TEXT NOT NULL CHECK (length(ledger_id) = 36),
    scope_region_id INTEGER REFERENCES region(id)
);
INSERT INTO ledger_identity (id, ledger_id, scope_region_id)
SELECT 1,
       substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'
       || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12),
       (WITH RECURSIVE home(id, depth) AS (
            SELECT id, 0 FROM region WHERE parent_id IS NULL
            AND (SELECT count(*) FROM region WHERE parent_id IS NULL) = 1
            UNION ALL
            SELECT r.id, home.depth + 1 FROM region r JOIN home ON r.parent_id = home.id
            WHERE (SELECT count(*) FROM region c WHERE c.parent_id = home.id) = 1
        ) SELECT id FROM home ORDER BY depth DESC LIMIT 1)
FROM (SELECT lower(hex(randomblob(16))) AS h);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log.append_only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log.append_only'); END;

CREATE TABLE package_log (
    id INTEGER PRIMARY KEY,
    package_uuid TEXT NOT NULL,
    direction TEXT NOT NULL {_one_of("direction", "sent", "received")},
    kind TEXT NOT NULL {_one_of("kind", "seed", "delta", "full", "receipt")},
    sender_ledger_id TEXT NOT NULL,
    sender_scope TEXT,
    from_seq INTEGER,
    to_seq INTEGER,
    previous_package TEXT,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    fingerprint TEXT NOT NULL,
    result TEXT NOT NULL,
    operation_id INTEGER REFERENCES operation(id),
    at TEXT NOT NULL,
    CHECK (from_seq IS NULL OR to_seq IS NULL OR from_seq <= to_seq)
);
CREATE INDEX package_log_package ON package_log(package_uuid);
CREATE INDEX package_log_sender ON package_log(sender_ledger_id, at);

CREATE TABLE pinned_key (
    id INTEGER PRIMARY KEY,
    ledger_id TEXT NOT NULL UNIQUE CHECK (length(ledger_id) = 36),
    public_key TEXT NOT NULL CHECK (length(public_key) = 64),
    fingerprint TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
"""

# Reporting upward (DESIGN.md §9), the office's side:
# - month_lock: a month a county (or city) has reported for a region and its subtree. An open lock has no
#   unlocked_at; unlocking sets it with the reason, so the row is the unlock history, and a new lock of the
#   same month is a new row. Logged like the programme's rows: History shows locks and unlocks, undo
#   reverses them. Ledger.log_change refuses any logged write into a locked month (storage/month_locks.py).
# - pin_history: every key this ledger came to trust other than by a first package: a new key of a known
#   ledger (a ledger copied to another computer) or a successor ledger for a scope that had an owner, with
#   the old key, who decided, when and why. Outside the change log, as pinned_key is.
# - pinned_key.scope_uuid: the scope the sender spoke for when pinned (its owner while successor is NULL);
#   successor: the ledger_id accepted in its place.
# - package_log.acknowledges: a receipt's package; created_at: when the package was made (its sender's data
#   is complete up to then).
MIGRATION_7 = f"""
CREATE TABLE month_lock (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    month TEXT NOT NULL CHECK (length(month) = 7 AND date(month || '-01', '+0 days') = month || '-01'),
    region_id INTEGER NOT NULL REFERENCES region(id),
    unlocked_at TEXT,
    unlock_reason TEXT CHECK (unlock_reason IS NULL OR length(trim(unlock_reason)) > 0),
    {_STAMPS},
    CHECK ((unlocked_at IS NULL) = (unlock_reason IS NULL))
);
CREATE UNIQUE INDEX month_lock_open ON month_lock(month, region_id) WHERE unlocked_at IS NULL;

CREATE TABLE pin_history (
    id INTEGER PRIMARY KEY,
    change TEXT NOT NULL {_one_of("change", "new_key", "successor", "trusted")},
    ledger_id TEXT NOT NULL CHECK (length(ledger_id) = 36),
    public_key TEXT NOT NULL CHECK (length(public_key) = 64),
    fingerprint TEXT NOT NULL,
    old_ledger_id TEXT,
    old_public_key TEXT,
    old_fingerprint TEXT,
    scope_uuid TEXT,
    package_uuid TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    decided_by TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX pin_history_ledger ON pin_history(ledger_id, at);

ALTER TABLE pinned_key ADD COLUMN scope_uuid TEXT;
ALTER TABLE pinned_key ADD COLUMN successor TEXT;
UPDATE pinned_key SET scope_uuid = (
    SELECT sender_scope FROM package_log
    WHERE sender_ledger_id = pinned_key.ledger_id AND direction = 'received' ORDER BY id LIMIT 1
);
CREATE INDEX pinned_key_scope ON pinned_key(scope_uuid) WHERE successor IS NULL;
ALTER TABLE package_log ADD COLUMN acknowledges TEXT;
ALTER TABLE package_log ADD COLUMN created_at TEXT;
"""

# Attendance of each activity (DESIGN.md §10, domain/attendance.py): its theme and host, expected and present
# Party members (both NULL: not recorded), the day of the make-up session for the absentees, and the
# absentees by name with their reasons (uuid rows, so that packages carry them; listed in id order).
# activity_month covers the month's attendance figures too, as it covers the other month aggregates.
MIGRATION_8 = f"""
ALTER TABLE activity ADD COLUMN theme TEXT;
ALTER TABLE activity ADD COLUMN host TEXT;
ALTER TABLE activity ADD COLUMN expected INTEGER CHECK (expected IS NULL OR expected >= 1);
ALTER TABLE activity ADD COLUMN present INTEGER CHECK (present IS NULL OR present >= 0);
ALTER TABLE activity ADD COLUMN make_up_on TEXT {_date("make_up_on")};
DROP INDEX activity_month;
CREATE INDEX activity_month
    ON activity(held_on, pairing_id, type, volunteers, weekday_reason, expected, present);
CREATE TABLE activity_absentee (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    activity_id INTEGER NOT NULL REFERENCES activity(id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    reason TEXT,
    {_STAMPS}
);
CREATE INDEX activity_absentee_activity ON activity_absentee(activity_id);
"""

# The senders' operations imported here (their ``op`` uuids), so that importing a package again, or a later
# delta that repeats changes already applied, changes nothing. ``operation_id`` is this ledger's operation
# that put them in effect; undo and redo of it switch ``applied`` (storage/history.py), so an import undone
# can be imported again. Outside the change log, like the package log it goes with.
MIGRATION_9 = """
CREATE TABLE applied_operation (
    op_uuid TEXT PRIMARY KEY,
    sender_ledger_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    operation_id INTEGER NOT NULL REFERENCES operation(id),
    applied INTEGER NOT NULL CHECK (applied = 0 OR applied = 1)
) WITHOUT ROWID;
CREATE INDEX applied_operation_operation ON applied_operation(operation_id);
"""

# Evidence photos (DESIGN.md §10, docs/photos.md). The pictures live in the store beside the ledger
# (storage/media.py); the ledger keeps, per picture, its facts and a ~20 KB thumbnail in photo_image (by the
# SHA-256 of the stored JPEG; unlogged, rows only ever added: a blob has no place in the change log's JSON,
# and undo and redo find the picture still there), and per use of a picture a photo row (logged): which
# activity, in which place, with which caption, and its capture time checked against the activity's date.
# No foreign key on sha256: a photo row that came in a package may precede its picture.
MIGRATION_10 = f"""
CREATE TABLE photo_image (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size > 0),
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    taken_at TEXT,
    dhash TEXT NOT NULL CHECK (length(dhash) = 16),
    thumbnail BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE photo (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    activity_id INTEGER NOT NULL REFERENCES activity(id),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    position INTEGER NOT NULL CHECK (position >= 0),
    caption TEXT,
    taken_at TEXT,
    date_check TEXT NOT NULL {_one_of("date_check", "ok", "missing", "far")},
    {_STAMPS}
);
CREATE UNIQUE INDEX photo_activity_picture ON photo(activity_id, sha256);
CREATE INDEX photo_activity ON photo(activity_id, position);
CREATE INDEX photo_sha256 ON photo(sha256);
"""

# The change log as a hash chain (domain/chain.py): each entry's ``chain`` is the SHA-256 of the entry before
# it and its own content (with its operation's uuid, action and time), set as the entry is written
# (Ledger.log_change). Here the entries already written are linked in id order, by the app's sha256_hex()
# (registered on its connections, as pinyin_key for migration 4); the append-only trigger steps aside for
# this one update and is put back as it was. activity_make_up lets Check database find the make-up dates
# (domain.rules.Rule.ATTENDANCE) without reading the activity table.
_CHAIN_CONTENT = " || char(31) || ".join(
    (
        "c.id", "c.operation_id", "o.uuid", "o.action", "o.at", "c.entity", "c.entity_uuid", "c.change",
        "coalesce(c.before, '')", "coalesce(c.after, '')",
    )
)  # fmt: skip
MIGRATION_11 = f"""
ALTER TABLE change_log ADD COLUMN chain TEXT CHECK (chain IS NULL OR length(chain) = 64);
CREATE TEMP TABLE chain_order (n INTEGER PRIMARY KEY, id INTEGER NOT NULL, content TEXT NOT NULL);
INSERT INTO chain_order (id, content)
SELECT c.id, {_CHAIN_CONTENT} FROM change_log c JOIN operation o ON o.id = c.operation_id ORDER BY c.id;
CREATE TEMP TABLE chain_link (id INTEGER PRIMARY KEY, chain TEXT NOT NULL);
INSERT INTO chain_link (id, chain)
WITH RECURSIVE walk(n, id, chain) AS (
    SELECT 0, 0, '{"0" * 64}'
    UNION ALL
    SELECT c.n, c.id, sha256_hex(walk.chain || char(30) || c.content)
    FROM walk JOIN chain_order c ON c.n = walk.n + 1
) SELECT id, chain FROM walk WHERE n > 0;
DROP TRIGGER change_log_no_update;
UPDATE change_log SET chain = (SELECT chain FROM chain_link l WHERE l.id = change_log.id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log.append_only'); END;
DROP TABLE temp.chain_order;
DROP TABLE temp.chain_link;
CREATE INDEX activity_make_up
    ON activity(make_up_on, held_on, expected, present) WHERE make_up_on IS NOT NULL;
"""


# Pairing agreements (DESIGN.md §11, domain/agreements.py): one per pairing, with a liaison on each side and
# review notes; its targets (text, an optional number with its unit, a due date) in the order typed; each
# target's dated progress entries (running totals). uuid rows, logged, carried by packages. The rule that
# no target is due before its agreement's signing is held by triggers for every writer (a dialog, a package,
# undo, another program); Check database names rows written before them.
def _due_after_signing(event: str, name: str) -> str:
    return f"""
CREATE TRIGGER agreement_target_due_{name} BEFORE {event} ON agreement_target
WHEN NEW.due_on < (SELECT signed_on FROM agreement WHERE id = NEW.agreement_id)
BEGIN SELECT RAISE(ABORT, 'agreement.target_before_signing'); END;
"""


MIGRATION_AGREEMENTS = f"""
CREATE TABLE agreement (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    pairing_id INTEGER NOT NULL UNIQUE REFERENCES pairing(id),
    signed_on TEXT NOT NULL {_date("signed_on", required=True)},
    organ_liaison TEXT,
    organ_phone TEXT,
    grassroots_liaison TEXT,
    grassroots_phone TEXT,
    review TEXT,
    {_STAMPS}
);
CREATE INDEX agreement_signed ON agreement(signed_on);
CREATE TABLE agreement_target (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    agreement_id INTEGER NOT NULL REFERENCES agreement(id),
    position INTEGER NOT NULL CHECK (position >= 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    number REAL CHECK (number IS NULL OR number > 0),
    unit TEXT,
    due_on TEXT NOT NULL {_date("due_on", required=True)},
    {_STAMPS}
);
CREATE INDEX agreement_target_agreement ON agreement_target(agreement_id, position);
CREATE INDEX agreement_target_due ON agreement_target(due_on);
CREATE TABLE target_progress (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    target_id INTEGER NOT NULL REFERENCES agreement_target(id),
    recorded_on TEXT NOT NULL {_date("recorded_on", required=True)},
    value REAL CHECK (value IS NULL OR value >= 0),
    note TEXT,
    {_STAMPS}
);
-- The latest entry by a day, per target, is a seek to the end of the target's range.
CREATE INDEX target_progress_target ON target_progress(target_id, recorded_on, value);
{_due_after_signing("INSERT", "insert")}
{_due_after_signing("UPDATE OF due_on, agreement_id", "update")}
CREATE TRIGGER agreement_signed_after_due BEFORE UPDATE OF signed_on ON agreement
WHEN EXISTS (SELECT 1 FROM agreement_target t WHERE t.agreement_id = NEW.id AND t.due_on < NEW.signed_on)
BEGIN SELECT RAISE(ABORT, 'agreement.target_before_signing'); END;
"""

# The yearly star rating of grassroots branches (五星支部, domain/stars.py): one row per branch and year,
# with the day it was rated. star_rating_year serves the star mix by year and the check's rule.
MIGRATION_STAR_RATINGS = f"""
CREATE TABLE star_rating (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    branch_id INTEGER NOT NULL REFERENCES branch(id),
    year INTEGER NOT NULL CHECK (year >= 1990 AND year <= 2100),
    stars INTEGER NOT NULL CHECK (stars >= 1 AND stars <= 5),
    rated_on TEXT NOT NULL {_date("rated_on", required=True)},
    {_STAMPS}
);
CREATE UNIQUE INDEX star_rating_branch_year ON star_rating(branch_id, year);
CREATE INDEX star_rating_year ON star_rating(year, branch_id, stars, rated_on);
"""

# A half-year's figures frozen when the next half-year starts (Tools ▸ New half-year, domain/halfyear.py):
# one row per region and half-year, the figures as JSON (the stats service's output at the half-year's end,
# with its months and key tasks), so that the summary printed later says what was known then.
MIGRATION_HALFYEAR_SUMMARIES = f"""
CREATE TABLE halfyear_summary (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    region_id INTEGER NOT NULL REFERENCES region(id),
    half_year TEXT NOT NULL CHECK (length(half_year) = 7 AND substr(half_year, 5, 2) = '-H'
        AND (substr(half_year, 7) = '1' OR substr(half_year, 7) = '2')),
    frozen_on TEXT NOT NULL {_date("frozen_on", required=True)},
    figures TEXT NOT NULL CHECK (json_valid(figures)),
    {_STAMPS}
);
CREATE UNIQUE INDEX halfyear_summary_region_half ON halfyear_summary(region_id, half_year);
"""

# The three lists (DESIGN.md §11, 需求清单 / 资源清单 / 项目清单): per pairing, the village's needs, the
# organ's resources and the projects that match one with the other (need_id, resource_id: items of the same
# pairing, domain.rules.Rule.PLAN_ITEM_LINKS), each with who answers for it, when it was opened and is due,
# and its status. Done (销号) means a day not before the opening and a note, held here for every writer.
# plan_item_activity links an item to the activities that worked on it (uuid rows, so packages carry them).
# plan_item_pairing_status serves the Lists tab and the figures per pairing; the others its sorts and the
# overdue filter (open items by due day).
MIGRATION_PLAN_ITEMS = f"""
CREATE TABLE plan_item (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    pairing_id INTEGER NOT NULL REFERENCES pairing(id),
    kind TEXT NOT NULL {_one_of("kind", "need", "resource", "project")},
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner TEXT,
    opened_on TEXT NOT NULL {_date("opened_on", required=True)},
    due_on TEXT {_date("due_on")},
    status TEXT NOT NULL {_one_of("status", "open", "in_progress", "done")},
    done_on TEXT {_date("done_on")},
    done_note TEXT,
    need_id INTEGER REFERENCES plan_item(id),
    resource_id INTEGER REFERENCES plan_item(id),
    note TEXT,
    {_STAMPS},
    CHECK ((status = 'done') = (done_on IS NOT NULL)),
    CHECK (done_on IS NULL OR done_on >= opened_on),
    CHECK (status <> 'done' OR length(trim(coalesce(done_note, ''))) > 0),
    CHECK (due_on IS NULL OR due_on >= opened_on),
    CHECK (kind = 'project' OR (need_id IS NULL AND resource_id IS NULL))
);
CREATE INDEX plan_item_pairing_status ON plan_item(pairing_id, status, kind);
CREATE INDEX plan_item_open_due ON plan_item(due_on, pairing_id) WHERE status <> 'done';
CREATE INDEX plan_item_opened ON plan_item(opened_on);
CREATE INDEX plan_item_done ON plan_item(done_on) WHERE done_on IS NOT NULL;
CREATE INDEX plan_item_due ON plan_item(due_on);
CREATE INDEX plan_item_title ON plan_item(title);
CREATE INDEX plan_item_kind_status ON plan_item(kind, status);
CREATE INDEX plan_item_need ON plan_item(need_id) WHERE need_id IS NOT NULL;
CREATE INDEX plan_item_resource ON plan_item(resource_id) WHERE resource_id IS NOT NULL;

CREATE TABLE plan_item_activity (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    plan_item_id INTEGER NOT NULL REFERENCES plan_item(id),
    activity_id INTEGER NOT NULL REFERENCES activity(id),
    {_STAMPS}
);
CREATE UNIQUE INDEX plan_item_activity_pair ON plan_item_activity(plan_item_id, activity_id);
CREATE INDEX plan_item_activity_activity ON plan_item_activity(activity_id);
"""

# Village work teams (驻村工作队, DESIGN.md §11, domain/teams.py, docs/teams.md). A team is sent to a
# grassroots branch (one open team per branch), by a unit (usually its paired organ's). A member is known by
# the phone number (digits only): one team at a time, held like one-to-one pairing by a partial unique index
# and overlap triggers, whoever writes the file. A member's days are one row per month: a mark per day ('-'
# nothing, P present, L leave, B official business, A absent), the leave days' reasons, and the counts,
# which the CHECKs keep equal to the marks (the shortfall list sums them without reading the marks).
_TEAM_NOT_GRASSROOTS = (
    "(SELECT kind FROM branch WHERE id = NEW.branch_id) NOT IN ('village','community','grid')"
)
_MEMBER_OVERLAP = """EXISTS (SELECT 1 FROM team_member q WHERE q.phone = NEW.phone AND q.id IS NOT NEW.id
             AND q.from_on <= coalesce(NEW.to_on, '9999-12-31')
             AND coalesce(q.to_on, '9999-12-31') >= NEW.from_on
             AND (q.to_on IS NOT NULL OR NEW.to_on IS NOT NULL))"""


def _team_trigger(name: str, broken: str, message: str, columns: str) -> str:
    """Part of MIGRATION_WORK_TEAMS (never change it): a rule held on insert and on update of ``columns``."""
    table = message.split(".")[0]
    return "\n".join(
        f"CREATE TRIGGER {name}_{event.split()[0].lower()} BEFORE {event} ON {table}\n"
        f"WHEN {broken}\nBEGIN SELECT RAISE(ABORT, '{message}'); END;"
        for event in ("INSERT", f"UPDATE OF {columns}")
    )


MIGRATION_WORK_TEAMS = f"""
CREATE TABLE work_team (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    branch_id INTEGER NOT NULL REFERENCES branch(id),
    unit_id INTEGER REFERENCES unit(id),
    started_on TEXT NOT NULL {_date("started_on", required=True)},
    ended_on TEXT {_date("ended_on")},
    note TEXT,
    {_STAMPS},
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE UNIQUE INDEX work_team_open ON work_team(branch_id) WHERE ended_on IS NULL;
CREATE INDEX work_team_branch ON work_team(branch_id, started_on);
CREATE INDEX work_team_unit ON work_team(unit_id);
{_team_trigger("work_team_grassroots", _TEAM_NOT_GRASSROOTS, "work_team.grassroots", "branch_id")}

CREATE TABLE team_member (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    team_id INTEGER NOT NULL REFERENCES work_team(id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    phone TEXT NOT NULL CHECK (length(phone) > 0),
    sending_unit TEXT,
    role TEXT NOT NULL {_one_of("role", "leader", "member", "first_secretary")},
    from_on TEXT NOT NULL {_date("from_on", required=True)},
    to_on TEXT {_date("to_on")},
    note TEXT,
    {_STAMPS},
    CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE UNIQUE INDEX team_member_open ON team_member(phone) WHERE to_on IS NULL;
CREATE INDEX team_member_phone ON team_member(phone, from_on);
CREATE INDEX team_member_team ON team_member(team_id, from_on);
{_team_trigger("team_member_overlap", _MEMBER_OVERLAP, "team_member.overlap", "phone, from_on, to_on")}

CREATE TABLE team_days (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    member_id INTEGER NOT NULL REFERENCES team_member(id),
    month TEXT NOT NULL CHECK (length(month) = 7 AND date(month || '-01', '+0 days') = month || '-01'),
    marks TEXT NOT NULL CHECK (
        length(marks) = CAST(strftime('%d', month || '-01', '+1 month', '-1 day') AS INTEGER)
        AND length(replace(replace(replace(replace(replace(marks, '-', ''), 'P', ''), 'L', ''), 'B', ''),
                           'A', '')) = 0
    ),
    reasons TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(reasons) AND json_type(reasons) = 'object'),
    present INTEGER NOT NULL CHECK (present = length(marks) - length(replace(marks, 'P', ''))),
    leave INTEGER NOT NULL CHECK (leave = length(marks) - length(replace(marks, 'L', ''))),
    business INTEGER NOT NULL CHECK (business = length(marks) - length(replace(marks, 'B', ''))),
    absent INTEGER NOT NULL CHECK (absent = length(marks) - length(replace(marks, 'A', ''))),
    {_STAMPS}
);
CREATE UNIQUE INDEX team_days_member_month ON team_days(member_id, month);
CREATE INDEX team_days_month ON team_days(month, member_id, present, business);
"""

# Another ledger's uuid for one of this ledger's regions (each county's ledger made its own 信阳市): matched
# once, by official code or by level, name and parent (exchange/package_scope.Places), when a package first
# names it, and kept, so that a later package meets the same place whatever its copy is called or coded by
# then, and no import matches it again. Unlogged: which place a uuid stands for is no record anyone edits.
MIGRATION_REGION_ALIASES = """
CREATE TABLE region_alias (
    uuid TEXT PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX region_alias_region ON region_alias(region_id);
"""

# Photos of a list item's 销号 (DESIGN.md §11: ticked off "with evidence"): per use of a picture of the
# photo store (storage/media.py, photo_image as for activities), which item, its place and caption, and its
# capture time; logged like the activities' photo rows, so the tick-off's one action undoes them too.
MIGRATION_ITEM_PHOTOS = f"""
CREATE TABLE plan_item_photo (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    plan_item_id INTEGER NOT NULL REFERENCES plan_item(id),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    position INTEGER NOT NULL CHECK (position >= 0),
    caption TEXT,
    taken_at TEXT,
    {_STAMPS}
);
CREATE UNIQUE INDEX plan_item_photo_picture ON plan_item_photo(plan_item_id, sha256);
CREATE INDEX plan_item_photo_item ON plan_item_photo(plan_item_id, position);
CREATE INDEX plan_item_photo_sha256 ON plan_item_photo(sha256);
"""

MIGRATIONS: tuple[str, ...] = (
    MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4, MIGRATION_5, MIGRATION_6, MIGRATION_7, MIGRATION_8,
    MIGRATION_9, MIGRATION_10, MIGRATION_11, MIGRATION_AGREEMENTS, MIGRATION_STAR_RATINGS,
    MIGRATION_HALFYEAR_SUMMARIES, MIGRATION_PLAN_ITEMS, MIGRATION_WORK_TEAMS, MIGRATION_REGION_ALIASES,
    MIGRATION_ITEM_PHOTOS,
)  # fmt: skip
# Tables written outside the change log (no history line, no undo), rows only ever added (ledger_identity:
# its one row, made by migration 6 and given its scope while the ledger is created; pinned_key: a row's key
# is replaced, and its successor set, only with a pin_history line saying why; applied_operation: switched
# by undo and redo of its import; region_alias: a row goes with its region).
UNLOGGED_TABLES = (
    "draw_preview",
    "ledger_identity",
    "package_log",
    "pinned_key",
    "pin_history",
    "applied_operation",
    "photo_image",
    "region_alias",
)
SCHEMA_VERSION = len(MIGRATIONS)
