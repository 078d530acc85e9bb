"""Load, validate and compile the extractor's data files (one YAML file per category).

Everything the extractor knows about words lives in `data/*.yaml`; this module reads the
files once, checks their shape, compiles every pattern and raises `InvalidLexicon` naming
the file and key of the first problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from octa.exc import InvalidLexicon
from octa.extract.scan import Hit, Scanner, trie_pattern  # noqa: F401  (Hit re-exported)
from octa.extract.text import fold

DATA_DIR = Path(__file__).parent / "data"
MARKETS = (
    "human-trafficking", "human-smuggling", "extortion-protection-racketeering",
    "arms-trafficking", "counterfeit-goods", "illicit-excisable-goods", "flora-crimes",
    "fauna-crimes", "non-renewable-resource-crimes", "heroin-trade", "cocaine-trade",
    "cannabis-trade", "synthetic-drug-trade", "cyber-dependent-crimes", "financial-crimes",
)
ACTORS = (
    "mafia-style-groups", "criminal-networks", "state-embedded-actors", "foreign-actors",
    "private-sector-actors",
)
RESILIENCE = (
    "political-leadership-governance", "government-transparency-accountability",
    "international-cooperation", "national-policies-laws", "judicial-system-detention",
    "law-enforcement", "territorial-integrity", "anti-money-laundering",
    "economic-regulatory-capacity", "victim-witness-support", "prevention", "non-state-actors",
)
CUE_KEYS = (
    "negation", "negation_phrase", "negation_backward", "hedge", "ended", "ended_cancel",
    "question", "collaboration", "complicity", "knowing", "speech", "abroad", "movement", "not_location",
    "anaphor", "clause_boundary", "here", "institution", "market_anaphor", "imperative", "presupposition",
)


@dataclass(frozen=True, slots=True)
class CountryForm:
    """One surface form of a country: its code, kind (name/demonym/place) and case rule."""

    code: str
    kind: str
    exact: str | None  # the exact spelling required (acronyms like "US"), else None
    written: str = ""  # the form as the data file writes it


@dataclass(frozen=True, slots=True)
class NamedGroup:
    home: str | None
    actor: str


Entries = list[tuple[str, list[str]]]  # (label, patterns)

#: cues tried only at one place of a sentence, never scanned over the whole text
LOCAL_CUES = ("question", "anaphor", "speech", "ended_cancel", "not_location", "institution",
              "imperative", "presupposition")


@dataclass(frozen=True)
class Lexicon:
    """The compiled data of the extractor.

    `scanner` finds, in one pass, the hits of these categories: market, actor, state,
    private, named, region, topic, polarity and every cue of cues.yaml but LOCAL_CUES.
    """

    countries: re.Pattern[str]
    country_forms: dict[str, CountryForm]
    country_names: dict[str, str]
    named_info: dict[str, NamedGroup]
    heads: dict[str, str | None]
    weak_heads: frozenset[str]
    head_after: re.Pattern[str]
    head_before: re.Pattern[str]
    head_of: re.Pattern[str]
    cues: dict[str, re.Pattern[str]]
    defaults: dict[str, int]
    fixed: frozenset[str]
    thresholds: dict[str, Any]
    scanner: Scanner


def _fail(path: Path, key: str, message: str) -> InvalidLexicon:
    return InvalidLexicon(message, file=path.name, column=key)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidLexicon(f"cannot read lexicon: {exc}", file=path.name) from None
    if not isinstance(data, dict):
        raise InvalidLexicon("a lexicon file must hold a mapping", file=path.name)
    return data


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _get(data: dict[str, Any], key: str, kind: type, path: Path) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise _fail(path, key, f"expected a {kind.__name__}")
    return value


def _patterns(value: Any, path: Path, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(p, str) and p for p in value):
        raise _fail(path, key, "expected a list of non-empty pattern strings")
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise _fail(path, key, f"bad pattern {pattern!r}: {exc}") from None
    return value


def _plural(form: str) -> list[str]:
    if "-" in form or " " in form or form.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return [form]
    return [form, form + "s"]


def _country_forms(data: dict[str, Any], path: Path) -> tuple[dict[str, CountryForm], dict]:
    forms: dict[str, CountryForm] = {}
    names: dict[str, str] = {}
    for i, entry in enumerate(_get(data, "countries", list, path)):
        key = f"countries[{i}]"
        if not isinstance(entry, dict) or not re.fullmatch(r"[A-Z]{2}", str(entry.get("code"))):
            raise _fail(path, key, "each country needs a two-letter upper-case code")
        code = entry["code"]
        names[code] = str(entry.get("name") or code)
        for kind, field in (("place", "places"), ("demonym", "demonyms"), ("name", "names")):
            values = entry.get(field) or []
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise _fail(path, f"{key}.{field}", "expected a list of strings")
            for value in values:
                for surface in _plural(value) if kind == "demonym" else [value]:
                    exact = surface if len(surface) > 1 and surface.replace(".", "").isupper() else None
                    forms[fold(surface)] = CountryForm(code, kind, exact, surface)
    if len(names) < 194:
        raise _fail(path, "countries", f"expected all 193 UN members and Kosovo, got {len(names)}")
    return forms, names


def _countries(path: Path) -> tuple[re.Pattern[str], dict[str, CountryForm], dict[str, str]]:
    """A case-sensitive trie of every surface form as written, capitalised and in capitals.

    Every form starts with a capital letter, so the regex engine skips the lower-case text
    between proper nouns with its fast first-character scan.
    """
    forms, names = _country_forms(_read(path), path)
    surfaces = set()
    for form in forms.values():
        written = form.written
        surfaces.update((written, written.upper(), written[0].upper() + written[1:]))
    words = sorted((w for w in surfaces if w[0].isupper()), key=len, reverse=True)
    return re.compile(trie_pattern(words) + r"(?![\w])"), forms, names


def _groups(path: Path) -> tuple[Entries, dict[str, NamedGroup], list[str]]:
    data = _read(path)
    entries, info = [], {}
    for i, group in enumerate(_get(data, "named", list, path)):
        key = f"named[{i}]"
        if not isinstance(group, dict) or group.get("actor") not in ACTORS:
            raise _fail(path, key, "each named group needs a pattern, a home and an actor id")
        home = group.get("home")
        if home is not None and not re.fullmatch(r"[A-Z]{2}", str(home)):
            raise _fail(path, f"{key}.home", "home must be an ISO2 code or null")
        label = f"n{i}"
        entries.append((label, _patterns([group.get("pattern")], path, f"{key}.pattern")))
        info[label] = NamedGroup(home, group["actor"])
    regions = _patterns(_get(data, "regions", list, path), path, "regions")
    return entries, info, [rf"\b(?:{p})\b" for p in regions]


def _labelled(data: dict[str, Any], key: str, ids: tuple[str, ...], path: Path) -> Entries:
    table = _get(data, key, dict, path)
    for label in table:
        if label not in ids:
            raise _fail(path, f"{key}.{label}", "unknown label id (see GUIDELINES ids)")
    return [(label, _patterns(pats, path, f"{key}.{label}")) for label, pats in table.items()]


def _heads(data: dict[str, Any], path: Path) -> tuple[dict[str, str | None], frozenset[str]]:
    heads = _get(data, "foreign_heads", dict, path)
    for head, actor in heads.items():
        if actor is not None and actor not in ACTORS:
            raise _fail(path, f"foreign_heads.{head}", "value must be an actor id or null")
    weak = _get(data, "weak_heads", list, path)
    return {**{w: None for w in weak}, **heads}, frozenset(weak)


def _head_regexes(heads: dict[str, str | None]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    suffix = (r"(?:-(?:speaking|based|run|led|controlled|dominated|origin|born|owned|linked|"
              r"connected|backed|affiliated|organised|organized))?")
    # "Dutch, Irish and French networks": a list of demonyms shares the head noun
    listed = (r"(?:(?:,\s+|,?\s+(?:and|or)\s+|-)(?!(?:although|though|while|where|which|who|whose|"
              r"but|the|a|an|and|or|its|their|his|her|that|this|these|those|it|they|he|she|we|"
              r"there|then|also|so|as|in|on|at|to|from|by|with|for|of|not|now|some|many|most)\b)"
              r"[\w-]+){0,3}?")
    after = re.compile(suffix + listed + r"\s+((?:[\w'’-]+\s+){0,2}?)(" + alt + r")\b")
    before = re.compile(r"\b(" + alt + r")\s+(?:(?:based|operating|coming)\s+)?from\s+"
                        r"(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:in\s+)?$"
                        r"|\b(" + alt + r")\s+(?:based|operating|located|headquartered)\s+in\s+"
                        r"(?:the\s+)?(?:(?:[\w-]+,?\s+(?:and|or)\s+)|(?:[\w-]+\s+){0,2}?)$"
                        r"|\b(citizens?|nationals?|natives?)\s+of\s+(?:the\s+)?$")
    return after, before


def _head_of(heads: dict[str, str | None]) -> re.Pattern[str]:
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(r"\b(?:" + alt + r"|members|affiliates|structures)\s+of\s+(?:the\s+)?"
                      r"(?:[\w'-]+\s+)?['’]?$")


def _resilience(path: Path) -> tuple[Entries, Entries, dict[str, int], frozenset[str]]:
    data = _read(path)
    general = _get(data, "general", dict, path)
    indicators = _get(data, "indicators", dict, path)
    topics, cues, defaults, fixed = [], [], {}, set()
    for label, spec in indicators.items():
        key = f"indicators.{label}"
        if label not in RESILIENCE or not isinstance(spec, dict):
            raise _fail(path, key, "unknown resilience indicator id or bad entry")
        topics.append((label, _patterns(spec.get("topics"), path, f"{key}.topics")))
        for sign in ("positive", "negative"):
            pats = _patterns(spec.get(sign) or [], path, f"{key}.{sign}") if spec.get(sign) else []
            cues.append((f"{sign[0]}:{label}", pats))
        default = spec.get("default", 0)
        if default not in (-1, 0, 1):
            raise _fail(path, f"{key}.default", "default must be -1, 0 or 1")
        defaults[label] = default
        if spec.get("fixed"):
            fixed.add(label)
    for sign in ("positive", "negative"):
        cues.append((sign[0], _patterns(general.get(sign), path, f"general.{sign}")))
    cues.append(("neg", _patterns(general.get("negators"), path, "general.negators")))
    cues.append(("red", _patterns(general.get("reducers") or [], path, "general.reducers")))
    return topics, cues, defaults, frozenset(fixed)


def _entries(category: str, entries: Entries) -> list[tuple[str, str, str]]:
    return [(category, label, p) for label, patterns in entries for p in patterns]


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read and compile every data file of `data_dir`; raise `InvalidLexicon` on the first fault."""
    countries, forms, names = _countries(data_dir / "countries.yaml")
    named, named_info, regions = _groups(data_dir / "groups.yaml")
    markets_path, actors_path = data_dir / "markets.yaml", data_dir / "actors.yaml"
    actors_data = _read(actors_path)
    heads, weak = _heads(actors_data, actors_path)
    after, before = _head_regexes(heads)
    cues_path = data_dir / "cues.yaml"
    cue_data = _read(cues_path)
    cue_lists = {k: _patterns(_get(cue_data, k, list, cues_path), cues_path, k) for k in CUE_KEYS}
    topics, polarity, defaults, fixed = _resilience(data_dir / "resilience.yaml")
    thresholds = _read(data_dir / "thresholds.yaml")
    for key in ("confidence", "subject", "windows", "resilience"):
        _get(thresholds, key, dict, data_dir / "thresholds.yaml")
    state = _patterns(_get(actors_data, "state_nouns", list, actors_path), actors_path,
                      "state_nouns")
    private = _patterns(_get(actors_data, "private_nouns", list, actors_path), actors_path,
                        "private_nouns")
    scanned = (
        _entries("market", _labelled(_read(markets_path), "markets", MARKETS, markets_path))
        + _entries("actor", _labelled(actors_data, "actors", ACTORS, actors_path))
        + _entries("state", [("state-embedded-actors", state)])
        + _entries("private", [("private-sector-actors", private)])
        + _entries("named", named) + _entries("region", [("region", regions)])
        + _entries("topic", topics) + _entries("polarity", polarity)
        + [e for k, v in cue_lists.items() if k not in LOCAL_CUES for e in _entries(k, [(k, v)])]
    )
    return Lexicon(
        countries=countries, country_forms=forms, country_names=names, named_info=named_info,
        heads=heads, weak_heads=weak, head_after=after, head_before=before,
        head_of=_head_of(heads),
        cues={k: re.compile("|".join(f"(?:{p})" for p in v)) for k, v in cue_lists.items()},
        defaults=defaults, fixed=fixed, thresholds=thresholds, scanner=Scanner(scanned),
    )


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The lexicon of the packaged data files, loaded once per process."""
    return load_lexicon()
