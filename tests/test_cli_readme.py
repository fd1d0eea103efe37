"""Docs that cannot drift: every ``kerjasama`` command and option is in the README."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from service.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(command: Any, path: tuple[str, ...]) -> list[tuple[str, Any]]:
    """(``kerjasama keys create``, command) for the app and every command under it."""
    found = [(" ".join(path), command)]
    for name, sub in getattr(command, "commands", {}).items():
        found += _commands(sub, (*path, name))
    return found


def test_every_command_and_option_is_in_the_readme() -> None:
    missing = []
    for path, command in _commands(typer.main.get_command(app), ("kerjasama",)):
        leaf = path != "kerjasama" and not hasattr(command, "commands")
        if leaf and f"{path} " not in README and f"{path}`" not in README:
            missing.append(path)
        for param in command.params:
            if param.param_type_name == "option":
                for opt in [*param.opts, *param.secondary_opts]:
                    if opt.startswith("--") and opt != "--help" and f"{opt}" not in README:
                        missing.append(f"{path} {opt}")
    assert not missing, f"not in README.md: {missing}"
