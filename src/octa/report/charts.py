"""Report charts as inline SVG, drawn offline with matplotlib.

SVG keeps the charts sharp on screen and vector in the PDF (WeasyPrint embeds it as vector);
text stays text (`svg.fonttype: none`), so it is selectable and searchable. Charts use the
object-oriented `Figure` API (no pyplot state) with fixed axes positions instead of a
`bbox_inches="tight"` pass, which halves the cost of each chart: the benchmark renders 193
reports with four charts each.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from octa.report import config
from octa.report.model import GroupReportData, Measure, ReportData

CRIMINALITY = "#b03a2e"
RESILIENCE = "#1f4e79"
AVERAGE = "#3d3d3d"
MUTED = "#9a9a9a"
GRID = "#e3e3e3"
WIDTH = 7.0  # inches; the PDF text block is ~6.7in wide and the SVG scales to it
LABEL_SPACE = 2.75  # inches left of the axes for indicator names
STYLE = {
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
Chart = Callable[[ReportData], str]


def country_charts(data: ReportData) -> dict[str, str]:
    """Every chart of a country report, by the chart id its sections name."""
    return {name: draw(data) for name, draw in COUNTRY_CHARTS.items()}


def _svg(fig: Figure) -> str:
    """The figure as an inline <svg> element that scales to its container."""
    buffer = io.StringIO()
    with rc_context(STYLE):
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


def _score_bars(measures: list[Measure], colours: list[str], xlabel: str, legend: str) -> str:
    """Horizontal score bars with the regional average marked on each."""
    with rc_context(STYLE):
        height = 0.9 + 0.27 * len(measures) + 0.1 * sum(len(m.name) > 32 for m in measures)
        fig, ax = _figure(height)
        y = list(range(len(measures)))[::-1]
        ax.barh(y, [m.score for m in measures], color=colours, height=0.62)
        averages = [m.averages.get("region", math.nan) for m in measures]
        ax.scatter(averages, y, marker="|", s=150, linewidths=2, color=AVERAGE, zorder=3, label=legend)
        for yy, m, avg in zip(y, measures, averages, strict=True):
            right = m.score if math.isnan(avg) else max(m.score, avg)
            ax.text(right + 0.18, yy, f"{m.score:.1f}", va="center", fontsize=8, color="#222222")
        ax.set_yticks(y, [_wrap(m.name) for m in measures])
        ax.set_xlim(0, 10.6)
        ax.set_xticks(range(0, 11, 2))
        ax.set_xlabel(xlabel)
        ax.tick_params(axis="y", length=0)
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8, borderaxespad=0.1)
        return _svg(fig)


def _wrap(name: str, width: int = 32) -> str:
    """Long indicator names on two lines, so they fit the label column."""
    return textwrap.fill(name, width) if len(name) > width else name


def _below(data: ReportData) -> bool:
    """Criminality labels go under their points when criminality sits below resilience."""
    return all(p.criminality <= p.resilience for p in data.trend)


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


def trend_chart(data: ReportData) -> str:
    with rc_context(STYLE):
        fig, ax = _figure(2.6, left=0.6, right=1.7)
        years = [p.edition for p in data.trend]
        series = (
            ("Criminality", [p.criminality for p in data.trend], CRIMINALITY, "-"),
            ("Resilience", [p.resilience for p in data.trend], RESILIENCE, "-"),
            ("World avg. criminality", [p.world_criminality for p in data.trend], CRIMINALITY, ":"),
            ("World avg. resilience", [p.world_resilience for p in data.trend], RESILIENCE, ":"),
        )
        for label, values, colour, style in series:
            solid = style == "-"
            ax.plot(
                years,
                values,
                style,
                color=colour,
                marker="o" if solid else None,
                markersize=4,
                linewidth=1.8 if solid else 1.1,
                label=label,
                alpha=1 if solid else 0.8,
            )
            if solid:
                below = colour == CRIMINALITY and _below(data)
                for x, v in zip(years, values, strict=True):
                    ax.annotate(
                        f"{v:.2f}",
                        (x, v),
                        textcoords="offset points",
                        xytext=(0, -13 if below else 6),
                        ha="center",
                        fontsize=7.5,
                        color=colour,
                    )
        ax.set_xticks(years, [str(y) for y in years])
        ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
        ax.set_ylim(1, 10)
        ax.set_ylabel("Score")
        ax.set_xlabel("Edition")
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), frameon=False, fontsize=8)
        return _svg(fig)


def intervals_chart(data: ReportData) -> str:
    with rc_context(STYLE):
        fig, ax = _figure(1.55, left=1.1, bottom=0.5, top=0.15)
        n = data.counts["world"]
        rows = [
            ("Criminality", data.intervals.get("criminality"), CRIMINALITY),
            ("Resilience", data.intervals.get("resilience"), RESILIENCE),
        ]
        for yy, (_, interval, colour) in zip((1, 0), rows, strict=True):
            if interval is None:
                continue
            ax.plot(
                [interval.low, interval.high],
                [yy, yy],
                color=colour,
                linewidth=7,
                alpha=0.3,
                solid_capstyle="butt",
            )
            ax.plot([interval.rank], [yy], "o", color=colour, markersize=6)
            ax.annotate(
                f"{interval.rank} (90%: {interval.low}–{interval.high})",
                (interval.high, yy),
                textcoords="offset points",
                xytext=(8, -3),
                fontsize=8,
                color="#222222",
            )
        ax.set_yticks([1, 0], [r[0] for r in rows])
        ax.set_ylim(-0.6, 1.6)
        ax.set_xlim(1, n + max(30, n * 0.2))
        ticks = [1, *range(25, n + 1, 25)]
        ax.set_xticks(ticks)
        ax.set_xlabel(f"World rank of {n} (dot: published rank; band: 90% interval of {data.draws:,} draws)")
        ax.tick_params(axis="y", length=0)
        return _svg(fig)


def group_chart(group: GroupReportData) -> str:
    """Criminality and resilience side by side for every country of a group."""
    with rc_context(STYLE):
        countries = sorted(group.countries, key=lambda d: -d.aggregates["criminality"].score)
        height = 0.9 + 0.42 * len(countries)
        fig, ax = _figure(height, left=1.9)
        y = [float(i) for i in range(len(countries))][::-1]
        crim = [d.aggregates["criminality"].score for d in countries]
        res = [d.aggregates["resilience"].score for d in countries]
        ax.barh([v + 0.2 for v in y], crim, height=0.38, color=CRIMINALITY, label="Criminality")
        ax.barh([v - 0.2 for v in y], res, height=0.38, color=RESILIENCE, label="Resilience")
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


COUNTRY_CHARTS: dict[str, Chart] = {
    "intervals": intervals_chart,
    "markets": markets_chart,
    "resilience": resilience_chart,
    "trend": trend_chart,
}
