"""A thin adapter from `octa.extract` to the rows the store keeps.

The extractor is pure and owned elsewhere; this module is the one place that knows its item
shape (family, label, polarity, span, link fields), so a change there is a change here only.
Everything returned is plain data, so it crosses process boundaries cheaply.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from typing import Any

from octa.countries import find_country

#: Hex digits of the document hash that lead every evidence id (see `Draft.evidence_id`).
ID_PREFIX = 16
#: Evidence families, as the extractor names them.
FAMILIES = ("market", "actor", "origin", "resilience", "link")
#: Origins are evidence for the framework's foreign-actors indicator.
ORIGIN_INDICATOR = "foreign-actors"
#: Link labels: actor→market, or a collaboration or state infiltration between actors.
LINK_MARKET, LINK_COLLABORATION, LINK_INFILTRATION = "market", "collaboration", "infiltration"


@dataclass(frozen=True)
class Draft:
    """One evidence item before it has a document: the columns of `EvidenceRow` it sets."""

    family: str
    label: str
    indicator_id: str | None
    polarity: int | None
    actor: str | None
    target: str | None
    sentence: str
    start: int
    end: int
    confidence: float
    modality: str

    def evidence_id(self, document_hash: str) -> str:
        """Deterministic: same document, item and span give the same id on every run.

        The id starts with the document's hash, so one document's items sit together in the
        primary-key index: inserts then touch a few index pages per document rather than one
        random page per item, which keeps ingest fast as the store grows.
        """
        parts = (document_hash, self.family, self.label, self.start, self.end, self.actor, self.target)
        key = "\x1f".join("" if part is None else str(part) for part in parts)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return document_hash[:ID_PREFIX] + digest[: 64 - ID_PREFIX]

    def to_dict(self) -> dict[str, Any]:
        """The fields as a dict (`dataclasses.asdict` deep-copies, and is slow at ingest volumes)."""
        return {name: getattr(self, name) for name in DRAFT_FIELDS}


DRAFT_FIELDS = tuple(f.name for f in fields(Draft))


@dataclass(frozen=True)
class Extracted:
    #: ISO3 of the subject the extractor settled on (given or detected), or None.
    subject: str | None
    drafts: tuple[Draft, ...]


def extract_document(text: str, subject_iso3: str | None) -> Extracted:
    """Run the extractor on one document; a build without an extractor gives no evidence."""
    import octa.extract

    extract = getattr(octa.extract, "extract", None)
    if extract is None:
        return Extracted(subject_iso3, ())
    country = find_country(subject_iso3) if subject_iso3 else None
    result = extract(text, subject=country.iso2 if country else None)
    subject = subject_iso3 or _iso3(getattr(result, "subject", None))
    drafts = tuple(d for d in (to_draft(item) for item in getattr(result, "items", ())) if d is not None)
    return Extracted(subject, drafts)


def _iso3(code: str | None) -> str | None:
    country = find_country(code) if code else None
    return country.iso3 if country else None


def to_draft(item: Any) -> Draft | None:
    """The store's view of one extracted item; unknown families are skipped."""
    family = str(_get(item, "family") or "")
    if family not in FAMILIES:
        return None
    label = str(_get(item, "label") or _get(item, "id") or "")
    if family == "origin":
        label = label.removeprefix("foreign:")
    indicator, actor, target = _placement(item, family, label)
    if family == "link":
        label = _link_label(item, label)
    return Draft(
        family=family, label=label, indicator_id=indicator, polarity=_int(_get(item, "polarity")),
        actor=actor, target=target, sentence=str(_get(item, "sentence") or ""),
        start=int(_get(item, "start") or 0), end=int(_get(item, "end") or 0),
        confidence=float(_get(item, "confidence") or 0.0), modality=str(_get(item, "modality") or "asserted"),
    )


def _placement(item: Any, family: str, label: str) -> tuple[str | None, str | None, str | None]:
    """(indicator id, actor, target) for an item of `family`."""
    if family == "origin":
        return ORIGIN_INDICATOR, f"foreign:{label.removeprefix('foreign:')}", None
    if family == "link":
        target = _get(item, "market") or _get(item, "with_") or _get(item, "with") or _get(item, "partner")
        return None, _opt(_get(item, "actor")), _opt(target)
    return label or None, None, None


def _link_label(item: Any, label: str) -> str:
    """`market` for actor→market links (the market is the target), else the kind of tie."""
    if _get(item, "market"):
        return LINK_MARKET
    return label if label in (LINK_COLLABORATION, LINK_INFILTRATION) else LINK_COLLABORATION


def _get(item: Any, name: str) -> Any:
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, name, None)


def _opt(value: Any) -> str | None:
    return str(value) if value else None


def _int(value: Any) -> int | None:
    return None if value is None else int(value)
