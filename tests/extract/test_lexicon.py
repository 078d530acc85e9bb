"""The data files: completeness, validation and the scanner's literal prefixes."""

import re
import shutil

import pytest

from octa.exc import InvalidLexicon
from octa.extract.lexicon import DATA_DIR, get_lexicon, load_lexicon
from octa.extract.scan import Scanner, literal_prefixes

UN_SAMPLE = ["AF", "BT", "CV", "KM", "KI", "MH", "NR", "PW", "SM", "ST", "TV", "VU", "XK"]


def test_countries_cover_un_members_and_kosovo():
    lex = get_lexicon()
    assert len(lex.country_names) == 194
    assert all(code in lex.country_names for code in UN_SAMPLE)
    assert lex.country_forms["dutch"].code == "NL"
    assert lex.country_forms["rotterdam"].code == "NL"
    assert lex.country_forms["bissau-guinean"].code == "GW"


def _broken(tmp_path, name, old, new):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def test_bad_pattern_names_file_and_key(tmp_path):
    data = _broken(tmp_path, "markets.yaml", "'ransomware'", "'ransom(ware'")
    with pytest.raises(InvalidLexicon) as err:
        load_lexicon(data)
    assert "markets.yaml" in str(err.value) and "cyber-dependent-crimes" in str(err.value)


def test_unknown_label_is_rejected(tmp_path):
    data = _broken(tmp_path, "resilience.yaml", "  prevention:\n", "  prevntion:\n")
    with pytest.raises(InvalidLexicon, match=r"resilience\.yaml.*prevntion"):
        load_lexicon(data)


def test_broken_yaml_is_rejected(tmp_path):
    data = _broken(tmp_path, "cues.yaml", "negation:", "negation: [")
    with pytest.raises(InvalidLexicon, match=r"cues\.yaml"):
        load_lexicon(data)


def test_literal_prefixes():
    assert literal_prefixes(r"(?:arms|weapons?) trade") == {"arms trade", "weapon trade", "weapons trade"}
    assert literal_prefixes(r"\bno\b") == {"no"}
    assert literal_prefixes(r"'?ndrangheta") == {"'ndrangheta", "ndrangheta"}
    assert literal_prefixes(r"\w+ing") == set()


def test_scanner_finds_what_finditer_finds():
    patterns = [r"\bcoca\b", r"cocaine", r"(?<!anti-)fraud\w*", r"\w+ling", r"\bno\b"]
    text = "no coca, no cocaine; anti-fraud fraudsters and smuggling of snow"
    scanner = Scanner([("c", str(i), p) for i, p in enumerate(patterns)])
    got = sorted((h.label, h.start, h.end) for h in scanner.scan(text)["c"])
    want = sorted((str(i), m.start(), m.end()) for i, p in enumerate(patterns)
                  for m in re.finditer(p, text))
    assert got == want
