"""The one spreadsheet writer: every CSV and XLSX export writes its cells here.

Cell text comes from documents (titles, party names, OCR), so it is untrusted.
A value that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``,
tab or carriage return first) is neutralised: in CSV it gets a leading
apostrophe; in XLSX it is a plain string cell carrying Excel's own "quote
prefix" flag, so it shows unchanged yet stays text even when a user edits the
cell. Dates stay real dates with a day/month/year format, so they sort and
filter as dates.

Only the cells that need it are wrapped (dates, bold headers, text a
spreadsheet could read as a formula or an error code); numbers and plain
text go to openpyxl as they are, which writes them several times faster
(lxml, when installed, makes openpyxl's write-only mode faster still).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd/mm/yyyy"
_BOLD = Font(bold=True)


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if is_formula_like(value):
        return "'" + value
    return value


def xlsx_cell(sheet: WriteOnlyWorksheet, value: Any, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if is_formula_like(value):
            cell.quotePrefix = True
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    if bold:
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def new_sheet(book: Workbook, title: str, widths: Sequence[int] = ()) -> WriteOnlyWorksheet:
    sheet = book.create_sheet(title)
    assert isinstance(sheet, WriteOnlyWorksheet)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def _plain(value: Any) -> bool:
    """A value openpyxl stores as it is without risk: a number, nothing, or text
    that cannot start a formula nor read as an error code."""
    if isinstance(value, str):
        return not value.startswith(FORMULA_START) and value not in ERROR_CODES
    return value is None or (isinstance(value, int | float) and not isinstance(value, bool))


def append_row(sheet: WriteOnlyWorksheet, values: Sequence[Any], *, bold: bool = False) -> None:
    if bold:
        sheet.append([xlsx_cell(sheet, v, bold=True) for v in values])
    else:
        sheet.append([v if _plain(v) else xlsx_cell(sheet, v) for v in values])
