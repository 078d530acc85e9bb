"""Demonyms, foreign-versus-domestic rules, named groups, state and private actors."""

from .conftest import record


def test_demonym_before_a_criminal_noun_gives_a_foreign_origin():
    rec = record("In Lisbon, Brazilian gangs and Nigerian networks sell cocaine.", "PT")
    assert set(rec["origins"]) == {"BR", "NG"}
    assert rec["actors"] == ["foreign-actors"]


def test_coordinated_demonyms_share_the_head_noun():
    rec = record("Police in Warsaw say Ukrainian and Belarusian smugglers move cigarettes "
                 "into Poland.", "PL")
    assert set(rec["origins"]) == {"UA", "BY"}


def test_subjects_own_demonym_is_domestic():
    rec = record("Dutch networks organise the import of cocaine through Rotterdam.", "NL")
    assert rec["origins"] == []
    assert rec["actors"] == ["criminal-networks"]


def test_demonym_of_officials_is_not_a_criminal_actor():
    rec = record("Spanish investigators and French prosecutors met in Madrid to discuss "
                 "hashish seizures.", "ES")
    assert rec["origins"] == [] and rec["actors"] == []


def test_group_from_a_country_is_foreign():
    rec = record("Clans from Albania control part of the heroin supply in Athens.", "GR")
    assert rec["origins"] == ["AL"]


def test_regional_origin_gives_foreign_actor_without_origin():
    rec = record("West African groups import cocaine through the port of Lomé.", "TG")
    assert rec["actors"] == ["foreign-actors"]
    assert rec["origins"] == []
    assert {"actor": "foreign-actors", "market": "cocaine-trade"} in rec["links"]


def test_named_group_is_foreign_abroad_and_domestic_at_home():
    abroad = record("Camorra affiliates in Barcelona launder money through bars.", "ES")
    assert abroad["origins"] == ["IT"] and "mafia-style-groups" not in abroad["actors"]
    home = record("The Camorra still extorts shopkeepers in Naples.", "IT")
    assert home["actors"] == ["mafia-style-groups"] and home["origins"] == []


def test_kosovo_demonym():
    rec = record("Kosovar crews run cannabis grow-houses across Switzerland.", "CH")
    assert rec["origins"] == ["XK"]


def test_state_actor_needs_a_complicity_cue():
    neutral = record("Customs officers inspected containers of fruit in Guayaquil.", "EC")
    assert "state-embedded-actors" not in neutral["actors"]
    corrupt = record("Gangs bribe customs officers to let cocaine through Guayaquil.", "EC")
    assert "state-embedded-actors" in corrupt["actors"]


def test_private_actor_needs_knowledge_of_the_crime():
    passive = record("Drug money is laundered through car dealerships and firms.", "CA")
    assert "private-sector-actors" not in passive["actors"]
    knowing = record("Accountants knowingly helped the cartel launder its profits.", "CA")
    assert "private-sector-actors" in knowing["actors"]


def test_negated_infiltration_gives_no_state_actor():
    rec = record("Police said there was no evidence that gangs had bribed local officials.",
                 "NZ")
    assert "state-embedded-actors" not in rec["actors"]
