"""The trigger scan keeps wide alternations on the fast path (no whole-text fallback)."""

import re

from octa.extract.scan import Scanner, literal_prefixes


def test_wide_alternation_keeps_short_prefixes():
    words = [f"{a}{b}word" for a in "abcdefghij" for b in "abcdefghij"]  # 100 alternatives
    pattern = "(?:" + "|".join(words) + ") here"
    prefixes = literal_prefixes(pattern)
    assert prefixes and len(prefixes) <= 64
    assert all(any(w.startswith(p) for p in prefixes) for w in words)


def test_wide_alternation_still_matches_through_the_scanner():
    words = [f"{a}{b}word" for a in "abcdefghij" for b in "abcdefghij"]
    pattern = "(?:" + "|".join(words) + ") here"
    scanner = Scanner([("cat", "label", pattern)])
    assert not scanner.loose
    text = "text with jjword here and aaword there"
    hits = scanner.scan(text)["cat"]
    assert [(h.start, h.end) for h in hits] == [m.span() for m in re.finditer(pattern, text)]
