"""Opening, creating and migrating a ledger file; the one connection every query goes through."""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sqlite3
import time
import uuid as uuid_module
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

import orjson

from branchdesk.domain.chain import GENESIS, linker, sha256_hex
from branchdesk.domain.clock import Clock, timestamp
from branchdesk.domain.errors import BranchDeskError, Reason, os_reason
from branchdesk.domain.sort_key import name_key
from branchdesk.storage.month_locks import CHECKED_TABLES, MonthLocks
from branchdesk.storage.schema import APPLICATION_ID, MIGRATIONS, NAME_KEY_TABLES

SQLITE_HEADER = b"SQLite format 3\x00"
# A change as logged: entity, its uuid, insert/update/delete, the row before and after.
LoggedChange = tuple[str, str, str, dict[str, Any] | None, dict[str, Any] | None]


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def _uri(path: Path, mode: str) -> str:
    # as_uri() percent-encodes spaces and Chinese characters, which SQLite's URI parser decodes.
    return f"{path.resolve().as_uri()}?mode={mode}"


def primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code (SQLITE_BUSY for SQLITE_BUSY_SNAPSHOT…); None for an error raised by
    Python's module itself (a closed connection, a wrong parameter)."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def sqlite_reason(error: sqlite3.Error) -> Reason:
    """SQLite's error with its extended and primary result codes by name, for i18n/reasons.py."""
    name = getattr(error, "sqlite_errorname", None)
    if not isinstance(name, str):
        return Reason((), str(error))
    primary = "_".join(name.split("_")[:2])  # SQLITE_READONLY_DBMOVED → SQLITE_READONLY
    return Reason(tuple(dict.fromkeys((name, primary))), str(error))


# SQLite's primary result codes for a file that is damaged or no database at all.
DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _translate(error: sqlite3.Error, path: Path) -> BranchDeskError:
    """By SQLite's result code, never its words (which change between versions)."""
    code = primary_code(error)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return BranchDeskError("ledger.locked", path=str(path))
    if code in DAMAGED:
        return BranchDeskError("ledger.damaged", path=str(path))
    if code == sqlite3.SQLITE_READONLY:
        return BranchDeskError("ledger.read_only", path=str(path))
    if code == sqlite3.SQLITE_FULL:
        return BranchDeskError("ledger.disk_full", path=str(path))
    return BranchDeskError("ledger.cannot_open", path=str(path), reason=sqlite_reason(error))


# How long a statement waits for another connection's lock before the file counts as in use.
BUSY_TIMEOUT_MS = 3000
# Closing a ledger in WAL: how long its checkpoint waits for reads still running (a job being stopped), and
# then for their connections to close.
CLOSE_WAIT_MS = 2000
SWITCH_WAIT_S = 0.25


class Journal(enum.Enum):
    """How a writable ledger keeps its journal while it is open.

    Design note (issue 16): with the rollback journal a COMMIT needs every reader's lock released, so an
    edit on the UI thread waited for a chart's background read (703 ms at stress scale) and failed as
    "locked" after ``BUSY_TIMEOUT_MS``. An edit while the "areas" chart is read, at stress scale: rollback
    journal 640–1360 ms; interrupting the reader 8–21 ms, but the read is lost and an export or the quick
    check must not be; WAL 2–6 ms, as with no read. Reads yielding the lock in slices do not fit one
    aggregate statement, nor an export's single snapshot; writes moved off the UI thread would still wait.
    So on a local disk the window runs the file in WAL while it edits it (:meth:`Ledger.use_wal`), and
    closing goes back to the rollback journal: at rest a ledger is one file. A commit is durable once its
    WAL frames are synced (``synchronous = FULL``: one sync per commit); copying them into the ``.bdesk``
    (the checkpoint: two more syncs, and one of the WAL's header when it starts over) is the window's job
    runner's, off the UI thread (ui/jobs/checkpoints.py, :func:`checkpoint`), at most a second after an
    edit. A copy of the file made while the window is open can lack the edits of that last second. A
    crash leaves ``-wal`` and ``-shm`` beside it, which the next session folds in. A network share cannot
    hold WAL's shared memory and a USB stick can be pulled out with its ``-wal``, so there the rollback
    journal stays (services/ledgers.py decides) and an edit still waits for a running read.
    """

    WAL = "wal"
    ROLLBACK = "delete"


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    conn = sqlite3.connect(_uri(path, mode), uri=True, isolation_level=None, check_same_thread=True)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # Each name's sort key (schema.py, migration 4): the migration and Ledger.keep_name_keys use it.
    conn.create_function("pinyin_key", 1, _pinyin_key, deterministic=True)
    # The change log's links (schema.py, migration 11): the migration links the entries written before.
    conn.create_function("sha256_hex", 1, sha256_hex, deterministic=True)
    return conn


