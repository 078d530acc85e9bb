"""Report charts as inline SVG, drawn offline with matplotlib.

SVG keeps the charts sharp on screen and vector in the PDF (WeasyPrint embeds it as vector);
text stays text (`svg.fonttype: none`), so it is selectable and searchable.

Speed: building a matplotlib figure (axes, ticks, artists) costs more than saving it, and the
benchmark renders 193 reports with four charts each. So each chart kind keeps a *template*
figure per layout (number of bars, editions, countries ranked) and a report only updates the
data of its artists before saving. Matplotlib's global state is not thread-safe, so drawing
holds one module lock; the style is applied per save by setting only its own keys.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

import matplotlib
import numpy as np

matplotlib.use("Agg")

from matplotlib import rcParams
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from octa.report import config
from octa.report.model import GroupReportData, Measure, ReportData

CRIMINALITY = "#b03a2e"
RESILIENCE = "#1f4e79"
AVERAGE = "#3d3d3d"
GRID = "#e3e3e3"
INK = "#222222"
WIDTH = 7.0  # inches; the PDF text block is ~6.7in wide and the SVG scales to it
LABEL_SPACE = 2.75  # inches left of the axes for indicator names
WRAP = 32  # characters of an indicator name per label line
STYLE: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "octa-report",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.edgecolor": "#777777",
    "axes.labelcolor": "#333333",
    "xtick.color": "#444444",
    "ytick.color": "#333333",
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_LOCK = threading.RLock()


@dataclass
class _Template:
    """A built figure and the artists a report fills in."""

    fig: Figure
    ax: Axes
    parts: dict[str, Any] = field(default_factory=dict)


_TEMPLATES: dict[tuple[Any, ...], _Template] = {}


@contextmanager
def _style() -> Iterator[None]:
    """Apply the chart style, restoring only the keys it changed (cheaper than rc_context)."""
    params = cast(dict[str, Any], rcParams)  # typed with literal keys; STYLE's keys are valid ones
    saved = {key: params[key] for key in STYLE}
    params.update(STYLE)
    try:
        yield
    finally:
        params.update(saved)


def _template(key: tuple[Any, ...], build: Callable[[], _Template]) -> _Template:
    if key not in _TEMPLATES:
        with _style():
            _TEMPLATES[key] = build()
    return _TEMPLATES[key]


def _svg(fig: Figure) -> str:
    """The figure as an inline <svg> element that scales to its container."""
    buffer = io.StringIO()
    with _style():
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 width="100%"', svg, count=1)


def _figure(
    height: float, left: float = LABEL_SPACE, bottom: float = 0.55, top: float = 0.3, right: float = 0.3
) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(WIDTH, height))
    ax = fig.add_axes(
        (left / WIDTH, bottom / height, 1 - (left + right) / WIDTH, 1 - (bottom + top) / height)
    )
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    return fig, ax


def country_charts(data: ReportData) -> dict[str, str]:
    """Every chart of a country report, by the chart id its sections name."""
    with _LOCK:
        return {
            name: draw(data)
            for name, draw in COUNTRY_CHARTS.items()
            if name != "trend" or len(data.trend) > 1
        }


# -- score bars (markets, resilience) --------------------------------------------------------
def _wrap(name: str) -> str:
    """Long indicator names on two lines, so they fit the label column."""
    return textwrap.fill(name, WRAP) if len(name) > WRAP else name


def _build_bars(n: int, wrapped: int) -> _Template:
    height = 0.9 + 0.27 * n + 0.1 * wrapped
    fig, ax = _figure(height)
    y = np.arange(n)[::-1].astype(float)
    bars = ax.barh(y, np.ones(n), height=0.62)
    marks = ax.scatter(np.zeros(n), y, marker="|", s=150, linewidths=2, color=AVERAGE, zorder=3, label="avg")
    values = [ax.text(0, yy, "", va="center", fontsize=8, color=INK) for yy in y]
    ax.set_yticks(y, [""] * n)
    ax.set_xlim(0, 10.6)
    ax.set_xticks(range(0, 11, 2))
    ax.tick_params(axis="y", length=0)
    legend = ax.legend(
        loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8, borderaxespad=0.1
    )
    return _Template(fig, ax, {"y": y, "bars": bars, "marks": marks, "values": values, "legend": legend})


def _score_bars(measures: list[Measure], colours: list[str], xlabel: str, legend: str) -> str:
    """Horizontal score bars with the regional average marked on each."""
    wrapped = sum(len(m.name) > WRAP for m in measures)
    tpl = _template(("bars", len(measures), wrapped), lambda: _build_bars(len(measures), wrapped))
    y = tpl.parts["y"]
    averages = [m.averages.get("region", math.nan) for m in measures]
    for bar, measure, colour in zip(tpl.parts["bars"], measures, colours, strict=True):
        bar.set_width(measure.score)
        bar.set_color(colour)
    tpl.parts["marks"].set_offsets(np.column_stack([averages, y]))
    for text, yy, m, avg in zip(tpl.parts["values"], y, measures, averages, strict=True):
        right = m.score if math.isnan(avg) else max(m.score, avg)
        text.set_position((right + 0.18, yy))
        text.set_text(f"{m.score:.1f}")
    tpl.ax.set_yticks(y, [_wrap(m.name) for m in measures])
    tpl.ax.set_xlabel(xlabel)
    tpl.parts["legend"].get_texts()[0].set_text(legend)
    return _svg(tpl.fig)


def markets_chart(data: ReportData) -> str:
    measures = sorted(data.markets, key=lambda m: -m.score)
    colours = [config.band_of(m.score).colour for m in measures]
    return _score_bars(measures, colours, "Score (1 = no market, 10 = pervasive)", f"{data.region} average")


def resilience_chart(data: ReportData) -> str:
    measures = sorted(data.resilience, key=lambda m: -m.score)
    return _score_bars(
        measures,
        [RESILIENCE] * len(measures),
        "Score (1 = non-existent, 10 = highly effective)",
        f"{data.region} average",
    )


# -- trend across editions -------------------------------------------------------------------
TREND_SERIES = (
    ("Criminality", CRIMINALITY, "-"),
    ("Resilience", RESILIENCE, "-"),
    ("World avg. criminality", CRIMINALITY, ":"),
    ("World avg. resilience", RESILIENCE, ":"),
)


def _build_trend(n: int) -> _Template:
    fig, ax = _figure(2.6, left=0.6, right=1.7)
    lines, labels = [], []
    for label, colour, style in TREND_SERIES:
        solid = style == "-"
        (line,) = ax.plot(
            np.arange(n),
            np.ones(n),
            style,
            color=colour,
            marker="o" if solid else None,
            markersize=4,
            linewidth=1.8 if solid else 1.1,
            label=label,
            alpha=1 if solid else 0.8,
        )
        lines.append(line)
        if solid:
            labels.append(
                [
                    ax.annotate(
                        "",
                        (0, 0),
                        textcoords="offset points",
                        xytext=(0, 6),
                        ha="center",
                        fontsize=7.5,
                        color=colour,
                    )
                    for _ in range(n)
                ]
            )
    ax.set_ylim(1, 10)
    ax.set_ylabel("Score")
    ax.set_xlabel("Edition")
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), frameon=False, fontsize=8)
    return _Template(fig, ax, {"lines": lines, "labels": labels})


def trend_chart(data: ReportData) -> str:
    points = data.trend
    tpl = _template(("trend", len(points)), lambda: _build_trend(len(points)))
    years = [p.edition for p in points]
    series = (
        [p.criminality for p in points],
        [p.resilience for p in points],
        [p.world_criminality for p in points],
        [p.world_resilience for p in points],
    )
    for line, values in zip(tpl.parts["lines"], series, strict=True):
        line.set_data(years, values)
    below = all(p.criminality <= p.resilience for p in points)  # criminality labels under its points
    for row, values, under in zip(tpl.parts["labels"], series[:2], (below, False), strict=True):
        for label, x, v in zip(row, years, values, strict=True):
            label.xy = (x, v)
            label.set_text(f"{v:.2f}")
            label.set_position((0, -13 if under else 6))
    tpl.ax.set_xticks(years, [str(y) for y in years])
    tpl.ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
    return _svg(tpl.fig)


# -- rank intervals --------------------------------------------------------------------------
def _build_intervals(n: int) -> _Template:
    fig, ax = _figure(1.55, left=1.1, bottom=0.5, top=0.15)
    parts: dict[str, Any] = {"bands": [], "dots": [], "labels": []}
    for yy, colour in ((1, CRIMINALITY), (0, RESILIENCE)):
        parts["bands"].append(
            ax.plot([1, 1], [yy, yy], color=colour, linewidth=7, alpha=0.3, solid_capstyle="butt")[0]
        )
        parts["dots"].append(ax.plot([1], [yy], "o", color=colour, markersize=6)[0])
        parts["labels"].append(
            ax.annotate("", (1, yy), textcoords="offset points", xytext=(8, -3), fontsize=8, color=INK)
        )
    ax.set_yticks([1, 0], ["Criminality", "Resilience"])
    ax.set_ylim(-0.6, 1.6)
    ax.set_xlim(1, n + max(30, n * 0.2))
    ax.set_xticks([1, *range(25, n + 1, 25)])
    ax.tick_params(axis="y", length=0)
    return _Template(fig, ax, parts)


def intervals_chart(data: ReportData) -> str:
    n = data.counts["world"]
    tpl = _template(("intervals", n), lambda: _build_intervals(n))
    rows = (data.intervals.get("criminality"), data.intervals.get("resilience"))
    for band, dot, label, interval, yy in zip(
        tpl.parts["bands"], tpl.parts["dots"], tpl.parts["labels"], rows, (1, 0), strict=True
    ):
        shown = interval is not None
        for artist in (band, dot, label):
            artist.set_visible(shown)
        if interval is None:
            continue
        band.set_data([interval.low, interval.high], [yy, yy])
        dot.set_data([interval.rank], [yy])
        label.xy = (interval.high, yy)
        label.set_text(f"{interval.rank} (90%: {interval.low}–{interval.high})")
    tpl.ax.set_xlabel(f"World rank of {n} (dot: published rank; band: 90% interval of {data.draws:,} draws)")
    return _svg(tpl.fig)


# -- group reports ---------------------------------------------------------------------------
def group_chart(group: GroupReportData) -> str:
    """Criminality and resilience side by side for every country of a group (drawn afresh)."""
    with _LOCK, _style():
        countries = sorted(group.countries, key=lambda d: -d.aggregates["criminality"].score)
        height = 0.8 + 0.3 * len(countries)
        fig, ax = _figure(height, left=1.9)
        y = np.arange(len(countries))[::-1].astype(float)
        ax.barh(
            y + 0.2,
            [d.aggregates["criminality"].score for d in countries],
            height=0.38,
            color=CRIMINALITY,
            label="Criminality",
        )
        ax.barh(
            y - 0.2,
            [d.aggregates["resilience"].score for d in countries],
            height=0.38,
            color=RESILIENCE,
            label="Resilience",
        )
        ax.set_yticks(y, [d.country for d in countries])
        ax.set_xlim(0, 10)
        ax.set_xlabel("Score (1–10)")
        ax.tick_params(axis="y", length=0)
        ax.legend(
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncols=2,
            frameon=False,
            fontsize=8,
            borderaxespad=0.1,
        )
        return _svg(fig)


COUNTRY_CHARTS: dict[str, Callable[[ReportData], str]] = {
    "intervals": intervals_chart,
    "markets": markets_chart,
    "resilience": resilience_chart,
    "trend": trend_chart,
}
