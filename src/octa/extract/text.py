"""Sentence splitting and case folding that keep character offsets."""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b(?:St|Mr|Mrs|Ms|Dr|No|Gen|Col|Lt|Sgt|Jr|Sr|vs|approx|U\.S|U\.K|e\.g|i\.e)\.)$")


def fold(text: str) -> str:
    """Lowercase `text` without changing its length (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[:1] or c for c in text)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`: every line, split at sentence ends."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, stop = line.start(), line.end()
        for cut in _BOUNDARY.finditer(text, start, stop):
            if _ABBREV.search(text, max(start, cut.start() - 8), cut.start()):
                continue
            _push(text, spans, start, cut.start())
            start = cut.end()
        _push(text, spans, start, stop)
    return spans


def _push(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    piece = text[start:end]
    body = piece.strip()  # str.strip drops exactly the characters str.isspace accepts
    if body:
        first = start + len(piece) - len(piece.lstrip())
        spans.append((first, first + len(body)))
