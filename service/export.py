"""The registry as CSV or XLSX, for the monitoring spreadsheets.

Cell text comes from documents, so it is untrusted: a value that a spreadsheet
would run as a formula (``=``, ``+``, ``-``, ``@`` first) is written with a
leading apostrophe in CSV and as a quote-prefixed string cell in XLSX, by the
shared writer in ``service.spreadsheet``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl import Workbook

from service.registry.records import AgreementSummary
from service.spreadsheet import append_row, csv_cell, new_sheet

COLUMNS: tuple[str, ...] = (
    "id",
    "doc_type",
    "title",
    "numbers",
    "parties",
    "region_codes",
    "signing_date",
    "end_date",
    "status",
    "min_confidence",
    "version",
)


def row_values(item: AgreementSummary) -> list[Any]:
    values: list[Any] = []
    for column in COLUMNS:
        value = getattr(item, column)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        values.append(value)
    return values


def iter_csv(items: Iterable[AgreementSummary]) -> Iterator[str]:
    """CSV text in chunks, so a large export streams instead of building in memory."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for n, item in enumerate(items, 1):
        writer.writerow([csv_cell(v) for v in row_values(item)])
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_bytes(items: Iterable[AgreementSummary]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = new_sheet(workbook, "kerja_sama")
    append_row(sheet, list(COLUMNS), bold=True)
    for item in items:
        append_row(sheet, row_values(item))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
