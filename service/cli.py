"""The ``kerjasama`` command. Thin: each command parses options and calls the
library (extractor, registry, backfill, api), so everything here is usable
without the CLI. Heavy imports happen inside commands to keep ``--help`` fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from service.cli_errors import cli_errors, exit_code, report

app = typer.Typer(
    name="kerjasama",
    help="Registri Kerja Sama: read NK/PKS agreements, extract metadata, keep the registry.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, readable=True),
    as_json: bool = typer.Option(False, "--json", help="one JSON object per line per file"),
) -> None:
    """Read files and print what was extracted (the extraction contract)."""
    from extractor.ocr.pool import OcrPool
    from models import KerjasamaError, get_settings
    from service.consume import extract_files

    settings = get_settings()
    errors: list[KerjasamaError] = []
    with OcrPool(workers=settings.workers or None) as pool:  # started at the first OCR page
        for ctx in extract_files(files, settings=settings, pool=pool):
            if ctx.error is not None or ctx.extraction is None:
                errors.append(ctx.error or KerjasamaError("no extraction"))
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

    assert isinstance(extraction, Extraction)
    table = Table(title=f"{extraction.file} ({extraction.pages} pages, {extraction.ocr_pages} OCR)")
    table.add_column("field")
    table.add_column("value", overflow="fold")
    table.add_column("conf", justify="right")
    data = extraction.model_dump(mode="json")
    for name in FIELD_NAMES:
        conf = extraction.confidence.get(name)
        table.add_row(
            name,
            json.dumps(data[name], ensure_ascii=False),
            f"{conf:.2f}" if conf is not None else "",
        )
    Console().print(table)


# --- service: serve, worker, keys (issue 6) -------------------------------------------


@app.command()
def serve(
    host: str = typer.Option(None, help="address to listen on (default KERJASAMA_HOST)"),
    port: int = typer.Option(None, help="port (default KERJASAMA_PORT)"),
    worker: bool = typer.Option(
        None, "--worker/--no-worker", help="run a job worker in this service (embedded default)"
    ),
) -> None:
    """Start the API and review pages, and on the embedded default a job worker."""
    import uvicorn

    from models import get_settings
    from service.api.app import create_app

    settings = get_settings()
    updates: dict[str, object] = {}
    if host is not None:
        updates["host"] = host
    if port is not None:
        updates["port"] = port
    if worker is not None:
        updates["embedded_worker"] = worker
    settings = settings.model_copy(update=updates)
    queue = settings.queue_url or f"SQLite {settings.queue_path}"
    print(
        f"Registri Kerja Sama listening on http://{settings.host}:{settings.port}/ "
        f"(review pages /review, API /api/v1/docs); registry {settings.database}; "
        f"queue {queue}; worker {'embedded' if settings.embedded_worker else 'external'}",
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
    workers: int = typer.Option(0, help="worker processes; 0 = KERJASAMA_WORKERS or one per core"),
) -> None:
    """Run OCR workers against the job queue (scale-out: KERJASAMA_QUEUE_URL=redis://...)."""
    import logging

    from models import get_settings
    from service.jobs.worker import run_worker, worker_count

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    settings = get_settings()
    n = workers or worker_count(settings)
    print(f"kerjasama worker: {n} worker(s) on {settings.queue_url or settings.queue_path}")
    run_worker(settings, workers=n)


keys_app = typer.Typer(help="API keys: create, revoke, list.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("create")
def keys_create(
    role: str = typer.Option(..., help="viewer | staff | reviewer | admin"),
    region: str = typer.Option(None, help="Kemendagri code: the key sees only this region"),
    label: str = typer.Option(None, help="who the key is for"),
) -> None:
    """Make a key and print it once (only its hash is kept)."""
    from models import get_settings
    from service.auth import KeyStore, Role

    with cli_errors():
        new = KeyStore.for_settings(get_settings()).create(
            Role.parse(role), region=region, label=label
        )
    scope = f", region {new.region}" if new.region else ""
    print(f"key {new.id} ({new.role}{scope}); shown once, keep it safe:")
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
    from service.users import UserStore

    try:
        user = UserStore.for_settings(get_settings()).create(
            name, password, Role.parse(role), region=region
        )
    except KerjasamaError as exc:
        print(f"{exc.code}: {exc.message}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    scope = f", wilayah {user.region}" if user.region else ""
    print(f"akun {user.name} dibuat ({user.role}{scope})")


@keys_app.command("revoke")
def keys_revoke(
    key_id: int = typer.Argument(..., help="the id from `kerjasama keys list`"),
) -> None:
    """Revoke a key at once."""
    from models import get_settings
    from service.auth import KeyStore

    with cli_errors():
        info = KeyStore.for_settings(get_settings()).revoke(key_id)
    print(f"key {info.id} revoked")


@keys_app.command("list")
def keys_list() -> None:
    """Show keys (id, prefix, role, region, label; never the key)."""
    from models import get_settings
    from service.auth import KeyStore

    for info in KeyStore.for_settings(get_settings()).list():
        state = "revoked" if info.revoked_at else "active"
        print(
            f"{info.id}\t{info.prefix}…\t{info.role}\t{info.region or '-'}\t"
            f"{info.label or '-'}\t{state}"
        )


# --- backfill (issue 5) ---------------------------------------------------------------


@app.command()
def backfill(
    directory: Path = typer.Argument(
        ..., exists=True, file_okay=False, metavar="DIR", help="archive folder"
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="list what would be filed; file nothing"),
    limit: int = typer.Option(None, "--limit", min=1, help="extract at most N new files"),
    workers: int = typer.Option(0, "--workers", min=0, help="processes; 0 = one per core"),
    report: Path = typer.Option(None, "--report", dir_okay=False, help="CSV report path"),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="retry files that failed"),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="rich progress bar"),
) -> None:
    """File a whole archive of PDFs and images; resumable (run it again after a kill)."""
    from rich.console import Console
    from rich.table import Table

    from models import get_settings
    from service.backfill import default_report, run_backfill
    from service.backfill_report import RichProgress
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
    table = Table(title=f"backfill of {directory} ({data['seconds']} s)")
    table.add_column("outcome")
    table.add_column("files", justify="right")
    for key in (
        "filed",
        "duplicate_candidates",
        "exact_duplicates",
        "already_filed",
        "needs_review",
        "failed",
        "skipped_failed",
        "would_file",
        "pages",
        "ocr_pages",
    ):
        if data[key] or key in ("filed", "failed"):
            table.add_row(key.replace("_", " "), str(data[key]))
    console = Console()
    console.print(table)
    for reason, count in sorted(data["failures"].items(), key=lambda kv: -kv[1]):
        console.print(f"  failed ×{count}: {reason}")
    console.print(f"report: {report_path}")
    if data["failed"]:
        raise typer.Exit(code=1)


# --- monev reports --------------------------------------------------------------------

report_app = typer.Typer(help="Monev: the yearly report, agreements about to expire.")
app.add_typer(report_app, name="report")


def _region_scope(region: str | None) -> str | None:
    """A ``--region`` option checked as a Kemendagri code; exit 2 when it is not one."""
    from service.auth import valid_region

    with cli_errors():
        return valid_region(region) if region else None


@report_app.command("yearly")
def report_yearly(
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="fiscal year"),
    region: str = typer.Option(None, "--region", help="Kemendagri code: only this region"),
    body: str = typer.Option(None, "--body", help="reporting body: 35, 35.15, kemendagri..."),
    xlsx: Path = typer.Option(None, "--xlsx", dir_okay=False, help="also write the workbook"),
    pdf: Path = typer.Option(None, "--pdf", dir_okay=False, help="also write the official PDF"),
    as_json: bool = typer.Option(False, "--json", help="print the report as JSON"),
) -> None:
    """The yearly monev report of one body: counts by state, deadline, evaluation."""
    from service.reports.cli_views import print_yearly

    print_yearly(year, _region_scope(region), body, xlsx, pdf, as_json)