def _pinyin_key(name: object) -> str | None:
    return name_key(name) if isinstance(name, str) else None


def _check_header(path: Path) -> None:
    if not path.exists():
        raise BranchDeskError("ledger.missing", path=str(path))
    if not path.is_file():
        raise BranchDeskError("ledger.not_a_ledger", path=str(path))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise BranchDeskError("ledger.locked", path=str(path)) from None
    except OSError as error:
        raise BranchDeskError("ledger.cannot_open", path=str(path), reason=os_reason(error)) from None
    if header != SQLITE_HEADER:
        raise BranchDeskError("ledger.not_a_ledger", path=str(path))


def read_versions(path: Path) -> tuple[int, int]:
    """``(application_id, user_version)`` read without writing a byte to the file.

    The one exception: a write cut short by a crash or power cut leaves a hot journal beside the file,
    which SQLite must roll back (restoring the last committed state) before anyone may read it.
    """
    _check_header(path)
    try:
        try:
            return _versions(path, "ro")
        except sqlite3.Error as error:
            if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_READONLY_ROLLBACK:
                raise
        # A read-write connection rolls the journal back on its first read; nothing else is written.
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise BranchDeskError("ledger.needs_recovery", path=str(path))
        return _versions(path, "rw")
    except sqlite3.Error as error:
        raise _translate(error, path) from None


def _versions(path: Path, mode: str) -> tuple[int, int]:
    conn = _connect(path, mode)
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    finally:
        conn.close()
    return int(application_id), int(user_version)


def checkpoint(path: Path) -> bool:
    """Copy the commits in the WAL of the ledger at ``path`` into the file, on a connection of its own
    (a worker's: the writer's commits go on meanwhile). True when all of the WAL is in the file (or the
    file has none); False when some is left for later: a read holds an older state of the file, another
    checkpoint runs, or an error such as a full disk (the commits stay safe in the WAL, and closing or the
    next opening folds them in).

    PASSIVE: it waits for no reader and no writer (SQLite's docs on ``sqlite3_wal_checkpoint_v2``), so an
    edit does not wait for it, but for an instant while its connection opens or closes (the edit's busy
    timeout covers that). ``synchronous = FULL``, as the writer's: the WAL is synced before its
    pages are copied, and the file after, before the WAL may start over.
    """
    try:
        conn = _connect(path, "rw")
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA synchronous = FULL")
        busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return bool(busy == 0 and frames == copied)
    except sqlite3.Error:
        return False
    finally:
        conn.close()


