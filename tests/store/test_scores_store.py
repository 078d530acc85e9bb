"""The score store on SQLite and PostgreSQL: imports, idempotence, versions, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests.conftest import DATA

from octa.assessment import Assessor
from octa.exc import InvalidInput
from octa.store.db import Store
from octa.store.embedded import read_embedded
from octa.store.exporters import export_scores
from octa.store.importers import read_scores
from octa.store.models import ScoreRow
from octa.store.scores import import_batch, score_history

SCORES = DATA / "scores"


def count_scores(store: Store, current_only: bool = False) -> int:
    with store.session() as session:
        query = select(func.count()).select_from(ScoreRow)
        if current_only:
            query = query.where(ScoreRow.is_current.is_(True))
        return session.scalar(query) or 0


def snapshot(store: Store) -> list[tuple]:
    with store.session() as session:
        rows = session.execute(
            select(
                ScoreRow.iso3,
                ScoreRow.edition,
                ScoreRow.indicator_id,
                ScoreRow.assessor,
                ScoreRow.version,
                ScoreRow.value,
                ScoreRow.is_current,
            ).order_by(ScoreRow.id)
        ).all()
    return [tuple(r) for r in rows]


def test_embedded_default_loads_and_reproduces_belgium(any_store: Store) -> None:
    summary = import_batch(any_store, read_embedded())
    assert summary.added == 193 * 26 + 2 * 193 * 32
    with any_store.session() as session:
        assessor = Assessor(session)
        ranks = [assessor.edition(y).row("BEL")["ranks"]["criminality"]["world"] for y in (2021, 2023, 2025)]
        assert ranks == [127, 129, 114]
        assert assessor.edition(2023).row("BEL")["aggregates"]["criminality"] == 4.43


def test_import_is_idempotent(any_store: Store) -> None:
    batch = read_scores(SCORES / "long_ok.csv", framework_id="ocindex-2023", edition=2023)
    first = import_batch(any_store, batch)
    before = snapshot(any_store)
    second = import_batch(any_store, read_scores(SCORES / "long_ok.csv"))
    assert (first.added, second.added, second.changed, second.unchanged) == (6, 0, 0, 6)
    assert snapshot(any_store) == before


def test_changed_score_is_a_new_version_with_history(any_store: Store, tmp_path: Path) -> None:
    import_batch(any_store, read_scores(SCORES / "long_ok.csv"))
    edited = tmp_path / "edit.csv"
    edited.write_text(
        "country,edition,indicator,score,assessor\nBelgium,2023,cocaine-trade,8.5,analyst-a\n",
        encoding="utf-8",
    )
    summary = import_batch(any_store, read_scores(edited))
    assert (summary.changed, summary.added) == (1, 0)
    with any_store.session() as session:
        history = score_history(session, "BEL", 2023, "cocaine-trade")
    assert [(h["version"], h["value"], h["current"]) for h in history] == [(1, 8.0, False), (2, 8.5, True)]
    assert history[1]["file"] == str(edited) and history[1]["row"] == 2
    assert count_scores(any_store) == 7 and count_scores(any_store, current_only=True) == 6


def test_several_assessors_are_kept_apart(any_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text(
        "country,edition,indicator,score,assessor\nBE,2023,cocaine-trade,8,a\nBE,2023,cocaine-trade,6,b\n",
        encoding="utf-8",
    )
    import_batch(any_store, read_scores(path))
    assert count_scores(any_store, current_only=True) == 2


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl", ".xlsx"])
def test_export_round_trip(any_store: Store, tmp_path: Path, suffix: str) -> None:
    import_batch(any_store, read_scores(SCORES / "long_ok.csv"))
    out = tmp_path / f"scores{suffix}"
    with any_store.session() as session:
        written = export_scores(session, out)
    assert written == 6
    again = read_scores(out)
    assert sorted((r.iso3, r.indicator_id, r.value, r.assessor) for r in again.scores) == sorted(
        (r.iso3, r.indicator_id, r.value, r.assessor) for r in read_scores(SCORES / "long_ok.csv").scores
    )


def test_index_workbook_export_reads_back(fresh_store: Store, tmp_path: Path) -> None:
    import_batch(fresh_store, read_embedded())
    out = tmp_path / "global_oc_index.xlsx"
    with fresh_store.session() as session:
        export_scores(session, out, workbook=True)
    batch = read_scores(out)
    assert sorted(batch.frameworks) == [2021, 2023, 2025]
    assert len(batch.scores) == 193 * 26 + 2 * 193 * 32
    assert batch.published[("BEL", 2023, "criminality")] == 4.43


def test_failed_import_leaves_store_unchanged(any_store: Store) -> None:
    import_batch(any_store, read_scores(SCORES / "long_ok.csv"))
    before = snapshot(any_store)
    with pytest.raises(InvalidInput):
        import_batch(any_store, read_scores(SCORES / "long_bad_range.csv"))
    assert snapshot(any_store) == before


def test_failure_inside_the_write_rolls_back(any_store: Store, tmp_path: Path) -> None:
    """A duplicate key found only while writing still aborts the whole file."""
    import_batch(any_store, read_scores(SCORES / "long_ok.csv"))
    before = snapshot(any_store)
    path = tmp_path / "dup.csv"
    path.write_text(
        "country,edition,indicator,score\nNL,2023,cocaine-trade,8\nNL,2023,cocaine-trade,7\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput, match="duplicate score"):
        import_batch(any_store, read_scores(path))
    assert snapshot(any_store) == before


def test_official_workbooks_import(fresh_store: Store) -> None:
    from tests.conftest import shared_path

    combined = import_batch(fresh_store, read_scores(shared_path("data/ocindex/global_oc_index.xlsx")))
    original = import_batch(
        fresh_store, read_scores(shared_path("data/ocindex/global_oc_index_2021_original.xlsx"))
    )
    assert combined.added == 193 * 26 + 2 * 193 * 32
    assert (original.added, original.changed, original.unchanged) == (0, 0, 193 * 26)
