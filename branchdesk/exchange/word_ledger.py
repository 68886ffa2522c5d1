"""The Word ledger (台账) as a .docx, and a blank sign-in sheet (签到表): a docxtpl template filled with the
book's fields (docs/word-ledger.md lists them). The layout — A4, East Asian fonts in the styles, header rows
repeated, rows kept whole, explicit widths — lives in the template (tools/make_ledger_template.py makes the
built-in one), so an office can use its own.

Photos go in without being held in memory: the template is filled with a tiny stand-in picture per photo
(unique, so python-docx keeps one part each), and the photo files are copied into the zip in their place
as the file is written: each picture's print copy (800 px, made once and kept in the photo store), or the
picture itself where no copy can be made. The file is written beside the target and moved into place,
never left half-written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import uuid
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from docx.shared import Length, Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined, TemplateError, UndefinedError
from PIL import Image, UnidentifiedImageError

from branchdesk.domain import cells
from branchdesk.domain.agreements import Agreement, TargetStatus
from branchdesk.domain.errors import BranchDeskError, os_reason
from branchdesk.domain.ledger_book import BookActivity, BookPairing, BookPhoto, LedgerBook, SigninSheet
from branchdesk.domain.months import Month
from branchdesk.domain.rates import Rate
from branchdesk.domain.stats import LedgerStats
from branchdesk.domain.vocabulary import Concept, name
from branchdesk.exchange.ledger_export import COMPLIANCE_LABEL
from branchdesk.resources import template as resource_template
from branchdesk.storage import media

Progress = Callable[[int, int], None]  # steps done, steps in all; may raise to cancel

LEDGER_TEMPLATE = "ledger.docx"
SIGNIN_TEMPLATE = "signin.docx"
AGREEMENT_TEMPLATE = "agreement.docx"
# The fields a template must use: without them it is not a ledger (or a sign-in sheet) at all.
REQUIRED_FIELDS = {
    LEDGER_TEMPLATE: ("activities",),
    SIGNIN_TEMPLATE: ("lines",),
    AGREEMENT_TEMPLATE: ("a",),
    "halfyear.docx": ("figures",),
}
TITLE = "支部联建工作台账"
SIGNIN_TITLE = "支部联建活动签到表"
AGREEMENT_TITLE = "支部联支部结对共建协议"
PHOTO_WIDTH_MM = 72  # two photos side by side in the 156 mm type area, with the cells' margins
PHOTO_MAX_HEIGHT_MM = 60
_WEEKDAYS = "一二三四五六日"


def builtin_template(kind: str = LEDGER_TEMPLATE) -> Path:
    return resource_template(kind)


def _day(day: dt.date | None) -> str:
    return "" if day is None else f"{day.year}年{day.month}月{day.day}日"


def _month(month: Month) -> str:
    return f"{month.year}年{month.month}月"


def _period(first: Month, last: Month) -> str:
    return _month(first) if first == last else f"{_month(first)}至{_month(last)}"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _branch_fields(pairing: BookPairing) -> dict[str, Any]:
    def side(branch: Any, where: str | None) -> dict[str, Any]:
        return {
            "name": branch.name + (f"（{where}）" if where else ""),
            "secretary": _text(branch.secretary),
            "phone": _text(branch.phone),
            "members": _text(branch.members),
            "tier": cells.label(branch.tier) if branch.tier else "—",
        }

    # The organ branch's name already says its unit (县财政局机关第一党支部); the grassroots one its township.
    return {
        "grassroots": side(pairing.grassroots, pairing.grassroots_region),
        "organ": side(pairing.organ, None),
    }


def _pairing_fields(number: int, pairing: BookPairing) -> dict[str, Any]:
    ended = f"至{_day(pairing.ended_on)}" if pairing.ended_on else "起"
    return {
        "no": number,
        **_branch_fields(pairing),
        "method": cells.label(pairing.method),
        "period": f"{_day(pairing.started_on)}{ended}",
    }


class PhotoImages:
    """Stand-in pictures for the photos while the template is filled, and the files they stand for."""

    def __init__(self, template: DocxTemplate) -> None:
        self.template = template
        self.files: dict[bytes, Path | bytes] = {}  # stand-in's tag → the photo's file or bytes
        self.print_copies: dict[Path, Path] = {}  # a picture → its print copy (once made)
        seed = io.BytesIO()
        Image.new("L", (1, 1), 255).save(seed, "JPEG")
        self._seed = seed.getvalue()

    def image(self, photo: BookPhoto) -> InlineImage | str:
        """The photo at its printed size (72 mm wide, at most 60 mm tall), or why it cannot be shown."""
        source: Path | bytes | None = photo.path if photo.path is not None else photo.thumbnail
        if source is None:
            return ""
        try:
            with Image.open(source if isinstance(source, Path) else io.BytesIO(source)) as image:
                width, height, kind = image.width, image.height, image.format
        except (OSError, UnidentifiedImageError):
            return "（照片无法读取）"
        scale = min(PHOTO_WIDTH_MM / width, PHOTO_MAX_HEIGHT_MM / height)
        if isinstance(source, Path) and photo.print_copy is not None:
            self.print_copies[source] = photo.print_copy
        return self.place(source, kind == "JPEG", Mm(width * scale), Mm(height * scale))

    def make_print_copies(self, progress: Progress | None) -> None:
        """The print copies not made yet, made now, a few at a time (Pillow decodes and encodes outside
        Python's lock); a picture whose copy cannot be made is printed itself."""
        wanted = {source: copy for source, copy in self.print_copies.items() if not copy.is_file()}
        if not wanted:
            return
        pool = ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1))
        try:
            futures = {
                pool.submit(media.make_print_copy, source, copy): source for source, copy in wanted.items()
            }
            for done, future in enumerate(as_completed(futures), start=1):
                if not future.result():
                    del self.print_copies[futures[future]]
                if progress is not None and done % 20 == 0:
                    progress(done, len(wanted))
        finally:  # a cancel (progress raising) leaves the copies made so far, each whole
            pool.shutdown(cancel_futures=True)

    def place(self, source: Path | bytes, jpeg: bool, width: Length, height: Length) -> InlineImage:
        if not jpeg:  # rare (the store normalises to JPEG): in memory as it is
            data = source.read_bytes() if isinstance(source, Path) else source
            return InlineImage(self.template, io.BytesIO(data), width=width, height=height)
        tag = f"branchdesk-photo-{len(self.files)}".encode()
        # A JPEG comment segment after the JFIF header (which python-docx looks for) makes each unique.
        split = 4 + int.from_bytes(self._seed[4:6], "big")
        comment = b"\xff\xfe" + (len(tag) + 2).to_bytes(2, "big") + tag
        stand_in = self._seed[:split] + comment + self._seed[split:]
        self.files[tag] = source
        return InlineImage(self.template, io.BytesIO(stand_in), width=width, height=height)

    def source_of(self, data: bytes) -> Path | bytes | None:
        """What a stand-in stands for: the photo's print copy, file or bytes."""
        match = re.search(rb"\xff\xfe..(branchdesk-photo-\d+)", data[:64], re.DOTALL)
        found = self.files.get(match.group(1)) if match else None
        return self.print_copies.get(found, found) if isinstance(found, Path) else found