@report_app.command("bodies")
def report_bodies(
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="fiscal year"),
    region: str = typer.Option(None, "--region", help="Kemendagri code: only this region"),
    as_json: bool = typer.Option(False, "--json", help="print as JSON"),
) -> None:
    """Every reporting body's yearly report: status, deadline, days left or late."""
    from service.reports.cli_views import print_bodies

    print_bodies(year, _region_scope(region), as_json)


@report_app.command("act")
def report_act(
    action: str = typer.Argument(..., help="draft | submit | accept | return"),
    body: str = typer.Option(..., "--body", help="the reporting body's code"),
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="fiscal year"),
    note: str = typer.Option(None, "--note", help="note (required to return)"),
    user: str = typer.Option(None, "--user", help="who acts (default: cli:$USER)"),
    region: str = typer.Option(None, "--region", help="act as an account of this region"),
) -> None:
    """Record an action on a body's yearly report (drafted, submitted, accepted, returned)."""
    from service.reports.cli_views import act

    act(action, body, year, note, user, _region_scope(region))


@report_app.command("coordination")
def report_coordination(
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="fiscal year"),
    body: str = typer.Option(None, "--body", help="a province code, or kemendagri"),
    days: int = typer.Option(90, "--days", min=0, max=3650, help="expiring window"),
    region: str = typer.Option(None, "--region", help="view as an account of this region"),
    as_json: bool = typer.Option(False, "--json", help="print as JSON"),
) -> None:
    """A province over its kabupaten/kota, or the ministry over the provinces."""
    from service.reports.cli_views import print_coordination

    print_coordination(year, body, days, _region_scope(region), as_json)


