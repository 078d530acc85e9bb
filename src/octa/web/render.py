"""Jinja2 rendering for the pages: autoescaped templates, number formats, colour scales, highlight.

Document text is hostile. Templates never mark it safe; `highlight` escapes the text first and
only then wraps search hits in <mark>, so the only markup in its output is octa's own.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from octa import __version__

TEMPLATES = Path(__file__).parent / "templates"
#: ColorBrewer 9-class sequential schemes (Apache-2.0, Cynthia Brewer): YlOrRd for threats,
#: Blues for resilience. Index i covers scores [1 + i, 2 + i) on the 1–10 scale.
THREAT = ("#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026")
RESILIENCE = (
    "#f7fbff",
    "#deebf7",
    "#c6dbef",
    "#9ecae1",
    "#6baed6",
    "#4292c6",
    "#2171b5",
    "#08519c",
    "#08306b",
)
NO_DATA = "#d9d9d9"
QUADRANTS = {
    "HC-LR": "High criminality, low resilience",
    "HC-HR": "High criminality, high resilience",
    "LC-LR": "Low criminality, low resilience",
    "LC-HR": "Low criminality, high resilience",
}


def num(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if isinstance(value, int):
        return str(value)
    return f"{float(value):.{digits}f}"


def signed(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{float(value):+.{digits}f}"


def palette(measure: str, pillar: str | None = None) -> tuple[str, ...]:
    """Resilience reads as 'more is better' (blue); everything else as a threat (red)."""
    return RESILIENCE if "resilience" in (measure, pillar) else THREAT


def colour(value: Any, measure: str = "criminality", pillar: str | None = None) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return NO_DATA
    scheme = palette(measure, pillar)
    index = min(max(int(float(value) - 1), 0), len(scheme) - 1)
    return scheme[index]


def highlight(text: Any, words: list[str] | None = None, span: tuple[int, int] | None = None) -> Markup:
    """Escape `text`, then mark search words (or one character span) in the escaped result."""
    raw = "" if text is None else str(text)
    if span and 0 <= span[0] < span[1] <= len(raw):
        start, end = span
        return Markup("{}<mark>{}</mark>{}").format(raw[:start], raw[start:end], raw[end:])
    safe = str(escape(raw))
    usable = [re.escape(str(escape(w))) for w in (words or []) if w]
    if not usable:
        return Markup(safe)
    pattern = re.compile(r"(?<![\w&#])(" + "|".join(usable) + r")\w*", re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", safe))


#: Words of indicator ids too generic to point at the phrase that triggered an item.
GENERIC = {
    "trade",
    "crimes",
    "crime",
    "goods",
    "actors",
    "groups",
    "and",
    "of",
    "illicit",
    "sector",
    "style",
    "dependent",
    "non",
    "embedded",
    "private",
    "state",
    "system",
    "support",
    "leadership",
}


def cues(item: dict[str, Any]) -> list[str]:
    """Words to mark in an evidence sentence when no search is active: the indicator's own words.

    The store keeps the sentence span, not the phrase the extractor matched, so this is a reading
    aid ("cocaine" for cocaine-trade), not a claim about what triggered the item.
    """
    words: list[str] = []
    for key in (item.get("indicator"), item.get("target"), item.get("label")):
        for word in re.split(r"[-:_\s]+", str(key or "")):
            if len(word) > 3 and word.lower() not in GENERIC and word.lower() not in words:
                words.append(word.lower())
    return words


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(num=num, signed=signed, colour=colour, highlight=highlight, cues=cues)
    env.globals.update(
        version=__version__,
        THREAT=THREAT,
        RESILIENCE=RESILIENCE,
        NO_DATA=NO_DATA,
        palette=palette,
        QUADRANTS=QUADRANTS,
    )
    return env


ENV = _environment()


def render_page(request: Request, template: str, **context: Any) -> str:
    """A page's HTML; every template extends base.html and gets the request's path for the nav."""
    query = dict(request.query_params)
    return ENV.get_template(template).render(path=request.url.path, query=query, **context)


def page(request: Request, template: str, http_status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render_page(request, template, **context), status_code=http_status)
