"""Read criminal-network files (edge lists, matrices, two-mode, Pajek, GraphML) into a `Network`.

Every reader reports bad input as `InvalidInput` naming the file, the row (1-based line) and the
column, so the CLI can print one line instead of a traceback.  Node order is first appearance.
"""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path
from typing import Any, Literal

import numpy as np

from octa.exc import InvalidInput
from octa.network.model import MergePolicy, Network, merge_edges

InputFormat = Literal["edgelist", "matrix", "twomode", "pajek", "graphml", "json"]
INPUT_FORMATS: tuple[str, ...] = ("edgelist", "matrix", "twomode", "pajek", "graphml", "json")

#: Header cells that mark the first line of an edge list as column names.
_HEADER_NAMES = {
    "source", "target", "from", "to", "src", "dst", "node1", "node2", "u", "v", "i", "j",
    "ego", "alter", "sender", "receiver", "id", "tie_id", "weight", "w", "value",
}


def read_network(
    path: str | Path,
    *,
    input_format: str | None = None,
    merge: MergePolicy = "last",
    directed: bool | None = None,
    attributes: str | Path | None = None,
    attribute_id_column: str | None = None,
    labels: str | Path | None = None,
    label_prefix: str | None = None,
    source_column: str | None = None,
    target_column: str | None = None,
    weight_column: str | None = None,
    project: Literal["rows", "columns"] = "rows",
) -> Network:
    """Load any supported file; `directed=None` keeps what the file says (or implies)."""
    file = Path(path)
    if not file.is_file():
        raise InvalidInput("no such file", file=str(file))
    fmt = input_format or detect_format(file)
    if fmt not in INPUT_FORMATS:
        raise InvalidInput(f"unknown input format {fmt!r}; use one of {', '.join(INPUT_FORMATS)}")
    columns = (source_column, target_column, weight_column)
    if fmt == "edgelist":
        net = read_edgelist(file, merge=merge, directed=bool(directed), columns=columns)
    elif fmt == "matrix":
        net = read_matrix(file, merge=merge, directed=directed)
    elif fmt == "twomode":
        net = read_twomode(file, project=project)
    elif fmt == "pajek":
        net = read_pajek(file, merge=merge, directed=directed)
    elif fmt == "graphml":
        net = read_graphml(file, merge=merge, directed=directed, weight_key=weight_column)
    else:
        net = read_json(file)
    if directed is False and net.directed:
        net = net.to_undirected(merge)
    if label_prefix:
        net = relabel(net, {v: f"{label_prefix}{v}" for v in net.nodes})
    if labels is not None:
        net = relabel(net, read_label_map(labels))
    if attributes is not None:
        columns, table = read_attribute_table(attributes, id_column=attribute_id_column)
        net = attach_attributes(net, table, columns)
    net.meta.setdefault("source_file", file.name)
    net.meta["input_format"] = fmt
    return net


# -- format detection --------------------------------------------------------------------------
def detect_format(path: Path) -> str:
    """Guess the format from the extension, then from the shape of the first rows."""
    suffix = path.suffix.lower()
    if suffix in {".graphml", ".xml"}:
        return "graphml"
    if suffix in {".net", ".paj", ".pajek"}:
        return "pajek"
    if suffix == ".json":
        return "json"
    text = _read_text(path)
    if text.lstrip().startswith("*"):
        return "pajek"
    if text.lstrip().startswith("<"):
        return "graphml"
    rows = _csv_rows(text, _sniff_delimiter(text))
    if len(rows) < 2 or len(rows[0][1]) < 3:
        return "edgelist"
    header = [c.strip() for c in rows[0][1]]
    body = [r for _, r in rows[1:]]
    if not all(len(r) == len(header) for r in body):
        return "edgelist"
    numeric = all(_is_number(c) or c.strip() == "" for r in body for c in r[1:])
    row_labels = [r[0].strip() for r in body]
    if numeric and sorted(row_labels) == sorted(header[1:]):
        return "matrix"
    if numeric and header[0] == "" and len(set(row_labels)) == len(row_labels):
        return "twomode"
    return "edgelist"


