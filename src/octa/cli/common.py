"""Pieces every command shares: the database option, opening the store, printing rows."""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session

from octa.exc import NotFound
from octa.settings import Settings
from octa.store.db import Store, open_store

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="OCTA_DB", help="SQLite file or database URL (default ./octa.db)."),
]
console = Console()
err_console = Console(stderr=True)


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class Combine(StrEnum):
    mean = "mean"
    median = "median"
    trimmed = "trimmed"


CombineOption = Annotated[Combine, typer.Option("--combine", help="How several assessors' scores combine.")]
#: Columns of free text that wrap and take the width left by the others in a terminal table.
WIDE_COLUMNS = frozenset({"sentence", "definition", "notes", "detail"})
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def settings(db: str | None) -> Settings:
    return Settings.from_env(db=db)


def store_for(db: str | None, *, must_exist: bool = True) -> Store:
    """Open (and migrate) the store; reading commands refuse a database that was never set up."""
    config = settings(db)
    store = open_store(config.db)
    if must_exist:
        with store.session() as session:
            from octa.store.scores import editions

            if not editions(session):
                raise NotFound(f"database {config.db} holds no scores: run `octa init` first")
    return store


@contextmanager
def session_for(db: str | None) -> Iterator[Session]:
    store = store_for(db)
    try:
        with store.session() as session:
            yield session
    finally:
        store.dispose()


def _cell(value: Any, table: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        # on screen, published figures keep their two decimals (7.30, not 7.3)
        return f"{value:.2f}" if table and not value.is_integer() else f"{value:g}"
    return str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(_jsonable(data), ensure_ascii=False, indent=2) + "\n")


def print_rows(
    rows: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
) -> None:
    """Rows as a Rich table, CSV or JSON; every command prints through here."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is OutputFormat.json:
        print_json([{c: row.get(c) for c in columns} for row in rows])
    elif fmt is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(row.get(c)) for c in columns] for row in rows)
        sys.stdout.write(buffer.getvalue())
    else:
        has_wide = any(c in WIDE_COLUMNS for c in columns)
        table = Table(title=title, expand=has_wide)
        for column in columns:
            if column in WIDE_COLUMNS:  # long text gets the room, the rest stays on one line
                table.add_column(column, ratio=1, min_width=30)
            else:
                justify = "right" if _numeric(rows, column) else "left"
                width = 16 if has_wide else 40
                table.add_column(column, justify=justify, no_wrap=True, overflow="ellipsis", max_width=width)
        for row in rows:
            table.add_row(*(_cell(row.get(c), table=True) for c in columns))
        console.print(table)


def _numeric(rows: Sequence[dict[str, Any]], column: str) -> bool:
    return any(isinstance(row.get(column), int | float) for row in rows)
