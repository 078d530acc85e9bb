"""Fast multi-pattern scanning: one trigger pass, then only the patterns that can match.

Every lexicon pattern is parsed once to find the literal prefixes any of its matches must
start with ("weapon", "firearm", ...). A single regex built as a prefix trie finds every
position where some prefix starts (an Aho-Corasick-like pass done by the C regex engine);
only the few patterns registered under those prefixes are then tried at that position.
Patterns without a literal prefix are scanned on their own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple

_MAX_PREFIXES = 64
_ZERO_WIDTH = (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT)


def literal_prefixes(pattern: str) -> set[str]:
    """Strings one of which starts every match of `pattern` (empty set: no such literal)."""
    prefixes, _ = _expand(sre_parse.parse(pattern))
    return set() if not prefixes or "" in prefixes else prefixes


def _expand(items) -> tuple[set[str], bool]:
    prefixes = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        alts, complete = _alternatives(op, av)
        if alts is None:
            return prefixes, False
        grown = {p + a for p in prefixes for a in alts}
        if len(grown) > _MAX_PREFIXES:
            # too many literals: keep shorter ones (still a prefix of every match)
            shrunk = _shrink(grown)
            return (shrunk, False) if len(shrunk) <= _MAX_PREFIXES else (prefixes, False)
        prefixes = grown
        if not complete:
            return prefixes, False
    return prefixes, True


def _shrink(prefixes: set[str]) -> set[str]:
    """The longest truncation of `prefixes` that has at most _MAX_PREFIXES members."""
    for n in (12, 8, 6, 5, 4, 3, 2, 1):
        cut = {p[:n] for p in prefixes}
        if len(cut) <= _MAX_PREFIXES:
            return cut
    return prefixes


def _alternatives(op, av) -> tuple[set[str] | None, bool]:
    if op is sre_c.LITERAL:
        return {chr(av)}, True
    if op is sre_c.IN:
        return _charset(av)
    if op is sre_c.SUBPATTERN:
        return _expand(av[-1])
    if op is sre_c.BRANCH:
        out: set[str] = set()
        complete = True
        for branch in av[1]:
            found, whole = _expand(branch)
            out |= found
            complete = complete and whole
        return out, complete
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, sub = av
        found, whole = _expand(sub)
        if low == 0 and high == 1:
            return {""} | found, whole
        return (found, False) if low >= 1 else (None, False)
    return None, False


def _charset(av) -> tuple[set[str] | None, bool]:
    chars: set[str] = set()
    for op, arg in av:
        if op is sre_c.LITERAL:
            chars.add(chr(arg))
        elif op is sre_c.RANGE and arg[1] - arg[0] < 12:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None, False
    return chars, True


class Hit(NamedTuple):
    """A labelled match: `label` found at `start:end` of the scanned text."""

    label: str
    start: int
    end: int


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of literal `words` as a prefix trie (longest match first)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True
    return _trie_node(trie)


def _trie_node(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _trie(words: list[str]) -> str:
    return trie_pattern(words) if words else r"(?!x)x"


class Scanner:
    """Scan text for many labelled patterns grouped in categories; overlaps are all kept."""

    def __init__(self, entries: list[tuple[str, str, str]]) -> None:
        self.entries = [(cat, label, re.compile(p)) for cat, label, p in entries]
        self.by_prefix: dict[str, list[int]] = defaultdict(list)
        self.loose: list[int] = []
        for i, (_, _, pattern) in enumerate(entries):
            prefixes = literal_prefixes(pattern)
            if not prefixes or not all(p[0].isalnum() for p in prefixes):
                self.loose.append(i)  # scanned on its own (few: punctuation-led patterns)
                continue
            for prefix in prefixes:
                self.by_prefix[prefix].append(i)
        self.trigger = re.compile(rf"(?<![a-z0-9])(?=({_trie(list(self.by_prefix))}))")
        self.lengths = sorted({len(p) for p in self.by_prefix})
        self.ids = {word: self._ids(word) for word in self.by_prefix}
        # per trigger word: (category, label, bound match) of its candidate patterns
        self.candidates = {word: tuple((self.entries[i][0], self.entries[i][1],
                                        self.entries[i][2].match) for i in ids)
                           for word, ids in self.ids.items()}

    def _ids(self, word: str) -> tuple[int, ...]:
        """Patterns registered under `word` or any shorter prefix of it."""
        found: list[int] = []
        for n in self.lengths:
            if n > len(word):
                break
            found.extend(i for i in self.by_prefix.get(word[:n], ()) if i not in found)
        return tuple(found)

    def scan(self, text: str) -> dict[str, list[Hit]]:
        """Category → hits (sorted by start) of every pattern in `text`."""
        out: dict[str, list[Hit]] = defaultdict(list)
        entries, candidates, new = self.entries, self.candidates, tuple.__new__
        for m in self.trigger.finditer(text):
            pos = m.start()
            for cat, label, match in candidates[m.group(1)]:
                hit = match(text, pos)
                if hit is not None:
                    out[cat].append(new(Hit, (label, pos, hit.end())))  # Hit(...), faster
        for i in self.loose:
            cat, label, rx = entries[i]
            out[cat].extend(Hit(label, h.start(), h.end()) for h in rx.finditer(text))
        for hits in out.values():
            hits.sort(key=lambda h: h.start)
        return out
