"""Plain-data results of the evidence extractor."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Family = Literal["market", "actor", "origin", "resilience", "link"]
Modality = Literal["asserted", "hedged"]

FAMILIES: tuple[str, ...] = ("market", "actor", "origin", "resilience", "link")


@dataclass(slots=True)
class EvidenceItem:
    """One piece of evidence found in one sentence of a document.

    `label` is a framework indicator id (markets, actors, resilience), an ISO2 code (origins),
    or for links the market id, "collaboration" or "infiltration". Links also carry `actor`
    and either `market` or `with_` ("foreign:XX" for foreign actors). `start`/`end` are the
    character offsets of the sentence in the document.
    """

    family: Family
    label: str
    sentence: str
    start: int
    end: int
    confidence: float
    modality: Modality = "asserted"
    polarity: int | None = None
    actor: str | None = None
    market: str | None = None
    with_: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The item as a JSON-ready dict (`with_` becomes `with`; empty fields dropped)."""
        data = asdict(self)
        data["with"] = data.pop("with_")
        return {k: v for k, v in data.items() if v is not None}


@dataclass(slots=True)
class Extraction:
    """Everything the extractor found in one document about one subject country."""

    subject: str | None
    subject_confidence: float
    items: list[EvidenceItem] = field(default_factory=list)

    def of(self, family: Family) -> list[EvidenceItem]:
        """The items of one family, in document order."""
        return [item for item in self.items if item.family == family]

    def as_dict(self) -> dict[str, Any]:
        """The extraction as a JSON-ready dict."""
        return {
            "subject": self.subject,
            "subject_confidence": self.subject_confidence,
            "items": [item.as_dict() for item in self.items],
        }
