"""The plain-data API: Extraction, EvidenceItem and the gold record."""

import pytest

from octa.extract import EvidenceItem, Extraction, extract, to_gold_record

TEXT = ("Brief: Belgium\n"
        "Dutch networks bribe dock workers in Antwerp to extract cocaine. "
        "The police are understaffed.")


def test_items_carry_sentence_offsets_and_modality():
    result = extract(TEXT)
    assert isinstance(result, Extraction) and result.subject == "BE"
    for item in result.items:
        assert isinstance(item, EvidenceItem)
        assert TEXT[item.start : item.end] == item.sentence
        assert item.modality in ("asserted", "hedged")
        assert 0.0 < item.confidence <= 1.0
    families = {item.family for item in result.items}
    assert families == {"market", "actor", "origin", "link", "resilience"}


def test_link_items_and_dicts():
    result = extract(TEXT, "BE")
    links = result.of("link")
    assert any(i.actor == "foreign:NL" and i.market == "cocaine-trade" for i in links)
    infiltration = [i for i in links if i.with_ == "private-sector-actors"]
    assert infiltration and infiltration[0].as_dict()["with"] == "private-sector-actors"
    res = result.of("resilience")[0]
    assert res.label == "law-enforcement" and res.polarity == -1


def test_gold_record_shape():
    record = to_gold_record("d1", extract(TEXT, "BE"))
    assert set(record) == {"id", "subject", "markets", "actors", "origins", "resilience",
                           "links"}
    assert record["origins"] == ["NL"]
    assert record["resilience"] == {"law-enforcement": -1}


@pytest.mark.parametrize("text", ["", "   \n\n", "?", "İstanbul ß ﬁ", "- \n- \n"])
def test_odd_input_does_not_break(text):
    record = to_gold_record("x", extract(text))
    assert record["markets"] == [] or isinstance(record["markets"], list)
