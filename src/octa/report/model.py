"""The plain data a report is rendered from: no store, no engine, no markup.

`ReportData` is built once from the store, the assessment and the evidence (see `builder.py`);
the narrative, the charts and the HTML/Markdown/PDF renderers only read it. Keeping it plain
makes every renderer a pure function and lets tests check figures without parsing markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Scope = Literal["region", "continent", "world"]


@dataclass(frozen=True)
class EvidenceItem:
    """One extracted statement and the document it came from (document text is untrusted)."""

    id: str
    document_id: int
    family: str
    label: str
    indicator_id: str | None
    polarity: int | None
    actor: str | None
    target: str | None
    sentence: str
    modality: str
    confidence: float
    title: str
    source: str
    date: str
    grade: str
    url: str | None = None


@dataclass(frozen=True)
class Reference:
    """A numbered source: one document, cited as [number] in the text."""

    number: int
    document_id: int
    title: str
    source: str
    date: str
    grade: str
    url: str | None = None
    items: int = 0


@dataclass(frozen=True)
class Fragment:
    """A piece of a sentence: trusted template text, or a quotation from a document.

    Renderers escape both kinds; `refs` are reference numbers printed right after the piece.
    """

    text: str
    refs: tuple[int, ...] = ()
    quote: bool = False


@dataclass(frozen=True)
class Sentence:
    fragments: tuple[Fragment, ...]

    @property
    def text(self) -> str:
        """Plain text with [n] markers, for tests and logs."""
        out = []
        for fragment in self.fragments:
            out.append(f"“{fragment.text}”" if fragment.quote else fragment.text)
            out.extend(f"[{n}]" for n in fragment.refs)
        return "".join(out)

    @property
    def refs(self) -> tuple[int, ...]:
        return tuple(n for fragment in self.fragments for n in fragment.refs)


Paragraph = list[Sentence]


@dataclass
class Section:
    """A titled part of the report: narrative paragraphs, and the chart that goes with it."""

    id: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    chart: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(s.text for s in p) for p in self.paragraphs)


@dataclass
class Measure:
    """One indicator or aggregate of one country in one edition, with its context."""

    id: str
    name: str
    pillar: str
    score: float
    band: str
    averages: dict[str, float] = field(default_factory=dict)
    previous: float | None = None
    delta: float | None = None
    is_new: bool = False
    evidence: list[EvidenceItem] = field(default_factory=list)


@dataclass(frozen=True)
class RankInterval:
    """Published rank and the Monte Carlo median and 90% interval of one aggregate."""

    target: str
    rank: int
    median: int
    low: int
    high: int


@dataclass(frozen=True)
class TrendPoint:
    edition: int
    criminality: float
    resilience: float
    criminality_rank: int
    resilience_rank: int
    world_criminality: float
    world_resilience: float


@dataclass(frozen=True)
class Link:
    """A tie the evidence describes: actor to market, or actor with actor."""

    actor: str
    other: str
    kind: Literal["market", "with"]
    refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class Origin:
    iso2: str
    name: str
    refs: tuple[int, ...] = ()


@dataclass
class ReportData:
    """Everything a country report shows, as plain values."""

    iso3: str
    iso2: str
    country: str
    edition: int
    previous_edition: int | None
    framework: str
    publisher: str
    continent: str
    region: str
    counts: dict[str, int]
    aggregates: dict[str, Measure]
    ranks: dict[str, dict[str, int]]
    quadrant: str
    quadrant_label: str
    intervals: dict[str, RankInterval]
    draws: int
    markets: list[Measure]
    actors: list[Measure]
    resilience: list[Measure]
    trend: list[TrendPoint]
    change: dict[str, object] | None
    dropped: list[str]
    evidence: list[EvidenceItem]
    references: list[Reference] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    @property
    def indicators(self) -> list[Measure]:
        return [*self.markets, *self.actors, *self.resilience]

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    @property
    def title(self) -> str:
        return f"{self.country}: organised-crime threat assessment, {self.edition}"


@dataclass
class GroupReportData:
    """A regional or side-by-side report: several countries' data plus a comparative narrative."""

    kind: Literal["region", "compare"]
    title: str
    edition: int
    countries: list[ReportData]
    scope_name: str | None = None
    averages: dict[str, float] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
