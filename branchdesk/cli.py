"""``branchdesk-cli``: the ledger's services from a terminal (like calibre's calibredb). It never prompts."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from PySide6.QtCore import QCoreApplication

from branchdesk import __version__
from branchdesk.domain.clock import Clock, SystemClock
from branchdesk.domain.enums import Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.imports import ImportMode
from branchdesk.domain.months import HalfYear, Month, parse_date
from branchdesk.domain.package_merge import COUNT_KEYS, Outcome, Rejection, Settlement, Take
from branchdesk.domain.packages import MEDIA, scope_json
from branchdesk.domain.plan_items import ItemState, PlanItem
from branchdesk.domain.rates import Rate
from branchdesk.domain.region_chain import parse_chain
from branchdesk.domain.stats import LedgerStats, Level
from branchdesk.domain.teams import DayMark, MemberMonth, day_letters, normal_phone
from branchdesk.domain.vocabulary import UNGRADED_ENGLISH, english_name
from branchdesk.exchange.halfyear_report import write_summary_docx, write_summary_pdf
from branchdesk.exchange.ledger_export import export_ledger
from branchdesk.exchange.ledger_import import import_file, plan_file
from branchdesk.exchange.monthly_report import write_report
from branchdesk.exchange.package_export import export_package
from branchdesk.exchange.package_import import ImportResult, import_packages
from branchdesk.exchange.package_seed import create_from_package
from branchdesk.exchange.package_trust import trust_sender
from branchdesk.exchange.publish import (
    DEFAULT_PORT,
    PASSWORD_VARIABLE,
    USER_NAME,
    publish,
    serve_command,
    serve_environment,
)
from branchdesk.exchange.receipts import (
    RECEIPT_RESULTS,
    RECEIPT_SUFFIX,
    ReceiptImported,
    import_receipt,
    receipt_json,
    write_receipt,
)
from branchdesk.exchange.team_days import read_month_sheet
from branchdesk.exchange.word_ledger import write_agreement_doc, write_ledger_doc, write_signin_sheet
from branchdesk.i18n.arguments import Parser, UsageError, argparse_language, requested_language
from branchdesk.i18n.import_report import count_lines, report_lines
from branchdesk.i18n.language import (
    CHINESE,
    Translations,
    format_count,
    format_date,
    format_half_year,
    format_month,
    format_rate,
)
from branchdesk.i18n.messages import error_text, message_text, problem_text, table_text
from branchdesk.i18n.office_report import office_lines
from branchdesk.services.agreements import agreement_to_print
from branchdesk.services.backups import restore_backup, take_backup
from branchdesk.services.check import check_ledger
from branchdesk.services.compliance import overdue_in
from branchdesk.services.demo import SCALES, generate_demo
from branchdesk.services.draws import (
    DrawPreview,
    NamedPair,
    commit_draw,
    committed_draw_id,
    draw_record,
    preview_draw,
)
from branchdesk.services.halfyear import summary_for_print
from branchdesk.services.key_tasks import key_tasks
from branchdesk.services.ledgers import create_ledger, open_ledger
from branchdesk.services.month_locks import lock_month, locked_months, unlock_month
from branchdesk.services.offices import office_rollup
from branchdesk.services.paths import user_data_dir
from branchdesk.services.plan_items import region_items
from branchdesk.services.regions import find_region
from branchdesk.services.stats import ledger_stats
from branchdesk.services.teams import month_list, record_days
from branchdesk.services.word_ledger import find_pairing, ledger_book, signin_sheet

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a program stopped by a closed pipe


translate = QCoreApplication.translate


def _whole_number(text: str) -> int:
    """``type=`` for whole numbers: argparse's own message would name the Python type (``int``)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Cli", "“{value}” is not a whole number").format(value=text)
        ) from None


def _build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="branchdesk-cli", description=translate("Cli", "支部联建台账 BranchDesk: ledger tools.")
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"BranchDesk {__version__}",
        help=translate("Cli", "show the version and exit"),
    )
    common = Parser(add_help=False)
    common.add_argument(
        "--lang",
        metavar=translate("Cli", "LANG"),
        help=translate("Cli", "language of messages: zh_CN (default) or en"),
    )
    parser.add_argument("--lang", help=argparse.SUPPRESS)
    commands = _Commands(parser, "command", common)

    new = commands.add("new", translate("Cli", "create an empty ledger"))
    _flag(new, "--force", translate("Cli", "replace an existing ledger file (never a file of another kind)"))
    new.add_argument(
        "--region",
        metavar=translate("Cli", "CITY/COUNTY/TOWNSHIP"),
        help=translate("Cli", "the ledger's region chain, city/county/township (e.g. 信阳市/潢川县/城关镇)"),
    )
    _file(
        new,
        "--from",
        translate("Cli", "PACKAGE"),
        translate("Cli", "make the ledger from a seed or full package (.bdx) sent by the office above"),
        dest="from_package",
    )
    new.add_argument(
        "--code",
        metavar=translate("Cli", "CODES"),
        help=translate(
            "Cli",
            "official codes of --region in chain order, comma-separated; the last code is the last level's "
            "(411526100, or 411500,411526,411526100; leave a level empty: ,411526,)",
        ),
    )

    demo = commands.add("demo", translate("Cli", "write a realistic demo ledger"))
    demo.add_argument(
        "--scale", required=True, choices=list(SCALES), help=translate("Cli", "size of the demo ledger")
    )
    demo.add_argument(
        "--seed",
        type=_whole_number,
        default=2022,
        metavar=translate("Cli", "N"),
        help=translate("Cli", "random seed (default 2022)"),
    )
    _flag(demo, "--force", translate("Cli", "overwrite an existing file"))

    stats = commands.add("stats", translate("Cli", "print the ledger's figures"))
    _region(stats)
    scope = stats.add_mutually_exclusive_group()
    _flag(scope, "--direct", translate("Cli", "the region alone, without its descendants"))
    scope.add_argument(
        "--level",
        choices=[level.value for level in Level],
        help=translate(
            "Cli",
            "one level of branches below the region: county = organ branches of county-level units, every "
            "grassroots branch, and those organs' pairings (the city's own excluded)",
        ),
    )
    _as_of(stats, translate("Cli", "date of the figures, YYYY-MM-DD (default today)"))
    _month(stats, translate("Cli", "month of compliance and activities, YYYY-MM (default last month)"))
    _json(stats)

    _add_publish(commands)

    month_lists = (
        ("overdue", translate("Cli", "list pairings without a themed Party day in a month")),
        ("teams", translate("Cli", "list village work team members' days in a month, with their shortfall")),
    )
    for command, summary in month_lists:
        listing = commands.add(command, summary)
        _region(listing)
        _month(listing)
        if command == "teams":
            _json(listing)
            _file(
                listing,
                "--import",
                translate("Cli", "FILE"),
                translate(
                    "Cli",
                    "import the days of the month from a sheet (a phone column and one column a day) "
                    "before listing",
                ),
                dest="import_sheet",
            )

    items = commands.add(
        "items", translate("Cli", "list the items of the three lists (needs, resources, projects)")
    )
    _region(items)
    items.add_argument(
        "--status",
        choices=[state.value for state in (ItemState.OPEN, ItemState.DONE, ItemState.OVERDUE)],
        help=translate(
            "Cli", "open: not done yet (open or in progress); done: ticked off; overdue: past due today"
        ),
    )
    _json(items)

    commands.add("backup", translate("Cli", "back up a ledger now"))
    restore = commands.add("restore", translate("Cli", "put a backup in the ledger's place"))
    _file(restore, "backup", translate("Cli", "BACKUP"), translate("Cli", "backup file to restore"))

    draw = commands.add("draw", translate("Cli", "preview or commit a county's draw, or verify one"))
    _region(draw, translate("Cli", "the county to draw in (name, path or code)"))
    draw.add_argument("--seed", metavar=translate("Cli", "SEED"), help=translate("Cli", "the draw's seed"))
    _flag(draw, "--commit", translate("Cli", "save the draw's pairs (one undoable action)"))
    _json(draw, translate("Cli", "print the draw as JSON, for re-running it without BranchDesk"))
    draw.add_argument(
        "--verify",
        type=_whole_number,
        metavar=translate("Cli", "ID"),
        help=translate("Cli", "re-run draw ID from its record and compare"),
    )

    check = commands.add("check", translate("Cli", "check the ledger's integrity"))
    _flag(check, "--quick", translate("Cli", "quick check only"))
    _add_exchange_commands(commands)
    _add_lock_commands(commands)
    return parser


