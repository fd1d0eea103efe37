"""The ``kerjasama`` command. Thin: each command parses options and calls the
library (extractor, registry, backfill, api), so everything here is usable
without the CLI. Heavy imports happen inside commands to keep ``--help`` fast.
"""

from __future__ import annotations

from pathlib import Path

import typer

from service.cli_access import keys_app, users_app
from service.cli_errors import cli_errors, exit_code, report
from service.cli_reports import report_app

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


# --- service: serve, worker; keys and users in service.cli_access (issue 6) ----------


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


app.add_typer(keys_app, name="keys")
app.add_typer(users_app, name="users")


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


# --- monev reports: service.cli_reports -----------------------------------------------

app.add_typer(report_app, name="report")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
