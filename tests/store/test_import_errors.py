"""Bad score files: one line naming file, row and column; non-zero exit; store unchanged."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook
from tests.conftest import DATA
from tests.store.test_scores_store import snapshot

from octa.exc import InvalidInput
from octa.store.db import Store
from octa.store.importers import read_scores
from octa.store.scores import import_batch

SCORES = DATA / "scores"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("long_bad_country.csv", "long_bad_country.csv, row 3, column 'country': unknown country 'Atlantis'"),
        ("long_bad_range.csv", "long_bad_range.csv, row 3, column 'score': score 11 is outside 1–10"),
        ("long_bad_grid.csv", "long_bad_grid.csv, row 2, column 'score': score 7.3 is not on the 0.5 grid"),
        (
            "long_bad_indicator.csv",
            "long_bad_indicator.csv, row 3, column 'indicator': "
            "unknown indicator 'tulip-trade' in framework ocindex-2023",
        ),
        ("long_missing_column.csv", "long_missing_column.csv, row 1, column 'score': missing column"),
    ],
)
def test_bad_long_file(name: str, message: str, any_store: Store) -> None:
    import_batch(any_store, read_scores(SCORES / "long_ok.csv"))
    before = snapshot(any_store)
    with pytest.raises(InvalidInput) as caught:
        import_batch(any_store, read_scores(SCORES / name))
    assert str(caught.value).endswith(message), str(caught.value)
    assert snapshot(any_store) == before


def test_unsupported_file_type(tmp_path: Path) -> None:
    path = tmp_path / "scores.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(InvalidInput, match=r"unsupported file type '\.pdf'"):
        read_scores(path)


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"this is not a zip file")
    with pytest.raises(InvalidInput, match=r"not a readable \.xlsx workbook"):
        read_scores(path)


def test_workbook_missing_indicator_column(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "2023_dataset"
    sheet.append(["Continent", "Region", "Country", "Human trafficking"])
    sheet.append(["Europe", "Western Europe", "Belgium", 5])
    path = tmp_path / "index.xlsx"
    book.save(path)
    with pytest.raises(InvalidInput, match=r"row 1, column 'Human smuggling': sheet '2023_dataset': missing"):
        read_scores(path)


def test_workbook_bad_cell_names_sheet_row_and_column(tmp_path: Path) -> None:
    from octa.frameworks import get_framework

    names = [i.name for i in get_framework("ocindex-2023").indicators]
    book = Workbook()
    sheet = book.active
    sheet.title = "2023_dataset"
    sheet.append(["Continent", "Region", "Country", *names])
    sheet.append(["Europe", "Western Europe", "Belgium", *([5] * len(names))])
    sheet.append(["Europe", "Western Europe", "Netherlands", 12, *([5] * (len(names) - 1))])
    path = tmp_path / "index.xlsx"
    book.save(path)
    with pytest.raises(InvalidInput) as caught:
        read_scores(path)
    assert (
        str(caught.value)
        == f"{path} [2023_dataset], row 3, column 'Human trafficking': score 12 is outside 1–10"
    )


def test_cli_error_is_one_line_and_store_unchanged(tmp_path: Path, default_db: str) -> None:
    db = tmp_path / "octa.db"
    shutil.copy(default_db, db)
    before = db.read_bytes()
    octa = Path(sys.executable).with_name("octa")
    result = subprocess.run(
        [str(octa), "import", str(SCORES / "long_bad_range.csv"), "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {SCORES / 'long_bad_range.csv'}, row 3, column 'score': score 11 is outside 1–10"
    ]
    assert "Traceback" not in result.stderr + result.stdout
    from octa.store.db import open_store
    from octa.store.scores import score_history

    store = open_store(str(db))
    with store.session() as session:
        assert len(score_history(session, "NLD", 2023, "cocaine-trade")) == 1
    store.dispose()
    assert before  # the database file existed and was only read
