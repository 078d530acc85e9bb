"""`octa report`: country, region and comparison reports written to files or stdout."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from octa.cli import app

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output + (str(result.exception) if result.exception else "")


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_country_report_file(fmt: str, db_copy: str, tmp_path: Path) -> None:
    out = tmp_path / f"be.{fmt}"
    code, output = _run("report", "BE", "--edition", "2023", "--out", str(out), "--db", db_copy)
    assert code == 0, output
    text = out.read_text(encoding="utf-8")
    assert "Belgium" in text and "4.43" in text and "7.04" in text


def test_pdf_from_out_suffix(db_copy: str, tmp_path: Path) -> None:
    out = tmp_path / "be.pdf"
    code, output = _run("report", "Belgium", "-e", "2023", "-o", str(out), "--db", db_copy)
    assert code == 0, output
    assert out.read_bytes().startswith(b"%PDF")


def test_region_and_compare(db_copy: str, tmp_path: Path) -> None:
    region, compare = tmp_path / "we.md", tmp_path / "cmp.html"
    code, output = _run(
        "report", "--region", "western europe", "-e", "2023", "-o", str(region), "--db", db_copy
    )
    assert code == 0, output
    text = region.read_text(encoding="utf-8")
    assert "Western Europe" in text and "Belgium" in text and "Liechtenstein" in text
    code, output = _run(
        "report", "--compare", "BE", "NL", "FR", "-e", "2023", "-o", str(compare), "--db", db_copy
    )
    assert code == 0, output
    html = compare.read_text(encoding="utf-8")
    assert "Netherlands" in html and "France" in html and "Indicators side by side" in html


def test_stdout(db_copy: str) -> None:
    code, output = _run("report", "NL", "-f", "md", "-o", "-", "--db", db_copy)
    assert code == 0, output
    assert output.startswith("# Netherlands")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report"], "give one country"),
        (["report", "BE", "NL"], "give one country"),
        (["report", "--compare", "BE"], "at least two"),
        (["report", "--region", "Atlantis"], "no region 'Atlantis'"),
        (["report", "Atlantis"], "unknown country"),
        (["report", "BE", "--edition", "1999"], "1999"),
    ],
)
def test_errors(args: list[str], message: str, db_copy: str) -> None:
    code, output = _run(*args, "--db", db_copy)
    assert code != 0
    assert message in output, output
