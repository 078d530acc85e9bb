"""The Admiralty grading scale, dates and language guesses."""

from __future__ import annotations

import pytest

from octa.exc import InvalidInput
from octa.ingest.grading import Grade, parse_grade
from octa.ingest.language import guess_language
from octa.ingest.metadata import normalise_date
from octa.ingest.text import clean_text, content_hash, unwrap


@pytest.mark.parametrize(("text", "want"), [
    ("B2", Grade("B", 2)), ("a1", Grade("A", 1)), (" f-6 ", Grade("F", 6)), ("C 3", Grade("C", 3)),
])
def test_parse_grade(text: str, want: Grade) -> None:
    assert parse_grade(text) == want, parse_grade(text)


@pytest.mark.parametrize("text", ["Z9", "A7", "G1", "B", "2", "", "B22", None])
def test_bad_grade(text: str | None) -> None:
    with pytest.raises(InvalidInput, match="invalid source grade"):
        parse_grade(text)


def test_grades_order_best_first() -> None:
    grades = [Grade("C", 1), Grade("A", 3), Grade("A", 1)]
    assert sorted(grades) == [Grade("A", 1), Grade("A", 3), Grade("C", 1)]
    assert parse_grade("B2").description == "usually reliable; probably true"


@pytest.mark.parametrize(("raw", "want"), [
    ("2024", "2024"), ("2024-02", "2024-02"), ("2024-02-29", "2024-02-29"),
    ("2024-02-29T10:00:00Z", "2024-02-29"),
])
def test_dates(raw: str, want: str) -> None:
    assert normalise_date(raw) == want


@pytest.mark.parametrize("raw", ["2023-02-29", "yesterday", "2024-13"])
def test_bad_dates(raw: str) -> None:
    with pytest.raises(InvalidInput, match="invalid date"):
        normalise_date(raw)


@pytest.mark.parametrize(("text", "want"), [
    ("The police said that the port is used for the trade in cocaine by networks.", "en"),
    ("La police a dit que le port est utilisé par les réseaux pour le trafic de cocaïne.", "fr"),
    ("De politie zegt dat de haven van Antwerpen door netwerken wordt gebruikt voor de handel.", "nl"),
    ("Die Polizei sagt, dass der Hafen von den Netzwerken für den Handel genutzt wird.", "de"),
    ("La policía dice que el puerto es usado por las redes para el tráfico de la cocaína.", "es"),
    ("Antwerp cocaine", None),
])
def test_language_guess(text: str, want: str | None) -> None:
    assert guess_language(text) == want


def test_clean_text_and_hash() -> None:
    assert clean_text("a\r\n\r\n\r\n\r\nb \t c\x00\n") == "a\n\nb c"
    assert content_hash("a  b\nc") == content_hash(" a b c ")
    assert content_hash("a b c") != content_hash("a b d")


@pytest.mark.parametrize(("text", "want"), [
    ("a wrapped\nsentence.", "a wrapped sentence."),
    ("one.\n\ntwo.", "one.\n\ntwo."),
    ("Albanian-\nspeaking groups", "Albanian-speaking groups"),
    ("Intro:\n- first\n- second item\n  runs on.", "Intro:\n- first\n- second item runs on."),
    ("# Title\nBody text\nwrapped.", "# Title\nBody text wrapped."),
])
def test_unwrap(text: str, want: str) -> None:
    assert unwrap(text) == want