class _Commands:
    """The commands of a parser (``branchdesk-cli COMMAND`` or ``package COMMAND``), each taking the options
    every command has (``common``)."""

    def __init__(self, parser: argparse.ArgumentParser, dest: str, common: Parser) -> None:
        self._common = common
        self._commands = parser.add_subparsers(
            dest=dest,
            required=True,
            parser_class=Parser,
            title=translate("Cli", "commands"),
            metavar=translate("Cli", "COMMAND"),
        )

    def group(self, name: str, summary: str) -> _Commands:
        """A command of commands (``package``)."""
        return _Commands(
            self._commands.add_parser(name, parents=[self._common], help=summary),
            f"{name}_command",
            self._common,
        )

    def add(self, name: str, summary: str) -> Parser:
        """A command on a ledger: ``NAME LEDGER …``."""
        command = self._commands.add_parser(name, parents=[self._common], help=summary)
        _file(command, "ledger", translate("Cli", "LEDGER"), translate("Cli", "ledger file (.bdesk)"))
        return command


# The arguments many commands share: one name (metavar) and help each, said once.
Arguments = argparse._ActionsContainer


def _file(arguments: Arguments, name: str, metavar: str, help_text: str, **more: Any) -> None:
    arguments.add_argument(name, type=Path, metavar=metavar, help=help_text, **more)


def _region(arguments: Arguments, help_text: str | None = None) -> None:
    arguments.add_argument(
        "--region",
        metavar=translate("Cli", "REGION"),
        help=help_text or translate("Cli", "region by unique name, path or official code"),
    )


def _month(arguments: Arguments, help_text: str | None = None, *, name: str = "--month", **more: Any) -> None:
    """A month, YYYY-MM: required unless it has help of its own (which says its default)."""
    if help_text is None:
        help_text, more["required"] = translate("Cli", "the month, YYYY-MM"), True
    arguments.add_argument(name, metavar=translate("Cli", "MONTH"), help=help_text, **more)


def _as_of(arguments: Arguments, help_text: str) -> None:
    arguments.add_argument("--as-of", dest="as_of", metavar=translate("Cli", "DATE"), help=help_text)


def _flag(arguments: Arguments, name: str, help_text: str) -> None:
    arguments.add_argument(name, action="store_true", help=help_text)


def _json(arguments: Arguments, help_text: str | None = None) -> None:
    _flag(arguments, "--json", help_text or translate("Cli", "print JSON"))


def _pairing(arguments: Arguments, *, required: bool) -> None:
    arguments.add_argument(
        "--pairing",
        required=required,
        metavar=translate("Cli", "PAIRING"),
        help=translate("Cli", "one pairing: a branch's name or the pairing's uuid"),
    )


def _docx_file(arguments: Arguments) -> None:
    _file(arguments, "out", translate("Cli", "DOCX"), translate("Cli", "Word file to write (.docx)"))


def _add_exchange_commands(commands: _Commands) -> None:
    export = commands.add("export", translate("Cli", "write the ledger as one Excel workbook"))
    _file(export, "out", translate("Cli", "WORKBOOK"), translate("Cli", "workbook to write (.xlsx)"))
    _region(export)

    load = commands.add("import", translate("Cli", "import rows from an Excel or CSV file"))
    _file(load, "file", translate("Cli", "FILE"), translate("Cli", "file to read (.xlsx, .xls or .csv)"))
    load.add_argument(
        "--what",
        required=True,
        choices=[
            "regions",
            "branches",
            "pairings",
            "activities",
            "items",
            "agreements",
            "teams",
            "ratings",
            "all",
        ],
        help=translate(
            "Cli",
            "what the file holds; agreements and teams read their three sheets (as their templates have "
            "them); all reads a workbook made by export",
        ),
    )
    _flag(load, "--dry-run", translate("Cli", "check only, write nothing"))
    _flag(load, "--valid-only", translate("Cli", "import the valid rows even if others are rejected"))
    _flag(load, "--update", translate("Cli", "update rows already in the ledger"))
    load.add_argument(
        "--encoding",
        metavar=translate("Cli", "ENCODING"),
        help=translate("Cli", "text encoding of a CSV file, e.g. gbk or utf-8"),
    )

    report = commands.add("report", translate("Cli", "write the monthly report as an A4 PDF in Chinese"))
    _file(report, "out", translate("Cli", "PDF"), translate("Cli", "PDF file to write"))
    _month(report)
    _region(report)

    halfyear = commands.add(
        "halfyear",
        translate("Cli", "write a half-year's summary (its frozen figures) as a PDF or a Word draft"),
    )
    halfyear.add_argument(
        "--half",
        required=True,
        metavar=translate("Cli", "HALF"),
        help=translate("Cli", "the half-year, e.g. 2023-H1 or 2023年上半年"),
    )
    _file(
        halfyear,
        "--summary",
        translate("Cli", "OUT"),
        translate("Cli", "file to write: .pdf for the printed summary, .docx for a Word draft"),
        required=True,
    )
    _region(halfyear)

    ledger_doc = commands.add(
        "ledger-doc", translate("Cli", "write the Word ledger (台账, .docx) of a region or a pairing")
    )
    _docx_file(ledger_doc)
    whose = ledger_doc.add_mutually_exclusive_group()
    _region(whose)
    _pairing(whose, required=False)
    _month(
        ledger_doc,
        translate("Cli", "first month, YYYY-MM (default: January of the last month's year)"),
        name="--from",
        dest="first",
    )
    _month(
        ledger_doc,
        translate("Cli", "last month, YYYY-MM (default: the last month that has ended)"),
        name="--to",
        dest="last",
    )
    _file(
        ledger_doc,
        "--template",
        translate("Cli", "TEMPLATE"),
        translate("Cli", "the office's own Word template (.docx) instead of the built-in one"),
    )

    agreement = commands.add(
        "agreement",
        translate("Cli", "print a pairing's agreement (结对共建协议) as PDF or Word (.pdf or .docx)"),
    )
    _file(agreement, "out", translate("Cli", "FILE"), translate("Cli", "the file to write: .pdf or .docx"))
    _pairing(agreement, required=True)

    signin = commands.add(
        "signin-sheet",
        translate("Cli", "write a blank sign-in sheet (签到表, .docx) for a pairing's coming activity"),
    )
    _docx_file(signin)
    _pairing(signin, required=True)
    signin.add_argument(
        "--date",
        metavar=translate("Cli", "DATE"),
        help=translate("Cli", "the activity's date, YYYY-MM-DD (default: left blank to fill in by hand)"),
    )
    signin.add_argument(
        "--place",
        default="",
        metavar=translate("Cli", "PLACE"),
        help=translate("Cli", "the activity's place"),
    )
    signin.add_argument(
        "--theme",
        default="",
        metavar=translate("Cli", "THEME"),
        help=translate("Cli", "the activity's theme"),
    )

    package_commands = commands.group(
        "package", translate("Cli", "data packages for reporting upward (.bdx)")
    )
    package_export = package_commands.add(
        "export", translate("Cli", "write a signed package: the changes not yet acknowledged, or everything")
    )
    _file(package_export, "out", translate("Cli", "PACKAGE"), translate("Cli", "package to write (.bdx)"))
    what = package_export.add_mutually_exclusive_group()
    _flag(
        what,
        "--full",
        translate("Cli", "every record instead of the changes (for a re-seed or after an upgrade)"),
    )
    what.add_argument(
        "--scope",
        metavar=translate("Cli", "REGION"),
        help=translate("Cli", "a seed package of this region's records, to make the ledger of its office"),
    )
    _json(package_export)
    package_import = package_commands.add(
        "import",
        translate("Cli", "take in packages from other offices: checked, then imported as one undoable step"),
    )
    _file(
        package_import,
        "files",
        translate("Cli", "FILE"),
        translate("Cli", "packages (.bdx) and receipts (.bdxr) to import, any number"),
        nargs="+",
    )
    _flag(
        package_import,
        "--dry-run",
        translate("Cli", "only show what the import would do; the ledger is not changed"),
    )
    _json(package_import)
    package_import.add_argument(
        "--take",
        choices=[str(take) for take in Take],
        help=translate(
            "Cli", "settle every conflict: theirs (the package's version) or mine (this ledger's)"
        ),
    )
    _file(
        package_import,
        "--receipts",
        translate("Cli", "FOLDER"),
        translate("Cli", "write a signed receipt of each package into this folder, to send back"),
    )
    _add_office_commands(package_commands)


