"""Foreign origins and actor links from evidence items, with their citations.

Extractors label origins as ISO alpha-2 codes (family `origin`, or `foreign:XX` actors) and
links as actor/target pairs (target a market id, or another actor with the `with` kind), as
in the annotation guidelines; anything else is ignored rather than guessed at.
"""

from __future__ import annotations

from collections import defaultdict

from octa.countries import find_country
from octa.report.citations import Citations
from octa.report.model import EvidenceItem, Link, Measure, Origin

ORIGIN_FAMILIES = ("origin", "origins")


def links_and_origins(
    evidence: list[EvidenceItem], cites: Citations, indicators: list[Measure]
) -> tuple[list[Origin], list[Link]]:
    markets = {m.id for m in indicators if m.pillar == "criminal-markets"}
    origins: dict[str, list[EvidenceItem]] = defaultdict(list)
    links: dict[tuple[str, str, str], list[EvidenceItem]] = defaultdict(list)
    for item in evidence:
        for code in _origin_codes(item):
            origins[code].append(item)
        if item.actor and item.target:
            kind = "market" if item.target in markets else "with"
            a, b = (item.actor, item.target) if kind == "market" else tuple(sorted((item.actor, item.target)))
            links[(a, b, kind)].append(item)
    found = [
        Origin(code, _country_name(code), cites.cite(items))
        for code, items in sorted(origins.items(), key=lambda p: (-len(p[1]), p[0]))
    ]
    tied = [
        Link(a, b, kind, cites.cite(items))  # type: ignore[arg-type]
        for (a, b, kind), items in sorted(links.items(), key=lambda p: (-len(p[1]), p[0]))
    ]
    return found, tied


def _origin_codes(item: EvidenceItem) -> list[str]:
    codes = []
    if item.family in ORIGIN_FAMILIES and len(item.label) == 2:
        codes.append(item.label.upper())
    for actor in (item.actor, item.target):
        if actor and actor.startswith("foreign:") and len(actor) == 10:
            codes.append(actor[-2:].upper())
    return list(dict.fromkeys(codes))


#: Country names that take "the" in running text ("actors from the Netherlands").
WITH_ARTICLE = (
    "Netherlands",
    "United ",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Comoros",
    "Maldives",
    "Czech Republic",
    "Dominican Republic",
    "Central African Republic",
    "Marshall Islands",
    "Solomon Islands",
    "Democratic Republic",
    "Republic of",
)


def _country_name(code: str) -> str:
    if code == "XK":
        return "Kosovo"
    country = find_country(code)
    name = country.name if country else code
    return f"the {name}" if name.startswith(WITH_ARTICLE) else name


def actor_name(actor: str, names: dict[str, str]) -> str:
    if actor.startswith("foreign:"):
        return f"actors from {_country_name(actor[-2:].upper())}"
    return names.get(actor, actor.replace("-", " "))


def describe(link: object, names: dict[str, str], skip_state: bool = False) -> str:
    """'criminal networks in cocaine trade' or 'mafia-style groups with Albania actors'."""
    assert isinstance(link, Link)
    actor, other = actor_name(link.actor, names), actor_name(link.other, names)
    if skip_state:
        if link.actor == "state-embedded-actors":
            return other
        if link.other == "state-embedded-actors":
            return actor
    return f"{actor} in {other}" if link.kind == "market" else f"{actor} with {other}"