def _photo_rows(activity: BookActivity, photos: PhotoImages) -> list[list[dict[str, Any]]]:
    """Two photos a row, each with its caption; an odd last photo beside an empty cell."""
    entries = []
    for number, photo in enumerate(activity.photos, start=1):
        caption = photo.caption or f"活动照片{number}"
        if photo.path is None:
            caption += "（原图不在照片库中，此为缩略图）"
        entries.append({"image": photos.image(photo), "caption": caption})
    if len(entries) % 2:
        entries.append({"image": "", "caption": ""})
    return [entries[i : i + 2] for i in range(0, len(entries), 2)]


def _attendance(activity: BookActivity) -> dict[str, Any] | None:
    found = activity.attendance
    if found is None:
        return None
    named = "；".join(f"{a.name}（{a.reason}）" if a.reason else a.name for a in found.absentees)
    if found.absent == 0:
        absent, makeup = "无", "—"
    else:
        absent = f"{found.absent}人" + (f"：{named}" if named else "")
        makeup = f"{_day(found.make_up_on)}补课" if found.make_up_on else "未补课"
    return {
        "expected": found.expected,
        "present": found.present,
        "absent": absent,
        "makeup": makeup,
    }


def _activity_fields(number: int, activity: BookActivity, photos: PhotoImages) -> dict[str, Any]:
    entered = _day(activity.entered_on) + "录入"
    if activity.recorded_late:
        entered += "（补录）"
    return {
        "no": number,
        "date": _day(activity.held_on),
        "weekday": f"星期{_WEEKDAYS[activity.held_on.weekday()]}",
        "grassroots": activity.pairing.grassroots.name,
        "organ": activity.pairing.organ.name,
        "type": cells.label(activity.type),
        "key_task": _text(activity.key_task) or "—",
        "areas": "、".join(cells.label(area) for area in activity.areas) or "—",
        "place": _text(activity.location),
        "volunteers": activity.volunteers,
        "content": _text(activity.summary),
        "theme": _text(activity.theme) or "—",
        "host": _text(activity.host) or "—",
        "entered": entered,
        "attendance": _attendance(activity),
        "photo_rows": _photo_rows(activity, photos),
    }


