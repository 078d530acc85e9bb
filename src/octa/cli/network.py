"""`octa network …`: import a criminal network, compute metrics, simulate disruption.

Examples:
    octa network import montagna_meetings.csv --merge sum
    octa network metrics LONDON_GANG.csv --attributes LONDON_GANG_ATTR.csv --group-attribute Birthplace
    octa network attack terrorists.net --strategy degree --strategy betweenness --steps 10 \
        --format png --out attack.png
"""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from octa.cli.common import DbOption, FormatOption, OutputFormat, print_rows, store_for
from octa.exc import InvalidInput
from octa.network.model import Network

network_app = typer.Typer(help="Person-level criminal network analysis.", no_args_is_help=True)
_out = Console()
_err = Console(stderr=True)


class InputFormat(StrEnum):
    edgelist = "edgelist"
    matrix = "matrix"
    twomode = "twomode"
    pajek = "pajek"
    graphml = "graphml"
    json = "json"


class Merge(StrEnum):
    sum = "sum"
    max = "max"
    last = "last"


class Weighted(StrEnum):
    distance = "distance"
    inverse = "inverse"


class Project(StrEnum):
    rows = "rows"
    columns = "columns"


FileArg = Annotated[
    Path,
    typer.Argument(
        help="Network file (edge list, matrix, two-mode, Pajek, GraphML, or JSON saved by `import --out`),"
        " or db:NAME for a network stored with `import --save`."
    ),
]
FormatOpt = Annotated[
    InputFormat | None,
    typer.Option("--input-format", "-i", help="Input format; detected from the file when omitted."),
]
MergeOpt = Annotated[
    Merge,
    typer.Option(help="Weight of a repeated (undirected: u-v and v-u) tie: sum, max or last occurrence."),
]
DirectedOpt = Annotated[
    bool | None,
    typer.Option("--directed/--undirected", help="Force direction; default: what the file says or implies."),
]
AttributesOpt = Annotated[Path | None, typer.Option(help="CSV of node attributes (id first).")]
AttrIdOpt = Annotated[str | None, typer.Option(help="Id column of the attributes file.")]
LabelsOpt = Annotated[Path | None, typer.Option(help="'id name' file renaming nodes (Pajek).")]
PrefixOpt = Annotated[str | None, typer.Option(help="Prefix added to every node label (e.g. N).")]
SourceOpt = Annotated[str | None, typer.Option(help="Source column of a relation table.")]
TargetOpt = Annotated[str | None, typer.Option(help="Target column of a relation table.")]
WeightOpt = Annotated[
    str | None, typer.Option(help="Weight column (relation table) or GraphML key; a blank cell means no tie.")
]
ProjectOpt = Annotated[Project, typer.Option(help="Two-mode: keep the row or the column mode.")]


#: A FILE argument of this form names a network stored in the database instead of a file.
STORED_PREFIX = "db:"


def _stored(name: str, db: str | None) -> Network:
    from octa.store.networks import find_network, load_network

    store = store_for(db, must_exist=False)
    try:
        with store.session() as session:
            return load_network(session, find_network(session, name))[1]
    finally:
        store.dispose()


def register(app: typer.Typer) -> None:
    """Attach `octa network` to the main app."""
    app.add_typer(network_app, name="network")


def _load(
    file: Path,
    input_format: InputFormat | None,
    merge: Merge,
    directed: bool | None,
    attributes: Path | None,
    attribute_id_column: str | None,
    labels: Path | None,
    label_prefix: str | None,
    source_column: str | None,
    target_column: str | None,
    weight_column: str | None,
    project: Project,
    db: str | None = None,
) -> Network:
    from octa.network.io import read_network

    if str(file).startswith(STORED_PREFIX):
        return _stored(str(file).removeprefix(STORED_PREFIX), db)
    return read_network(
        file,
        input_format=input_format.value if input_format else None,
        merge=merge.value,
        directed=directed,
        attributes=attributes,
        attribute_id_column=attribute_id_column,
        labels=labels,
        label_prefix=label_prefix,
        source_column=source_column,
        target_column=target_column,
        weight_column=weight_column,
        project=project.value,
    )