# -- edge lists --------------------------------------------------------------------------------
def read_edgelist(
    path: Path,
    *,
    merge: MergePolicy = "last",
    directed: bool = False,
    columns: tuple[str | None, str | None, str | None] = (None, None, None),
) -> Network:
    """Whitespace, tab, comma or semicolon edge list `source target [weight]`, header optional.

    With a header, `columns` names the source, target and weight columns (a relation table such
    as Madrid's); a blank cell in a named weight column means "no tie" and skips the row (its
    two people are still nodes, so period snapshots share one node set).
    """
    text = _read_text(path)
    delimiter = _sniff_delimiter(text)
    rows = [(n, r) for n, r in _csv_rows(text, delimiter) if not r[0].lstrip().startswith(("#", "%"))]
    if not rows:
        raise InvalidInput("empty file: no edges", file=str(path))
    src_i, dst_i, wt_i, named_weight, body = _edgelist_columns(path, rows, columns)
    raw: list[tuple[str, str, float]] = []
    nodes: dict[str, None] = {}
    loops = 0
    positional = body is rows
    for line, row in body:
        if max(src_i, dst_i) >= len(row):
            raise InvalidInput(f"expected at least {max(src_i, dst_i) + 1} fields, found {len(row)}",
                               file=str(path), row=line)
        if positional and len(row) > 3:
            raise InvalidInput(
                f"{len(row)} fields; an edge list has 'source target [weight]' "
                "(name the columns with --source-column/--target-column/--weight-column)",
                file=str(path), row=line)
        u, v = row[src_i].strip(), row[dst_i].strip()
        if not u or not v:
            raise InvalidInput("blank node label", file=str(path), row=line)
        nodes.setdefault(u, None)
        nodes.setdefault(v, None)
        weight = 1.0
        if wt_i is not None and wt_i < len(row):
            cell = row[wt_i].strip()
            if cell == "" and named_weight:
                continue  # no tie in that column: both people stay, as isolates if need be
            weight = _number(cell, path, line, "weight")
        if u == v:
            loops += 1
            continue
        raw.append((u, v, weight))
    edges = merge_edges(raw, directed=directed, merge=merge)
    meta = {"rows": len(raw) + loops, "duplicates_merged": len(raw) - len(edges),
            "self_loops_dropped": loops, "merge": merge}
    return Network(list(nodes), edges, directed, {}, meta)


def _edgelist_columns(
    path: Path,
    rows: list[tuple[int, list[str]]],
    columns: tuple[str | None, str | None, str | None],
) -> tuple[int, int, int | None, bool, list[tuple[int, list[str]]]]:
    """Find source/target/weight column positions and strip a header row if there is one."""
    first = [c.strip() for c in rows[0][1]]
    named = any(c is not None for c in columns)
    looks_header = (
        named
        or (len(first) >= 3 and not _is_number(first[2]))
        or (len(first) >= 2 and first[0].lower() in _HEADER_NAMES and first[1].lower() in _HEADER_NAMES)
    )
    if not looks_header:
        return 0, 1, 2 if len(first) >= 3 else None, False, rows
    lower = [c.lower() for c in first]
    if not named and len(first) > 3:
        raise InvalidInput(
            f"a relation table with {len(first)} columns ({', '.join(first[:6])}, …): name the "
            "tie columns with --source-column and --target-column (and --weight-column)",
            file=str(path), row=rows[0][0])

    def position(name: str | None, default: int | None) -> int | None:
        if name is None:
            return default if default is not None and default < len(first) else None
        if name.lower() not in lower:
            raise InvalidInput(f"no column named {name!r} in the header ({', '.join(first)})",
                               file=str(path), row=rows[0][0], column=name)
        return lower.index(name.lower())

    src = position(columns[0], 0)
    dst = position(columns[1], 1)
    if src is None or dst is None:
        raise InvalidInput("an edge list needs a source and a target column", file=str(path))
    wt = position(columns[2], None if named else 2)
    return src, dst, wt, columns[2] is not None, rows[1:]


