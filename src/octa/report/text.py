"""Small wording helpers shared by the narrative: numbers, ordinals, lists, phrase choice.

Phrase choice is deterministic (an MD5 of country, section and statement key), so the same
report reads the same on every run while different countries read differently.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

from octa.report import config
from octa.report.model import Fragment, Sentence

#: A marker no template contains: where a list of fragments (with their citations) goes.
SLOT = "\x00"


def pick(seed: str, key: str) -> str:
    """One of the phrasings of `key`, chosen by a stable hash of `seed` and `key`."""
    options = config.phrases()[key]
    digest = hashlib.md5(f"{seed}|{key}".encode(), usedforsecurity=False).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def say(
    seed: str,
    key: str,
    items: Sequence[Sequence[Fragment]] | None = None,
    refs: tuple[int, ...] = (),
    **fields: object,
) -> Sentence:
    """Fill a phrasing; `items` (each a run of fragments) replace its `{items}` field."""
    template = pick(seed, key)
    fields = {**fields, **_place_forms(fields)}
    text = template.format_map({**fields, "items": SLOT} if items is not None else fields)
    head, _, tail = text.partition(SLOT)
    fragments: list[Fragment] = [Fragment(head)] if head else []
    if items is not None and SLOT in text:
        fragments.extend(join(items))
        fragments.append(Fragment(tail))
    if refs and fragments:
        last = fragments[-1]
        body = last.text.rstrip(".")
        fragments[-1] = Fragment(body, last.refs + refs, last.quote)
        fragments.append(Fragment("." if last.text.endswith(".") else ""))
    if not fragments:
        fragments = [Fragment(text)]
    kept = [f for f in fragments if f.text or f.refs]
    kept[0] = Fragment(capitalise(kept[0].text), kept[0].refs, kept[0].quote)
    return Sentence(tuple(kept))


def join(items: Sequence[Sequence[Fragment]]) -> list[Fragment]:
    """'a, b and c' over runs of fragments, keeping each run's citations with it."""
    out: list[Fragment] = []
    for n, item in enumerate(items):
        if n:
            out.append(Fragment(" and " if n == len(items) - 1 else ", "))
        out.extend(item)
    return out


def and_list(words: Sequence[str]) -> str:
    """'a, b and c'."""
    return ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else "".join(words)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_name(name: str) -> str:
    """An indicator name as it reads mid-sentence ('Cocaine trade' -> 'cocaine trade')."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() and len(first) > 1 else name[:1].lower() + name[1:]


def score(value: float, aggregate: bool = False) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value:.2f}" if aggregate else f"{value:.1f}"


def signed(value: float, aggregate: bool = False) -> str:
    text = score(abs(value), aggregate)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def compare(value: float, average: float) -> str:
    """'above', 'below' or 'in line with' an average, with the parity margin from bands.yaml."""
    if math.isnan(average) or abs(value - average) < config.threshold("parity"):
        return "in line with"
    return "above" if value > average else "below"


def plural(n: int) -> str:
    return "" if n == 1 else "s"


def _place_forms(fields: dict[str, object]) -> dict[str, str]:
    """`the_region`, `in_continent`… : place names that read as nouns ("in the Americas")."""
    from octa.report.config import settings

    with_article = set(settings().get("places_with_article", []))
    forms: dict[str, str] = {}
    for key in ("region", "continent"):
        name = fields.get(key)
        if isinstance(name, str):
            noun = f"the {name}" if name in with_article else name
            forms[f"the_{key}"], forms[f"in_{key}"] = noun, f"in {noun}"
    return forms
