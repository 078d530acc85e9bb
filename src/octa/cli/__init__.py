"""octa's command line: thin Typer commands that parse, call the library and print.

Each command family lives in its own module and is registered here; every `OctaError` becomes
one `Error: …` line on stderr and exit code 1.
"""

from __future__ import annotations

import os
import sys

import typer

from octa.exc import OctaError

app = typer.Typer(
    name="octa",
    help="Organised-crime threat assessment: scores, evidence, networks and reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    """Attach every command module; each exposes `register(app)`."""
    from importlib import import_module

    for name in ("scores", "frameworks", "uncertainty", "extract", "evidence", "network", "report", "serve"):
        try:
            module = import_module(f"octa.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"octa.cli.{name}":
                continue  # that command family has not been built yet
            raise
        module.register(app)


_register()


def main() -> None:
    """Entry point: run the app and turn octa errors into one line and exit code 1."""
    try:
        app(standalone_mode=False)
    except OctaError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    except typer.Abort:
        print("Aborted.", file=sys.stderr)
        raise SystemExit(1) from None
    except SystemExit:
        raise
    except OSError as exc:  # a path that cannot be read or written: name it, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"Error: {where}{exc.strerror or exc}", file=sys.stderr)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        raise SystemExit(130) from None
    except Exception as exc:
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # click usage errors
            exc.show()
            raise SystemExit(exc.exit_code) from None
        if os.environ.get("OCTA_DEBUG"):
            raise
        # An unexpected failure is still one line; OCTA_DEBUG=1 shows the traceback.
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        print(f"Error: unexpected {exc.__class__.__name__}: {detail}", file=sys.stderr)
        raise SystemExit(1) from None
