"""Run the extractor over JSON Lines records: in process, on a process pool, or on Dask."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from octa.exc import InvalidInput
from octa.extract.engine import extract
from octa.extract.record import to_gold_record

Progress = Callable[[int], None]
BATCH = 64


def read_jsonl(path: str | Path, *, need_text: bool = True) -> list[dict[str, Any]]:
    """The records of a JSON Lines file; each needs an `id` and (by default) a `text`."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read file: {exc}", file=str(path)) from None
    records = []
    for row, line in enumerate(lines, 1):
        if line.strip():
            records.append(_record(line, path, row, need_text))
    return records


def _record(line: str, path: Path, row: int, need_text: bool) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"not JSON: {exc.msg}", file=str(path), row=row) from None
    if not isinstance(record, dict):
        raise InvalidInput("a record must be a JSON object", file=str(path), row=row)
    if need_text and not isinstance(record.get("text"), str):
        raise InvalidInput("missing 'text'", file=str(path), row=row, column="text")
    if "id" not in record:
        raise InvalidInput("missing 'id'", file=str(path), row=row, column="id")
    return record


def write_jsonl(path: str | Path, records: list[dict[str, Any]]) -> None:
    """Write `records` as JSON Lines."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def predict(record: dict[str, Any], withhold_subject: bool = False) -> dict[str, Any]:
    """The gold-format prediction for one `{id, text, subject?}` record."""
    subject = None if withhold_subject else record.get("subject") or None
    return to_gold_record(str(record["id"]), extract(record["text"], subject))


def predict_batch(records: list[dict[str, Any]], withhold_subject: bool = False) -> list[dict]:
    """Predictions for a batch of records (the unit of work sent to pool or cluster)."""
    return [predict(r, withhold_subject) for r in records]


def _batches(records: list[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict]]:
    for i in range(0, len(records), size):
        yield records[i : i + size]


def predict_all(
    records: list[dict[str, Any]],
    *,
    workers: int = 1,
    dask: str | None = None,
    withhold_subject: bool = False,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Predictions for every record, in input order; `progress(n)` after each n done."""
    tick = progress or (lambda n: None)
    if dask:
        return run_dask(records, dask, workers=workers, withhold_subject=withhold_subject,
                        progress=tick)
    if workers > 1:
        return _run_pool(records, workers, withhold_subject, tick)
    out: list[dict[str, Any]] = []
    for batch in _batches(records):
        out.extend(predict_batch(batch, withhold_subject))
        tick(len(batch))
    return out


def _run_pool(records, workers: int, withhold_subject: bool, tick: Progress) -> list[dict]:
    from functools import partial
    from multiprocessing import get_context

    out: list[dict[str, Any]] = []
    work = partial(predict_batch, withhold_subject=withhold_subject)
    with get_context("spawn").Pool(workers) as pool:
        for done in pool.imap(work, _batches(records)):
            out.extend(done)
            tick(len(done))
    return out


def run_dask(
    records: list[dict[str, Any]],
    address: str,
    *,
    workers: int = 1,
    withhold_subject: bool = False,
    progress: Progress | None = None,
    processes: bool = True,
) -> list[dict[str, Any]]:
    """Run on a Dask cluster at `address`, or on a fresh LocalCluster when it is "local"."""
    from dask.distributed import Client, LocalCluster, as_completed

    tick = progress or (lambda n: None)
    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                               processes=processes, dashboard_address=None)
    try:
        with Client(cluster or address) as client:
            batches = list(_batches(records))
            futures = client.map(predict_batch, batches, withhold_subject=withhold_subject,
                                 pure=False)
            index = {f.key: i for i, f in enumerate(futures)}
            results: list[list[dict]] = [[] for _ in batches]
            for future in as_completed(futures):
                results[index[future.key]] = future.result()
                tick(len(results[index[future.key]]))
    finally:
        if cluster is not None:
            cluster.close()
    return [r for batch in results for r in batch]
