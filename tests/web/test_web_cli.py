"""`octa serve --get PATH`: one page or endpoint rendered in-process to stdout (a smoke test)."""

from __future__ import annotations

import json
import subprocess
import sys

OCTA = [sys.executable, "-c", "from octa.cli import main; main()"]


def serve_get(db: str, path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*OCTA, "serve", "--db", db, "--get", path], capture_output=True, text=True, timeout=120, check=False
    )


def test_get_json_and_page(db_copy: str) -> None:
    result = serve_get(db_copy, "/api/v1/countries/BE")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["iso3"] == "BEL"
    page = serve_get(db_copy, "/")
    assert page.returncode == 0 and "<svg" in page.stdout and "world-map" in page.stdout


def test_get_error_exits_1_with_problem(db_copy: str) -> None:
    result = serve_get(db_copy, "/api/v1/countries/ZZ")
    assert result.returncode == 1
    assert json.loads(result.stdout)["status"] == 404
    assert "Traceback" not in result.stderr
