"""Rich rendering of profiles and comparisons for the terminal."""

from __future__ import annotations

import math
from typing import Any

from rich.table import Table

from octa.cli.common import console


def _fmt(value: float | None, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:+.2f}" if signed else f"{value:.2f}"


def print_profile(data: dict[str, Any]) -> None:
    names = data["indicator_names"]
    console.print(
        f"[bold]{data['country']}[/bold] ({data['iso3']}) — {data['region']}, {data['continent']}"
        f" — edition {data['edition']} — quadrant [bold]{data['quadrant']}[/bold]"
    )
    table = Table(title="Headline")
    for column in ("measure", "score", "world rank", "continent rank", "region rank", "change"):
        if column == "measure":
            table.add_column(column, no_wrap=True, min_width=16)
        else:
            table.add_column(column, justify="right")
    change = (data.get("change") or {}).get("aggregates", {})
    for measure, value in data["aggregates"].items():
        ranks = data["ranks"].get(measure, {})
        table.add_row(
            measure,
            _fmt(value),
            str(ranks.get("world", "")),
            str(ranks.get("continent", "")),
            str(ranks.get("region", "")),
            _fmt(change.get(measure), signed=True),
        )
    console.print(table)
    for title, key in (
        ("Strongest markets", "strongest_markets"),
        ("Strongest actors", "strongest_actors"),
        ("Weakest resilience", "weakest_resilience"),
    ):
        items = ", ".join(f"{names[i['indicator']]} {i['score']:g}" for i in data[key])
        console.print(f"[bold]{title}:[/bold] {items}")
    if data.get("change"):
        console.print(
            f"Change since {data['change']['from']} (previous quadrant {data['change']['previous_quadrant']})"
        )


def comparison_rows(profiles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per measure, one column per country."""
    measures = list(profiles[0]["aggregates"]) + list(profiles[0]["indicators"])
    rows: list[dict[str, Any]] = [{"measure": "quadrant", **{p["iso3"]: p["quadrant"] for p in profiles}}]
    for key in profiles[0]["ranks"]:
        rows.append({"measure": f"{key} rank", **{p["iso3"]: p["ranks"][key]["world"] for p in profiles}})
    for measure in measures:
        row: dict[str, Any] = {"measure": measure}
        for p in profiles:
            row[p["iso3"]] = p["aggregates"].get(measure, p["indicators"].get(measure))
        rows.append(row)
    return rows
