"""A cheap language guess from stop-word counts: enough to label and filter documents.

The lexicons octa extracts with are English; the guess lets an analyst find documents in other
languages rather than trusting their (empty) evidence.
"""

from __future__ import annotations

import re
from collections import Counter


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Frequent function words per ISO 639-1 code; words shared between languages count for each.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words("the of and to in is that for was with as by on are from this have be which"),
    "fr": _words("le la les des et est dans que une pour du sur par pas au qui avec sont"),
    "nl": _words("de het een van en is dat op te voor niet met zijn worden door ook bij"),
    "de": _words("der die das und ist nicht mit den von zu ein eine auf für dem sich auch"),
    "es": _words("el la los las de y que en un una por con para del se es al"),
    "it": _words("il la di che e un una per non con sono del della gli nel le"),
    "pt": _words("o a os as de que e um uma para com não do da em por no"),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: How many words to look at: the first few thousand decide as well as the whole text.
SAMPLE_WORDS = 2000
MIN_HITS = 3


def guess_language(text: str) -> str | None:
    """The language whose stop words are most frequent, or None for too little text."""
    words = [w.casefold() for w in _WORD.findall(text[: SAMPLE_WORDS * 8])][:SAMPLE_WORDS]
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stops) for lang, stops in STOP_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= MIN_HITS else None
