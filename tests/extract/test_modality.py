"""Negation, hedges, ended markets, questions and markets placed only abroad."""

from octa.extract import extract

from .conftest import record


def test_negated_market_gives_no_label():
    rec = record("Officers found no evidence of arms trafficking in the province. "
                 "Heroin is sold openly in the capital.", "KE")
    assert "arms-trafficking" not in rec["markets"]
    assert "heroin-trade" in rec["markets"]


def test_negation_stops_at_the_clause_boundary():
    rec = record("Inspectors saw no trace of ransomware, but phone scams are everywhere.", "PL")
    assert rec["markets"] == ["financial-crimes"]


def test_hedged_statement_is_kept_with_lower_confidence():
    result = extract("Local gangs are believed to run the cocaine trade in the harbour.", "GH")
    market = next(i for i in result.items if i.family == "market")
    assert market.label == "cocaine-trade"
    assert market.modality == "hedged"
    plain = extract("Local gangs run the cocaine trade in the harbour.", "GH")
    assert market.confidence < plain.of("market")[0].confidence


def test_ended_market_gives_no_label():
    rec = record("The opium trade that once flourished in the valleys has all but "
                 "disappeared. Cannabis is now grown on small plots.", "LA")
    assert "heroin-trade" not in rec["markets"]
    assert "cannabis-trade" in rec["markets"]


def test_market_that_has_not_disappeared_is_kept():
    rec = record("Ivory poaching has fallen sharply but it has not stopped.", "MZ")
    assert rec["markets"] == ["fauna-crimes"]


def test_past_market_that_used_to_flourish_is_ended():
    rec = record("Cigarette smuggling used to be the main business on the northern border.", "MK")
    assert rec["markets"] == []


def test_question_asserts_nothing():
    rec = record("Are there any methamphetamine laboratories in the north?", "NZ")
    assert rec["markets"] == []


def test_market_only_abroad_is_not_the_subjects():
    text = ("Ghanaian police have stepped up patrols in Accra. "
            "Counterfeit medicines are sold widely in Nigeria.")
    assert "counterfeit-goods" not in record(text, "GH")["markets"]


def test_market_moving_through_the_subject_is_kept():
    text = "Counterfeit medicines made in India are smuggled into Ghana through Tema."
    assert "counterfeit-goods" in record(text, "GH")["markets"]


def test_rather_than_negates_the_next_phrase():
    rec = record("The prosecutor called the defendants a loose crew rather than a cartel. "
                 "They sold crack to students.", "US")
    assert rec["actors"] == ["criminal-networks"]
