"""The 193 countries of the index, and resolution of names and codes to one country.

Names differ between files ("Congo, Dem, Rep," / "Congo, Dem. Rep.", "São Tomé" / "Sao Tome"),
so lookups go through a key that drops accents, case and punctuation.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from octa.exc import NotFound

COUNTRIES_FILE = Path(__file__).parent / "data" / "countries.csv"


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str
    #: Continent and region as in the newest edition of the index (regions change between editions).
    continent: str
    region: str
    aliases: tuple[str, ...] = ()


def name_key(text: str) -> str:
    """Accent-, case- and punctuation-free form of a name, for matching."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.casefold()).strip()


@cache
def all_countries() -> tuple[Country, ...]:
    with COUNTRIES_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Country(
                iso2=row["iso2"],
                iso3=row["iso3"],
                name=row["name"],
                continent=row["continent"],
                region=row["region"],
                aliases=tuple(a for a in row["aliases"].split("|") if a),
            )
            for row in csv.DictReader(handle)
        )


@cache
def _index() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in all_countries():
        for name in (country.name, *country.aliases):
            index.setdefault(name_key(name), country)
    for country in all_countries():  # codes win over names ("US" is both)
        index[country.iso2.casefold()] = country
        index[country.iso3.casefold()] = country
    return index


def find_country(text: str) -> Country | None:
    """The country a name, ISO2 or ISO3 code designates, or None."""
    if not text or not text.strip():
        return None
    stripped = text.strip()
    if len(stripped) in (2, 3) and stripped.isalpha():
        found = _index().get(stripped.casefold())
        if found is not None:
            return found
    return _index().get(name_key(stripped))


def get_country(text: str) -> Country:
    """Like `find_country`, but an unknown country is an error."""
    country = find_country(text)
    if country is None:
        raise NotFound(f"unknown country {text!r}")
    return country
