"""Country mentions and subject-country detection."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from octa.extract.lexicon import Lexicon


class Mention(NamedTuple):
    """A country named in the text: `kind` is "name", "demonym" or "place"."""

    code: str
    kind: str
    start: int
    end: int


def country_mentions(lex: Lexicon, text: str, low: str) -> list[Mention]:
    """Every country name, demonym and place of `text` (proper-noun case required)."""
    found = []
    forms = lex.country_forms
    for m in lex.countries.finditer(text):
        start, end = m.span()
        if start and (text[start - 1].isalnum() or (text[start - 1] == "-"
                      and not _hyphenated(forms, low, start - 1))):
            continue
        form = forms.get(low[start:end])
        if form is None or (form.exact is not None and text[start:end] != form.exact):
            continue
        found.append(Mention(form.code, form.kind, start, end))
    return found


def _hyphenated(forms: dict, low: str, dash: int) -> bool:
    """A demonym joined to another by a hyphen ("Dutch-Moroccan")."""
    word = low[max(0, dash - 20) : dash].rsplit(None, 1)[-1] if dash else ""
    form = forms.get(word)
    return form is not None and form.kind == "demonym"


def outside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions not inside a longer span ("America" in "South America")."""
    return [m for m in mentions if not any(
        a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in spans)]


def detect_subject(
    lex: Lexicon, low: str, mentions: list[Mention], title_end: int
) -> tuple[str | None, float]:
    """The most likely subject country and a confidence in [0, 1]."""
    cfg = lex.thresholds["subject"]
    scores: dict[str, float] = defaultdict(float)
    for mention in mentions:
        scores[mention.code] += _weight(lex, low, mention, title_end, cfg)
    if not scores:
        return None, 0.0
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, top = ranked[0]
    if top < float(cfg["min_score"]):
        return None, 0.0
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return best, round(top / (top + second), 3)


def _weight(lex: Lexicon, low: str, m: Mention, title_end: int, cfg: dict) -> float:
    weight = float(cfg[m.kind])
    if m.start < title_end:
        weight *= float(cfg["title_factor"])
    elif m.start < int(cfg["lead_chars"]):
        weight *= float(cfg["lead_factor"])
    if m.kind != "place" and lex.head_after.match(low, m.end):
        weight *= float(cfg["actor_factor"])
    elif m.kind == "name" and lex.cues["institution"].match(low, m.end):
        weight *= float(cfg["institution_factor"])
    before = low[max(0, m.start - 10) : m.start]
    if before.endswith(("from ", " to ", "with ", "into ", "from the ", "with the ")):
        weight *= float(cfg["from_factor"])
    return weight