def _add_office_commands(package_commands: _Commands) -> None:
    status = package_commands.add(
        "status", translate("Cli", "the offices below, their last packages and figures, and the trusted keys")
    )
    _json(status)
    trust = package_commands.add(
        "trust",
        translate("Cli", "trust the key that signed a package or receipt: a new key, or a successor ledger"),
    )
    _file(
        trust,
        "package",
        translate("Cli", "PACKAGE"),
        translate("Cli", "the package (.bdx) or receipt (.bdxr) whose key to trust"),
    )
    _reason(trust, translate("Cli", "why the key is trusted (kept with the key's history)"))


def _add_lock_commands(commands: _Commands) -> None:
    lock = commands.add(
        "lock",
        translate("Cli", "lock a reported month: no change into it until it is unlocked with a reason"),
    )
    _month(lock)
    _region(
        lock,
        translate("Cli", "the region whose month is locked, with its subtree (default: the ledger's own)"),
    )
    unlock = commands.add("unlock", translate("Cli", "unlock a locked month, giving the reason"))
    _month(unlock)
    _region(unlock, translate("Cli", "the region, when the month is locked for several"))
    _reason(unlock, translate("Cli", "why the month is opened again (kept in the history)"))


def _reason(arguments: Arguments, help_text: str) -> None:
    arguments.add_argument("--reason", required=True, metavar=translate("Cli", "TEXT"), help=help_text)


def _cmd_lock(args: argparse.Namespace, clock: Clock, out: TextIO, language: str) -> int:
    month = Month.parse(args.month)
    with open_ledger(args.ledger, clock) as ledger:
        if args.command == "lock":
            lock_month(ledger, month, args.region)
            text = translate("Cli", "Locked {month} for {region}")
        else:
            unlock_month(ledger, month, args.reason, args.region)
            text = translate("Cli", "Unlocked {month} for {region}")
        lock = next(lock for lock in locked_months(ledger, with_unlocked=True) if lock.month == str(month))
    shown = format_month(month.year, month.month, language)
    print(text.format(month=shown, region=lock.region_path), file=out)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    if args.from_package is not None and (args.region is not None or args.code is not None):
        raise UsageError(translate("Cli", "--from takes no --region or --code: the package names the region"))
    if args.code is not None and args.region is None:
        raise UsageError(translate("Cli", "--code needs --region"))
    codes = [] if args.code is None else args.code.split(",")
    try:
        chain = None if args.region is None else parse_chain(args.region, codes)
    except BranchDeskError as error:  # a chain that cannot be is a bad argument, not a refused file
        raise UsageError(error_text(error)) from None
    if args.force and args.ledger.is_file():
        open_ledger(args.ledger, clock, read_only=True).close()  # refuses, untouched, what is not a ledger
    if args.from_package is not None:
        seeded = create_from_package(args.ledger, args.from_package, clock, overwrite=args.force)
        sender = seeded.manifest.sender
        print(
            translate(
                "Cli", "Created {path} from the package of {sender} (key {fingerprint}): {count} records"
            ).format(
                path=args.ledger,
                sender=sender.ledger_id if sender.scope is None else sender.scope.path,
                fingerprint=sender.fingerprint,
                count=format_count(seeded.rows),
            ),
            file=out,
        )
        return EXIT_OK
    create_ledger(args.ledger, clock, overwrite=args.force, regions=chain).close()
    print(translate("Cli", "Created {path}").format(path=args.ledger), file=out)
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    summary = generate_demo(args.ledger, args.scale, seed=args.seed, clock=clock, overwrite=args.force)
    print(
        translate(
            "Cli", "Wrote {path}: {branches} branches, {pairings} pairings, {activities} activities"
        ).format(
            path=args.ledger,
            branches=format_count(summary.branches),
            pairings=format_count(summary.pairings),
            activities=format_count(summary.activities),
        ),
        file=out,
    )
    return EXIT_OK


