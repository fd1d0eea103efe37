"""Which of a yearly report's rows a count on the monev page stands for.

Every count the page shows (a state, a region, a partner kind, a signing
year, a field, evaluated or not) links to the page's own list narrowed by
the same key, so the list a person opens holds exactly the agreements the
count counted. The query names are the page's (Indonesian) parameters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Literal
from urllib.parse import urlencode

from service.reports.bodies import get_body
from service.reports.yearly import ReportRow, YearlyReport, region_keys

Evaluated = Literal["sudah", "belum", "belum_pernah"]


@dataclass(frozen=True)
class RowFilter:
    keadaan: str | None = None
    jenis: str | None = None
    aktif: str | None = None
    """"1": still in force at the year's end."""
    wilayah: str | None = None
    mitra: str | None = None
    tahun: str | None = None
    bidang: str | None = None
    nilai: Evaluated | None = None
    status: str | None = None

    def active(self) -> bool:
        return any(asdict(self).values())

    def apply(self, report: YearlyReport) -> list[ReportRow]:
        if not self.active():
            return report.rows
        body = get_body(report.body)
        year_end = dt.date(report.fiscal_year, 12, 31)

        def keeps(row: ReportRow) -> bool:
            year = str(row.signing_date.year) if row.signing_date else "tanpa tahun"
            evaluated = {
                "sudah": row.scores is not None,
                "belum": row.scores is None,
                "belum_pernah": not row.ever_evaluated,
            }
            return (
                (self.keadaan is None or row.state == self.keadaan)
                and (self.jenis is None or (row.doc_type or "other") == self.jenis)
                and (self.aktif is None or row.end_date is None or row.end_date >= year_end)
                and (
                    self.wilayah is None
                    or self.wilayah in region_keys(row, body)
                    or self.wilayah in row.regions
                )
                and (self.mitra is None or self.mitra in (row.party_kinds or ["lainnya"]))
                and (self.tahun is None or self.tahun == year)
                and (self.bidang is None or self.bidang in row.fields)
                and (self.nilai is None or evaluated[self.nilai])
                and (self.status is None or row.status == self.status)
            )

        return [r for r in report.rows if keeps(r)]

    def query(self) -> str:
        return urlencode({k: v for k, v in asdict(self).items() if v})


def rows_link(year: int, body: str, **narrow: str) -> str:
    """The monev page's list of ``body``'s agreements for ``year`` narrowed by
    ``narrow`` (``RowFilter`` fields), at its anchor."""
    query = RowFilter(**narrow).query()  # type: ignore[arg-type]
    return f"/review/monev?year={year}&body={body}{'&' + query if query else ''}#daftar"