@report_app.command("expiry")
def report_expiry(
    body: str = typer.Option(None, "--body", help="reporting body (default: everything)"),
    days: int = typer.Option(90, "--days", min=0, max=3650, help="window before/after today"),
    as_json: bool = typer.Option(False, "--json", help="print as JSON"),
) -> None:
    """Expiring, lapsed, NKs outlived by their PKS, PKS without NK, no end date."""
    from service.reports.cli_views import print_expiry

    print_expiry(body, days, as_json)


@report_app.command("digest")
def report_digest(
    body: str = typer.Option(..., "--body", help="the reporting body's code"),
    days: int = typer.Option(30, "--days", min=0, max=3650, help="window before/after today"),
    email: str = typer.Option(None, "--email", help="also mail it (needs DIGEST_SMTP_HOST)"),
    as_json: bool = typer.Option(False, "--json", help="print as JSON"),
) -> None:
    """The daily digest of one body: its report's status and what to act on."""
    from service.reports.cli_views import print_digest

    print_digest(body, days, email, as_json)


@report_app.command("evaluations")
def report_evaluations(
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="fiscal year"),
    body: str = typer.Option(None, "--body", help="reporting body (default: everything)"),
    as_json: bool = typer.Option(False, "--json", help="print as JSON"),
) -> None:
    """Evaluation averages by province, partner kind and year; never evaluated; praktik baik."""
    from service.reports.cli_views import print_aggregates

    print_aggregates(year, body, as_json)


@report_app.command("indicators")
def report_indicators(
    agreement: int = typer.Option(..., "--agreement", min=1, help="agreement id"),
    as_json: bool = typer.Option(False, "--json", help="print as JSON"),
) -> None:
    """An agreement's success indicators: promised outputs and what was achieved."""
    from service.reports.cli_views import print_indicators

    print_indicators(agreement, as_json)


@report_app.command("expiring")
def report_expiring(
    days: int = typer.Option(90, "--days", min=0, max=3650, help="window from today"),
    region: str = typer.Option(None, "--region", help="Kemendagri code: only this region"),
    as_json: bool = typer.Option(False, "--json", help="print the list as JSON"),
) -> None:
    """Agreements whose end date falls within DAYS from today, soonest first."""
    from models import get_settings
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
            f"{item.id}\t{item.end_date}\t{item.days_left:>4} d\t{item.doc_type or '-'}\t"
            f"{'; '.join(item.numbers) or '-'}\t{item.title or '-'}"
        )
    print(f"{found.total} agreement(s) end within {days} days of {found.today}", file=sys.stderr)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
