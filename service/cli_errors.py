"""Typed errors to the command line, in one place: a line on stderr (or a JSON
object on stdout for ``--json``) and the exit code the error class declares
(``models.errors``: 1 a file or job failed, 2 bad input, 3 not found,
4 conflict, 5 not allowed)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from models import KerjasamaError


def report(exc: KerjasamaError, *, name: str | None = None, as_json: bool = False) -> None:
    if as_json:
        body = {"error": exc.code, "message": exc.message}
        print(json.dumps({"file": name, **body} if name else body, ensure_ascii=False))
    else:
        print(f"{name + ': ' if name else ''}{exc.code}: {exc.message}", file=sys.stderr)


def exit_code(errors: list[KerjasamaError]) -> int:
    """The exit code of a run in which these errors happened (the gravest one's)."""
    return max((e.exit_code for e in errors), default=0)


@contextmanager
def cli_errors() -> Iterator[None]:
    """Wrap a command: a typed error ends it with its message and exit code."""
    try:
        yield
    except KerjasamaError as exc:
        report(exc)
        raise typer.Exit(code=exc.exit_code) from None
