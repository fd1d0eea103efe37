"""The registry as CSV or XLSX, for the monitoring spreadsheets, in Bahasa Indonesia.

Headers and coded values (status, document type, party kind, date source) are
written as a person reads them (``service.indonesian``); dates stay ISO in CSV
(they sort as text) and real dates in XLSX. Cell text comes from documents, so
it is untrusted: a value that a spreadsheet would run as a formula (``=``,
``+``, ``-``, ``@`` first) is written with a leading apostrophe in CSV and as a
quote-prefixed string cell in XLSX, by the shared writer in ``service.spreadsheet``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from openpyxl import Workbook

from service.indonesian import (
    DOC_TYPE_LABELS,
    PARTY_KIND_LABELS,
    SOURCE_LABELS,
    STATUS_LABELS,
    label,
)
from service.registry.records import AgreementSummary
from service.spreadsheet import append_row, csv_cell, new_sheet


def _joined(values: list[str], labels: dict[str, str] | None = None) -> str:
    return "; ".join(labels.get(v, v) if labels else v for v in values)


def _coded(labels: dict[str, str], value: str | None) -> str:
    return label(labels, value, empty="")


COLUMNS: tuple[tuple[str, Callable[[AgreementSummary], Any]], ...] = (
    ("No. registri", lambda a: a.id),
    ("Jenis dokumen", lambda a: _coded(DOC_TYPE_LABELS, a.doc_type)),
    ("Judul", lambda a: a.title),
    ("Nomor", lambda a: _joined(a.numbers)),
    ("Para pihak", lambda a: _joined(a.parties)),
    ("Jenis pihak", lambda a: _joined(a.party_kinds, PARTY_KIND_LABELS)),
    ("Kode wilayah", lambda a: _joined(a.region_codes)),
    ("Tanggal penandatanganan", lambda a: a.signing_date),
    ("Tanggal mulai", lambda a: a.start_date),
    ("Sumber tanggal mulai", lambda a: _coded(SOURCE_LABELS, a.start_date_source)),
    ("Tanggal berakhir", lambda a: a.end_date),
    ("Sumber tanggal berakhir", lambda a: _coded(SOURCE_LABELS, a.end_date_source)),
    ("Status", lambda a: _coded(STATUS_LABELS, a.status)),
    ("Keyakinan terendah", lambda a: a.min_confidence),
    ("Versi", lambda a: a.version),
)
HEADERS = [header for header, _ in COLUMNS]
WIDTHS = (10, 22, 50, 28, 40, 24, 14, 14, 14, 24, 14, 24, 16, 10, 7)


def row_values(item: AgreementSummary) -> list[Any]:
    return [read(item) for _, read in COLUMNS]


def _csv_text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def iter_csv(items: Iterable[AgreementSummary]) -> Iterator[str]:
    """CSV text in chunks, so a large export streams instead of building in memory."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for n, item in enumerate(items, 1):
        writer.writerow([csv_cell(_csv_text(v)) for v in row_values(item)])
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_bytes(items: Iterable[AgreementSummary]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = new_sheet(workbook, "kerja_sama", WIDTHS)
    append_row(sheet, HEADERS, bold=True)
    for item in items:
        append_row(sheet, row_values(item))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
