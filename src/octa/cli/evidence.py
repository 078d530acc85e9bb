"""Evidence commands: ingest, evidence, documents, graph.

Example:
    octa ingest reports/ --country BE --source "Federal police" --grade B2 && octa evidence BE
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from octa.cli.common import DbOption, FormatOption, OutputFormat, console, err_console, print_rows, store_for
from octa.exc import InvalidInput
from octa.settings import Settings

EVIDENCE_COLUMNS = ("id", "family", "indicator_id", "polarity", "actor", "target", "sentence", "title",
                    "source", "date", "grade", "confidence", "modality", "status")
TABLE_COLUMNS = ["grade", "indicator_id", "polarity", "sentence", "source", "date"]
DOCUMENT_COLUMNS = ("id", "title", "source", "date", "grade", "iso3", "language", "evidence", "path")


def register(app: typer.Typer) -> None:
    for command in (ingest, evidence, documents, graph):
        app.command(command.__name__)(command)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    country: Annotated[str | None, typer.Option(help="Subject country of every document.")] = None,
    source: Annotated[str | None, typer.Option(help="Source name, e.g. 'Federal police'.")] = None,
    grade: Annotated[str | None, typer.Option(help="Admiralty grade, e.g. B2 (default F6).")] = None,
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    url: Annotated[str | None, typer.Option(help="Where the documents come from.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes.")] = 1,
    max_bytes: Annotated[int | None, typer.Option(help="Largest file accepted, in bytes.")] = None,
    db: DbOption = None,
) -> None:
    """Ingest .txt, .md, .html, .pdf, .docx and .jsonl files with their evidence; re-runs add only new ones.

    Example: octa ingest reports/ --country BE --source "Federal police" --grade B2
    """
    from octa.ingest.pipeline import IngestOptions, total_bytes
    from octa.ingest.pipeline import ingest as run_ingest

    limit = max_bytes or Settings.from_env(db=db).max_document_bytes
    options = IngestOptions(country=country, source=source, grade=grade, date=date, url=url,
                            workers=workers, max_bytes=limit)
    options.defaults()  # validate options before touching the database
    total = total_bytes(paths)  # a missing path fails here, before a progress bar is drawn
    store = store_for(db, must_exist=False)
    try:
        with _progress() as progress:
            task = progress.add_task("ingesting", total=total)

            def advance(size: int, message: str | None) -> None:
                if message:
                    _say(progress.console, f"skipped: {message}")
                progress.advance(task, size)

            summary = run_ingest(store, paths, options, progress=advance)
    finally:
        store.dispose()
    _say(console, summary.line())
    if not summary.ok:
        raise InvalidInput(f"nothing could be ingested: all {summary.failed} inputs failed")


def _say(where: Console, text: str) -> None:
    """Print as is: no markup, no highlighting, and one line however narrow the terminal."""
    where.print(text, markup=False, highlight=False, soft_wrap=True)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                    console=err_console, transient=True)


def evidence(
    country: Annotated[str, typer.Argument(help="Country name or ISO code.")],
    indicator: Annotated[str | None, typer.Option(help="Indicator id, e.g. cocaine-trade.")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Full-text search in the sentences.")] = None,
    grade_min: Annotated[str | None, typer.Option(help="Minimum source grade, e.g. B3.")] = None,
    status: Annotated[str | None, typer.Option(help="pending, accepted or rejected.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many items.")] = 100,
    profile: Annotated[bool, typer.Option("--profile", help="Per-indicator summary, not items.")] = False,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Evidence items for a country with their sentence, document, source, date and grade.

    Example: octa evidence BE --indicator cocaine-trade --grade-min B3 --q port
    """
    from octa.store.evidence import evidence_items, evidence_profile

    store = store_for(db, must_exist=False)
    try:
        with store.session() as session:
            if profile:
                rows = evidence_profile(session, country)
                print_rows(rows, fmt, title=f"Evidence profile: {country}")
                return
            rows = evidence_items(session, country, indicator=indicator, q=q, grade_min=grade_min,
                                  status=status, limit=limit)
    finally:
        store.dispose()
    if fmt is OutputFormat.table:
        rows = [{**row, "id": row["id"][:10]} for row in rows]
    columns = TABLE_COLUMNS if fmt is OutputFormat.table else EVIDENCE_COLUMNS
    print_rows(rows, fmt, title=f"Evidence: {country}", columns=columns)


def documents(
    country: Annotated[str | None, typer.Argument(help="Country name or ISO code (default: all).")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Words in the title.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="How many documents.")] = 100,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Ingested documents with their grade and how much evidence each gave.

    Example: octa documents BE --format csv
    """
    from octa.store.evidence import documents as list_documents

    store = store_for(db, must_exist=False)
    try:
        with store.session() as session:
            rows = list_documents(session, country, q=q, limit=limit)
    finally:
        store.dispose()
    print_rows(rows, fmt, title="Documents", columns=DOCUMENT_COLUMNS)


class GraphFormat(StrEnum):
    table = "table"
    json = "json"
    graphml = "graphml"
    ftm = "ftm"


def graph(
    country: Annotated[str, typer.Argument(help="Country name or ISO code.")],
    fmt: Annotated[GraphFormat, typer.Option("--format", "-f", help="Output format.")] = GraphFormat.table,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file, not stdout.")] = None,
    db: DbOption = None,
) -> None:
    """The actor graph of a country: groups, markets and countries, each edge backed by evidence.

    Example: octa graph BE --format graphml --out be.graphml
    """
    from octa.store.actor_graph import actor_graph, render

    store = store_for(db, must_exist=False)
    try:
        with store.session() as session:
            built = actor_graph(session, country)
    finally:
        store.dispose()
    if fmt is GraphFormat.table and out is None:
        print_rows(built.edge_rows(), OutputFormat.table, title=f"Actor graph: {country}")
        return
    text = render(built, fmt.value)
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"{out}: {len(built.nodes)} nodes, {len(built.edges)} edges", markup=False)
