"""Narrative of regional and side-by-side reports, built from the countries' own report data.

Group reports only restate scores (their evidence is cited in each country's own report), so
their sentences carry no reference numbers.
"""

from __future__ import annotations

import math
import statistics

from octa.report import config
from octa.report.model import Fragment, GroupReportData, Measure, Paragraph, ReportData, Section, Sentence
from octa.report.text import and_list, lower_name, plural, say, score

TOP = 3


def write(group: GroupReportData) -> None:
    seed = f"{group.kind}|{group.scope_name or ','.join(d.iso3 for d in group.countries)}"
    group.averages = {
        key: statistics.fmean(d.aggregates[key].score for d in group.countries)
        for key in ("criminality", "resilience", "criminal-markets", "criminal-actors")
    }
    overview = [_intro(group, seed), *_orders(group, seed), _markets(group, seed)]
    paragraphs: list[Paragraph] = [overview]
    if group.kind == "compare":
        paragraphs.append(_differences(group, seed))
    paragraphs.append([_evidence(group, seed)])
    group.sections = [Section("overview", "Overview", paragraphs, chart="group")]


def _intro(group: GroupReportData, seed: str) -> Sentence:
    crim, res = group.averages["criminality"], group.averages["resilience"]
    scope = group.scope_name or "this comparison"
    return say(
        seed,
        "group_intro",
        n=len(group.countries),
        scope=scope,
        edition=group.edition,
        criminality=score(crim, True),
        crim_band=config.band_of(crim).word("criminality"),
        resilience=score(res, True),
        res_band=config.band_of(res).word("resilience"),
    )


def _named(data: list[ReportData], key: str) -> list[list[Fragment]]:
    return [[Fragment(f"{d.country} ({score(d.aggregates[key].score, True)})")] for d in data]


def _orders(group: GroupReportData, seed: str) -> list[Sentence]:
    by_crim = sorted(group.countries, key=lambda d: -d.aggregates["criminality"].score)
    by_res = sorted(group.countries, key=lambda d: -d.aggregates["resilience"].score)
    top = min(TOP, max(1, len(by_crim) // 2))
    out = [
        say(seed, "group_criminality_order", items=_named(by_crim[:top], "criminality")),
        say(seed, "group_criminality_low", items=_named(by_crim[::-1][:top], "criminality")),
    ]
    weakest = and_list(
        [f"{d.country} ({score(d.aggregates['resilience'].score, True)})" for d in by_res[::-1][:top]]
    )
    out.append(say(seed, "group_resilience_order", items=_named(by_res[:top], "resilience"), weakest=weakest))
    return out


def market_means(group: GroupReportData) -> list[tuple[str, float]]:
    """Each market's mean score over the group, highest first."""
    values: dict[str, list[float]] = {}
    names: dict[str, str] = {}
    for data in group.countries:
        for m in data.markets:
            values.setdefault(m.id, []).append(m.score)
            names[m.id] = m.name
    means = [(names[k], statistics.fmean(v)) for k, v in values.items()]
    return sorted(means, key=lambda p: -p[1])


def _markets(group: GroupReportData, seed: str) -> Sentence:
    items = [
        [Fragment(f"{lower_name(name)} ({score(value, True)})")] for name, value in market_means(group)[:TOP]
    ]
    return say(seed, "group_markets", items=items)


def _differences(group: GroupReportData, seed: str) -> Paragraph:
    spreads: list[tuple[float, str, list[Measure]]] = []
    by_id: dict[str, list[Measure]] = {}
    for data in group.countries:
        for m in data.indicators:
            by_id.setdefault(m.id, []).append(m)
    for key, measures in by_id.items():
        if len(measures) == len(group.countries) and not any(math.isnan(m.score) for m in measures):
            spreads.append((max(m.score for m in measures) - min(m.score for m in measures), key, measures))
    spreads.sort(key=lambda p: (-p[0], p[1]))
    items = []
    for _, _, measures in spreads[:TOP]:
        scores = ", ".join(
            f"{d.country} {score(m.score)}" for d, m in zip(group.countries, measures, strict=True)
        )
        items.append([Fragment(f"{lower_name(measures[0].name)} ({scores})")])
    return [
        say(seed, "compare_gaps", items=items),
        say(seed, "compare_quadrants", items=[_by_quadrant(group)]),
    ]


def _by_quadrant(group: GroupReportData) -> list[Fragment]:
    """'Belgium and Netherlands have low criminality and high resilience; France has …'."""
    members: dict[str, list[str]] = {}
    for data in group.countries:
        members.setdefault(data.quadrant_label, []).append(data.country)
    parts = [
        f"{and_list(names)} {'has' if len(names) == 1 else 'have'} {label}"
        for label, names in members.items()
    ]
    return [Fragment("; ".join(parts))]


def _evidence(group: GroupReportData, seed: str) -> Sentence:
    items = [i for d in group.countries for i in d.evidence]
    if not items:
        return say(seed, "group_no_evidence")
    docs = len({i.document_id for i in items})
    return say(
        seed,
        "group_evidence",
        n_items=len(items),
        n_docs=docs,
        items_s=plural(len(items)),
        docs_s=plural(docs),
    )
