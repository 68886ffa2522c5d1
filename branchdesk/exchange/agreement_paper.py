"""A pairing's agreement (结对共建协议) as an A4 PDF in Chinese: the two branches, the signing date and the
liaisons, each target with its number, due date, latest progress and where it stands, the progress
entries, the review notes and the lines to sign and seal. The same fields as its Word document
(exchange/word_ledger.agreement_fields), drawn by the report machinery (exchange/pdf_pages.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from branchdesk.domain.agreements import Agreement
from branchdesk.exchange.pdf_pages import (
    APP_NAME,
    CONTENT_WIDTH,
    HEADING,
    LINE,
    Pages,
    TableColumn,
    save_pdf,
    wrap,
)
from branchdesk.exchange.word_ledger import AGREEMENT_TITLE, agreement_fields

COLUMNS = tuple(TableColumn(*column) for column in (
    ("序号", 0.0, 0.4), ("目标", 0.4, 1.8), ("目标数值", 2.2, 0.8), ("完成时限", 3.0, 1.1),
    ("最新进度", 4.1, 1.6), ("状态", 5.7, 1.17),
))  # fmt: skip
PROGRESS_COLUMNS = (TableColumn("目标", 0.0, 2.0), TableColumn("进度记录（累计数）", 2.0, 4.87))


def agreement_pages(grassroots: str, organ: str, agreement: Agreement, day: dt.date) -> list[Figure]:
    fields: dict[str, Any] = agreement_fields(1, grassroots, organ, agreement, day)
    pages = Pages(f"{AGREEMENT_TITLE} · {grassroots} — {organ} · {APP_NAME} {fields['as_of']}打印")
    pages.text(0.0, AGREEMENT_TITLE, size=16)
    pages.advance(0.5)
    for line in (
        f"基层党支部：{grassroots}",
        f"机关党支部：{organ}",
        f"签订日期：{fields['signed']}",
        f"机关方联络人：{fields['organ_liaison']}        基层方联络人：{fields['grassroots_liaison']}",
        f"目标完成：{fields['summary']}",
    ):
        pages.line(line)
    pages.advance(0.15)
    pages.line("一、共建目标", colour=HEADING)
    targets = fields["targets"]
    pages.table(
        COLUMNS, [(str(t["no"]), t["name"], t["goal"], t["due"], t["latest"], t["status"]) for t in targets]
    )
    if not targets:
        pages.line("协议尚未录入目标。")
    pages.advance(0.15)
    pages.line("二、进度记录", colour=HEADING)
    pages.table(PROGRESS_COLUMNS, [(t["name"], t["progress"]) for t in targets])
    pages.advance(0.15)
    pages.line("三、回顾评议", colour=HEADING)
    for line in wrap(fields["review"], CONTENT_WIDTH):
        pages.line(line)
    if pages.room < 4 * LINE:
        pages.new_page()
    pages.advance(0.4)
    pages.line(
        "机关党支部（盖章）：____________________    基层党支部（盖章）：____________________", size=10
    )
    pages.advance(0.15)
    pages.line("书记（签字）：________________________    书记（签字）：________________________", size=10)
    pages.close()
    return pages.figures


def write_agreement_pdf(grassroots: str, organ: str, agreement: Agreement, day: dt.date, path: Path) -> None:
    """Write the agreement, where its targets stand on ``day``, to ``path`` (PDF)."""
    save_pdf(agreement_pages(grassroots, organ, agreement, day), path, f"{AGREEMENT_TITLE} {grassroots}")