# -- matrices ----------------------------------------------------------------------------------
def _read_grid(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    """A labelled numeric grid: header labels, row labels, values (blank cells are 0)."""
    text = _read_text(path)
    rows = _csv_rows(text, _sniff_delimiter(text))
    if len(rows) < 2:
        raise InvalidInput("empty file: a matrix needs a header row and at least one row",
                           file=str(path))
    header = [c.strip() for c in rows[0][1]]
    cols = header[1:]
    values = np.zeros((len(rows) - 1, len(cols)), dtype=float)
    row_labels: list[str] = []
    for r, (line, row) in enumerate(rows[1:]):
        if len(row) != len(header):
            raise InvalidInput(f"ragged matrix: expected {len(header)} fields, found {len(row)}",
                               file=str(path), row=line)
        row_labels.append(row[0].strip())
        for c, cell in enumerate(row[1:]):
            cell = cell.strip()
            values[r, c] = 0.0 if cell == "" else _number(cell, path, line, cols[c])
    return cols, row_labels, values


def read_matrix(
    path: Path, *, merge: MergePolicy = "last", directed: bool | None = None
) -> Network:
    """Square adjacency matrix, first column the labels; asymmetric means directed (row→column)."""
    cols, rows, values = _read_grid(path)
    if len(set(rows)) != len(rows):
        raise InvalidInput("duplicated row label in the matrix", file=str(path))
    if sorted(rows) != sorted(cols):
        raise InvalidInput(
            "row labels and column labels differ: not a square adjacency matrix "
            "(use --input-format twomode for an incidence matrix)", file=str(path))
    order = [cols.index(label) for label in rows]
    values = values[:, order]
    symmetric = bool(np.allclose(values, values.T))
    is_directed = (not symmetric) if directed is None else directed
    loops = int(np.count_nonzero(np.diag(values)))
    np.fill_diagonal(values, 0.0)
    ii, jj = np.nonzero(values)
    raw = [(rows[i], rows[j], float(values[i, j])) for i, j in zip(ii.tolist(), jj.tolist(), strict=True)]
    edges = merge_edges(raw, directed=is_directed, merge=merge)
    meta = {"symmetric_matrix": symmetric, "self_loops_dropped": loops, "merge": merge,
            "directed_reason": "asymmetric matrix" if is_directed and directed is None else None}
    return Network(rows, edges, is_directed, {}, meta)


def read_twomode(path: Path, *, project: Literal["rows", "columns"] = "rows") -> Network:
    """Person × event incidence matrix projected to one mode; weight = shared events."""
    cols, rows, values = _read_grid(path)
    incidence = (values != 0).astype(float)
    labels, other = (rows, cols) if project == "rows" else (cols, rows)
    if project == "columns":
        incidence = incidence.T
    if len(set(labels)) != len(labels):
        raise InvalidInput(f"duplicated {project[:-1]} label in the two-mode matrix", file=str(path))
    shared = incidence @ incidence.T
    ii, jj = np.nonzero(np.triu(shared, k=1))
    edges = [(labels[i], labels[j], float(shared[i, j]))
             for i, j in zip(ii.tolist(), jj.tolist(), strict=True)]
    meta = {"two_mode": True, "projected": project, "other_mode_size": len(other),
            "weight": "number of shared events"}
    return Network(list(labels), edges, False, {}, meta)


# -- Pajek -------------------------------------------------------------------------------------
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def read_pajek(path: Path, *, merge: MergePolicy = "last", directed: bool | None = None) -> Network:
    """Pajek `.net`: *Vertices (optional), *Edges/*Arcs and their `*list` forms.

    Lines before any section are read as edges, which is how some published `.net` files (the
    9/11 network) are written.
    """
    section = "edges"
    names: dict[str, str] = {}
    order: dict[str, None] = {}
    raw: list[tuple[str, str, float]] = []
    arcs = edges_seen = False
    loops = 0
    for line, text in enumerate(_read_text(path).splitlines(), start=1):
        stripped = text.strip()
        if not stripped or stripped.startswith("%"):
            continue
        if stripped.startswith("*"):
            section = stripped[1:].split()[0].lower()
            continue
        tokens = [a if a or b == "" else b for a, b in _TOKEN.findall(stripped)]
        if section == "vertices":
            names[tokens[0]] = tokens[1] if len(tokens) > 1 else tokens[0]
            order.setdefault(tokens[0], None)
            continue
        if section not in {"edges", "arcs", "edgeslist", "arcslist"}:
            continue
        is_arc = section.startswith("arcs")
        arcs |= is_arc
        edges_seen |= not is_arc
        pairs = ([(tokens[0], t, 1.0) for t in tokens[1:]] if section.endswith("list")
                 else [(tokens[0], tokens[1] if len(tokens) > 1 else "",
                        _number(tokens[2], path, line, "weight") if len(tokens) > 2 else 1.0)])
        for u, v, w in pairs:
            if not v:
                raise InvalidInput("an edge line needs two vertices", file=str(path), row=line)
            order.setdefault(u, None)
            order.setdefault(v, None)
            if u == v:
                loops += 1
            else:
                raw.append((u, v, w))
    if not order:
        raise InvalidInput("empty file: no vertices or edges", file=str(path))
    is_directed = (arcs and not edges_seen) if directed is None else directed
    label = {key: names.get(key, key) for key in order}
    if len(set(label.values())) != len(label):
        label = {key: key for key in order}  # duplicate vertex labels: keep the numbers
    edges = merge_edges([(label[u], label[v], w) for u, v, w in raw], directed=is_directed,
                        merge=merge)
    meta = {"rows": len(raw) + loops, "duplicates_merged": len(raw) - len(edges),
            "self_loops_dropped": loops, "merge": merge}
    return Network([label[k] for k in order], edges, is_directed, {}, meta)


# -- GraphML and JSON --------------------------------------------------------------------------
def read_graphml(
    path: Path, *, merge: MergePolicy = "last", directed: bool | None = None,
    weight_key: str | None = None,
) -> Network:
    """GraphML through networkx's parser; node data become attributes, `weight` the weight."""
    import networkx as nx

    try:
        graph = nx.read_graphml(path)
    except Exception as exc:  # the parser raises several unrelated types
        raise InvalidInput(f"not readable as GraphML ({exc})", file=str(path)) from None
    key = weight_key or "weight"
    nodes = [str(v) for v in graph.nodes]
    attrs = {str(v): {k: str(x) for k, x in data.items()} for v, data in graph.nodes(data=True) if data}
    raw: list[tuple[str, str, float]] = []
    loops = 0
    for u, v, data in graph.edges(data=True):
        if u == v:
            loops += 1
            continue
        raw.append((str(u), str(v), _number(str(data.get(key, 1.0)), path, None, key)))
    is_directed = graph.is_directed() if directed is None else directed
    edges = merge_edges(raw, directed=is_directed, merge=merge)
    meta = {"duplicates_merged": len(raw) - len(edges), "self_loops_dropped": loops, "merge": merge}
    return Network(nodes, edges, is_directed, attrs, meta)


def read_json(path: Path) -> Network:
    """A network saved by `write_json` (the `to_records()` form)."""
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"not valid JSON ({exc.msg})", file=str(path), row=exc.lineno) from None
    try:
        return Network.from_records(data)
    except InvalidInput as exc:
        raise InvalidInput(exc.detail, file=str(path)) from None


