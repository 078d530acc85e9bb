"""Turn an `Extraction` into a record in the gold format of the annotation guidelines."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from octa.extract.lexicon import get_lexicon
from octa.extract.model import EvidenceItem, Extraction


def resilience_summary(items: list[EvidenceItem], last_bonus: float | None = None) -> dict:
    """Indicator → polarity: the sign of the summed statements, the last weighing more."""
    if last_bonus is None:
        last_bonus = float(get_lexicon().thresholds["resilience"]["last_bonus"])
    series: dict[str, list[int]] = defaultdict(list)
    for item in sorted(items, key=lambda it: it.start):
        if item.family == "resilience" and item.polarity is not None:
            series[item.label].append(item.polarity)
    out = {}
    for label, values in series.items():
        total = sum(values) + last_bonus * values[-1]
        out[label] = 0 if abs(total) < 1e-9 else (1 if total > 0 else -1)
    return out


def _links(items: list[EvidenceItem]) -> list[dict[str, str]]:
    seen: dict[tuple[str, str], dict[str, str]] = {}
    for item in items:
        if item.family != "link" or item.actor is None:
            continue
        if item.market:
            seen.setdefault((item.actor, item.market), {"actor": item.actor,
                                                         "market": item.market})
        elif item.with_:
            a, b = sorted((item.actor, item.with_))
            seen.setdefault((a, "with:" + b), {"actor": item.actor, "with": item.with_})
    return list(seen.values())


def to_gold_record(doc_id: str, result: Extraction) -> dict[str, Any]:
    """The extraction as `{id, subject, markets, actors, origins, resilience, links}`."""
    def labels(family: str) -> list[str]:
        return list(dict.fromkeys(it.label for it in result.items if it.family == family))

    return {
        "id": doc_id,
        "subject": result.subject,
        "markets": labels("market"),
        "actors": labels("actor"),
        "origins": labels("origin"),
        "resilience": resilience_summary(result.items),
        "links": _links(result.items),
    }
