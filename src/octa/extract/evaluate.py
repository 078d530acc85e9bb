"""Score predicted records against gold records (micro P/R/F1 per family, as score.py)."""

from __future__ import annotations

from typing import Any

FAMILIES = ("markets", "actors", "origins", "resilience", "links")


def family_items(record: dict[str, Any], family: str) -> set:
    """The comparable items of one family of a record (links as unordered pairs)."""
    value = record.get(family) or ({} if family == "resilience" else [])
    if family == "resilience":
        return {(k, int(v)) for k, v in value.items()}
    if family == "links":
        out = set()
        for link in value:
            if link.get("market"):
                out.add((link["actor"], link["market"]))
            else:
                a, b = sorted((str(link["actor"]), str(link.get("with"))))
                out.add((a, "with:" + b))
        return out
    return set(value)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of the counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _row(tp: int, fp: int, fn: int) -> dict[str, float]:
    p, r, f = prf(tp, fp, fn)
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict[str, dict[str, float]]:
    """Per-family and overall micro scores; a document missing from `pred` predicts nothing."""
    totals: dict[str, dict[str, float]] = {}
    all_tp = all_fp = all_fn = 0
    for family in FAMILIES:
        tp = fp = fn = 0
        for doc_id, g in gold.items():
            gi, pi = family_items(g, family), family_items(pred.get(doc_id, {}), family)
            tp, fp, fn = tp + len(gi & pi), fp + len(pi - gi), fn + len(gi - pi)
        totals[family] = _row(tp, fp, fn)
        all_tp, all_fp, all_fn = all_tp + tp, all_fp + fp, all_fn + fn
    totals["overall"] = _row(all_tp, all_fp, all_fn)
    return totals


def subject_accuracy(gold: dict[str, dict], pred: dict[str, dict]) -> float:
    """Share of gold documents whose predicted subject equals the gold subject."""
    if not gold:
        return 0.0
    hits = sum(1 for k, g in gold.items() if pred.get(k, {}).get("subject") == g.get("subject"))
    return hits / len(gold)


def format_table(totals: dict[str, dict[str, float]]) -> str:
    """The score table exactly as score.py prints it."""
    lines = [f"{'family':<12}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for family, t in totals.items():
        lines.append(f"{family:<12}{t['precision']:7.3f}{t['recall']:7.3f}{t['f1']:7.3f}"
                     f"{int(t['tp']):6d}{int(t['fp']):6d}{int(t['fn']):6d}")
    return "\n".join(lines)
