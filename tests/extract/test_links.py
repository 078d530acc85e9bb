"""Links: actor to market, collaboration, infiltration of the state."""

from .conftest import links, record


def test_actor_market_link_in_one_sentence():
    rec = record("Biker gangs dominate the methamphetamine trade in Auckland.", "NZ")
    assert ("mafia-style-groups", "synthetic-drug-trade") in links(rec)


def test_collaboration_with_foreign_partner():
    rec = record("Local clans work with Colombian brokers to move cocaine through Durban.",
                 "ZA")
    got = links(rec)
    assert ("foreign:CO", "with:mafia-style-groups") in got
    assert ("foreign:CO", "cocaine-trade") in got


def test_infiltration_of_the_state():
    rec = record("The cartels have corrupted mayors and police commanders across Guerrero.",
                 "MX")
    assert ("mafia-style-groups", "with:state-embedded-actors") in links(rec)


def test_anaphoric_sentence_borrows_the_previous_actor():
    rec = record("A crime family from Sofia was convicted last month. "
                 "It imported heroin hidden in lorries.", "BG")
    assert ("mafia-style-groups", "heroin-trade") in links(rec)


def test_negated_link_is_dropped():
    rec = record("Street gangs sell cannabis. There is no sign that the gangs trade "
                 "firearms.", "JM")
    assert ("mafia-style-groups", "arms-trafficking") not in links(rec)


def test_officials_borrow_the_market_of_their_paragraph():
    rec = record("Diesel smuggling across the southern border costs the treasury millions.\n"
                 "Customs officers at the crossing were bribed to wave the tankers through.", "TR")
    assert ("state-embedded-actors", "illicit-excisable-goods") in links(rec)


def test_section_heading_gives_the_market_of_its_section():
    rec = record("Heroin.\n\nThe route through the east is dominated by crime families.\n\n"
                 "Fraud.\n\nBank clerks knowingly opened accounts for a network of scammers.", "IR")
    got = links(rec)
    assert ("mafia-style-groups", "heroin-trade") in got
    assert ("mafia-style-groups", "financial-crimes") not in got


def test_paragraph_break_stops_the_borrowed_market():
    rec = record("Country report\n\nAlbania has made progress on judicial reform.\n\n"
                 "Cannabis is grown in the hills.\n\n"
                 "Elsewhere, officials were paid to ignore illegal construction.", "AL")
    assert ("state-embedded-actors", "cannabis-trade") not in links(rec)


def test_firm_bribing_officials_is_infiltration():
    rec = record("A haulage firm paid bribes to port inspectors for years.", "PL")
    assert ("private-sector-actors", "with:state-embedded-actors") in links(rec)


def test_complicit_firm_takes_the_market_of_the_lead():
    rec = record("The court convicted nine people of smuggling cigarettes worth millions.\n\n"
                 "Findings\n- Two wholesale companies knowingly stored the boxes.", "LT")
    assert ("private-sector-actors", "illicit-excisable-goods") in links(rec)


def test_pronoun_subject_of_a_collaboration_is_the_earlier_foreign_group():
    rec = record("Albanian clans have set up a base in Hamburg. "
                 "They work alongside German crews that unload the containers.", "DE")
    assert ("criminal-networks", "with:foreign:AL") in links(rec)


def test_handing_over_a_load_is_a_collaboration():
    rec = record("A ring of Moroccan nationals ferried the hashish across and handed it over "
                 "to a loose network of local dealers.", "ES")
    assert ("criminal-networks", "with:foreign:MA") in links(rec)


def test_consignments_refer_to_the_market_of_the_lead():
    rec = record("The tribunal convicted six men of importing heroin.\n\n"
                 "Facts\n- The sentencing hearing lasted a week.\n"
                 "- A Pakistani network supplied the consignments.", "LK")
    assert ("foreign:PK", "heroin-trade") in links(rec)


def test_group_in_a_court_summary_takes_the_market_of_the_lead():
    rec = record("The appeal court confirmed the sentences of eight men for smuggling diesel.\n\n"
                 "Findings\n- The clan that organised the scheme was led by two brothers.", "HR")
    assert ("mafia-style-groups", "illicit-excisable-goods") in links(rec)


def test_officials_who_tip_them_off_infiltrate_the_group_named_before():
    rec = record("Rival cartels fight over the pipelines in the state. "
                 "Officials at the state oil company tip them off about inspections.", "MX")
    assert ("mafia-style-groups", "with:state-embedded-actors") in links(rec)


