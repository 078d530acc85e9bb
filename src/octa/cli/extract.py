"""`octa extract-jsonl` and `octa evaluate`: the evidence extractor from the command line."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from octa.exc import InvalidInput


def register(app: typer.Typer) -> None:
    """Add the extraction commands to the main app."""
    app.command("extract-jsonl")(extract_jsonl)
    app.command("evaluate")(evaluate)


def _progress(total: int, console: Console):
    progress = Progress("[progress.description]{task.description}", BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                        transient=True, disable=not console.is_terminal)
    return progress, progress.add_task("extracting", total=total)


def _run(records, *, workers: int, dask: str | None, withhold: bool) -> list[dict]:
    from octa.extract.batch import predict_all

    console = Console(stderr=True)
    progress, task = _progress(len(records), console)
    with progress:
        return predict_all(records, workers=workers, dask=dask, withhold_subject=withhold,
                           progress=lambda n: progress.advance(task, n))


def extract_jsonl(
    infile: Path = typer.Argument(..., help="JSON Lines of {id, text, subject?} records."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write predictions (JSONL)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    dask: str | None = typer.Option(None, "--dask", help="Dask scheduler address or 'local'."),
) -> None:
    """Extract evidence from every record; one gold-format prediction per record.

    Example: octa extract-jsonl docs.jsonl --out predictions.jsonl --workers 2
    """
    from octa.extract.batch import read_jsonl, write_jsonl

    records = read_jsonl(infile)
    predictions = _run(records, workers=workers, dask=dask, withhold=False)
    write_jsonl(out, predictions)
    typer.echo(f"{len(predictions)} predictions written to {out}")


def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSON Lines (with text, see GUIDELINES)."),
    pred: Path | None = typer.Option(None, "--pred", help="Score these predictions instead."),
    withhold_subject: bool = typer.Option(
        False, "--withhold-subject", help="Detect subjects instead of reading them from GOLD."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
) -> None:
    """Score the extractor (or PRED) against GOLD: P/R/F1 per family and subject accuracy.

    Example: octa evaluate ../shared/eval/dev.jsonl --withhold-subject
    """
    from octa.extract.batch import read_jsonl
    from octa.extract.evaluate import format_table, score, subject_accuracy

    gold_records = read_jsonl(gold, need_text=pred is None)
    if pred is not None:
        predicted = read_jsonl(pred, need_text=False)
    else:
        predicted = _run(gold_records, workers=workers, dask=None, withhold=withhold_subject)
    gold_by_id = {str(r["id"]): r for r in gold_records}
    pred_by_id = {str(r["id"]): r for r in predicted}
    if not gold_by_id:
        raise InvalidInput("no records", file=str(gold))
    typer.echo(format_table(score(gold_by_id, pred_by_id)))
    typer.echo(f"subject accuracy: {subject_accuracy(gold_by_id, pred_by_id):.3f}")
