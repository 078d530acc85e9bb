"""Write docs/cli.md from the real command definitions, so the reference cannot drift.

usage: python scripts/cli_reference.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer.main

from octa.cli import app

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands(group: Any, prefix: str = "octa") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if hasattr(command, "commands"):
            found.extend(_commands(command, path))
        else:
            found.append((path, command))
    return found


def _option(param: Any) -> str:
    names = ", ".join(f"`{n}`" for n in param.opts) if param.opts else f"`{param.name.upper()}`"
    default = param.default
    shown = "" if default in (None, False, (), []) or callable(default) else f" (default: `{default}`)"
    kind = "argument" if param.param_type_name == "argument" else "option"
    help_text = " ".join((getattr(param, "help", None) or "").split())
    return f"- {names} ({kind}){shown}: {help_text}".rstrip(": ")


def render() -> str:
    lines = ["# Command-line reference", "",
             "Generated from the commands themselves by `scripts/cli_reference.py`; do not edit.", ""]
    for path, command in _commands(typer.main.get_command(app)):
        lines += [f"## `{path}`", "", (command.help or "").strip(), ""]
        params = [p for p in command.params if p.name != "help"]
        lines += [_option(p) for p in params] + [""]
    return "\n".join(lines)


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} is out of date: run python scripts/cli_reference.py")
        print(f"{OUT} is current")
    else:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT}")
