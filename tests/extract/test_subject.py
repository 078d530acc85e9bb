"""Subject-country detection from names, demonyms, capitals, cities and ports."""

import pytest

from octa.extract import extract

CASES = [
    ("Rotterdam port workers recruited by importers\n"
     "Dutch prosecutors say cocaine gangs pay port staff to extract containers. "
     "Colombian suppliers ship the drug to the Netherlands.", "NL"),
    ("Interview: crime and politics in Tegucigalpa\n"
     "Q: Who controls the barrios? A: The maras, and they answer to nobody in Honduras. "
     "Some shipments come from Venezuela.", "HN"),
    ("KENYA — ivory and heroin on the coast\n"
     "Mombasa remains a hub. Tanzanian and Somali brokers are active, but Kenyan "
     "networks dominate.", "KE"),
    ("Brief: the synthetic drug boom in the Golden Triangle\n"
     "Laboratories in Shan State supply Thailand and Laos. Myanmar's junta taxes the "
     "trade in Myanmar's border towns.", "MM"),
    ("Court summary (Crown Court, Liverpool)\n"
     "The defendants ran a county line from Merseyside into north Wales. One supplier "
     "was an Albanian national.", "GB"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_subject_is_detected(text, expected):
    result = extract(text)
    assert result.subject == expected
    assert 0.0 < result.subject_confidence <= 1.0


def test_given_subject_is_kept():
    assert extract("Nothing to see here.", "FR").subject == "FR"


def test_no_country_gives_no_subject():
    result = extract("Nothing about any place at all.")
    assert result.subject is None and result.subject_confidence == 0.0
