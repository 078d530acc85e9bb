"""Resilience evidence: which indicator a clause talks about and with what polarity."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from octa.extract.lexicon import Hit, Lexicon
from octa.extract.model import EvidenceItem


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer hit (of any label); hits are sorted by start."""
    out: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
        if out and hit.end <= out[-1].end:
            continue
        out.append(hit)
    return out


if TYPE_CHECKING:
    from octa.extract.engine import Doc, Sent

_CONTRAST = ("but", "however", "yet", "although", "though", "whereas")
_FLIP_REACH = 25


def resilience_items(lex: Lexicon, doc: Doc, sents: list[Sent]) -> list[EvidenceItem]:
    """One item per (sentence, indicator) the sentence evaluates."""
    per = doc.by_sentence()
    conf = lex.thresholds["confidence"]
    items: list[EvidenceItem] = []
    for sent in sents:
        topics = _outermost(per[sent.idx].get("topic", []))
        if not topics:
            continue
        cues = _outermost(per[sent.idx].get("polarity", []))
        c = float(conf["hedged"] if sent.hedged else conf["asserted"])
        mod = "hedged" if sent.hedged else "asserted"
        for label, polarity in _sentence(lex, doc, sent, topics, cues).items():
            items.append(EvidenceItem("resilience", label, sent.text, sent.start, sent.end,
                                      c, mod, polarity=polarity))
    return items


def _sentence(lex, doc, sent, topics: list[Hit], cues: list[Hit]) -> dict[str, int]:
    found: dict[str, int] = {}
    for hit in _topics(lex, doc, sent, topics):
        if hit.label in found:
            continue
        polarity = _polarity(lex, sent, hit, cues)
        if polarity is None or (sent.question and polarity >= 0):
            continue
        if hit.label == "territorial-integrity" and _elsewhere(doc, sent):
            continue
        found[hit.label] = polarity
    return found


def _topics(lex: Lexicon, doc: Doc, sent: Sent, topics: list[Hit]) -> list[Hit]:
    speech = lex.cues["speech"]
    return [h for h in topics if not speech.match(doc.low, h.end)]


def _polarity(lex: Lexicon, sent: Sent, hit: Hit, cues: list[Hit]) -> int | None:
    start, end = sent.clause_start(hit.start), sent.clause_end(hit.start)
    pos, neg = _score(cues, hit.label, start, end)
    if not pos and not neg:
        pos, neg = _sentence_score(sent, cues, hit.label)
    if not pos and not neg:
        default = lex.defaults[hit.label]
        return default or None
    if pos == neg:
        return 0
    return 1 if pos > neg else -1


def _sentence_score(sent: Sent, cues: list[Hit], label: str) -> tuple[float, float]:
    edges = [sent.start, *sent.bounds, sent.end]
    pos = neg = 0.0
    for a, b in pairwise(edges):
        head = sent.text[a - sent.start : a - sent.start + 12].lstrip(" ;:,—–-")
        weight = 2.0 if head.startswith(_CONTRAST) else 1.0
        p, n = _score(cues, label, a, b)
        pos, neg = pos + weight * p, neg + weight * n
    return pos, neg


def _score(cues: list[Hit], label: str, start: int, end: int) -> tuple[int, int]:
    inside = [c for c in cues if start <= c.start < end]
    negators = [c.end for c in inside if c.label == "neg"]
    pos = neg = 0
    for cue in inside:
        sign = _sign(cue.label, label)
        if sign == 0:
            continue
        flipped = any(cue.start - _FLIP_REACH <= e <= cue.start for e in negators)
        if sign > 0:
            pos, neg = (pos, neg + 1) if flipped else (pos + 1, neg)
        elif not flipped:
            neg += 1
    return pos, neg


def _sign(cue: str, label: str) -> int:
    if cue in ("p", "n"):
        return 1 if cue == "p" else -1
    if cue[2:] == label:
        return 1 if cue[0] == "p" else -1
    return 0


def _elsewhere(doc: Doc, sent: Sent) -> bool:
    """The sentence is about another country (transit elsewhere is not the subject's)."""
    inside = [m for m in doc.mentions if sent.start <= m.start < sent.end and m.kind != "demonym"]
    if any(m.code == doc.subject for m in inside):
        return False
    low = doc.low[sent.start : sent.end]
    if any(w in low for w in ("it ", "its ", "the country", "the port", "here")):
        return False
    return bool(inside)
