"""Lay the Word ledger out with LibreOffice, as WPS and Word would, and render its pages to look at:

    python tools/check_word_ledger.py OUT_DIR [--ledger LEDGER.bdesk] [--from 2022-04 --to 2022-06]

Writes OUT_DIR/台账.docx (a township demo's, or LEDGER's) and a blank sign-in sheet, converts both with
`soffice --headless --convert-to pdf`, checks what a conversion can tell (pages, A4, each record on a page of
its own, the roster's header row on its following pages), and renders pages to PNG with pdftoppm (the cover,
the roster, a record, the figures page) for a person to look at. Needs LibreOffice Writer (Debian:
libreoffice-writer-nogui) and poppler-utils; CI installs neither, so this is a check run by hand, not a test
(docs/word-ledger.md). A Chinese font must be known to fontconfig: the bundled Noto Sans SC is added for
the conversion, standing in for 仿宋 and 黑体 as Word substitutes a font it lacks. Exit 1 when a check fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from branchdesk.domain.clock import FixedClock  # noqa: E402
from branchdesk.domain.months import Month  # noqa: E402
from branchdesk.exchange.word_ledger import write_ledger_doc, write_signin_sheet  # noqa: E402
from branchdesk.resources import bundled_font  # noqa: E402
from branchdesk.services.demo import generate_demo  # noqa: E402
from branchdesk.services.ledgers import open_ledger  # noqa: E402
from branchdesk.services.word_ledger import ledger_book, signin_sheet  # noqa: E402

CLOCK = FixedClock.on("2024-01-15")
A4_POINTS = (595, 842)


def _fontconfig(folder: Path) -> dict[str, str]:
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{bundled_font().parent}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def _to_pdf(document: Path, folder: Path, env: dict[str, str]) -> Path:
    profile = (folder / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(document.parent), str(document)],
        check=True, env=env, capture_output=True,
    )  # fmt: skip
    pdf = document.with_suffix(".pdf")
    if not pdf.exists():
        raise SystemExit(f"LibreOffice made no PDF of {document}")
    return pdf


def _pages(pdf: Path) -> list[str]:
    """Each page's text (pdftotext, the layout kept)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--ledger", type=Path)
    parser.add_argument("--from", dest="first", default="2022-04")
    parser.add_argument("--to", dest="last", default="2022-06")
    args = parser.parse_args(argv)
    for program in ("soffice", "pdftoppm", "pdftotext", "pdfinfo"):
        if shutil.which(program) is None:
            raise SystemExit(f"{program} is not installed (libreoffice-writer-nogui, poppler-utils)")
    args.out.mkdir(parents=True, exist_ok=True)
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ledger_path = args.ledger
        if ledger_path is None:
            ledger_path = folder / "城关镇.bdesk"
            generate_demo(ledger_path, "township", clock=CLOCK)
        with open_ledger(ledger_path, CLOCK, read_only=True) as ledger:
            book = ledger_book(ledger, first=Month.parse(args.first), last=Month.parse(args.last))
            sheet = signin_sheet(ledger, book.pairings[0].id)
        document = args.out / "台账.docx"
        write_ledger_doc(book, document)
        signin = args.out / "签到表.docx"
        write_signin_sheet(sheet, signin)
        env = _fontconfig(folder)
        pdf = _to_pdf(document, folder, env)
        signin_pdf = _to_pdf(signin, folder, env)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    if size is None or (round(float(size[1])), round(float(size[2]))) != A4_POINTS:
        failed.append("the pages are not A4")
    pages = _pages(pdf)
    records = [number for number, page in enumerate(pages) if re.search(r"活动记录（\d+）", page)]
    if len(records) != len(book.activities):
        failed.append(f"{len(records)} pages begin a record, for {len(book.activities)} activities")
    roster = [number for number, page in enumerate(pages) if "联系电话" in page]  # the roster's header
    if len(roster) < 2:
        failed.append("the roster's header row is on one page only (a one-page roster: pass more months)")
    sheet_pages = _pages(signin_pdf)
    if len(sheet_pages) > 1 and not all("签到时间" in page for page in sheet_pages):
        failed.append("the sign-in sheet's header row is not on each page")
    looked_at = sorted({0, roster[0] if roster else 1, records[0] if records else 2, len(pages) - 1})
    for number in looked_at:
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-f", str(number + 1), "-l", str(number + 1), str(pdf),
             str(args.out / "page")],
            check=True,
        )  # fmt: skip
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(signin_pdf), str(args.out / "signin")]
    )
    print(f"{document}: {len(pages)} pages, {len(records)} records; sign-in sheet {len(sheet_pages)} pages")
    print(f"pages to look at: {', '.join(str(n + 1) for n in looked_at)} in {args.out}")
    for problem in failed:
        print(f"FAILS: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
