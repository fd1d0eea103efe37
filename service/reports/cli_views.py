"""What ``kerjasama report ...`` prints: the monev records as Indonesian tables.

Kept apart from ``service.cli_reports`` (which only declares the options) so the
command stays thin; every value a person reads goes through
``service.indonesian``. A typed error prints its code and message and exits 1
(2 for bad input), like the rest of the CLI.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from models import KerjasamaError, get_settings
from models.errors import ValidationFailedError
from service.indonesian import (
    DEADLINE_STATUS_LABELS,
    EXPIRY_LIST_LABELS,
    REPORT_STATUS_LABELS,
    format_date,
    format_datetime,
    format_days,
    format_number,
)
from service.registry import Registry
from service.reports.aggregates import aggregates
from service.reports.bodies import visible_bodies
from service.reports.coordination import coordination
from service.reports.digest import build_digest, mail_digest
from service.reports.expiring import EXPIRY_LISTS, expiry_actions
from service.reports.indicators import IndicatorStore
from service.reports.pdf import report_pdf
from service.reports.submissions import BodyReport, SubmissionStore
from service.reports.xlsx import report_xlsx
from service.reports.yearly import body_rows, report_body, summary_lines, yearly_from_registry

ACTIONS = ("draft", "submit", "accept", "return")


@contextlib.contextmanager
def _registry() -> Iterator[Registry]:
    try:
        with Registry.open(get_settings()) as registry:
            yield registry
    except KerjasamaError as exc:
        print(f"{exc.code}: {exc.message}", file=sys.stderr)
        raise typer.Exit(code=2 if exc.status in (400, 422) else 1) from None


def print_yearly(
    year: int,
    scope: str | None,
    body: str | None,
    xlsx: Path | None,
    pdf: Path | None,
    as_json: bool,
) -> None:
    with _registry() as registry:
        report = yearly_from_registry(registry, year, region_scope=scope, body=body)
    if xlsx is not None:
        xlsx.write_bytes(report_xlsx(report))
    if pdf is not None:
        pdf.write_bytes(report_pdf(report))
    if as_json:
        print(report.model_dump_json(indent=1))
        return
    table = Table(
        title=f"Monev {year} — {report.body_name}: batas waktu {format_date(report.deadline)}"
    )
    table.add_column("Uraian")
    table.add_column("Jumlah", justify="right")
    for name, value in summary_lines(report):
        table.add_row(name, format_number(value))
    console = Console()
    console.print(table)
    for item in report.evaluation.criteria:
        average = format_number(item.average) if item.average is not None else "—"
        console.print(f"  {item.label}: dievaluasi {item.evaluated}, rata-rata {average}")
    for path, what in ((xlsx, "XLSX"), (pdf, "PDF")):
        if path is not None:
            console.print(f"{what}: {path}")


def _report_table(title: str, reports: list[BodyReport]) -> Table:
    table = Table(title=title)
    for name in ("Kode", "Badan", "Status", "Disampaikan", "Batas waktu", "Sisa/terlambat"):
        table.add_column(name)
    for r in reports:
        table.add_row(
            r.body,
            r.body_name,
            REPORT_STATUS_LABELS[r.status],
            format_datetime(r.submitted_at),
            DEADLINE_STATUS_LABELS[r.deadline_status],
            format_days(r.days_left),
        )
    return table


def print_bodies(year: int, scope: str | None, as_json: bool) -> None:
    with _registry() as registry:
        reports = SubmissionStore(registry).reports(year, visible_bodies(scope))
    if as_json:
        print("[" + ",".join(r.model_dump_json() for r in reports) + "]")
        return
    Console().print(_report_table(f"Laporan tahunan {year}", reports))


def act(
    action: str, body: str, year: int, note: str | None, user: str | None, scope: str | None
) -> None:
    with _registry() as registry:
        if action not in ACTIONS:
            raise ValidationFailedError(f"Tindakan {action!r} tidak dikenal; pilih {ACTIONS}.")
        report = SubmissionStore(registry).act(
            body,
            year,
            action,  # type: ignore[arg-type]
            user=user or f"cli:{getpass.getuser()}",
            scope=scope,
            note=note,
        )
    Console().print(_report_table(f"Laporan tahunan {year}", [report]))


def print_coordination(
    year: int, body: str | None, days: int, scope: str | None, as_json: bool
) -> None:
    with _registry() as registry:
        view = coordination(registry, year, scope=scope, body=body, days=days)
    if as_json:
        print(view.model_dump_json(indent=1))
        return
    table = Table(title=f"Koordinasi {view.body_name} — tahun {year}")
    for name in ("Kode", "Badan", "Kerja sama", f"Berakhir ≤ {days} hari", "Tanpa tgl. berakhir"):
        table.add_column(name)
    table.add_column("Dievaluasi")
    table.add_column("Laporan")
    for line in view.lines:
        table.add_row(
            line.body,
            line.body_name,
            format_number(line.agreements),
            format_number(line.expiring),
            format_number(line.no_end_date),
            format_number(line.evaluated),
            f"{REPORT_STATUS_LABELS[line.report.status]} "
            f"({DEADLINE_STATUS_LABELS[line.report.deadline_status].lower()})",
        )
    Console().print(table)


def print_expiry(body: str | None, days: int, as_json: bool) -> None:
    with _registry() as registry:
        actions = expiry_actions(
            body_rows(registry, report_body(None, body)), days, dt.date.today()
        )
    if as_json:
        print(actions.model_dump_json(indent=1))
        return
    for name in EXPIRY_LISTS:
        items = getattr(actions, name)
        print(f"{EXPIRY_LIST_LABELS[name]}: {len(items)}")
        for item in items:
            print(
                f"  {item.id}\t{format_date(item.end_date)}\t{item.doc_type or '—'}\t"
                f"{'; '.join(item.numbers) or '—'}\t{item.title or '—'}"
            )


def print_digest(body: str, days: int, email: str | None, as_json: bool) -> None:
    with _registry() as registry:
        digest = build_digest(registry, scope=None, body=body, days=days)
        if email:
            mail_digest(digest, email, get_settings())
    print(digest.model_dump_json(indent=1) if as_json else digest.text, end="")


def print_aggregates(year: int, body: str | None, as_json: bool) -> None:
    with _registry() as registry:
        result = aggregates(registry, year, scope=None, body=body)
    if as_json:
        print(result.model_dump_json(indent=1))
        return
    console = Console()
    for title, groups in (
        ("wilayah", result.by_region),
        ("jenis mitra", result.by_party_kind),
        ("tahun penandatanganan", result.by_signing_year),
    ):
        table = Table(title=f"Evaluasi {year} menurut {title}")
        for name in ("Kelompok", "Kerja sama", "Dievaluasi", "Rata-rata"):
            table.add_column(name)
        for g in groups:
            average = format_number(g.average) if g.average is not None else "—"
            table.add_row(
                g.label or g.key, format_number(g.agreements), format_number(g.evaluated), average
            )
        console.print(table)
    console.print(f"Belum pernah dievaluasi: {len(result.never_evaluated)} kerja sama")
    console.print(f"Praktik baik: {len(result.good_practice)}")
    for item in result.good_practice:
        console.print(
            f"  #{item.agreement_id} {item.title or '(tanpa judul)'} — rata-rata "
            f"{format_number(item.evaluation.average)}: {item.evaluation.story or ''}"
        )


def print_indicators(agreement: int, as_json: bool) -> None:
    with _registry() as registry:
        found = IndicatorStore(registry).current(agreement)
    if as_json:
        print(found.model_dump_json(indent=1))
        return
    origin = "usulan dari ruang lingkup" if found.version == 0 else f"versi {found.version}"
    table = Table(title=f"Indikator keberhasilan #{agreement} ({origin})")
    for name in ("Keluaran yang dijanjikan", "Target", "Capaian"):
        table.add_column(name)
    for item in found.items:
        table.add_row(item.output, item.target or "—", item.achieved or "—")
    Console().print(table)