def _stats_lines(stats: LedgerStats, language: str) -> list[str]:
    region = stats.region
    month = format_month(stats.month.year, stats.month.month, language)
    counts = stats.branches
    activities = stats.activities

    def rate_line(label: str, rate: Rate) -> str:
        return translate("Cli", "{label}: {rate} ({count} of {total})").format(
            label=label,
            rate=format_rate(rate.percent),
            count=format_count(rate.count),
            total=format_count(rate.total),
        )

    lines = [
        translate("Cli", "Region: {path}").format(path=region.path)
        + (f" ({region.code})" if region.code else ""),
        translate("Cli", "As of: {date}").format(date=format_date(stats.as_of, language)),
        *(
            [
                translate(
                    "Cli", "County level: organ branches of county-level units and every grassroots branch"
                )
            ]
            if stats.level is Level.COUNTY
            else []
        ),
        translate("Cli", "Branches: {organ} organ, {grassroots} grassroots, {archived} archived").format(
            organ=format_count(counts.organ),
            grassroots=format_count(counts.grassroots),
            archived=format_count(counts.archived),
        ),
        rate_line(translate("Cli", "Grassroots coverage"), stats.grassroots_coverage),
        rate_line(translate("Cli", "Organ coverage"), stats.organ_coverage),
        rate_line(translate("Cli", "Optimisation rate"), stats.optimisation),
        rate_line(
            translate("Cli", "Themed Party day compliance, {month}").format(month=month), stats.compliance
        ),
        translate(
            "Cli",
            "Activities in {month}: {count}, of which {themed} themed Party days and {key_task} key-task; "
            "{volunteers} volunteer person-times; {weekday} on working days without a reason",
        ).format(
            month=month,
            count=format_count(activities.count),
            themed=format_count(activities.themed_days),
            key_task=format_count(activities.key_task),
            volunteers=format_count(activities.volunteer_person_times),
            weekday=format_count(activities.weekday),
        ),
        rate_line(translate("Cli", "Agreement targets reached"), stats.targets.rate)
        + translate("Cli", "; {overdue} overdue").format(overdue=format_count(stats.targets.overdue)),
    ]
    for year in stats.years_without_holiday_data:
        lines.append(
            translate(
                "Cli", "Note: no official holiday calendar for {year}; plain weekends were used."
            ).format(year=year)
        )
    return lines


def _cmd_stats(args: argparse.Namespace, clock: Clock, out: TextIO, language: str) -> int:
    as_of = parse_date(args.as_of) if args.as_of else None
    month = Month.parse(args.month) if args.month else None
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        level = None if args.level is None else Level(args.level)
        stats = ledger_stats(ledger, args.region, as_of=as_of, month=month, direct=args.direct, level=level)
    if args.json:
        print(json.dumps(stats.as_json(), ensure_ascii=False), file=out)
    else:
        print("\n".join(_stats_lines(stats, language)), file=out)
    return EXIT_OK


def _add_publish(commands: _Commands) -> None:
    publish = commands.add(
        "publish", translate("Cli", "publish a read-only snapshot of the ledger for Datasette")
    )
    _file(
        publish,
        "out_dir",
        translate("Cli", "OUTDIR"),
        translate("Cli", "folder of the snapshot and its metadata (replaced when published again)"),
    )
    _region(publish)
    _flag(
        publish,
        "--include-personal",
        translate(
            "Cli",
            "keep personal data (names and phones of secretaries, liaisons, hosts and work team members;"
            " leave reasons; items' owners)",
        ),
    )
    _as_of(publish, translate("Cli", "default date of the published figures, YYYY-MM-DD (default today)"))
    _flag(
        publish,
        "--serve",
        translate(
            "Cli", "then serve it with Datasette (password from the environment variable {variable})"
        ).format(variable=PASSWORD_VARIABLE),
    )
    publish.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=translate("Cli", "ADDRESS"),
        help=translate("Cli", "address to serve on (default 127.0.0.1; 0.0.0.0 opens it to the intranet)"),
    )
    publish.add_argument(
        "--port",
        type=_whole_number,
        default=DEFAULT_PORT,
        metavar=translate("Cli", "PORT"),
        help=translate("Cli", "port to serve on (default {port})").format(port=DEFAULT_PORT),
    )