@network_app.command("import")
def import_(
    file: FileArg,
    input_format: FormatOpt = None,
    merge: MergeOpt = Merge.last,
    directed: DirectedOpt = None,
    attributes: AttributesOpt = None,
    attribute_id_column: AttrIdOpt = None,
    labels: LabelsOpt = None,
    label_prefix: PrefixOpt = None,
    source_column: SourceOpt = None,
    target_column: TargetOpt = None,
    weight_column: WeightOpt = None,
    project: ProjectOpt = Project.rows,
    out: Annotated[Path | None, typer.Option(help="Save the network as JSON records.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    save: Annotated[str | None, typer.Option(help="Store the network in the database by this name.")] = None,
    country: Annotated[str | None, typer.Option(help="Country the stored network belongs to.")] = None,
    market: Annotated[list[str] | None, typer.Option(help="Market id of the network (repeatable).")] = None,
    notes: Annotated[str | None, typer.Option(help="Notes kept with the stored network.")] = None,
    db: DbOption = None,
) -> None:
    """Read a network file and report what was loaded (nodes, ties, merges, attributes).

    Example: octa network import Montagna_meetings_edgelist.csv --merge max --save montagna --country IT
    """
    from octa.network.io import describe, write_json

    net = _load(
        file,
        input_format,
        merge,
        directed,
        attributes,
        attribute_id_column,
        labels,
        label_prefix,
        source_column,
        target_column,
        weight_column,
        project,
    )
    if out is not None:
        write_json(net, out)
    summary = describe(net)
    if save is not None:
        summary["stored_as"] = _save(net, save, country, market or [], notes, db)
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
        return
    _print_pairs(summary, title=file.name)


def _save(
    net: Network, name: str, country: str | None, markets: list[str], notes: str | None, db: str | None
) -> int:
    from octa.countries import get_country
    from octa.store.networks import save_network

    iso3 = get_country(country).iso3 if country else None
    store = store_for(db, must_exist=False)
    try:
        with store.session() as session:
            return save_network(session, net, name, iso3=iso3, notes=notes, markets=markets)
    finally:
        store.dispose()


@network_app.command("list")
def list_stored(fmt: FormatOption = OutputFormat.table, db: DbOption = None) -> None:
    """Networks stored in the database, with country, markets, size and notes.

    Example: octa network list --format json
    """
    from octa.store.networks import list_networks

    store = store_for(db, must_exist=False)
    try:
        with store.session() as session:
            rows = list_networks(session)
    finally:
        store.dispose()
    for row in rows:
        row["markets"] = ", ".join(row["markets"])
    print_rows(rows, fmt, title="Stored networks")


@network_app.command("metrics")
def metrics(
    file: FileArg,
    output: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    group_attribute: Annotated[
        str | None, typer.Option(help="Attribute giving each node's group, for brokerage roles.")
    ] = None,
    weighted: Annotated[
        Weighted | None, typer.Option(help="Weighted paths: weight as distance, or inverse (1/weight).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the community detection.")] = 0,
    summary_out: Annotated[
        Path | None, typer.Option(help="With --format csv: also write the graph summary (metric,value) here.")
    ] = None,
    input_format: FormatOpt = None,
    merge: MergeOpt = Merge.last,
    directed: DirectedOpt = None,
    attributes: AttributesOpt = None,
    attribute_id_column: AttrIdOpt = None,
    labels: LabelsOpt = None,
    label_prefix: PrefixOpt = None,
    source_column: SourceOpt = None,
    target_column: TargetOpt = None,
    weight_column: WeightOpt = None,
    project: ProjectOpt = Project.rows,
    db: DbOption = None,
) -> None:
    """Centralities, cores, clustering, communities and brokerage per node, plus a summary.

    Example: octa network metrics phase6.csv --format csv  (or db:NAME for a stored network)
    """
    from octa.network.metrics import compute_metrics

    if output not in {"table", "csv", "json"}:
        raise InvalidInput(f"unknown output format {output!r}; use table, csv or json")
    net = _load(
        file,
        input_format,
        merge,
        directed,
        attributes,
        attribute_id_column,
        labels,
        label_prefix,
        source_column,
        target_column,
        weight_column,
        project,
        db,
    )
    result = compute_metrics(
        net, weighted=weighted.value if weighted else None, group_attribute=group_attribute, seed=seed
    )
    if output == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    elif output == "csv":
        sys.stdout.write(_csv(result.columns, result.nodes))
        if summary_out is not None:
            summary_out.write_text(
                _csv(["metric", "value"], [{"metric": k, "value": v} for k, v in result.graph.items()]),
                encoding="utf-8",
            )
    else:
        table = Table(title=f"{file.name}: nodes")
        for name in result.columns:
            table.add_column(name, justify="left" if name in {"node", "group"} else "right")
        for row in result.nodes:
            table.add_row(*(_fmt(row[c]) for c in result.columns))
        _out.print(table)
        _print_pairs(result.graph, title=f"{file.name}: network")


@network_app.command("attack")
def attack(
    file: FileArg,
    strategy: Annotated[
        list[str], typer.Option(help="degree, betweenness, katz, ci or random; repeat to compare (PNG).")
    ] = ["degree"],  # noqa: B006
    mode: Annotated[str, typer.Option(help="sequential or block.")] = "sequential",
    block_size: Annotated[int, typer.Option(help="Nodes removed per round in block mode.")] = 5,
    steps: Annotated[int, typer.Option(help="Number of removal rounds.")] = 10,
    seed: Annotated[int, typer.Option(help="Seed of the random strategy.")] = 0,
    runs: Annotated[int, typer.Option(help="Random strategy: runs averaged.")] = 1,
    output: Annotated[str, typer.Option("--format", "-f", help="csv, json or png.")] = "csv",
    out: Annotated[Path | None, typer.Option(help="Output file (required for png).")] = None,
    input_format: FormatOpt = None,
    merge: MergeOpt = Merge.last,
    directed: DirectedOpt = None,
    attributes: AttributesOpt = None,
    attribute_id_column: AttrIdOpt = None,
    labels: LabelsOpt = None,
    label_prefix: PrefixOpt = None,
    source_column: SourceOpt = None,
    target_column: TargetOpt = None,
    weight_column: WeightOpt = None,
    project: ProjectOpt = Project.rows,
    db: DbOption = None,
) -> None:
    """Remove nodes by a strategy and report the largest component and efficiency per step.

    Example: octa network attack net.csv --strategy betweenness --steps 10 --format csv
    """
    from rich.progress import Progress

    from octa.network.attack import _check
    from octa.network.attack import attack as run_attack

    if output not in {"csv", "json", "png"}:
        raise InvalidInput(f"unknown output format {output!r}; use csv, json or png")
    if output == "png" and out is None:
        raise InvalidInput("--format png needs --out FILE.png")
    for s in strategy:
        _check(s, mode, block_size, steps, runs)
    net = _load(
        file,
        input_format,
        merge,
        directed,
        attributes,
        attribute_id_column,
        labels,
        label_prefix,
        source_column,
        target_column,
        weight_column,
        project,
        db,
    )
    results: dict[str, list[dict[str, Any]]] = {}
    total = steps * sum(runs if s == "random" else 1 for s in strategy)
    with Progress(console=_err, transient=True, disable=not _err.is_terminal) as bar:
        task = bar.add_task("attack", total=total)
        for s in strategy:
            bar.update(task, description=f"{s} attack")
            results[s] = run_attack(
                net,
                s,
                mode=mode,
                block_size=block_size,
                steps=steps,
                seed=seed,
                runs=runs,
                progress=lambda k: bar.advance(task, k),
            )
    _write_attack(results, output, out, file.name)


def _write_attack(results: dict[str, list[dict[str, Any]]], output: str, out: Path | None, name: str) -> None:
    if output == "png":
        from octa.network.plot import plot_attack

        assert out is not None
        plot_attack(results, out, title=name)
        _err.print(f"wrote {out}")
        return
    several = len(results) > 1
    if output == "json":
        payload: Any = results if several else next(iter(results.values()))
        text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    else:
        columns = (["strategy"] if several else []) + ["step", "removed", "lcc_fraction", "efficiency"]
        rows = [
            {"strategy": s, **r, "removed": ";".join(r["removed"])}
            for s, table in results.items()
            for r in table
        ]
        text = _csv(columns, rows)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})
    return buffer.getvalue()


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _print_pairs(pairs: dict[str, Any], *, title: str) -> None:
    table = Table(title=title, show_header=False)
    table.add_column("", style="bold")
    table.add_column("")
    for key, value in pairs.items():
        table.add_row(key, _fmt(value))
    _out.print(table)