# How the papers (Word and PDF, always in Chinese) say where a target stands.
TARGET_STATUS = {
    TargetStatus.NO_NUMBER: "无数值目标",
    TargetStatus.BEYOND: "已完成（超出目标）",
    TargetStatus.REACHED: "已完成",
    TargetStatus.OVERDUE: "逾期未完成",
    TargetStatus.UNDER_WAY: "推进中",
}


def _amount(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:g} {unit}".strip()


def _liaison(person: str, phone: str) -> str:
    return "　".join(part for part in (person.strip(), phone.strip()) if part) or "—"


def agreement_fields(
    number: int, grassroots: str, organ: str, agreement: Agreement, day: dt.date
) -> dict[str, Any]:
    """A pairing's agreement as the papers print it (the Word ledger's section, the agreement's own Word
    and PDF), where its targets stand on ``day`` (domain/agreements.py)."""
    targets = []
    for position, target in enumerate(agreement.targets, start=1):
        latest = target.latest(day)
        entries = [entry for entry in target.progress if entry.recorded_on <= day]
        targets.append(
            {
                "no": position,
                "name": target.name,
                "goal": _amount(target.number, target.unit),
                "due": _day(target.due_on),
                "latest": "—"
                if latest is None
                else f"{_amount(latest.value, target.unit)}（{_day(latest.recorded_on)}）",
                "status": TARGET_STATUS[target.status(day)],
                "progress": "；".join(
                    f"{_day(e.recorded_on)} 累计 {_amount(e.value, target.unit)}"
                    + (f"（{e.note}）" if e.note else "")
                    for e in entries
                )
                or "尚无进度记录",
            }
        )
    numeric = [target for target in agreement.targets if target.number is not None]
    return {
        "no": number,
        "grassroots": grassroots,
        "organ": organ,
        "signed": _day(agreement.signed_on),
        "organ_liaison": _liaison(agreement.organ_liaison, agreement.organ_phone),
        "grassroots_liaison": _liaison(agreement.grassroots_liaison, agreement.grassroots_phone),
        "targets": targets,
        "summary": f"硬目标 {len(numeric)} 项，截至{_day(day)}已完成 "
        f"{sum(1 for target in numeric if target.reached(day))} 项",
        "review": agreement.review or "—",
        "as_of": _day(day),
    }


def _open_items(book: LedgerBook) -> list[dict[str, Any]]:
    themed = name(Concept.THEMED_DAY)
    items: list[tuple[dt.date, str, str, str, str, str]] = [
        (month.first_day, _month(month), item.grassroots, item.organ, f"当月未开展{themed}", "待补开展")
        for month, item in book.overdue
    ]
    items += [
        (
            activity.held_on,
            _month(Month.of(activity.held_on)),
            activity.pairing.grassroots.name,
            activity.pairing.organ.name,
            f"{_day(activity.held_on)}{cells.label(activity.type)}在工作日开展，未说明原因",
            "待说明",
        )
        for activity in book.weekday
    ]
    items.sort(key=lambda item: item[0])
    return [
        {
            "no": i,
            "month": month,
            "grassroots": grassroots,
            "organ": organ,
            "matter": matter,
            "status": status,
        }
        for i, (_, month, grassroots, organ, matter, status) in enumerate(items, start=1)
    ]


def _rate(label: str, rate: Rate) -> dict[str, Any]:
    return {
        "item": label,
        "value": f"{rate.percent}%" if rate.percent is not None else "—",
        "numerator": rate.count,
        "denominator": rate.total,
    }


def _figure(label: str, value: object) -> dict[str, Any]:
    return {"item": label, "value": value, "numerator": "", "denominator": ""}


