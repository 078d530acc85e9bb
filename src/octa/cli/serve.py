"""`octa serve`: the web workbench and REST API (FastAPI on uvicorn).

Examples:
    octa serve                      # http://127.0.0.1:8000
    octa serve --get /api/v1/countries/BE   # render one page or endpoint to stdout, no server
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from octa.cli.common import DbOption, settings
from octa.exc import InvalidInput, NotFound


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    get: Annotated[
        str | None, typer.Option("--get", help="Render one path to stdout and exit (smoke test).")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=32, help="Worker processes.")] = 1,
    db: DbOption = None,
) -> None:
    """Start the web workbench and REST API; `--get PATH` prints one response instead.

    Example: octa serve --port 8080
    """
    config = settings(db)
    if get is not None:
        raise SystemExit(_get(config, get))
    import uvicorn

    from octa.api.app import create_app

    app = create_app(config)
    _check_loaded(app)
    _warm_in_background(app)
    print(f"octa is serving on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", flush=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # Several processes need an import string; each builds its app from the same settings.
    app.state.octa.close()
    os.environ["OCTA_DB"] = config.db
    uvicorn.run(
        "octa.api.app:create_app", factory=True, host=host, port=port, workers=workers, log_level="warning"
    )


def _warm_in_background(app: object) -> None:
    """Compute the newest edition's rank intervals while the server starts (about a second)."""
    import threading

    from octa.api.countries import rank_intervals

    context = app.state.octa  # type: ignore[attr-defined]

    def warm() -> None:
        with context.session() as session:
            rank_intervals(context, session, context.assessor(session).latest())

    threading.Thread(target=warm, name="octa-warm", daemon=True).start()


def _check_loaded(app: object) -> None:
    context = app.state.octa  # type: ignore[attr-defined]
    with context.session() as session:
        if not context.editions(session):
            raise NotFound(f"database {context.settings.db} holds no scores: run `octa init` first")


def _get(config: object, path: str) -> int:
    """In-process request through the whole app; exit status 0 for 2xx/3xx, 1 otherwise."""
    if not path.startswith("/"):
        raise InvalidInput(f"--get takes a path starting with '/', not {path!r}")
    import warnings

    warnings.filterwarnings("ignore", message=".*httpx.*")  # starlette's TestClient nags about httpx2
    from fastapi.testclient import TestClient

    from octa.api.app import create_app

    with TestClient(create_app(config), raise_server_exceptions=False) as client:  # type: ignore[arg-type]
        response = client.get(path, headers={"accept": "text/html,application/json"}, follow_redirects=True)
    sys.stdout.write(response.text if response.text.endswith("\n") else response.text + "\n")
    if response.status_code >= 400:
        print(f"HTTP {response.status_code}", file=sys.stderr)
        return 1
    return 0