def write_json(net: Network, path: str | Path) -> None:
    """Save a network as JSON records, readable again by `read_network`."""
    Path(path).write_text(json.dumps(net.to_records(), indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")


# -- attributes and labels ---------------------------------------------------------------------
def read_attributes(path: str | Path, *, id_column: str | None = None) -> dict[str, dict[str, str]]:
    """Node attribute table (CSV with a header); the id is the first column unless named."""
    return read_attribute_table(path, id_column=id_column)[1]


def read_attribute_table(
    path: str | Path, *, id_column: str | None = None
) -> tuple[list[str], dict[str, dict[str, str]]]:
    """The attribute column names (header order, id excluded) and the rows keyed by id."""
    file = Path(path)
    if not file.is_file():
        raise InvalidInput("no such attribute file", file=str(file))
    text = _read_text(file)
    rows = _csv_rows(text, _sniff_delimiter(text))
    if len(rows) < 2:
        raise InvalidInput("empty attribute file: it needs a header row and one row per node",
                           file=str(file))
    header = [c.strip() for c in rows[0][1]]
    at = 0
    if id_column is not None:
        if id_column not in header:
            raise InvalidInput(f"no column named {id_column!r}", file=str(file), column=id_column)
        at = header.index(id_column)
    table: dict[str, dict[str, str]] = {}
    for line, row in rows[1:]:
        if len(row) != len(header):
            raise InvalidInput(f"expected {len(header)} fields, found {len(row)}", file=str(file),
                               row=line)
        values = {h or f"column{i}": c.strip() for i, (h, c) in enumerate(zip(header, row, strict=True))
                  if i != at and c.strip() != ""}
        table[row[at].strip()] = values
    names = [h or f"column{i}" for i, h in enumerate(header) if i != at]
    return names, table


def attach_attributes(net: Network, table: dict[str, dict[str, str]],
                      columns: list[str] | None = None) -> Network:
    """Give each node its attribute row; unmatched rows and nodes are counted in `meta`."""
    attrs = {v: dict(table[v]) for v in net.nodes if v in table}
    names: dict[str, None] = dict.fromkeys(net.meta.get("attribute_columns") or [])
    names.update(dict.fromkeys(columns or []))
    for row in table.values():
        names.update(dict.fromkeys(row))
    meta = dict(net.meta, attribute_rows_unmatched=len(set(table) - set(net.nodes)),
                nodes_without_attributes=net.n - len(attrs), attribute_columns=list(names))
    merged = {v: {**net.attributes.get(v, {}), **attrs.get(v, {})} for v in net.nodes
              if v in attrs or v in net.attributes}
    return Network(list(net.nodes), list(net.edges), net.directed, merged, meta)


def read_label_map(path: str | Path) -> dict[str, str]:
    """`id name…` per line (whitespace; the name may contain spaces) or a two-column CSV."""
    file = Path(path)
    if not file.is_file():
        raise InvalidInput("no such label file", file=str(file))
    mapping: dict[str, str] = {}
    text = _read_text(file)
    use_csv = file.suffix.lower() == ".csv"
    for line, row in enumerate(text.splitlines(), start=1):
        if not row.strip():
            continue
        parts = next(csv.reader([row])) if use_csv else row.strip().split(None, 1)
        if len(parts) < 2:
            raise InvalidInput("expected 'id name'", file=str(file), row=line)
        mapping[parts[0].strip()] = parts[1].strip()
    return mapping


def relabel(net: Network, mapping: dict[str, str]) -> Network:
    """Rename nodes (unmapped ones keep their label); renaming two nodes alike is an error."""
    new = [mapping.get(v, v) for v in net.nodes]
    if len(set(new)) != len(new):
        raise InvalidInput("relabelling would give two nodes the same label")
    edges = [(mapping.get(u, u), mapping.get(v, v), w) for u, v, w in net.edges]
    attrs = {mapping.get(k, k): a for k, a in net.attributes.items()}
    return Network(new, edges, net.directed, attrs, dict(net.meta))


# -- low-level helpers -------------------------------------------------------------------------
def _read_text(path: Path) -> str:
    """The file as text (UTF-8 with or without BOM, then Latin-1); empty files are an error."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if not text.strip():
        raise InvalidInput("empty file", file=str(path))
    return text


def _sniff_delimiter(text: str) -> str | None:
    """Comma, tab or semicolon from the first line; None means 'any whitespace'."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    for delimiter in (",", "\t", ";"):
        if delimiter in first:
            return delimiter
    return None


def _csv_rows(text: str, delimiter: str | None) -> list[tuple[int, list[str]]]:
    """Non-blank rows with their 1-based line numbers (fully empty CSV rows are skipped)."""
    lines = text.splitlines()
    if delimiter is None:
        return [(n, ln.split()) for n, ln in enumerate(lines, start=1) if ln.strip()]
    out: list[tuple[int, list[str]]] = []
    reader = csv.reader(lines, delimiter=delimiter)
    for row in reader:
        if any(cell.strip() for cell in row):
            out.append((reader.line_num, row))
    return out


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _number(cell: str, path: Path, row: int | None, column: str) -> float:
    """A finite float, or an error naming where the bad value is."""
    try:
        value = float(cell)
    except ValueError:
        raise InvalidInput(f"{cell!r} is not a number", file=str(path), row=row, column=column) from None
    if not math.isfinite(value):
        raise InvalidInput(f"{cell!r} is not a finite number", file=str(path), row=row, column=column)
    return value


def describe(net: Network) -> dict[str, Any]:
    """A short plain summary of what was loaded (for `octa network import`)."""
    return {"nodes": net.n, "edges": net.m, "directed": net.directed,
            "attributes": net.attribute_names(), **net.meta}