def _figures(book: LedgerBook) -> list[dict[str, Any]]:
    """The §3 figures as ``stats`` gives them: coverage as of the range's end, each month's compliance and
    activities, and the range's totals (sums of the months)."""
    if not book.figures:
        return []
    end: LedgerStats = book.figures[-1].stats
    organ, grassroots = name(Concept.ORGAN_BRANCH), name(Concept.GRASSROOTS_BRANCH)
    rows = [
        _figure(f"{organ}（截至{_day(end.as_of)}）", end.branches.organ),
        _figure(f"{grassroots}（截至{_day(end.as_of)}）", end.branches.grassroots),
        _rate(f"{grassroots}结对{name(Concept.COVERAGE)}", end.grassroots_coverage),
        _rate(f"{organ}结对{name(Concept.COVERAGE)}", end.organ_coverage),
        _rate(f"{organ}{name(Concept.OPTIMISATION_RATE)}", end.optimisation),
        _rate(f"结对共建协议硬目标完成率（截至{_day(end.as_of)}）", end.targets.rate),
    ]
    for month in book.figures:
        rows.append(_rate(f"{COMPLIANCE_LABEL}（{_month(month.month)}）", month.stats.compliance))
    months = [month.stats.activities for month in book.figures]
    period = _period(book.figures[0].month, book.figures[-1].month)
    rows += [
        _figure(f"活动次数（{period}）", sum(m.count for m in months)),
        _figure(f"{name(Concept.THEMED_DAY)}（{period}）", sum(m.themed_days for m in months)),
        _figure(f"{name(Concept.KEY_TASK)}活动（{period}）", sum(m.key_task for m in months)),
        _figure(f"{name(Concept.VOLUNTEERS)}（{period}）", sum(m.volunteer_person_times for m in months)),
        _figure(f"工作日开展且未说明原因（{period}）", sum(m.weekday for m in months)),
    ]
    attended = Rate(sum(m.attendance.count for m in months), sum(m.attendance.total for m in months))
    rows.append(_rate(f"党员出勤率（{period}，实到÷应到）", attended))
    rows.append(_figure(f"补录活动（{period}，活动后逾期录入）", book.recorded_late))
    return rows


def ledger_context(
    book: LedgerBook, template: DocxTemplate, photos: PhotoImages | None = None
) -> dict[str, Any]:
    """The template's fields (docs/word-ledger.md)."""
    photos = photos or PhotoImages(template)
    period = _period(book.first, book.last)
    return {
        "title": TITLE,
        "region": book.scope,
        "period": period,
        "generated_on": _day(book.made_on),
        "pairing_count": len(book.pairings),
        "activity_count": len(book.activities),
        "pairings": [_pairing_fields(i, pairing) for i, pairing in enumerate(book.pairings, start=1)],
        "activities": [
            _activity_fields(i, activity, photos) for i, activity in enumerate(book.activities, start=1)
        ],
        "open_items": _open_items(book),
        "agreements": [
            agreement_fields(i, pairing.grassroots.name, pairing.organ.name, agreement, book.as_of)
            for i, (pairing, agreement) in enumerate(book.agreements, start=1)
        ],
        "figures_scope": f"{name(Concept.REGION)}：{book.figures_region}；期间：{period}",
        "figures": _figures(book),
        "figures_note": "比率截断（不四舍五入）保留两位小数；分母为零显示“—”。与“统计”功能的口径相同。",
    }


def signin_context(sheet: SigninSheet) -> dict[str, Any]:
    return {
        "title": SIGNIN_TITLE,
        "grassroots": sheet.pairing.grassroots.name,
        "organ": sheet.pairing.organ.name,
        "date": _day(sheet.day) if sheet.day else "    年  月  日  时  分",
        "place": sheet.place,
        "theme": sheet.theme,
        "expected": sheet.lines,
        "lines": list(range(1, sheet.lines + 1)),
    }


_UNDEFINED = (
    re.compile(r"has no attribute '([^']+)'"),
    re.compile(r"'([^']+)' is undefined"),
    re.compile(r"no element '?([^']+)'?"),
)


def _field_named(error: UndefinedError) -> str:
    for pattern in _UNDEFINED:
        if found := pattern.search(str(error)):
            return found.group(1)
    return str(error)


def _open_template(path: Path, kind: str, known: set[str]) -> tuple[DocxTemplate, Environment]:
    """The template, refused with its first unknown or missing field before anything is written."""
    try:
        template = DocxTemplate(path)
        environment = Environment(undefined=StrictUndefined, autoescape=True)
        used = template.get_undeclared_template_variables(environment)
    except TemplateError as error:
        raise BranchDeskError("ledger_doc.template_broken", path=str(path), reason=str(error)) from None
    except OSError as error:
        raise BranchDeskError(
            "ledger_doc.template_unreadable", path=str(path), reason=os_reason(error)
        ) from None
    except (KeyError, ValueError, zipfile.BadZipFile):  # python-docx's words for "not a .docx"
        raise BranchDeskError("ledger_doc.template_not_docx", path=str(path)) from None
    for field in REQUIRED_FIELDS[kind]:
        if field not in used:
            raise BranchDeskError("ledger_doc.template_missing_field", path=str(path), field=field)
    unknown = sorted(used - known)
    if unknown:
        raise BranchDeskError("ledger_doc.template_unknown_field", path=str(path), field=unknown[0])
    return template, environment


