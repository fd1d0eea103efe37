"""``kerjasama report ...``: the monev reports (yearly, bodies, expiry, digest...).

Only the options are declared here; what is printed lives in
``service.reports.cli_views`` (imported inside each command to keep ``--help``
fast). ``service.cli`` mounts this sub-command group.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from service.cli_errors import cli_errors

report_app = typer.Typer(help="Monev: laporan tahunan, kerja sama yang akan berakhir.")


def _region_scope(region: str | None) -> str | None:
    """A ``--region`` option checked as a Kemendagri code; exit 2 when it is not one."""
    from service.auth import valid_region

    with cli_errors():
        return valid_region(region) if region else None


@report_app.command("yearly")
def report_yearly(
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="tahun anggaran"),
    region: str = typer.Option(None, "--region", help="kode Kemendagri: hanya wilayah ini"),
    body: str = typer.Option(None, "--body", help="badan pelapor: 35, 35.15, kemendagri..."),
    xlsx: Path = typer.Option(None, "--xlsx", dir_okay=False, help="tulis juga berkas XLSX"),
    pdf: Path = typer.Option(None, "--pdf", dir_okay=False, help="tulis juga PDF resmi"),
    as_json: bool = typer.Option(False, "--json", help="cetak laporan sebagai JSON"),
) -> None:
    """Laporan monev tahunan satu badan: jumlah per keadaan, batas waktu, evaluasi."""
    from service.reports.cli_views import print_yearly

    print_yearly(year, _region_scope(region), body, xlsx, pdf, as_json)


@report_app.command("bodies")
def report_bodies(
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="tahun anggaran"),
    region: str = typer.Option(None, "--region", help="kode Kemendagri: hanya wilayah ini"),
    as_json: bool = typer.Option(False, "--json", help="cetak sebagai JSON"),
) -> None:
    """Laporan tahunan setiap badan pelapor: status, batas waktu, sisa atau lewat hari."""
    from service.reports.cli_views import print_bodies

    print_bodies(year, _region_scope(region), as_json)


@report_app.command("act")
def report_act(
    action: str = typer.Argument(..., help="draft | submit | accept | return"),
    body: str = typer.Option(..., "--body", help="kode badan pelapor"),
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="tahun anggaran"),
    note: str = typer.Option(None, "--note", help="catatan (wajib untuk mengembalikan)"),
    user: str = typer.Option(None, "--user", help="siapa yang bertindak (bawaan: cli:$USER)"),
    region: str = typer.Option(None, "--region", help="bertindak sebagai akun wilayah ini"),
) -> None:
    """Catat tindakan atas laporan tahunan satu badan (susun, sampaikan, terima, kembalikan)."""
    from service.reports.cli_views import act

    act(action, body, year, note, user, _region_scope(region))


@report_app.command("coordination")
def report_coordination(
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="tahun anggaran"),
    body: str = typer.Option(None, "--body", help="kode provinsi, atau kemendagri"),
    days: int = typer.Option(90, "--days", min=0, max=3650, help="rentang hari menjelang berakhir"),
    region: str = typer.Option(None, "--region", help="lihat sebagai akun wilayah ini"),
    as_json: bool = typer.Option(False, "--json", help="cetak sebagai JSON"),
) -> None:
    """Satu provinsi atas kabupaten/kotanya, atau kementerian atas provinsi."""
    from service.reports.cli_views import print_coordination

    print_coordination(year, body, days, _region_scope(region), as_json)


@report_app.command("expiry")
def report_expiry(
    body: str = typer.Option(None, "--body", help="badan pelapor (bawaan: semua)"),
    days: int = typer.Option(
        90, "--days", min=0, max=3650, help="rentang hari sebelum/sesudah hari ini"
    ),
    as_json: bool = typer.Option(False, "--json", help="cetak sebagai JSON"),
) -> None:
    """Akan berakhir, sudah lewat, NK berakhir sebelum PKS-nya, PKS tanpa NK, tanpa tanggal."""
    from service.reports.cli_views import print_expiry

    print_expiry(body, days, as_json)


@report_app.command("digest")
def report_digest(
    body: str = typer.Option(..., "--body", help="kode badan pelapor"),
    days: int = typer.Option(
        30, "--days", min=0, max=3650, help="rentang hari sebelum/sesudah hari ini"
    ),
    email: str = typer.Option(
        None, "--email", help="kirim juga lewat surel (perlu DIGEST_SMTP_HOST)"
    ),
    as_json: bool = typer.Option(False, "--json", help="cetak sebagai JSON"),
) -> None:
    """Ringkasan harian satu badan: status laporannya dan yang perlu ditindaklanjuti."""
    from service.reports.cli_views import print_digest

    print_digest(body, days, email, as_json)


@report_app.command("evaluations")
def report_evaluations(
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="tahun anggaran"),
    body: str = typer.Option(None, "--body", help="badan pelapor (bawaan: semua)"),
    as_json: bool = typer.Option(False, "--json", help="cetak sebagai JSON"),
) -> None:
    """Rata-rata evaluasi per provinsi, jenis mitra dan tahun; belum dievaluasi; praktik baik."""
    from service.reports.cli_views import print_aggregates

    print_aggregates(year, body, as_json)


@report_app.command("indicators")
def report_indicators(
    agreement: int = typer.Option(..., "--agreement", min=1, help="nomor registri perjanjian"),
    as_json: bool = typer.Option(False, "--json", help="cetak sebagai JSON"),
) -> None:
    """Indikator keberhasilan satu perjanjian: keluaran yang dijanjikan dan capaiannya."""
    from service.reports.cli_views import print_indicators

    print_indicators(agreement, as_json)


@report_app.command("expiring")
def report_expiring(
    days: int = typer.Option(90, "--days", min=0, max=3650, help="rentang hari dari hari ini"),
    region: str = typer.Option(None, "--region", help="kode Kemendagri: hanya wilayah ini"),
    as_json: bool = typer.Option(False, "--json", help="cetak daftar sebagai JSON"),
) -> None:
    """Perjanjian yang berakhir dalam DAYS hari dari hari ini, yang paling dekat dulu."""
    from models import get_settings
    from service.indonesian import format_date, format_number
    from service.registry import Registry
    from service.reports.expiring import expiring_agreements

    scope = _region_scope(region)
    with Registry.open(get_settings()) as registry:
        found = expiring_agreements(registry, days, region_scope=scope)
    if as_json:
        print(found.model_dump_json(indent=1))
        return
    for item in found.items:
        print(
            f"{item.id}\t{format_date(item.end_date)}\t{item.days_left:>4} hari\t"
            f"{item.doc_type or '-'}\t{'; '.join(item.numbers) or '-'}\t{item.title or '-'}"
        )
    print(
        f"{format_number(found.total)} perjanjian berakhir dalam {days} hari "
        f"sejak {format_date(found.today)}",
        file=sys.stderr,
    )