class Ledger:
    """One open ledger file: a sqlite-utils database plus the clock that stamps its rows.

    Every write goes through :meth:`operation`, which opens one transaction and one ``operation`` row, so a
    user action is saved whole or not at all, and is logged for history and undo.
    """

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        clock: Clock,
        *,
        read_only: bool,
        journal: Journal = Journal.ROLLBACK,
    ) -> None:
        self.path = path
        self.conn = conn
        self.clock = clock
        self.read_only = read_only
        self.journal = journal
        self._operation_id: int | None = None
        # The locked months as read in the current operation (its writes hold the file, so no one else
        # changes them meanwhile); read again by the next one.
        self._locks: MonthLocks | None = None
        self._operation_facts = ("", "", "")  # the current operation's uuid, action and time
        self._damaged = False
        self._interrupted = False
        # The file's time and this connection's changes when WAL was turned on: a ledger only looked at
        # keeps its "date modified" although the switches rewrote its header.
        self._looked_at: tuple[int, int] | None = None
        # Told after each commit that changed the file, when someone else checkpoints it (use_wal).
        self._committed: Callable[[], None] | None = None

    # -- opening -------------------------------------------------------------------------------------

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for bulk work; imported on first use because it pulls in
        numpy and click, which would slow every start of the window."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A transaction, or a savepoint inside one already open (like sqlite-utils' ``db.atomic()``)."""
        if self.conn.in_transaction:
            name = f"sp_{uuid_module.uuid4().hex}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                # An error such as RAISE(ROLLBACK) may have ended the whole transaction already.
                if self._still_in_transaction():
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute("BEGIN")
        changes = self.conn.total_changes
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            if self._still_in_transaction():
                self.conn.execute("ROLLBACK")
            raise
        if self._committed is not None and self.conn.total_changes != changes:
            self._committed()

    def _still_in_transaction(self) -> bool:
        return self.conn.in_transaction

    @classmethod
    def create(
        cls,
        path: Path,
        clock: Clock,
        *,
        overwrite: bool = False,
        fill: Callable[[Ledger], None] | None = None,
        journal: Journal = Journal.WAL,
    ) -> Ledger:
        """A new ledger at ``path``, made whole beside it and then moved into place.

        ``fill`` writes the first content (holidays, a demo). Until everything has succeeded the target is
        untouched, so a failed creation never costs the user an existing file.
        """
        path = Path(path)
        try:
            exists = path.exists()  # a name too long for the disk raises here
        except OSError as error:
            raise BranchDeskError("ledger.cannot_write", path=str(path), reason=os_reason(error)) from None
        if exists and not overwrite:
            raise BranchDeskError("ledger.exists", path=str(path))
        if exists and not path.is_file():
            raise BranchDeskError("ledger.not_a_file", path=str(path))
        if not path.parent.is_dir():
            raise BranchDeskError("ledger.folder_missing", path=str(path.parent))
        temporary = path.with_name(f".{path.name}.{uuid_module.uuid4().hex[:8]}.tmp")
        try:
            conn = _connect(temporary, "rwc")
            ledger = cls(temporary, conn, clock, read_only=False)
            try:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                ledger._configure()
                ledger.migrate(MIGRATIONS)
                ledger.keep_name_keys()
                if fill is not None:
                    fill(ledger)
            finally:
                conn.close()
            os.replace(temporary, path)
        except sqlite3.Error as error:
            raise _translate(error, path) from None
        except OSError as error:
            raise BranchDeskError("ledger.cannot_write", path=str(path), reason=os_reason(error)) from None
        finally:
            for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
                leftover.unlink(missing_ok=True)
        return cls.open(path, clock, journal=journal)

    @classmethod
    def open(
        cls,
        path: Path,
        clock: Clock,
        *,
        read_only: bool = False,
        migrations: Sequence[str] = MIGRATIONS,
        before_migration: Callable[[], None] | None = None,
        journal: Journal = Journal.WAL,
    ) -> Ledger:
        """Open an existing ledger; refuse, untouched, a file that is not one or comes from a newer build.

        ``before_migration`` runs (a backup, say) only when an older file is about to be upgraded;
        ``journal`` is how a writable ledger shares the file with readers while open (see :class:`Journal`).
        """
        path = Path(path)
        application_id, user_version = read_versions(path)
        if application_id != APPLICATION_ID:
            raise BranchDeskError("ledger.not_a_ledger", path=str(path))
        if user_version > len(migrations):
            raise BranchDeskError(
                "ledger.newer_version", path=str(path), file_version=user_version, app_version=len(migrations)
            )
        try:
            conn = _connect(path, "ro" if read_only else "rw")
        except sqlite3.Error as error:
            raise _translate(error, path) from None
        ledger = cls(path, conn, clock, read_only=read_only, journal=journal)
        try:
            ledger._configure()
            if user_version < len(migrations):
                if read_only:
                    raise BranchDeskError("ledger.needs_upgrade_read_only", path=str(path))
                if before_migration is not None:
                    before_migration()
                ledger.migrate(migrations)
            ledger.keep_name_keys()
        except sqlite3.Error as error:
            conn.close()
            raise _translate(error, path) from None
        except BaseException:
            conn.close()
            raise
        return ledger

    def _configure(self) -> None:
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.read_only:
            return
        if self.journal is Journal.ROLLBACK:
            # A file a crash left in WAL is folded back now, as a hot journal is rolled back.
            self.conn.execute("PRAGMA journal_mode = DELETE")
        # FULL sync makes each committed action survive a power cut (SQLite's docs on atomic commit).
        self.conn.execute("PRAGMA synchronous = FULL")

    def use_wal(self, committed: Callable[[], None]) -> None:
        """Keep the file in WAL until it is closed (with ``Journal.WAL``; see there why).

        Not done on opening, which writes nothing (a damaged file is never written to): the window calls
        this once the file passed its check and before its readers start, so the switch waits for none.
        A commit only syncs the WAL: ``committed`` is called after each one that changed the file, and has
        :func:`checkpoint` run on another thread (the window's job runner: ui/jobs/checkpoints.py).
        """
        if self.read_only or self.journal is not Journal.WAL:
            return
        modified = self.path.stat().st_mtime_ns
        try:
            # Another program reading the file just now: this session keeps the rollback journal.
            self.conn.execute("PRAGMA busy_timeout = 0")
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError:
            mode = Journal.ROLLBACK.value
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if mode != Journal.WAL.value:  # or a file system without shared memory
            self.journal = Journal.ROLLBACK
            return
        # No checkpoint inside a commit: that is ``committed``'s (on the UI thread it cost three more syncs).
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        self._committed = committed
        self._looked_at = (modified, self.conn.total_changes)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, migrations: Sequence[str]) -> None:
        """Apply the migrations not yet applied, each in its own transaction with its version bump."""
        for version in range(self.schema_version, len(migrations)):
            try:
                with self.transaction():
                    # executescript() would commit; run the statements one by one inside the transaction.
                    for statement in _statements(migrations[version]):
                        self.conn.execute(statement)
                    self.conn.execute(f"PRAGMA user_version = {version + 1}")
            except sqlite3.Error as error:
                raise BranchDeskError(
                    "ledger.migration_failed",
                    path=str(self.path),
                    version=version + 1,
                    reason=sqlite_reason(error),
                ) from None

    def keep_name_keys(self) -> None:
        """Keep each name's sort key on every write of this connection (an insert, an import, undo, redo),
        and fill in the keys that another program's writes left out.

        TEMP triggers live in this connection only: the file holds none that needs the app's pinyin_key().
        """
        if self.read_only:
            return
        for table in NAME_KEY_TABLES:
            columns = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
            if "name_key" not in columns:  # a file older than migration 4, opened by a test as it was
                continue
            stale = "WHEN NEW.name_key IS NOT pinyin_key(NEW.name)"
            fix = f"BEGIN UPDATE {table} SET name_key = pinyin_key(NEW.name) WHERE id = NEW.id; END"
            self.conn.execute(
                f"CREATE TEMP TRIGGER {table}_name_key_insert AFTER INSERT ON main.{table} {stale} {fix}"
            )
            self.conn.execute(
                f"CREATE TEMP TRIGGER {table}_name_key_update AFTER UPDATE OF name, name_key"
                f" ON main.{table} {stale} {fix}"
            )
            if self.conn.execute(f"SELECT 1 FROM {table} WHERE name_key IS NULL LIMIT 1").fetchone():
                try:
                    self.conn.execute(
                        f"UPDATE {table} SET name_key = pinyin_key(name) WHERE name_key IS NULL"
                    )
                except sqlite3.Error as error:
                    raise self.error(error) from None

    def close(self) -> None:
        if not self.read_only and not self._damaged:
            self._back_to_one_file()
        self.conn.close()

    def found_damaged(self) -> None:
        """The file is damaged: closing leaves it (and a WAL beside it) byte for byte as it is."""
        self._damaged = True

    def _back_to_one_file(self) -> None:
        """Fold the WAL (of this session, or left by a crash) into the file and return to the rollback
        journal.

        The checkpoint waits (up to ``CLOSE_WAIT_MS``) for reads still running, say a job being stopped;
        leaving WAL needs every other connection closed, which a stopped job's is a moment later. Another
        connection still open (an import's, the command line's) keeps the WAL until the last writer closes,
        or the next opening: nothing is lost, the file is just not one file yet.
        """
        try:
            if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                return
            self.conn.execute(f"PRAGMA busy_timeout = {CLOSE_WAIT_MS}")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            deadline = time.monotonic() + SWITCH_WAIT_S
            while True:
                try:
                    self.conn.execute(f"PRAGMA journal_mode = {Journal.ROLLBACK.value}")
                    if self._looked_at is not None and self._looked_at[1] == self.conn.total_changes:
                        os.utime(self.path, ns=(time.time_ns(), self._looked_at[0]))
                    return
                except sqlite3.OperationalError as error:
                    if primary_code(error) != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                        return
                time.sleep(0.02)
        except (sqlite3.Error, OSError):  # closing never fails: at worst the WAL waits for the next opening
            return

    def error(self, error: sqlite3.Error) -> BranchDeskError:
        """What a failed statement on this file means to the user (locked, read-only, full, damaged…)."""
        return _translate(error, self.path)

    def interrupt(self) -> None:
        """Stop the query running on this connection (callable from any thread); it raises there, and
        so does every later one once :meth:`stop_later_statements` was called."""
        self._interrupted = True
        self.conn.interrupt()

    def stop_later_statements(self) -> None:
        """Make :meth:`interrupt` stop the statements started after it too (on this connection's own
        thread). A read transaction of several statements interrupted between two of them would
        otherwise go on, holding the file's lock that a write on the rollback journal waits for."""
        # Every 100,000 steps of SQLite's machine (about a millisecond): rare enough to cost nothing.
        self.conn.set_progress_handler(lambda: self._interrupted, 100_000)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def operation(self, action: str) -> Iterator[int]:
        """One user action: one transaction and one ``operation`` row that the change log refers to."""
        if self.read_only:
            raise BranchDeskError("ledger.read_only", path=str(self.path))
        if self._operation_id is not None:
            yield self._operation_id
            return
        try:
            with self.transaction():
                facts = (new_uuid(), action, self.now())
                cursor = self.conn.execute("INSERT INTO operation (uuid, action, at) VALUES (?, ?, ?)", facts)
                self._operation_id = int(cursor.lastrowid or 0)
                self._locks = None
                self._operation_facts = facts
                try:
                    yield self._operation_id
                finally:
                    self._operation_id = None
        except sqlite3.IntegrityError as error:
            raise integrity_error(error) from None
        except sqlite3.OperationalError as error:
            raise _translate(error, self.path) from None

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction, so that several queries describe one state of the file."""
        with self.transaction():
            yield

    def now(self) -> str:
        return timestamp(self.clock)

    def log_change(
        self,
        entity: str,
        entity_uuid: str,
        change: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        self.log_changes([(entity, entity_uuid, change, before, after)])

    def log_changes(self, changes: Iterable[LoggedChange]) -> None:
        """Log changes ``(entity, uuid, change, before, after)`` in their order: each checked against the
        locked months, their ids and hash-chain links made in one pass, written _LOG_ROWS to an INSERT
        (a package import logs hundreds of thousands)."""
        if self._operation_id is None:
            raise RuntimeError("writes must happen inside Ledger.operation()")
        # Each entry is linked to the one before it (domain/chain.py); its id is given, as the link covers it.
        linked = self._linked
        last = self.conn.execute(
            f"SELECT id, {'chain' if linked else 'NULL'} FROM change_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
        first_id, previous = (1, GENESIS) if last is None else (last[0] + 1, last[1])
        next_link = linker(previous, self._operation_id, *self._operation_facts)
        # Every entry's values one after another, as the INSERTs bind them (see _log_insert).
        values: list[object] = []
        entry_id = first_id
        locks = self._locks
        for entity, entity_uuid, change, before, after in changes:
            if entity in CHECKED_TABLES:
                if locks is None:
                    locks = self._locks = MonthLocks(self)
                if locks:  # a ledger without locks (the usual case) has nothing to check
                    self._refuse_locked_month(locks, entity, before, after)
            elif entity == "month_lock":
                locks = self._locks = None
            before_json = None if before is None else _log_json(before)
            after_json = None if after is None else _log_json(after)
            values += (entry_id, entity, entity_uuid, change, before_json, after_json)
            if linked:
                values.append(next_link(entry_id, entity, entity_uuid, change, before_json, after_json))
            entry_id += 1
        if entry_id == first_id:
            return
        width = 7 if linked else 6
        step = _LOG_ROWS * width
        whole = len(values) - len(values) % step
        # The table's CHECKs (json_valid of before and after, the change's kind, the link's length) guard
        # against other writers; these rows are valid by construction (encoded just above). A big batch is
        # written without them (about 15 % of writing it), but only a big one: turning the pragma on and
        # off makes SQLite prepare every statement of the connection again (a package import logging 250
        # lines at a time spent more on that than the CHECKs cost).
        unchecked = entry_id - first_id >= _UNCHECKED_FROM
        if unchecked:
            self.conn.execute("PRAGMA ignore_check_constraints = ON")
        try:
            if whole:
                self.conn.executemany(
                    _log_insert(linked, _LOG_ROWS),
                    ([self._operation_id, *values[start : start + step]] for start in range(0, whole, step)),
                )
            if whole < len(values):
                self.conn.execute(
                    _log_insert(linked, (len(values) - whole) // width), [self._operation_id, *values[whole:]]
                )
        finally:
            if unchecked:
                self.conn.execute("PRAGMA ignore_check_constraints = OFF")

    @cached_property
    def _linked(self) -> bool:
        """Whether the change log is a chain: always, but in a file older than migration 11 that a test
        opens as it was (asked at the first write, after any migration)."""
        return any(row[1] == "chain" for row in self.conn.execute("PRAGMA table_info(change_log)"))

    @staticmethod
    def _refuse_locked_month(
        locks: MonthLocks, entity: str, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        """One rule on every path that writes (DESIGN.md §9): no logged change falls in a locked month
        until it is unlocked with a reason; the operation rolls back whole."""
        locked = locks.locked_change(entity, before, after)
        if locked is not None:
            raise BranchDeskError("month.locked", month=locked.month, region=locked.region_path)

    def insert(self, table: str, values: dict[str, Any]) -> int:
        """Insert one row stamped with uuid and times, logged as part of the current operation."""
        now = self.now()
        row = {"uuid": new_uuid(), **values, "created_at": now, "updated_at": now}
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
        row_id = int(cursor.lastrowid or 0)
        # The whole row as stored (id and defaults included), so that undo and redo can put it back exactly.
        self.log_change(table, row["uuid"], "insert", None, self.row(table, row_id))
        return row_id

    def update(self, table: str, row_id: int, changes: dict[str, Any]) -> None:
        before = self.row(table, row_id)
        if before is None:
            raise BranchDeskError("row.missing", table=table, id=row_id)
        if all(before.get(column) == value for column, value in changes.items()):
            return  # nothing to save, nothing to log: the history shows only real changes
        values = {**changes, "updated_at": self.now()}
        assignments = ", ".join(f"{column} = ?" for column in values)
        self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*values.values(), row_id))
        self.log_change(table, before["uuid"], "update", before, self.row(table, row_id))

    def update_read(self, table: str, rows: Sequence[tuple[dict[str, Any], dict[str, Any]]]) -> None:
        """Many rows at once, each as the caller read it in this operation (``before``) with its changes
        (the same columns for all), of a table whose rows no trigger rewrites (not a named one: their sort
        keys): the updates and their change-log entries sent to SQLite in two batches (a month grid's
        hundreds of members). Rows whose changes change nothing are left out, as :meth:`update` does."""
        now = self.now()
        changed = [
            (before, {**changes, "updated_at": now})
            for before, changes in rows
            if any(before.get(column) != value for column, value in changes.items())
        ]
        if not changed:
            return
        columns = list(changed[0][1])
        assignments = ", ".join(f"{column} = ?" for column in columns)
        self.conn.executemany(
            f"UPDATE {table} SET {assignments} WHERE id = ?",
            [(*(values[column] for column in columns), before["id"]) for before, values in changed],
        )
        self.log_changes(
            (table, before["uuid"], "update", before, {**before, **values}) for before, values in changed
        )

    def delete(self, table: str, row_id: int) -> None:
        before = self.row(table, row_id)
        if before is None:
            raise BranchDeskError("row.missing", table=table, id=row_id)
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        self.log_change(table, before["uuid"], "delete", before, None)

    def insert_link(self, table: str, values: dict[str, Any], owner_uuid: str) -> None:
        """Insert a row of a table without uuid (activity_area), logged under the row that owns it."""
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values()))
        self.log_change(table, owner_uuid, "insert", None, values)

    def delete_link(self, table: str, values: dict[str, Any], owner_uuid: str) -> None:
        where = " AND ".join(f"{column} = ?" for column in values)
        cursor = self.conn.execute(f"DELETE FROM {table} WHERE {where}", tuple(values.values()))
        if cursor.rowcount:  # a row that was not there must not come back on undo
            self.log_change(table, owner_uuid, "delete", values, None)

    # -- reading -------------------------------------------------------------------------------------

    def row(self, table: str, row_id: int) -> dict[str, Any] | None:
        found = self.query(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        return found[0] if found else None

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        columns = [column[0] for column in cursor.description or ()]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        found = self.conn.execute(sql, params).fetchone()
        return None if found is None else found[0]


# Change-log entries per INSERT: binding them from Python is most of the cost of logging, and fewer, longer
# statements took a quarter less time than one per entry (7 × 50 + 1 parameters, within SQLite's oldest 999).
_LOG_ROWS = 50
# Entries from which log_changes writes without the change log's CHECKs (see there).
_UNCHECKED_FROM = 1024


@cache
def _log_insert(linked: bool, rows: int) -> str:
    """The INSERT of ``rows`` change-log entries: ``?1`` the operation, then each entry's values in turn
    (its id, entity, entity uuid, change, before, after and, ``linked``, its link)."""
    columns = ("id", "entity", "entity_uuid", "change", "before", "after", *(("chain",) if linked else ()))
    width = len(columns)
    groups = (
        ", ".join(["?1", *(f"?{2 + row * width + column}" for column in range(width))]) for row in range(rows)
    )
    return f"INSERT INTO change_log (operation_id, {', '.join(columns)}) VALUES " + ", ".join(
        f"({group})" for group in groups
    )


def _log_json(row: dict[str, Any]) -> str:
    """A logged row as JSON: orjson's, in a quarter of json.dumps' time (a package import logs hundreds of
    thousands), without json.dumps' spaces, which nothing reading the log relies on (they parse alike);
    what orjson cannot write (an integer past 64 bits) the standard library writes."""
    try:
        return orjson.dumps(row).decode()
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(row, ensure_ascii=False)


def integrity_error(error: sqlite3.IntegrityError) -> BranchDeskError:
    """Turn a constraint the database held into a message a user can act on, by SQLite's extended code.

    Which of the schema's constraints failed SQLite says only in its text: a trigger's RAISE(ABORT, …) by
    its message, which is then the whole text; a UNIQUE index by its columns, after the code's fixed words.
    """
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error)
    if code == sqlite3.SQLITE_CONSTRAINT_TRIGGER:
        if text == "pairing.overlap":
            return BranchDeskError("pairing.overlap_held")
        if text == "pairing.sides":
            return BranchDeskError("pairing.wrong_sides")
        if text == "agreement.target_before_signing":
            return BranchDeskError("agreement.target_before_signing_held")
        if text == "team_member.overlap":
            return BranchDeskError("team.member_overlap_held")
        if text == "work_team.grassroots":
            return BranchDeskError("team.not_grassroots")
    if code == sqlite3.SQLITE_CONSTRAINT_UNIQUE:
        columns = text.partition(": ")[2]
        if columns == "pairing.organ_id":  # index pairing_open_organ
            return BranchDeskError("pairing.organ_already_paired")
        if columns == "pairing.grassroots_id":  # index pairing_open_grassroots
            return BranchDeskError("pairing.grassroots_already_paired")
        if columns == "team_member.phone":  # index team_member_open
            return BranchDeskError("team.member_overlap_held")
        if columns == "work_team.branch_id":  # index work_team_open
            return BranchDeskError("team.branch_has_team_held")
        if columns == "team_days.member_id, team_days.month":
            return BranchDeskError("team.day_twice_held")
    if code == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
        return BranchDeskError("row.foreign_key")
    return BranchDeskError("row.constraint", reason=sqlite_reason(error))


def _statements(script: str) -> list[str]:
    """Split a migration into statements; CREATE TRIGGER bodies contain ';' and stay whole."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
