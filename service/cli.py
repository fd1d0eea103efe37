"""The ``kerjasama`` command. Thin: each command parses options and calls the
library (extractor, registry, backfill, api), so everything here is usable
without the CLI. Heavy imports happen inside commands to keep ``--help`` fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from service.cli_errors import cli_errors, exit_code, report

app = typer.Typer(
    name="kerjasama",
    help="Registri Kerja Sama: membaca perjanjian NK/PKS, mengekstrak datanya, mengelola registri.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, readable=True),
    as_json: bool = typer.Option(False, "--json", help="satu objek JSON per baris per berkas"),
) -> None:
    """Baca berkas lalu cetak hasil ekstraksinya (kontrak ekstraksi)."""
    from extractor.ocr.pool import OcrPool
    from models import KerjasamaError, get_settings
    from service.consume import extract_files

    settings = get_settings()
    errors: list[KerjasamaError] = []
    with OcrPool(workers=settings.workers or None) as pool:  # started at the first OCR page
        for ctx in extract_files(files, settings=settings, pool=pool):
            if ctx.error is not None or ctx.extraction is None:
                errors.append(ctx.error or KerjasamaError("Tidak ada hasil ekstraksi."))
                report(errors[-1], name=ctx.name, as_json=as_json)
            elif as_json:
                print(ctx.extraction.model_dump_json())
            else:
                _print_extraction(ctx.extraction)
    if errors:
        raise typer.Exit(code=exit_code(errors))


def _print_extraction(extraction: object) -> None:
    from rich.console import Console
    from rich.table import Table

    from models import FIELD_NAMES, Extraction
    from service.indonesian import FIELD_LABELS, format_number, readable

    assert isinstance(extraction, Extraction)
    table = Table(
        title=f"{extraction.file} ({extraction.pages} halaman, "
        f"{extraction.ocr_pages} dibaca dengan OCR)"
    )
    table.add_column("isian")
    table.add_column("nilai", overflow="fold")
    table.add_column("keyakinan", justify="right")
    data = extraction.model_dump(mode="json")
    for name in FIELD_NAMES:
        conf = extraction.confidence.get(name)
        table.add_row(
            FIELD_LABELS.get(name, name),
            readable(name, data[name]),
            format_number(conf) if conf is not None else "",
        )
    Console().print(table)


# --- service: serve, worker, keys (issue 6) -------------------------------------------


@app.command()
def serve(
    host: str = typer.Option(None, help="alamat yang didengarkan (bawaan KERJASAMA_HOST)"),
    port: int = typer.Option(None, help="port (bawaan KERJASAMA_PORT)"),
    worker: bool = typer.Option(
        None,
        "--worker/--no-worker",
        help="jalankan pekerja antrean di layanan ini (bawaan tertanam)",
    ),
) -> None:
    """Jalankan API dan halaman tinjauan, serta (bawaan tertanam) satu pekerja antrean."""
    import uvicorn

    from models import get_settings
    from service.api.app import create_app
    from service.jobs.backends import describe

    settings = get_settings()
    updates: dict[str, object] = {}
    if host is not None:
        updates["host"] = host
    if port is not None:
        updates["port"] = port
    if worker is not None:
        updates["embedded_worker"] = worker
    settings = settings.model_copy(update=updates)
    queue = describe(settings)
    print(
        f"Registri Kerja Sama berjalan di http://{settings.host}:{settings.port}/ "
        f"(halaman tinjauan /review, API /api/v1/docs); registri {settings.database}; "
        f"antrean {queue}; pekerja {'tertanam' if settings.embedded_worker else 'terpisah'}",
        flush=True,
    )
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level="info",
        server_header=False,
    )


@app.command()
def worker(
    workers: int = typer.Option(
        0, help="jumlah proses OCR pekerja ini; 0 = KERJASAMA_WORKERS atau satu per inti"
    ),
) -> None:
    """Ambil pekerjaan dari antrean dan baca berkasnya (banyak mesin: KERJASAMA_QUEUE_URL=redis://...)."""
    import logging

    from models import get_settings
    from service.jobs.backends import describe
    from service.jobs.worker import run_worker, worker_count

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    settings = get_settings()
    n = workers or worker_count(settings)
    print(f"kerjasama worker: {n} proses OCR pada antrean {describe(settings)}", flush=True)
    run_worker(settings, workers=n)


keys_app = typer.Typer(help="Kunci API: buat, cabut, daftar.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("create")
def keys_create(
    role: str = typer.Option(..., help="viewer | staff | reviewer | admin"),
    region: str = typer.Option(None, help="kode Kemendagri: kunci hanya melihat wilayah ini"),
    label: str = typer.Option(None, help="untuk siapa kunci ini"),
) -> None:
    """Buat kunci dan tampilkan sekali (hanya hash-nya yang disimpan)."""
    from models import get_settings
    from service.auth import KeyStore, Role
    from service.indonesian import ROLE_LABELS

    with cli_errors():
        new = KeyStore.for_settings(get_settings()).create(
            Role.parse(role), region=region, label=label
        )
    scope = f", wilayah {new.region}" if new.region else ""
    role_name = ROLE_LABELS.get(str(new.role), str(new.role))
    print(f"kunci {new.id} ({role_name}{scope}); hanya ditampilkan sekali, simpan baik-baik:")
    print(new.key)


users_app = typer.Typer(help="Akun orang untuk halaman tinjauan.", no_args_is_help=True)
app.add_typer(users_app, name="users")


@users_app.command("create")
def users_create(
    name: str = typer.Argument(..., help="nama pengguna, mis. siti.rahma"),
    role: str = typer.Option(..., help="viewer | staff | reviewer | admin"),
    region: str = typer.Option(None, help="kode Kemendagri: pengguna hanya melihat wilayah ini"),
    password: str = typer.Option(
        ..., prompt="Kata sandi", hide_input=True, confirmation_prompt=True, help="min. 8 karakter"
    ),
) -> None:
    """Buat akun (kata sandi disimpan sebagai hash argon2)."""
    from models import KerjasamaError, get_settings
    from service.auth import Role
    from service.indonesian import ROLE_LABELS
    from service.users import UserStore

    try:
        user = UserStore.for_settings(get_settings()).create(
            name, password, Role.parse(role), region=region
        )
    except KerjasamaError as exc:
        print(f"{exc.code}: {exc.message}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    scope = f", wilayah {user.region}" if user.region else ""
    print(f"akun {user.name} dibuat ({ROLE_LABELS.get(str(user.role), str(user.role))}{scope})")


@keys_app.command("revoke")
def keys_revoke(
    key_id: int = typer.Argument(..., help="nomor dari `kerjasama keys list`"),
) -> None:
    """Cabut kunci seketika."""
    from models import get_settings
    from service.auth import KeyStore

    with cli_errors():
        info = KeyStore.for_settings(get_settings()).revoke(key_id)
    print(f"kunci {info.id} dicabut")


@keys_app.command("list")
def keys_list() -> None:
    """Tampilkan kunci (nomor, awalan, peran, wilayah, label; kuncinya sendiri tidak pernah)."""
    from models import get_settings
    from service.auth import KeyStore
    from service.indonesian import ROLE_LABELS

    for info in KeyStore.for_settings(get_settings()).list():
        state = "dicabut" if info.revoked_at else "aktif"
        print(
            f"{info.id}\t{info.prefix}…\t{ROLE_LABELS.get(info.role, info.role)}\t"
            f"{info.region or '-'}\t{info.label or '-'}\t{state}"
        )


# --- backfill (issue 5) ---------------------------------------------------------------


@app.command()
def backfill(
    directory: Path = typer.Argument(
        ..., exists=True, file_okay=False, metavar="DIR", help="folder arsip"
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="daftar yang akan diarsipkan; tidak mengarsipkan apa pun"
    ),
    limit: int = typer.Option(None, "--limit", min=1, help="ekstrak paling banyak N berkas baru"),
    workers: int = typer.Option(0, "--workers", min=0, help="jumlah proses; 0 = satu per inti"),
    report: Path = typer.Option(None, "--report", dir_okay=False, help="berkas laporan CSV"),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="coba lagi berkas yang gagal"),
    progress: bool = typer.Option(
        True, "--progress/--no-progress", help="tampilkan bilah kemajuan"
    ),
) -> None:
    """Arsipkan seluruh folder PDF dan gambar; bisa dilanjutkan (jalankan lagi setelah terhenti)."""
    from rich.console import Console
    from rich.table import Table

    from models import get_settings
    from service.backfill import default_report, run_backfill
    from service.backfill_report import BACKFILL_LABELS, RichProgress
    from service.indonesian import format_number
    from service.registry import Registry

    settings = get_settings()
    report_path = report or default_report(settings)
    with cli_errors(), Registry.open(settings) as registry:
        summary = run_backfill(
            directory,
            registry,
            settings=settings,
            workers=workers,
            limit=limit,
            dry_run=dry_run,
            retry_failed=retry_failed,
            report=report_path,
            progress=RichProgress() if progress else None,
        )
    data = summary.as_dict()
    table = Table(title=f"Pengisian arsip {directory} ({format_number(data['seconds'])} detik)")
    table.add_column("hasil")
    table.add_column("jumlah", justify="right")
    for key, words in BACKFILL_LABELS.items():
        if data[key] or key in ("filed", "failed"):
            table.add_row(words, format_number(data[key]))
    console = Console()
    console.print(table)
    for reason, count in sorted(data["failures"].items(), key=lambda kv: -kv[1]):
        console.print(f"  gagal ×{count}: {reason}")
    console.print(f"laporan: {report_path}")
    if data["failed"]:
        raise typer.Exit(code=1)


# --- monev reports --------------------------------------------------------------------

report_app = typer.Typer(help="Monev: laporan tahunan, kerja sama yang akan berakhir.")
app.add_typer(report_app, name="report")


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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
