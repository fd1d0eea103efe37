"""The ``kerjasama`` command. Thin: each command parses options and calls the
library (extractor, registry, backfill, api), so everything here is usable
without the CLI. Heavy imports happen inside commands to keep ``--help`` fast.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

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
    from extractor.pipeline import extract_file
    from models import KerjasamaError

    failed = 0
    for path in files:
        try:
            _document, extraction = extract_file(path, name=path.name)
        except KerjasamaError as exc:
            failed += 1
            error = {"file": path.name, "error": exc.code, "message": exc.message}
            if as_json:
                print(json.dumps(error, ensure_ascii=False))
            else:
                print(f"{path.name}: {exc.code}: {exc.message}", file=sys.stderr)
            continue
        if as_json:
            print(extraction.model_dump_json())
        else:
            _print_extraction(extraction)
    if failed:
        raise typer.Exit(code=1)


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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
