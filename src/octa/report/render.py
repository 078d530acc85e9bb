"""Pure renderers: `ReportData` in, HTML, Markdown or PDF out.

Document text is untrusted everywhere: the HTML environment autoescapes, and the Markdown
environment escapes every `{{ }}` output through its `finalize` hook unless the value was
built here as trusted Markdown (`MdSafe`). The PDF is the HTML with print CSS, laid out by
WeasyPrint: A4, page numbers, a contents list with page references, vector charts.
"""

from __future__ import annotations

import math
import re
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from octa.report import config
from octa.report.charts import country_charts, group_chart
from octa.report.links import describe
from octa.report.model import GroupReportData, Measure, Paragraph, ReportData
from octa.report.text import capitalise, ordinal, score, signed

TEMPLATES = Path(__file__).parent / "templates"
#: Characters that change the meaning of inline Markdown (and `|`, which splits table cells).
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")


class MdSafe(str):
    """Markdown the renderer built itself; the finalize hook passes it through unescaped."""


def md_escape(value: object) -> str:
    """Escape text for inline Markdown: special characters, and newlines that could start blocks."""
    text = re.sub(r"\s+", " ", str(value))
    return MD_SPECIAL.sub(r"\\\1", text)


def _finalize(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, MdSafe) else md_escape(value)


def _package_version() -> str:
    try:
        return version("octa")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "dev"


def _bandword(measure: Measure) -> str:
    return config.band_of(measure.score).word(measure.pillar)


def _linktext(link: object, data: ReportData) -> str:
    return describe(link, {m.id: m.name.lower() for m in data.indicators})


def _slug(title: str) -> str:
    """The anchor GitHub gives a heading ('Change since 2021' -> 'change-since-2021')."""
    return re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")


def _filters() -> dict[str, Any]:
    return {
        "score": score,
        "signed": signed,
        "ordinal": ordinal,
        "bandword": _bandword,
        "linktext": _linktext,
        "cap": capitalise,
        "slug": _slug,
    }


@cache
def html_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["jinja"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_filters())
    return env


@cache
def md_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(_filters())
    env.filters.update({"mdpara": md_paragraph, "mdrefs": md_refs, "mdref": lambda n: MdSafe(f"[{n}]")})
    return env


@cache
def stylesheet() -> str:
    return (TEMPLATES / "report.css").read_text(encoding="utf-8")


def md_refs(refs: tuple[int, ...]) -> MdSafe:
    return MdSafe("".join(f"[{n}]" for n in refs))


def md_paragraph(paragraph: Paragraph) -> MdSafe:
    """One narrative paragraph as Markdown: escaped text and quotes, trusted [n] markers."""
    out = []
    for sentence in paragraph:
        parts = []
        for fragment in sentence.fragments:
            text = md_escape(fragment.text)
            parts.append(f"“*{text}*”" if fragment.quote else text)
            parts.append(md_refs(fragment.refs))
        out.append("".join(parts))
    return MdSafe(" ".join(out))


def _common(title: str, framework: str, publisher: str, pdf: bool) -> dict[str, Any]:
    return {
        "title": title,
        "framework": framework,
        "publisher": publisher,
        "pdf": pdf,
        "css": stylesheet(),
        "version": _package_version(),
    }


def country_html(data: ReportData, *, pdf: bool = False) -> str:
    """The standalone HTML report (CSS and SVG charts inline, nothing fetched)."""
    context = _common(data.title, data.framework, data.publisher, pdf)
    return (
        html_environment()
        .get_template("country.html.jinja")
        .render(d=data, charts=country_charts(data), **context)
    )


def country_markdown(data: ReportData) -> str:
    text = md_environment().get_template("country.md.jinja").render(d=data, version=_package_version())
    return _tidy(text)


def _tidy(markdown: str) -> str:
    """At most one blank line in a row (template control blocks leave extra ones)."""
    return re.sub(r"\n{3,}", "\n\n", markdown)


def group_html(group: GroupReportData, *, pdf: bool = False) -> str:
    first = group.countries[0]
    context = _common(group.title, first.framework, first.publisher, pdf)
    return (
        html_environment()
        .get_template("group.html.jinja")
        .render(g=group, chart=group_chart(group), rows=_side_by_side(group), **context)
    )


def group_markdown(group: GroupReportData) -> str:
    return _tidy(
        md_environment()
        .get_template("group.md.jinja")
        .render(
            g=group,
            rows=_side_by_side(group),
            framework=group.countries[0].framework,
            version=_package_version(),
        )
    )


def html_to_pdf(html: str) -> bytes:
    """Lay the print HTML out with WeasyPrint (imported lazily: it is slow to import)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()  # type: ignore[no-any-return]


def _side_by_side(group: GroupReportData) -> list[dict[str, Any]]:
    """Aggregates then indicators, one row each, one value per country (NaN where absent)."""
    rows: list[dict[str, Any]] = []
    first = group.countries[0]
    for key, measure in first.aggregates.items():
        rows.append(
            {
                "name": measure.name,
                "aggregate": True,
                "values": [
                    d.aggregates[key].score if key in d.aggregates else math.nan for d in group.countries
                ],
            }
        )
    for measure in first.indicators:
        values = []
        for data in group.countries:
            match = next((m for m in data.indicators if m.id == measure.id), None)
            values.append(match.score if match else math.nan)
        rows.append({"name": measure.name, "aggregate": False, "values": values})
    return rows