def test_officials_acting_in_exchange_for_payments_are_complicit():
    rec = record("Timber is felled illegally inside the reserve by a network of loggers. "
                 "Forestry officials signed the permits in exchange for payments.", "BR")
    got = links(rec)
    assert ("state-embedded-actors", "flora-crimes") in got


def test_run_in_heading_does_not_borrow_the_previous_group():
    rec = record("Markets\n(a) Cannabis. Moroccan clans land the resin on the southern beaches.\n"
                 "(b) Cocaine. Seizures at the container port have doubled.", "ES")
    got = links(rec)
    assert ("foreign:MA", "cannabis-trade") in got
    assert ("foreign:MA", "cocaine-trade") not in got


def test_heading_that_names_an_actor_links_nothing():
    rec = record("Synthetic drugs are made in rural labs.\n\nStreet gangs\n\n"
                 "Homicides rose in the capital last year.", "EC")
    assert ("mafia-style-groups", "synthetic-drug-trade") not in links(rec)


def test_firm_serving_a_group_takes_the_market_of_the_paragraph():
    rec = record("Pangolin scales are shipped through the port in large volumes. "
                 "A freight-forwarding company knowingly filed false papers for the syndicate.",
                 "MY")
    assert ("private-sector-actors", "fauna-crimes") in links(rec)


def test_handling_distribution_for_a_foreign_group_is_a_collaboration():
    rec = record("Bikie chapters handle street distribution for Mexican cartels.", "AU")
    assert ("foreign:MX", "with:mafia-style-groups") in links(rec)


def test_operating_jointly_is_a_collaboration():
    rec = record("Chinese syndicates and local crews operate jointly in the ivory trade.", "MZ")
    assert ("criminal-networks", "with:foreign:CN") in links(rec)


def test_parallel_clauses_pair_each_group_with_its_own_market():
    rec = record("Turkish groups dominate heroin imports; Moroccan networks supply the cannabis.",
                 "NL")
    got = links(rec)
    assert ("foreign:TR", "heroin-trade") in got and ("foreign:MA", "cannabis-trade") in got
    assert ("foreign:TR", "cannabis-trade") not in got
    assert ("foreign:MA", "heroin-trade") not in got


def test_while_clause_keeps_the_markets_apart():
    rec = record("Cocaine is moved by Albanian brokers, while cannabis is grown by Vietnamese gangs.",
                 "GB")
    got = links(rec)
    assert ("foreign:AL", "cocaine-trade") in got and ("foreign:VN", "cannabis-trade") in got
    assert ("foreign:AL", "cannabis-trade") not in got


def test_relative_clause_shares_the_sentence_markets():
    rec = record("The network worked with Peruvian suppliers, who provided the cocaine, and with a "
                 "local crew that stored it.", "CL")
    assert ("criminal-networks", "cocaine-trade") in links(rec)


def test_professional_laundering_for_a_group_is_a_collaboration():
    rec = record("A notary laundered millions for the cartel through property deals.", "MX")
    assert ("mafia-style-groups", "with:private-sector-actors") in links(rec)


def test_mid_sentence_pronoun_refers_to_the_group_just_named():
    rec = record("The old yakuza syndicates have lost members every year. "
                 "Methamphetamine nonetheless remains their core business.", "JP")
    assert ("mafia-style-groups", "synthetic-drug-trade") in links(rec)


def test_officials_only_take_the_market_when_they_serve_the_trade():
    rec = record("Cocaine moves through the northern ports in growing volumes. "
                 "Judges who exposed corruption in the ministry were dismissed.", "GT")
    assert ("state-embedded-actors", "cocaine-trade") not in links(rec)
    rec = record("Cocaine moves through the northern ports in growing volumes. "
                 "Corrupt port officials let the containers through unchecked.", "GT")
    assert ("state-embedded-actors", "cocaine-trade") in links(rec)


def test_foreign_supplier_of_the_consignments_collaborates_with_the_local_gang():
    rec = record("A gang from the capital ran the distribution of heroin. "
                 "An Iranian network supplied the consignments by sea.", "LK")
    assert ("foreign:IR", "with:mafia-style-groups") in links(rec)


def test_contrastive_not_between_commas_only_negates_its_phrase():
    rec = record("Biker gangs, not the cartels, control the local meth trade.", "NZ")
    assert ("mafia-style-groups", "synthetic-drug-trade") in links(rec)
