"""CSV and XLSX exports parse back to what the list shows, and never run formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from test_api_support import add_key, client, file_records, make_settings, record, running_server

pytestmark = pytest.mark.slow


def test_exports_parse_back_filtered_like_the_list(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    file_records(
        settings,
        [
            record(
                "Kerja sama pendidikan", ["35.15"], number="1/2019", signing=dt.date(2019, 5, 2)
            ),
            record('=HYPERLINK("http://x")', ["35.78"], number="2/2020"),
            record("Kerja sama kesehatan", ["33.01"], number="3/2021"),
        ],
    )
    key = add_key(settings, "viewer")
    with running_server(settings) as base, client(base, key) as http:
        listed = http.get("/api/v1/agreements", params={"region_code": "35"}).json()
        ids = sorted(item["id"] for item in listed["items"])
        assert len(ids) == 2

        response = http.get("/api/v1/export/agreements.csv", params={"region_code": "35"})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert sorted(int(row["No. registri"]) for row in rows) == ids
        by_title = {row["Judul"]: row for row in rows}
        education = by_title["Kerja sama pendidikan"]
        assert education["Tanggal penandatanganan"] == "2019-05-02"
        assert education["Nomor"] == "1/2019"
        assert education["Kode wilayah"] == "35.15"
        # coded values as a person reads them
        assert education["Jenis dokumen"] == "Perjanjian Kerja Sama"
        assert education["Status"] == "Perlu ditinjau"
        assert '\'=HYPERLINK("http://x")' in by_title  # a formula stays text

        response = http.get("/api/v1/export/agreements.xlsx", params={"region_code": "35"})
        assert response.status_code == 200
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        sheet = book.active
        assert sheet is not None
        header, *data = list(sheet.iter_rows(values_only=True))
        assert header[:3] == ("No. registri", "Jenis dokumen", "Judul")
        assert sorted(int(str(row[0])) for row in data) == ids
        cells = [row[2] for row in sheet.iter_rows(min_row=2)]
        formula = next(cell for cell in cells if str(cell.value).startswith("="))
        assert formula.data_type == "s"  # stored as a string, not a formula

        everything = http.get("/api/v1/export/agreements.csv").text
        assert len(list(csv.DictReader(io.StringIO(everything)))) == 3