def _cmd_publish(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    as_of = parse_date(args.as_of) if args.as_of else None
    # Checked before the work, so that a missing password or Datasette is said at once.
    environment = serve_environment(os.environ) if args.serve else None
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        region = find_region(ledger, args.region)
        whole = args.region is None
        target = publish(
            ledger,
            args.out_dir,
            region_id=None if whole else region.id,
            region_path=region.path,
            personal=args.include_personal,
            as_of=as_of,
        )
    print(translate("Cli", "Published {path}").format(path=target), file=out)
    if environment is None:
        return EXIT_OK
    print(
        translate("Cli", "Serving on http://{host}:{port}/ (user {user}); stop with Ctrl+C").format(
            host=args.host, port=args.port, user=USER_NAME
        ),
        file=out,
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        subprocess.run(
            serve_command(args.out_dir, host=args.host, port=args.port), env=environment, check=False
        )
    return EXIT_OK


def _cmd_overdue(args: argparse.Namespace, clock: Clock, out: TextIO, language: str) -> int:
    """Pairings that owe the month a themed Party day and have none: those ``stats`` counts as missing."""
    month = Month.parse(args.month)
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        path, overdue = overdue_in(ledger, args.region, month)
    for pairing in overdue:
        last = (
            format_date(pairing.last_themed_day, language)
            if pairing.last_themed_day
            else translate("Cli", "never")
        )
        print(
            translate("Cli", "{region}\t{grassroots} ← {organ}\tlast themed Party day: {last}").format(
                region=pairing.region, grassroots=pairing.grassroots, organ=pairing.organ, last=last
            ),
            file=out,
        )
    print(
        translate("Cli", "{region}, {month}: {count} pairing(s) without a themed Party day").format(
            region=path,
            month=format_month(month.year, month.month, language),
            count=format_count(len(overdue)),
        ),
        file=out,
    )
    return EXIT_OK


def _item_json(item: PlanItem, today: dt.date) -> dict[str, Any]:
    """An item as the file keeps it, its pairing and region by name instead of by id."""
    stored = {column: value for column, value in item.draft.columns().items() if not column.endswith("_id")}
    extra = {"overdue": item.overdue_on(today), "activities": item.activities}
    return {"uuid": item.uuid, "pairing": item.pairing, "region": item.region, **stored, **extra}


def _cmd_items(args: argparse.Namespace, clock: Clock, out: TextIO, language: str) -> int:
    """The items of a region's three lists, by due day; overdue is judged on today."""
    state = ItemState(args.status) if args.status else ItemState.ALL
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        region, items = region_items(ledger, args.region, state)
    today = clock.today()
    if args.json:
        shown = {
            "region": region.path,
            "as_of": today.isoformat(),
            "items": [_item_json(i, today) for i in items],
        }
        print(json.dumps(shown, ensure_ascii=False), file=out)
        return EXIT_OK
    for item in items:
        draft = item.draft
        due = format_date(draft.due_on, language) if draft.due_on else "—"
        late = translate("Cli", " (overdue)") if item.overdue_on(today) else ""
        print(
            "\t".join(
                (
                    item.region,
                    item.pairing,
                    translate("Labels", english_name(draft.kind)),
                    draft.title,
                    draft.owner or "—",
                    translate("Labels", english_name(draft.status)) + late,
                    due,
                )
            ),
            file=out,
        )
    print(
        translate("Cli", "{region}: {count} item(s)").format(
            region=region.path, count=format_count(len(items))
        ),
        file=out,
    )
    return EXIT_OK


def _member_json(member: MemberMonth) -> dict[str, object]:
    days = member.days
    return {
        "name": member.name,
        "phone": member.phone,
        "role": member.role.value,
        "sending_unit": member.sending_unit,
        "branch": member.branch,
        "region": member.region,
        "from": member.from_on.isoformat(),
        "to": None if member.to_on is None else member.to_on.isoformat(),
        "days": days.text(),
        "leave_reasons": days.stored_reasons(),
        **{mark.name.lower(): days.count(mark) for mark in DayMark},
        "counted": days.counted,
        "required": member.required,
        "shortfall": member.shortfall,
    }


def _cmd_teams(args: argparse.Namespace, clock: Clock, out: TextIO, language: str) -> int:
    """Each work team member serving in the month: the days (在假公缺), the counts and the shortfall."""
    month = Month.parse(args.month)
    if args.import_sheet is not None:
        entries = read_month_sheet(args.import_sheet, month)
        with open_ledger(args.ledger, clock) as ledger:
            record_days(ledger, entries)
        print(
            translate("Cli", "Imported {days} days of {members} members from {path}").format(
                days=format_count(len(entries)),
                members=format_count(len({normal_phone(entry.phone) for entry in entries})),
                path=args.import_sheet,
            ),
            file=out,
        )
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        region, figures, members = month_list(ledger, args.region, month)
    if args.json:
        summary = {
            "region": {"name": region.name, "path": region.path, "code": region.code},
            **figures.as_dict(),
            "min_days": figures.min_days,
            "list": [_member_json(member) for member in members],
        }
        print(json.dumps(summary, ensure_ascii=False), file=out)
        return EXIT_OK
    chinese = language == CHINESE
    for member in members:
        days = day_letters(member.days, chinese=chinese)
        counts = translate(
            "Cli", "in the village {present}, official business {business}, leave {leave}, absent {absent}"
        ).format(**{mark.name.lower(): member.days.count(mark) for mark in DayMark})
        shortfall = translate("Cli", "required {required}, short by {shortfall}").format(
            required=member.required, shortfall=member.shortfall
        )
        role = translate("Labels", english_name(member.role))
        print("\t".join((member.region, member.branch, member.name, role, days, counts, shortfall)), file=out)
    print(
        translate(
            "Cli", "{region}, {month}: {members} work team member(s), {below} below the rule of {days} days"
        ).format(
            region=region.path,
            month=format_month(month.year, month.month, language),
            members=format_count(figures.members),
            below=format_count(figures.below_rule),
            days=figures.min_days,
        ),
        file=out,
    )
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_ledger(args.ledger, clock, read_only=True):
        pass  # refuse what is not a ledger before copying anything
    target = take_backup(args.ledger, user_data_dir(), clock, "manual")
    print(
        translate("Cli", "Backed up {ledger} to {backup}").format(ledger=args.ledger, backup=target), file=out
    )
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    safety = restore_backup(args.ledger, args.backup, user_data_dir(), clock)
    print(
        translate("Cli", "Restored {ledger} from {backup}").format(ledger=args.ledger, backup=args.backup),
        file=out,
    )
    if safety is not None:
        print(translate("Cli", "The replaced file was kept as {path}").format(path=safety), file=out)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        problems = check_ledger(ledger, quick=args.quick)
    if not problems:
        print(translate("Cli", "{path}: no problems found").format(path=args.ledger), file=out)
        return EXIT_OK
    for problem in problems:
        print(problem_text(problem), file=out)
    print(
        translate("Cli", "{path}: {count} problem(s) found").format(path=args.ledger, count=len(problems)),
        file=out,
    )
    return EXIT_FAILED


def _cmd_export(args: argparse.Namespace, clock: Clock, out: TextIO, err: TextIO) -> int:
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        rows = export_ledger(ledger, args.out, args.region, _terminal_progress(err))
    print(
        translate("Cli", "Wrote {path}: {rows} rows").format(path=args.out, rows=format_count(rows)), file=out
    )
    return EXIT_OK


def _cmd_package_export(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_ledger(args.ledger, clock, data_dir=user_data_dir()) as ledger:
        seed = None if args.scope is None else find_region(ledger, args.scope)
        package = export_package(ledger, args.out, full=args.full, data_dir=user_data_dir(), seed=seed)
    manifest = package.manifest
    if args.json:
        summary = {
            "package": str(package.path),
            "package_uuid": manifest.package_uuid,
            "kind": str(manifest.kind),
            "ledger_id": manifest.sender.ledger_id,
            "scope": scope_json(manifest.sender.scope),
            "fingerprint": manifest.sender.fingerprint,
            "sequence": {"from": manifest.from_seq, "to": manifest.to_seq},
            "previous_package": manifest.previous_package,
            "seed_scope": scope_json(manifest.seed_scope),
            "counts": manifest.counts,
            "bytes": package.size,
        }
        print(json.dumps(summary, ensure_ascii=False), file=out)
        return EXIT_OK
    records = format_count(sum(count for table, count in manifest.counts.items() if table != MEDIA))
    print(
        (
            translate("Cli", "Wrote {path}: the records of {region}, {count} lines")
            if seed is not None
            else translate("Cli", "Wrote {path}: all records, {count} lines")
            if manifest.from_seq is None
            else translate("Cli", "Wrote {path}: changes {first}–{last}, {count} lines")
        ).format(
            path=package.path,
            count=records,
            first=manifest.from_seq,
            last=manifest.to_seq,
            region=None if seed is None else seed.path,
        ),
        file=out,
    )
    if manifest.pictures or package.pictures_missing:
        print(
            translate(
                "Cli",
                "Photos: {carried} pictures carried; {missing} not in this ledger's photo folder go as "
                "thumbnails only",
            ).format(
                carried=format_count(len(manifest.pictures)), missing=format_count(package.pictures_missing)
            ),
            file=out,
        )
    print(
        translate("Cli", "Signed by this ledger's key {fingerprint}").format(
            fingerprint=manifest.sender.fingerprint
        ),
        file=out,
    )
    return EXIT_OK


def _cmd_package(args: argparse.Namespace, clock: Clock, out: TextIO, err: TextIO, language: str) -> int:
    if args.package_command == "import":
        return _cmd_package_import(args, clock, out, err)
    if args.package_command == "status":
        return _cmd_package_status(args, clock, out, language)
    if args.package_command == "trust":
        return _cmd_package_trust(args, clock, out)
    return _cmd_package_export(args, clock, out)


def _cmd_package_status(args: argparse.Namespace, clock: Clock, out: TextIO, language: str) -> int:
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        rollup = office_rollup(ledger, user_data_dir())
    if args.json:
        print(json.dumps(rollup.as_json(), ensure_ascii=False), file=out)
    else:
        print("\n".join(office_lines(rollup, language)), file=out)
    return EXIT_OK


def _cmd_package_trust(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_ledger(args.ledger, clock) as ledger:
        trusted = trust_sender(ledger, args.package, args.reason, getpass.getuser())
    sender = trusted.manifest.sender
    scope = sender.ledger_id if sender.scope is None else sender.scope.path
    texts = {
        None: translate("Cli", "The key {fingerprint} of {scope} was trusted already; nothing changed."),
        "new_key": translate(
            "Cli", "{scope}: its new key {fingerprint} replaces {old}; the old key is kept in the history."
        ),
        "successor": translate(
            "Cli", "{scope}: the ledger with key {fingerprint} is accepted in place of {old}."
        ),
        "trusted": translate("Cli", "{scope}: the key {fingerprint} is trusted."),
    }
    print(
        texts[trusted.change].format(
            scope=scope, fingerprint=sender.fingerprint, old=trusted.old_fingerprint
        ),
        file=out,
    )
    return EXIT_OK


def _cmd_package_import(args: argparse.Namespace, clock: Clock, out: TextIO, err: TextIO) -> int:
    settlement = Settlement(take=None if args.take is None else Take(args.take))
    receipts = [path for path in args.files if path.suffix.lower() == RECEIPT_SUFFIX]
    packages = [path for path in args.files if path.suffix.lower() != RECEIPT_SUFFIX]
    with open_ledger(args.ledger, clock, data_dir=user_data_dir()) as ledger:
        for path in receipts:  # every receipt checked before anything is taken in
            import_receipt(ledger, path, dry_run=True)
        result = (
            import_packages(
                ledger, packages, apply=not args.dry_run, settle=settlement, progress=_terminal_progress(err)
            )
            if packages
            else ImportResult([])
        )
        taken = [import_receipt(ledger, path, dry_run=args.dry_run) for path in receipts]
        written = [
            write_receipt(ledger, args.receipts, entry.package, entry.result, user_data_dir())
            for entry in result.packages
            if args.receipts is not None and entry.result in RECEIPT_RESULTS
        ]
    if args.json:
        summary = {
            **result.summary(),
            "receipts_taken": [receipt_json(receipt) for receipt in taken],
            "receipts_written": [str(path) for path in written],
        }
        print(json.dumps(summary, ensure_ascii=False), file=out)
    else:
        if packages:
            for line in _import_lines(result, dry_run=args.dry_run):
                print(line, file=out)
        for line in _receipt_lines(taken, written):
            print(line, file=out)
    return _import_problems(result, err)


def _receipt_lines(taken: list[ReceiptImported], written: list[Path]) -> list[str]:
    lines = [
        (
            translate("Cli", "{path}: this receipt was imported before; nothing changed")
            if receipt.already
            else translate(
                "Cli", "{path}: receipt from {office}: it has this ledger's changes up to no. {last}"
            )
        ).format(
            path=receipt.path,
            office=receipt.manifest.sender.ledger_id
            if receipt.manifest.sender.scope is None
            else receipt.manifest.sender.scope.path,
            last=receipt.receipt.to_seq,
        )
        for receipt in taken
    ]
    lines += [translate("Cli", "Receipt written: {path}").format(path=path) for path in written]
    return lines


def _import_problems(result: ImportResult, err: TextIO) -> int:
    """Each package refused for a gap, and conflicts left unsettled, on stderr; the exit code."""
    failed = False
    for entry in result.packages:
        if entry.result == "refused":
            sender = entry.package.manifest.sender
            print(
                translate("Cli", "branchdesk-cli: {message}").format(
                    message=message_text(
                        "package.gap",
                        path=str(entry.path),
                        sender=sender.ledger_id if sender.scope is None else sender.scope.path,
                        first=entry.package.manifest.from_seq,
                        last=entry.follows,
                    )
                ),
                file=err,
            )
            failed = True
    if result.unsettled:
        message = message_text("package.conflicts", count=format_count(result.unsettled))
        hint = translate("Cli", "Add --take theirs or --take mine to settle them all one way.")
        print(translate("Cli", "branchdesk-cli: {message}").format(message=f"{message} {hint}"), file=err)
        failed = True
    return EXIT_FAILED if failed else EXIT_OK


def _import_lines(result: ImportResult, *, dry_run: bool) -> list[str]:
    names = {
        Outcome.NEW: translate("Cli", "new"),
        Outcome.UPDATED: translate("Cli", "updated"),
        Outcome.UNCHANGED: translate("Cli", "unchanged"),
        Outcome.APPLIED_BEFORE: translate("Cli", "applied before"),
        Outcome.MERGED: translate("Cli", "merged"),
        Outcome.CONFLICT: translate("Cli", "conflicts"),
        Outcome.REJECTED: translate("Cli", "rejected"),
    }
    reasons = {
        Rejection.OUTSIDE_SCOPE: translate("Cli", "outside the sender's scope"),
        Rejection.UNKNOWN_REFERENCE: translate("Cli", "refers to a record this ledger does not have"),
        Rejection.LOCKED_MONTH: translate("Cli", "in a locked month (unlock it first)"),
        Rejection.BROKEN_RULE: translate(
            "Cli",
            "breaks a rule of the ledger (the same record is here already under another entry,"
            " a member on two teams at once, or a target due before its signing)",
        ),
        Rejection.GAP: translate("Cli", "changes are missing before this package: ask for a new package"),
    }
    lines = [
        translate("Cli", "{path}: {office}, changes {first}–{last}").format(
            path=entry.path,
            office=entry.summary()["scope"] or entry.package.manifest.sender.ledger_id,
            first=entry.package.manifest.from_seq or 1,
            last=entry.package.manifest.to_seq,
        )
        for entry in result.packages
    ]
    lines.append(
        translate("Cli", ", ").join(
            f"{names[outcome]} {format_count(result.counts[outcome])}" for outcome in COUNT_KEYS
        )
    )
    for conflict in result.conflicts:
        lines.append(
            translate("Cli", "Conflict: {table} {uuid}, fields {columns}").format(
                table=table_text(conflict.table), uuid=conflict.uuid, columns=", ".join(conflict.columns)
            )
        )
    for row in result.rejected:
        lines.append(
            translate("Cli", "Rejected: {table} {uuid}: {reason}").format(
                table=table_text(row.table), uuid=row.uuid, reason=reasons[row.reason] if row.reason else ""
            )
        )
    if result.applied:
        lines.append(translate("Cli", "Imported as one step; Edit ▸ Undo in the window takes it back."))
    elif dry_run:
        lines.append(translate("Cli", "Dry run: the ledger was not changed."))
    return lines


def _terminal_progress(err: TextIO) -> Callable[[int, int], None] | None:
    """Progress of a long write, on one rewritten line of stderr, only when a person watches a terminal:
    a script's stdout stays the result alone, and its logs get no progress lines."""
    if not err.isatty():
        return None

    def show(done: int, total: int) -> None:
        line = translate("Cli", "Writing rows: {done} of {total}").format(
            done=format_count(done), total=format_count(total)
        )
        print(f"\r{line}", end="\n" if done >= total else "", file=err, flush=True)

    return show


def _cmd_report(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    if args.out.suffix.lower() != ".pdf":
        raise UsageError(
            translate("Cli", "the report is a PDF: name a file ending in .pdf, not {name}").format(
                name=args.out.name
            )
        )
    month = Month.parse(args.month)
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        pages = write_report(ledger, args.out, month, args.region)
    print(
        translate("Cli", "Wrote {path}: {pages} pages").format(path=args.out, pages=format_count(pages)),
        file=out,
    )
    return EXIT_OK


def _cmd_halfyear(args: argparse.Namespace, clock: Clock, out: TextIO, language: str) -> int:
    suffix = _out_kind(
        args.summary, translate("Cli", "the summary is a .pdf or a .docx (Word draft), not {name}")
    )
    try:
        half = HalfYear.parse(args.half)
    except BranchDeskError as error:
        raise UsageError(error_text(error)) from None
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        region = find_region(ledger, args.region)
        summary, frozen = summary_for_print(ledger, region.id, half)
        following = [task.name for task in key_tasks(ledger, half.next(), include_retired=False)]
    if suffix == ".pdf":
        write_summary_pdf(summary, frozen, following, args.summary)
    else:
        write_summary_docx(summary, frozen, following, args.summary)
    line = (
        translate("Cli", "Wrote {path}: the summary of {half} frozen on {day}")
        if frozen
        else translate("Cli", "Wrote {path}: {half} not frozen yet, summarised from the ledger as of {day}")
    )
    print(
        line.format(
            path=args.summary, half=format_half_year(half), day=format_date(summary.frozen_on, language)
        ),
        file=out,
    )
    return EXIT_OK


def _out_kind(path: Path, refusal: str, kinds: tuple[str, ...] = (".pdf", ".docx")) -> str:
    """The file to write's kind, its ending in lower case; another is a bad argument (``refusal``, {name})."""
    suffix = path.suffix.lower()
    if suffix not in kinds:
        raise UsageError(refusal.format(name=path.name))
    return suffix


def _docx_out(path: Path) -> None:
    _out_kind(
        path,
        translate("Cli", "the file is a Word document: name a file ending in .docx, not {name}"),
        (".docx",),
    )


def _cmd_ledger_doc(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    _docx_out(args.out)
    first = None if args.first is None else Month.parse(args.first)
    last = None if args.last is None else Month.parse(args.last)
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        book = ledger_book(ledger, region=args.region, pairing=args.pairing, first=first, last=last)
        photos = write_ledger_doc(book, args.out, args.template)
    print(
        translate(
            "Cli", "Wrote {path}: {pairings} pairings, {activities} activities, {photos} photos"
        ).format(
            path=args.out,
            pairings=format_count(len(book.pairings)),
            activities=format_count(len(book.activities)),
            photos=format_count(photos),
        ),
        file=out,
    )
    return EXIT_OK


def _cmd_signin_sheet(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    _docx_out(args.out)
    day = None if args.date is None else parse_date(args.date)
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        sheet = signin_sheet(ledger, args.pairing, day=day, place=args.place, theme=args.theme)
    write_signin_sheet(sheet, args.out)
    print(
        translate("Cli", "Wrote {path}: a sign-in sheet of {lines} lines").format(
            path=args.out, lines=format_count(sheet.lines)
        ),
        file=out,
    )
    return EXIT_OK


def _cmd_agreement(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    suffix = _out_kind(args.out, translate("Cli", "name a file ending in .pdf or .docx, not {name}"))
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        found, agreement = agreement_to_print(ledger, find_pairing(ledger, args.pairing))
    if suffix == ".pdf":
        from branchdesk.exchange.agreement_paper import write_agreement_pdf  # matplotlib: loaded when used

        write_agreement_pdf(found.grassroots, found.organ, agreement, clock.today(), args.out)
    else:
        write_agreement_doc(found.grassroots, found.organ, agreement, clock.today(), args.out)
    print(
        translate("Cli", "Wrote {path}: the agreement of {pairing}, {count} targets").format(
            path=args.out, pairing=f"{found.grassroots} — {found.organ}", count=len(agreement.targets)
        ),
        file=out,
    )
    return EXIT_OK


def _cmd_import(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    plans = plan_file(args.file, args.what, encoding=args.encoding)
    mode = ImportMode.VALID_ONLY if args.valid_only else ImportMode.ALL_OR_NOTHING
    with open_ledger(args.ledger, clock) as ledger:
        report = import_file(
            ledger,
            args.file,
            plans,
            mode=mode,
            update=args.update,
            dry_run=args.dry_run,
            encoding=args.encoding,
        )
    for problem in report_lines(report):
        print("\t".join(str(part) for part in problem), file=out)
    for counted in count_lines(report):
        print(counted, file=out)
    if report.committed:
        print(translate("Cli", "Imported; one step to undo in the window."), file=out)
        return EXIT_OK
    if report.problems and not args.valid_only:
        print(translate("Cli", "Nothing was imported: fix the rejected rows, or use --valid-only."), file=out)
        return EXIT_FAILED
    # A dry run answers as the same run without --dry-run would: --valid-only takes the valid rows.
    if args.dry_run and (report.written or not report.problems):
        print(translate("Cli", "Dry run: nothing was written."), file=out)
        return EXIT_OK
    print(translate("Cli", "Nothing new to import."), file=out)
    return EXIT_FAILED if report.problems else EXIT_OK


def _tier_text(tier: Tier | None) -> str:
    return translate("Labels", UNGRADED_ENGLISH if tier is None else english_name(tier))


def _pair_text(pair: NamedPair) -> str:
    return translate("Cli", "{n}. {organ} ({organ_tier}) — {grassroots} ({grassroots_tier})").format(
        n=pair.position,
        organ=pair.organ.name,
        organ_tier=_tier_text(pair.organ_tier),
        grassroots=pair.grassroots.name,
        grassroots_tier=_tier_text(pair.grassroots_tier),
    )


def _tier_counts(counts: dict[Tier | None, int]) -> str:
    return translate("Cli", ", ").join(
        f"{_tier_text(tier)} {format_count(count)}" for tier, count in counts.items() if count
    )


def _preview_lines(preview: DrawPreview) -> list[str]:
    result = preview.result
    feasible = preview.candidates.feasibility
    organ_leftovers, grassroots_leftovers = preview.leftovers()
    lines = [
        translate("Cli", "Draw in {region}, seed {seed}, algorithm version {version}").format(
            region=preview.candidates.scope.path, seed=result.seed, version=result.algorithm_version
        ),
        translate(
            "Cli",
            "Candidates: {organs} organ branches ({organ_tiers}); {grassroots} grassroots "
            "branches ({grassroots_tiers})",
        ).format(
            organs=format_count(feasible.organs),
            organ_tiers=_tier_counts(feasible.organ_tiers),
            grassroots=format_count(feasible.grassroots),
            grassroots_tiers=_tier_counts(feasible.grassroots_tiers),
        ),
        translate("Cli", "Pairs: {pairs}; left over: {organs} organ, {grassroots} grassroots").format(
            pairs=format_count(feasible.pairs),
            organs=format_count(feasible.organ_leftovers),
            grassroots=format_count(feasible.grassroots_leftovers),
        ),
        translate("Cli", "Input hash: {hash}").format(hash=result.input_hash),
        translate("Cli", "Result hash: {hash}").format(hash=result.result_hash),
        *(_pair_text(pair) for pair in preview.pairs()),
    ]
    for label, leftovers in (
        (translate("Cli", "Organ branches left over: {names}"), organ_leftovers),
        (translate("Cli", "Grassroots branches left over: {names}"), grassroots_leftovers),
    ):
        if leftovers:
            lines.append(label.format(names=translate("Cli", ", ").join(b.name for b in leftovers)))
    return lines


def _cmd_draw(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    if args.verify is not None:
        if args.region or args.seed or args.commit or args.json:
            raise UsageError(translate("Cli", "--verify takes no --region, --seed, --commit or --json"))
        return _verify_draw(args, clock, out)
    if not args.region or not args.seed:
        raise UsageError(translate("Cli", "a draw needs --region and --seed (or --verify ID)"))
    # Writable even for a preview: the seed tried is kept for the draw's record (a read-only file
    # previews without keeping it).
    with open_ledger(args.ledger, clock) as ledger:
        region = find_region(ledger, args.region)
        preview = preview_draw(ledger, region.id, args.seed)
        draw_id = None
        if args.commit:
            draw_id = committed_draw_id(ledger, commit_draw(ledger, preview, clock.today()))
    if args.json:
        shown = preview.result.as_json()
        if draw_id is not None:
            shown["draw_id"] = draw_id
        # ASCII (a Chinese seed escaped): the same bytes in any console code page or pipe on Windows.
        print(json.dumps(shown), file=out)
        return EXIT_OK
    print("\n".join(_preview_lines(preview)), file=out)
    if draw_id is not None:
        print(f"draw {draw_id}", file=out)
    return EXIT_OK


def _verify_draw(args: argparse.Namespace, clock: Clock, out: TextIO) -> int:
    with open_ledger(args.ledger, clock, read_only=True) as ledger:
        record = draw_record(ledger, args.verify)
    difference = record.difference
    if difference is not None:
        names = {b.uuid: b.name for pair in record.pairs for b in (pair.organ, pair.grassroots)}

        def pair_text(pair: tuple[str, str] | None) -> str:
            if pair is None:
                return translate("Cli", "no pair")
            return " — ".join(names.get(uuid, uuid) for uuid in pair)

        print(
            translate(
                "Cli",
                "Draw {id} does not match its record at pair {position}: the record gives {expected}, "
                "the ledger holds {found}",
            ).format(
                id=record.id,
                position=difference.position,
                expected=pair_text(difference.expected),
                found=pair_text(difference.found),
            ),
            file=out,
        )
        return EXIT_FAILED
    if not record.recorded_hash_matches:
        print(
            translate("Cli", "Draw {id}: the pairs match, but the recorded result hash does not").format(
                id=record.id
            ),
            file=out,
        )
        return EXIT_FAILED
    print(
        translate("Cli", "Draw {id} matches its record: {count} pairs, result hash {hash}").format(
            id=record.id, count=format_count(len(record.pairs)), hash=record.result_hash
        ),
        file=out,
    )
    return EXIT_OK


def run(
    argv: Sequence[str],
    *,
    clock: Clock | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run one command; returns the exit code. Tests call this with a fixed clock and captured streams."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    app = QCoreApplication.instance() or QCoreApplication(["branchdesk-cli"])
    translations = Translations(app)
    language = translations.install(requested_language(argv) or "zh_CN")
    try:
        return _dispatch(argv, clock or SystemClock(), out, err, language)
    finally:
        translations.remove()


def _dispatch(argv: Sequence[str], clock: Clock, out: TextIO, err: TextIO, language: str) -> int:
    try:
        with argparse_language(translate), contextlib.redirect_stdout(out):
            args = _build_parser().parse_args(argv)
    except UsageError as error:
        print(translate("Cli", "branchdesk-cli: bad arguments: {error}").format(error=error), file=err)
        return EXIT_USAGE
    except SystemExit as stop:  # --help and --version
        return int(stop.code or 0)
    commands: dict[str, Callable[[], int]] = {
        "new": lambda: _cmd_new(args, clock, out),
        "demo": lambda: _cmd_demo(args, clock, out),
        "stats": lambda: _cmd_stats(args, clock, out, language),
        "publish": lambda: _cmd_publish(args, clock, out),
        "overdue": lambda: _cmd_overdue(args, clock, out, language),
        "teams": lambda: _cmd_teams(args, clock, out, language),
        "items": lambda: _cmd_items(args, clock, out, language),
        "check": lambda: _cmd_check(args, clock, out),
        "export": lambda: _cmd_export(args, clock, out, err),
        "import": lambda: _cmd_import(args, clock, out),
        "report": lambda: _cmd_report(args, clock, out),
        "ledger-doc": lambda: _cmd_ledger_doc(args, clock, out),
        "halfyear": lambda: _cmd_halfyear(args, clock, out, language),
        "signin-sheet": lambda: _cmd_signin_sheet(args, clock, out),
        "agreement": lambda: _cmd_agreement(args, clock, out),
        "backup": lambda: _cmd_backup(args, clock, out),
        "restore": lambda: _cmd_restore(args, clock, out),
        "draw": lambda: _cmd_draw(args, clock, out),
        "lock": lambda: _cmd_lock(args, clock, out, language),
        "unlock": lambda: _cmd_lock(args, clock, out, language),
        "package": lambda: _cmd_package(args, clock, out, err, language),
    }
    try:
        return commands[args.command]()
    except UsageError as error:
        print(translate("Cli", "branchdesk-cli: bad arguments: {error}").format(error=error), file=err)
        return EXIT_USAGE
    except BranchDeskError as error:
        message = (
            translate(
                "Cli", "{path} already exists. Choose another name, or add --force to replace it."
            ).format(**error.params)
            if error.code == "ledger.exists"
            else error_text(error) + _cli_hint(error.code)
        )
    except BrokenPipeError:
        raise  # the reader has gone (`| head`): main() ends quietly
    except Exception as error:  # the last resort: one line, never a traceback
        message = message_text("error.unexpected", reason=f"{type(error).__name__}: {error}")
    print(translate("Cli", "branchdesk-cli: {message}").format(message=message), file=err)
    return EXIT_FAILED


def _cli_hint(code: str) -> str:
    """What a command line user can do about an error, beyond what the window would say."""
    hints = {
        "import.encoding_unknown": translate("Cli", "Name it with --encoding (e.g. --encoding gbk)."),
        "import.bom_not_utf8": translate("Cli", "Or, if it is GBK, add --encoding gbk."),
        "month.locked": translate(
            "Cli", "Unlock it with: branchdesk-cli unlock LEDGER --month YYYY-MM --reason TEXT"
        ),
    }
    return f" {hints[code]}" if code in hints else ""


def main() -> NoReturn:
    try:
        code = run(sys.argv[1:])
        sys.stdout.flush()  # output still buffered meets a closed pipe here
    except BrokenPipeError:
        # The reader stopped early (`branchdesk-cli stats … | head -1`): end quietly, as Unix tools do.
        # Python flushes stdout again at exit and would complain, so it goes to devnull.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_BROKEN_PIPE
    sys.exit(code)


if __name__ == "__main__":
    main()
