"""The score commands end to end, as a user runs them (`octa …` in a subprocess)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DATA

OCTA = str(Path(sys.executable).with_name("octa"))


def octa(*args: str, db: Path | str | None = None) -> subprocess.CompletedProcess[str]:
    command = [OCTA, *args] + (["--db", str(db)] if db else [])
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200", "HOME": str(Path.home())},
    )


@pytest.fixture
def db(db_copy: str) -> Path:
    return Path(db_copy)


def test_init_creates_database_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    first = octa("init", db=path)
    assert first.returncode == 0, first.stderr
    assert "17370 added" in first.stdout
    again = octa("init", "--if-needed", db=path)
    assert again.returncode == 0 and "already initialised" in again.stdout


def test_scores_csv_columns(db: Path) -> None:
    result = octa("scores", "--edition", "2023", "--country", "BE", "--format", "csv", db=db)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    assert rows[0]["criminality"] == "4.43" and rows[0]["criminality_rank"] == "129"
    assert rows[0]["resilience"] == "7.04" and rows[0]["cocaine-trade"] == "8"


def test_scores_csv_starts_with_the_documented_columns(db: Path) -> None:
    result = octa("scores", "--edition", "2025", "--format", "csv", db=db)
    header = result.stdout.splitlines()[0].split(",")
    assert header[:10] == [
        "iso3",
        "country",
        "edition",
        "criminality",
        "criminal_markets",
        "criminal_actors",
        "resilience",
        "criminality_rank",
        "resilience_rank",
        "quadrant",
    ]
    assert len(result.stdout.splitlines()) == 194


def test_rank_by_region_and_indicator(db: Path) -> None:
    result = octa(
        "rank", "--by", "cocaine-trade", "--region", "Western Europe", "-e", "2023", "-f", "json", db=db
    )
    rows = json.loads(result.stdout)
    assert rows[0]["rank"] == 1 and all(r["region"] == "Western Europe" for r in rows)


def test_profile_json(db: Path) -> None:
    result = octa("profile", "Belgium", "--edition", "2023", "--format", "json", db=db)
    data = json.loads(result.stdout)
    assert data["ranks"]["criminality"]["world"] == 129
    assert data["quadrant"] == "LC-HR"
    assert data["change"]["from"] == 2021
    assert data["strongest_markets"][0] == {"indicator": "cocaine-trade", "score": 8.0}


def test_compare_and_uncertainty(db: Path) -> None:
    compare = octa("compare", "BE", "NL", "FR", "-e", "2025", "-f", "csv", db=db)
    assert compare.stdout.splitlines()[0] == "measure,BEL,NLD,FRA"
    result = octa("uncertainty", "-e", "2023", "-c", "BE", "--draws", "300", "-f", "json", db=db)
    rows = json.loads(result.stdout)
    belgium = next(r for r in rows if r["target"] == "criminality")
    assert belgium["rank_low"] <= belgium["median_rank"] <= belgium["rank_high"]


def test_import_then_history(db: Path) -> None:
    result = octa("import", str(DATA / "scores" / "long_ok.csv"), db=db)
    assert result.returncode == 0, result.stderr
    history = octa("history", "BE", "-e", "2023", "--indicator", "cocaine-trade", "-f", "json", db=db)
    assert {r["assessor"] for r in json.loads(history.stdout)} == {"GI-TOC", "analyst-a"}


def test_user_framework_end_to_end(db: Path) -> None:
    scores_file = DATA / "scores" / "custom_scores.csv"
    framework_file = DATA / "scores" / "custom_framework.yaml"
    result = octa("import", str(scores_file), "--framework-file", str(framework_file), db=db)
    assert result.returncode == 0, result.stderr
    profile = json.loads(octa("profile", "BE", "-e", "2030", "-f", "json", db=db).stdout)
    # markets (8*2 + 5) / 3 = 7; criminality (2*7 + 6) / 3 = 6.67; high against threshold 6
    assert profile["aggregates"]["criminal-markets"] == 7.0
    assert profile["aggregates"]["criminality"] == 6.67
    assert profile["quadrant"] == "HC-HR"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("profile", "Atlantis"), "Error: unknown country 'Atlantis'"),
        (("rank", "--by", "tulips"), "Error: unknown measure 'tulips' for edition 2025"),
        (("scores", "--edition", "1999"), "Error: unknown edition 1999 (stored: 2021, 2023, 2025)"),
        (("import", "/nonexistent.csv"), "Error: /nonexistent.csv: file not found"),
        (("rank", "--region", "Atlantis"), "Error: unknown region 'Atlantis'"),
    ],
)
def test_errors_are_one_line(db: Path, args: tuple[str, ...], message: str) -> None:
    result = octa(*args, db=db)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.stderr


def test_reading_an_empty_database_says_init(tmp_path: Path) -> None:
    result = octa("profile", "BE", db=tmp_path / "empty.db")
    assert result.returncode == 1
    assert "run `octa init` first" in result.stderr


def test_every_command_has_help_with_an_example() -> None:
    import typer.main

    from octa.cli import app

    def leaves(group: Any, prefix: str) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name, command in group.commands.items():
            if hasattr(command, "commands"):  # a command group (typer vendors its own click)
                found.update(leaves(command, f"{prefix}{name} "))
            else:
                found[prefix + name] = command
        return found

    commands = leaves(typer.main.get_command(app), "")  # type: ignore[arg-type]
    missing = sorted(name for name, command in commands.items() if "Example" not in (command.help or ""))
    assert not missing, missing


def test_several_assessors_combine_and_agreement(db: Path) -> None:
    result = octa("import", str(DATA / "scores" / "three_assessors.csv"), db=db)
    assert result.returncode == 0, result.stderr
    mean = json.loads(octa("profile", "BE", "-f", "json", db=db).stdout)
    median = json.loads(octa("profile", "BE", "-f", "json", "--combine", "median", db=db).stdout)
    # GI-TOC 8, a 8, b 8.5, c 3: the mean is pulled down by the outlier, the median is not
    assert mean["indicators"]["cocaine-trade"] == 6.875
    assert median["indicators"]["cocaine-trade"] == 8.0
    rows = json.loads(octa("agreement", "-f", "json", db=db).stdout)
    assert [r["indicator"] for r in rows] == ["cocaine-trade"]
    assert rows[0]["countries"] == 4 and rows[0]["alpha"] < 0.5
    assert "c" in rows[0]["flagged_assessors"].split(", ")


def test_unusable_paths_and_databases_are_one_line(tmp_path: Path, db: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir"
    export = octa("export", str(missing / "scores.csv"), db=db)
    assert export.returncode == 1
    assert export.stderr.strip() == f"Error: {missing / 'scores.csv'}: No such file or directory"
    profile = octa("profile", "BE", db=missing / "octa.db")
    assert profile.returncode == 1
    assert profile.stderr.strip() == "Error: cannot open database: unable to open database file"
    refused = octa("scores", db="postgresql://nobody:x@127.0.0.1:1/none")
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1
    assert refused.stderr.startswith("Error: cannot open database:")