def _render(template: DocxTemplate, environment: Environment, context: dict[str, Any], path: Path) -> None:
    try:
        template.render(context, environment, autoescape=True)
    except UndefinedError as error:
        raise BranchDeskError(
            "ledger_doc.template_unknown_field", path=str(path), field=_field_named(error)
        ) from None
    except TemplateError as error:
        raise BranchDeskError("ledger_doc.template_broken", path=str(path), reason=str(error)) from None


@contextmanager
def _beside(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path``, moved into its place when the block ends without an error."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError as error:
        raise BranchDeskError("export.cannot_write", path=str(path), reason=os_reason(error)) from None
    finally:
        temporary.unlink(missing_ok=True)


def _write(template: DocxTemplate, photos: PhotoImages | None, path: Path, progress: Progress | None) -> None:
    """Save the filled template, putting each photo's file in its stand-in's place."""
    rendered = io.BytesIO()
    template.save(rendered)
    with (
        _beside(path) as temporary,
        zipfile.ZipFile(rendered) as source,
        zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        members = source.infolist()
        for done, member in enumerate(members, start=1):
            data = source.read(member)
            photo = photos.source_of(data) if photos and member.filename.startswith("word/media/") else None
            if photo is None:
                target.writestr(member, data, member.compress_type)
            elif isinstance(photo, bytes):
                target.writestr(member.filename, photo, zipfile.ZIP_STORED)
            else:
                with (
                    photo.open("rb") as stream,
                    target.open(zipfile.ZipInfo(member.filename, member.date_time), "w") as written,
                ):
                    shutil.copyfileobj(stream, written, 1 << 20)
            if progress is not None and done % 50 == 0:
                progress(done, len(members))


def write_ledger_doc(
    book: LedgerBook, path: Path, template_path: Path | None = None, progress: Progress | None = None
) -> int:
    """Write ``book`` as a .docx from the template (default the built-in one); returns the photos put in."""
    template_path = template_path or builtin_template()
    template, environment = _open_template(template_path, LEDGER_TEMPLATE, LEDGER_FIELDS)
    photos = PhotoImages(template)
    _render(template, environment, ledger_context(book, template, photos), template_path)
    photos.make_print_copies(progress)
    _write(template, photos, path, progress)
    return len(photos.files)


def check_template(path: Path) -> None:
    """Refuse (``BranchDeskError``) a Word ledger template that could not make a ledger."""
    _open_template(path, LEDGER_TEMPLATE, LEDGER_FIELDS)


def write_signin_sheet(sheet: SigninSheet, path: Path, template_path: Path | None = None) -> None:
    template_path = template_path or builtin_template(SIGNIN_TEMPLATE)
    write_template(template_path, SIGNIN_TEMPLATE, SIGNIN_FIELDS, signin_context(sheet), path)


def write_template(
    template_path: Path, kind: str, known: set[str], context: dict[str, Any], path: Path
) -> None:
    """A template without photos (a sign-in sheet, an agreement, a half-year summary) filled with
    ``context`` and written to ``path``, refused whole if it does not fit."""
    template, environment = _open_template(template_path, kind, known)
    _render(template, environment, context, template_path)
    _write(template, None, path, None)


LEDGER_FIELDS = {
    "title", "region", "period", "generated_on", "pairing_count", "activity_count", "pairings", "activities",
    "open_items", "figures_scope", "figures", "figures_note", "agreements",
}  # fmt: skip
SIGNIN_FIELDS = {"title", "grassroots", "organ", "date", "place", "theme", "expected", "lines"}
AGREEMENT_FIELDS = {"title", "a", "generated_on"}


def write_agreement_doc(
    grassroots: str,
    organ: str,
    agreement: Agreement,
    day: dt.date,
    path: Path,
    template_path: Path | None = None,
) -> None:
    """One pairing's agreement as a .docx (the built-in template agreement.docx, or an office's own)."""
    template_path = template_path or builtin_template(AGREEMENT_TEMPLATE)
    context = {
        "title": AGREEMENT_TITLE,
        "a": agreement_fields(1, grassroots, organ, agreement, day),
        "generated_on": _day(day),
    }
    write_template(template_path, AGREEMENT_TEMPLATE, AGREEMENT_FIELDS, context, path)
