"""The registry as CSV or XLSX, for the monitoring spreadsheets.

Cell text comes from documents, so it is untrusted: a value that a spreadsheet
would run as a formula (``=``, ``+``, ``-``, ``@`` first) is written with a
leading apostrophe in CSV and as a plain string cell in XLSX.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from service.registry.records import AgreementSummary

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

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row_values(item: AgreementSummary) -> list[Any]:
    values: list[Any] = []
    for column in COLUMNS:
        value = getattr(item, column)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        values.append(value)
    return values


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def iter_csv(items: Iterable[AgreementSummary]) -> Iterator[str]:
    """CSV text in chunks, so a large export streams instead of building in memory."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for n, item in enumerate(items, 1):
        writer.writerow([_csv_cell(v) for v in row_values(item)])
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_bytes(items: Iterable[AgreementSummary]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("kerja_sama")
    sheet.append(list(COLUMNS))
    for item in items:
        row = []
        for value in row_values(item):
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            row.append(cell)
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
