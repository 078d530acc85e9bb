"""Analyst prose written from the data: every sentence states a score, a rank or evidence.

The narrative never claims more than its inputs: bands come from `bands.yaml`; evidence is
cited by numbered reference; where the evidence and the scores disagree (evidence of a market
the index scores low, a high score that no document supports) the text says so. Quotations
from documents are kept as `Fragment(quote=True)` so the renderers can escape them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from octa.report import config
from octa.report.citations import Citations
from octa.report.model import (
    EvidenceItem,
    Fragment,
    GroupReportData,
    Measure,
    Paragraph,
    ReportData,
    Section,
    Sentence,
)
from octa.report.text import compare, lower_name, ordinal, plural, say, score

QUOTE_LIMIT = 240
QUOTE_MIN_WORDS = 6
SECTION_TITLES = {
    "summary": "Headline",
    "markets": "Criminal markets",
    "actors": "Criminal actors",
    "resilience": "Resilience",
    "vulnerabilities": "Vulnerabilities",
    "change": "Change since the previous edition",
    "comparison": "Comparison with averages",
    "sources": "Sources",
}


def write_country(data: ReportData) -> None:
    """Fill `data.sections`, `data.references`, `data.origins` and `data.links`."""
    cites = Citations(data.evidence)
    writer = _Writer(data, cites)
    data.sections = [
        Section("summary", SECTION_TITLES["summary"], writer.summary(), chart="intervals"),
        Section("markets", SECTION_TITLES["markets"], writer.markets(), chart="markets"),
        Section("actors", SECTION_TITLES["actors"], writer.actors()),
        Section("resilience", SECTION_TITLES["resilience"], writer.resilience(), chart="resilience"),
        Section("vulnerabilities", SECTION_TITLES["vulnerabilities"], writer.vulnerabilities()),
        Section("change", _change_title(data), writer.change(), chart="trend"),
        Section("comparison", SECTION_TITLES["comparison"], writer.comparison()),
        Section("sources", SECTION_TITLES["sources"], []),
    ]
    data.references = cites.references()


def write_group(group: GroupReportData) -> None:
    from octa.report.group import write

    write(group)


def _change_title(data: ReportData) -> str:
    return f"Change since {data.previous_edition}" if data.previous_edition else SECTION_TITLES["change"]


class _Writer:
    """Writes each section of one country report; `seed` varies phrasing by country and section."""

    def __init__(self, data: ReportData, cites: Citations) -> None:
        self.data, self.cites = data, cites
        #: Sentences already quoted, so no quotation appears twice in one report.
        self.quoted: set[str] = set()

    def seed(self, section: str) -> str:
        return f"{self.data.iso3}|{section}"

    # -- headline -----------------------------------------------------------------------------
    def summary(self) -> list[Paragraph]:
        d, seed = self.data, self.seed("summary")
        crim, res = d.aggregates["criminality"], d.aggregates["resilience"]
        first = [
            say(
                seed,
                "headline_scores",
                country=d.country,
                edition=d.edition,
                criminality=score(crim.score, True),
                crim_band=_word(crim),
                resilience=score(res.score, True),
                res_band=_word(res),
            ),
            say(seed, "headline_ranks", **self._rank_fields()),
            say(seed, "headline_quadrant", country=d.country, quadrant=d.quadrant_label),
        ]
        return [first, [self._interval_sentence(), self._evidence_sentence()]]

    def _rank_fields(self) -> dict[str, Any]:
        d = self.data
        crim, res = d.ranks.get("criminality", {}), d.ranks.get("resilience", {})
        return {
            "crim_world": ordinal(crim.get("world", 0)),
            "crim_continent": ordinal(crim.get("continent", 0)),
            "crim_region": ordinal(crim.get("region", 0)),
            "res_world": ordinal(res.get("world", 0)),
            "n_world": d.counts["world"],
            "n_continent": d.counts["continent"],
            "n_region": d.counts["region"],
            "continent": d.continent,
            "region": d.region,
        }

    def _interval_sentence(self) -> Sentence:
        d, seed = self.data, self.seed("summary")
        crim, res = d.intervals.get("criminality"), d.intervals.get("resilience")
        if crim is None or res is None:
            return say(seed, "headline_interval_missing")
        return say(
            seed,
            "headline_interval",
            draws=f"{d.draws:,}",
            crim_low=ordinal(crim.low),
            crim_high=ordinal(crim.high),
            crim_median=ordinal(crim.median),
            res_low=ordinal(res.low),
            res_high=ordinal(res.high),
            res_median=ordinal(res.median),
        )

    def _evidence_sentence(self) -> Sentence:
        d, seed = self.data, self.seed("summary")
        if not d.evidence:
            return say(seed, "headline_no_evidence", country=d.country)
        docs = {item.document_id for item in d.evidence}
        return say(
            seed,
            "headline_evidence",
            country=d.country,
            n_items=len(d.evidence),
            n_docs=len(docs),
            items_s=plural(len(d.evidence)),
            docs_s=plural(len(docs)),
        )

    # -- markets and actors -------------------------------------------------------------------
    def markets(self) -> list[Paragraph]:
        d, seed = self.data, self.seed("markets")
        pillar = d.aggregates["criminal-markets"]
        ranked = sorted(d.markets, key=lambda m: -m.score)
        opening = [
            self._pillar_sentence(seed, "markets_pillar", pillar),
            say(seed, "markets_top", items=[self._scored(m) for m in ranked[:3]]),
        ]
        if len(ranked) > 5:
            opening.append(say(seed, "markets_low", items=[self._scored(m) for m in ranked[-2:][::-1]]))
        new = [m for m in d.markets if m.is_new]
        if new:
            opening.append(say(seed, "markets_new", items=[[Fragment(lower_name(m.name))] for m in new]))
        return [
            p
            for p in (opening, self._evidence_paragraph(seed, ranked), self._disagreements(seed, ranked))
            if p
        ]

    def actors(self) -> list[Paragraph]:
        d, seed = self.data, self.seed("actors")
        pillar = d.aggregates["criminal-actors"]
        ranked = sorted(d.actors, key=lambda m: -m.score)
        opening = [
            self._pillar_sentence(seed, "actors_pillar", pillar),
            say(seed, "actors_types", items=[self._scored(m) for m in ranked]),
        ]
        state = next((m for m in d.actors if m.id == "state-embedded-actors"), None)
        if state is not None:
            opening.append(say(seed, "actors_state", score=score(state.score), band=_word(state)))
        paragraphs = [
            opening,
            self._evidence_paragraph(seed, ranked),
            self._disagreements(seed, ranked),
            self._network_paragraph(seed),
        ]
        return [p for p in paragraphs if p]

    def _pillar_sentence(self, seed: str, key: str, pillar: Measure) -> Sentence:
        avg = pillar.averages.get("region", math.nan)
        return say(
            seed,
            key,
            score=score(pillar.score, True),
            band=_word(pillar),
            country=self.data.country,
            comparison=compare(pillar.score, avg),
            region=self.data.region,
            avg=score(avg, True),
        )

    def _scored(self, measure: Measure) -> list[Fragment]:
        """'cocaine trade (8.0, severe)' with the measure's evidence cited."""
        refs = self.cites.cite(measure.evidence)
        return [Fragment(f"{lower_name(measure.name)} ({score(measure.score)}, {_word(measure)})", refs)]

    def _evidence_paragraph(self, seed: str, ranked: list[Measure]) -> Paragraph:
        out: Paragraph = []
        for measure in [m for m in ranked if m.evidence][:4]:
            n = len(measure.evidence)
            out.append(
                say(
                    seed + measure.id,
                    "indicator_evidence",
                    refs=self.cites.cite(measure.evidence),
                    name=lower_name(measure.name),
                    n=n,
                    s=plural(n),
                    verb_s="s" if n == 1 else "",
                )
            )
            item = self._quotable(measure.evidence)
            if item is not None:
                out.append(self._quote(seed + measure.id, item))
        return out

    def _quotable(self, items: list[EvidenceItem]) -> EvidenceItem | None:
        """The most informative sentence not quoted yet: a full sentence, not a document title."""
        fresh = [
            i
            for i in items
            if i.sentence not in self.quoted
            and i.sentence.strip() != i.title.strip()
            and len(i.sentence.split()) >= QUOTE_MIN_WORDS
        ]
        if not fresh:
            return None
        best = max(fresh, key=lambda i: (i.confidence, i.modality == "asserted", -abs(len(i.sentence) - 160)))
        self.quoted.add(best.sentence)
        return best

    def _quote(self, seed: str, item: EvidenceItem) -> Sentence:
        lead = say(seed, "evidence_quote")
        text = item.sentence if len(item.sentence) <= QUOTE_LIMIT else item.sentence[: QUOTE_LIMIT - 1] + "…"
        hedge = " (a hedged statement)" if item.modality == "hedged" else ""
        quote = Fragment(text, self.cites.cite([item]), quote=True)
        return Sentence((*lead.fragments, Fragment(" "), quote, Fragment(hedge + ".")))

    def _disagreements(self, seed: str, ranked: list[Measure]) -> Paragraph:
        """Scores and evidence that disagree: high scores without evidence, low scores with it."""
        low, high = config.threshold("evidence_but_low"), config.threshold("high_without_evidence")
        unsupported = [m for m in ranked if m.score >= high and not m.evidence]
        out: Paragraph = []
        if len(unsupported) == 1:
            m = unsupported[0]
            out.append(
                say(
                    seed + m.id,
                    "high_without_evidence",
                    name=lower_name(m.name),
                    score=score(m.score),
                    band=_word(m),
                )
            )
        elif unsupported:
            items = [[Fragment(f"{lower_name(m.name)} ({score(m.score)})")] for m in unsupported]
            out.append(say(seed, "high_without_evidence_many", items=items))
        for m in ranked:
            if m.score <= low and m.evidence:
                out.append(
                    say(
                        seed + m.id,
                        "evidence_but_low",
                        refs=self.cites.cite(m.evidence),
                        name=lower_name(m.name),
                        score=score(m.score),
                        band=_word(m),
                    )
                )
        return out

    def _network_paragraph(self, seed: str) -> Paragraph:
        from octa.report.links import links_and_origins

        d = self.data
        d.origins, d.links = links_and_origins(d.evidence, self.cites, d.indicators)
        out: Paragraph = []
        if d.origins:
            out.append(
                say(seed, "actors_foreign_origins", items=[[Fragment(o.name, o.refs)] for o in d.origins])
            )
        elif d.evidence:
            out.append(say(seed, "actors_no_origins"))
        names = {m.id: lower_name(m.name) for m in d.indicators}
        links = [link for link in d.links if "state-embedded-actors" not in (link.actor, link.other)]
        state = [link for link in d.links if link not in links]
        if links:
            out.append(say(seed, "actors_links", items=[_link(link, names) for link in links[:6]]))
        elif d.evidence:
            out.append(say(seed, "actors_no_links"))
        if state:
            out.append(
                say(
                    seed,
                    "actors_state_links",
                    items=[_link(link, names, skip_state=True) for link in state[:4]],
                )
            )
        return out

    # -- resilience ---------------------------------------------------------------------------
    def resilience(self) -> list[Paragraph]:
        d, seed = self.data, self.seed("resilience")
        ranked = sorted(d.resilience, key=lambda m: -m.score)
        opening = [self._pillar_sentence(seed, "resilience_pillar", d.aggregates["resilience"])]
        if ranked:
            opening.append(say(seed, "resilience_strengths", items=[self._versus(m) for m in ranked[:3]]))
            opening.append(
                say(seed, "resilience_weaknesses", items=[self._versus(m) for m in ranked[::-1][:3]])
            )
        return [p for p in (opening, self._resilience_evidence(seed, ranked)) if p]

    def _versus(self, measure: Measure) -> list[Fragment]:
        avg = measure.averages.get("region", math.nan)
        refs = self.cites.cite(measure.evidence)
        return [
            Fragment(
                f"{lower_name(measure.name)} ({score(measure.score)}; regional average {score(avg, True)})",
                refs,
            )
        ]

    def _resilience_evidence(self, seed: str, ranked: list[Measure]) -> Paragraph:
        out: Paragraph = []
        for polarity, key in ((1, "resilience_evidence_positive"), (-1, "resilience_evidence_negative")):
            items = [self._polar(m, polarity) for m in ranked if _polar_items(m, polarity)]
            if items:
                out.append(say(seed, key, items=items, country=self.data.country))
        for measure in ranked:
            out.extend(self._resilience_disagreement(seed, measure))
        return out

    def _polar(self, measure: Measure, polarity: int) -> list[Fragment]:
        return [Fragment(lower_name(measure.name), self.cites.cite(_polar_items(measure, polarity)))]

    def _resilience_disagreement(self, seed: str, measure: Measure) -> Paragraph:
        pos, neg = _polar_items(measure, 1), _polar_items(measure, -1)
        fields: dict[str, Any] = {
            "name": lower_name(measure.name),
            "score": score(measure.score),
            "band": _word(measure),
        }
        if neg and not pos and measure.score >= config.threshold("strong_with_criticism"):
            return [say(seed + measure.id, "strong_with_criticism", refs=self.cites.cite(neg), **fields)]
        if pos and not neg and measure.score <= config.threshold("weak_with_praise"):
            return [say(seed + measure.id, "weak_with_praise", refs=self.cites.cite(pos), **fields)]
        return []

    # -- vulnerabilities ----------------------------------------------------------------------
    def vulnerabilities(self) -> list[Paragraph]:
        d, seed = self.data, self.seed("vulnerabilities")
        crim, res = d.aggregates["criminality"].score, d.aggregates["resilience"].score
        gap_word = "level with" if abs(crim - res) < 0.005 else ("below" if crim < res else "above")
        out: Paragraph = [
            say(
                seed,
                "vulnerabilities_gap",
                criminality=score(crim, True),
                resilience=score(res, True),
                gap_word=gap_word,
                gap=score(abs(crim - res), True),
            )
        ]
        out.extend(self._regional_gaps(seed))
        flagged = [m for m in d.resilience if _polar_items(m, -1)]
        if flagged:
            out.append(say(seed, "vulnerabilities_evidence", items=[self._polar(m, -1) for m in flagged[:4]]))
        return [out]

    def _regional_gaps(self, seed: str) -> Paragraph:
        """Markets well above, and resilience well below, the regional average."""
        d, gap = self.data, config.threshold("vulnerability_gap")
        markets = sorted(
            (m for m in d.markets if m.score - m.averages.get("region", math.inf) >= gap),
            key=lambda m: m.averages["region"] - m.score,
        )
        weak = sorted(
            (m for m in d.resilience if m.averages.get("region", -math.inf) - m.score >= gap),
            key=lambda m: m.score - m.averages["region"],
        )
        out: Paragraph = []
        if markets:
            out.append(
                say(
                    seed,
                    "vulnerabilities_markets",
                    region=d.region,
                    country=d.country,
                    items=[self._gap(m) for m in markets[:4]],
                )
            )
        if weak:
            out.append(
                say(
                    seed,
                    "vulnerabilities_resilience",
                    region=d.region,
                    items=[self._gap(m) for m in weak[:4]],
                )
            )
        if not markets and not weak:
            out.append(say(seed, "vulnerabilities_none", threshold=score(gap)))
        return out

    def _gap(self, measure: Measure) -> list[Fragment]:
        avg = measure.averages["region"]
        return [
            Fragment(
                f"{lower_name(measure.name)} ({score(measure.score)} against {score(avg, True)})",
                self.cites.cite(measure.evidence),
            )
        ]

    # -- change and comparison ----------------------------------------------------------------
    def change(self) -> list[Paragraph]:
        from octa.report.change import write_change

        return write_change(self.data, self.seed("change"))

    def comparison(self) -> list[Paragraph]:
        d, seed = self.data, self.seed("comparison")
        fields: dict[str, Any] = {"country": d.country, "region": d.region, "continent": d.continent}
        for key, short in (("criminality", "crim"), ("resilience", "res")):
            measure = d.aggregates[key]
            for scope in ("region", "continent", "world"):
                avg = measure.averages.get(scope, math.nan)
                fields[f"{short}_{scope}_avg"] = score(avg, True)
                fields[f"{short}_{scope}_cmp"] = compare(measure.score, avg)
            fields[f"{short}_score"] = score(measure.score, True)
        return [[say(seed, "comparison_intro", **fields), say(seed, "comparison_resilience", **fields)]]


def _word(measure: Measure) -> str:
    return config.band_of(measure.score).word(measure.pillar)


def _polar_items(measure: Measure, polarity: int) -> list[EvidenceItem]:
    return [item for item in measure.evidence if (item.polarity or 0) == polarity]


def _link(link: object, names: dict[str, str], skip_state: bool = False) -> Sequence[Fragment]:
    from octa.report.links import describe

    return [Fragment(describe(link, names, skip_state), getattr(link, "refs", ()))]
