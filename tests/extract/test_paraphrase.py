"""General phenomena the extractor handles beyond its core wordings: paraphrases, lists,
anaphora, back-reaching negation and scoped resilience statements (sentences written for
these tests)."""

from tests.extract.conftest import links, record

# --- markets: paraphrases and back-reference -------------------------------------------------

def test_unlicensed_digging_is_illegal_mining():
    rec = record("Unlicensed gold digging has spread along the northern rivers of Ruritania.", "PE")
    assert "non-renewable-resource-crimes" in rec["markets"]


def test_mining_without_permits_is_illegal_mining():
    rec = record("Crews keep mining without permits in the eastern hills of Peru.", "PE")
    assert "non-renewable-resource-crimes" in rec["markets"]


def test_illegal_trade_in_a_list_of_goods():
    rec = record("The rebels fund themselves through the illegal trade in gems and timber.", "MZ")
    assert {"flora-crimes", "non-renewable-resource-crimes"} <= set(rec["markets"])


def test_paying_to_be_guided_across_a_border_is_smuggling():
    rec = record("Families paid thousands of euros to be guided over the mountains into Austria.",
                 "SI")
    assert "human-smuggling" in rec["markets"]


def test_collecting_payments_from_traders_is_extortion():
    rec = record("A local gang collects weekly payments from market traders in the old town.",
                 "KE")
    assert "extortion-protection-racketeering" in rec["markets"]


def test_no_trade_in_them_reaches_back_to_the_market():
    rec = record("Old rifles still turn up now and then, but officers say there is no organised "
                 "trade in them any more.", "RS")
    assert "arms-trafficking" not in rec["markets"]


def test_the_trade_has_vanished_ends_the_earlier_clause_market():
    rec = record("Opium smuggling through the valley fell after the ban; farmers say the trade "
                 "has all but vanished.", "TJ")
    assert "heroin-trade" not in rec["markets"]


def test_subjectless_clause_after_but_ends_the_market():
    rec = record("Gun smuggling from the south rose in the 2010s but has since declined and is "
                 "now negligible.", "TN")
    assert "arms-trafficking" not in rec["markets"]


def test_rejected_claim_is_negated():
    rec = record("The judges rejected the prosecution's claim that the clan also trafficked "
                 "weapons.", "IT")
    assert "arms-trafficking" not in rec["markets"]


def test_no_such_involvement_reaches_back():
    rec = record("Across the border, armed groups reportedly tax gold sites; no such involvement "
                 "has been found here.", "GH")
    assert "extortion-protection-racketeering" not in rec["markets"]


def test_a_law_on_a_crime_is_not_the_market():
    rec = record("The 2010 law on racketeering is one of the toughest in Europe.", "HU")
    assert "extortion-protection-racketeering" not in rec["markets"]


# --- actors and origins: lists, hyphens, 'of X origin', anaphora ------------------------------

def test_a_list_of_demonyms_shares_the_head_noun():
    rec = record("Belgian, Irish and Spanish crime groups launder profits through villas on "
                 "the coast of Portugal.", "PT")
    assert {"BE", "IE", "ES"} <= set(rec["origins"])


def test_of_x_origin_gives_the_origin():
    rec = record("Police say the brothels are run by networks of Nigerian origin in Lyon.", "FR")
    assert "NG" in rec["origins"]


def test_based_in_a_country_gives_the_origin():
    rec = record("The online shops that sell mephedrone are run by operators based in Belarus.",
                 "LT")
    assert "BY" in rec["origins"]


def test_citizen_of_a_country_gives_the_origin():
    rec = record("The laboratory was set up by a citizen of Uzbekistan who hired local chemists "
                 "to make mephedrone.", "KZ")
    assert "UZ" in rec["origins"]


def test_hyphenated_demonyms_both_count():
    rec = record("A Turkish-Bulgarian network moves heroin through the port of Varna.", "RO")
    assert {"TR", "BG"} <= set(rec["origins"])


def test_dual_national_of_the_subject_stays_domestic():
    rec = record("The head of the ring, a dual Spanish-Colombian national, imported cocaine.", "ES")
    assert "CO" not in rec["origins"]


def test_definite_noun_resolves_to_the_foreign_group():
    rec = record("Police raided a Georgian crew in Marseille. The crew had burgled dozens of "
                 "homes and sold heroin to students.", "FR")
    assert "criminal-networks" not in rec["actors"]
    assert ("foreign:GE", "heroin-trade") in links(rec)


def test_group_run_by_foreign_nationals_is_the_foreign_group():
    rec = record("Smuggling rings run by Eritrean nationals move migrants across the desert.",
                 "SD")
    assert "criminal-networks" not in rec["actors"]
    assert "ER" in rec["origins"]


def test_chemists_are_a_foreign_head_and_hiring_is_collaboration():
    rec = record("A local crew hired two Belgian chemists to run its amphetamine laboratory.", "NL")
    assert ("criminal-networks", "with:foreign:BE") in links(rec)


def test_reliance_is_collaboration():
    rec = record("Albanian clans rely on Greek crews to unload the cocaine at Piraeus.", "GR")
    assert ("criminal-networks", "with:foreign:AL") in links(rec)


def test_clan_supplying_a_street_network_is_a_collaboration():
    rec = record("A network of street dealers sold heroin supplied by the clan.", "AL")
    assert ("criminal-networks", "with:mafia-style-groups") in links(rec)


def test_firm_director_aware_of_the_purpose_is_private_sector():
    rec = record("The precursors were bought through a chemical company whose director was aware "
                 "that they were meant for a meth laboratory.", "CZ")
    assert "private-sector-actors" in rec["actors"]


def test_officials_paid_off_are_state_embedded():
    rec = record("The timber leaves with export permits from officials who were paid off.", "LA")
    assert "state-embedded-actors" in rec["actors"]


def test_remittance_agents_are_private_not_state():
    rec = record("The scammers collect the money through remittance agents who know what it is "
                 "for.", "JM")
    assert "private-sector-actors" in rec["actors"]
    assert "state-embedded-actors" not in rec["actors"]


def test_the_minister_answering_is_not_a_state_actor():
    rec = record("The Minister noted that gang membership has grown and that gangs collect drug "
                 "debts with threats.", "NZ")
    assert "state-embedded-actors" not in rec["actors"]


def test_shelter_network_is_not_a_criminal_network():
    rec = record("Our shelter network supported 200 women rescued from sexual exploitation.", "RO")
    assert "criminal-networks" not in rec["actors"]


def test_counterparts_are_not_foreign_criminals():
    rec = record("Prosecutors work closely with their Austrian counterparts on fraud cases.", "CZ")
    assert "AT" not in rec["origins"]


# --- resilience: scoped statements with topic and polarity words -----------------------------

def test_unwatchable_coastline_is_a_territorial_weakness():
    rec = record("Officers admit that the long coastline cannot be watched at night.", "PT")
    assert rec["resilience"].get("territorial-integrity") == -1


def test_stopover_is_a_territorial_weakness():
    rec = record("The islands have become a stopover for yachts carrying cocaine to Europe.", "CV")
    assert rec["resilience"].get("territorial-integrity") == -1


def test_understaffed_units_are_a_law_enforcement_weakness():
    rec = record("The cyber cells of the state police are tiny and poorly equipped.", "IN")
    assert rec["resilience"].get("law-enforcement") == -1


def test_officials_of_the_police_are_law_enforcement_not_government():
    rec = record("Enforcement was undermined by officials of the police who took payments from "
                 "smugglers.", "PK")
    assert rec["resilience"].get("law-enforcement") == -1
    assert "government-transparency-accountability" not in rec["resilience"]


def test_payment_for_permits_is_a_government_weakness():
    rec = record("Forestry officials are suspected of approving permits in return for payments.",
                 "MY")
    assert rec["resilience"].get("government-transparency-accountability") == -1


def test_shared_intelligence_is_international_cooperation():
    rec = record("Acting on intelligence shared by the Indian authorities, the navy stopped a "
                 "trawler.", "LK")
    assert rec["resilience"].get("international-cooperation") == 1


def test_withdrawal_from_regional_bodies_is_a_cooperation_weakness():
    rec = record("The junta has withdrawn from ECOWAS and expelled the UN mission.", "BF")
    assert rec["resilience"].get("international-cooperation") == -1


def test_leaving_the_grey_list_is_an_aml_strength():
    rec = record("The country left the FATF grey list last year.", "JO")
    assert rec["resilience"].get("anti-money-laundering") == 1


def test_confiscating_houses_is_aml():
    rec = record("The court ordered the confiscation of three houses and two boats.", "HR")
    assert rec["resilience"].get("anti-money-laundering") == 1


def test_lacking_the_capacity_is_a_weakness_despite_the_word_capacity():
    rec = record("The mining regulator lacks the capacity to trace gold to export.", "GH")
    assert rec["resilience"].get("economic-regulatory-capacity") == -1


def test_almost_no_support_for_survivors():
    rec = record("Survivors of trafficking receive almost no follow-up support.", "NP")
    assert rec["resilience"].get("victim-witness-support") == -1


def test_witness_protection_kept_them_safe():
    rec = record("The witness protection programme kept every witness safe.", "AR")
    assert rec["resilience"].get("victim-witness-support") == 1


def test_journalists_exposing_crime_despite_threats_is_a_strength():
    rec = record("Reporters have exposed several gold barons despite threats.", "GH")
    assert rec["resilience"].get("non-state-actors") == 1


def test_restricting_independent_media_is_a_weakness():
    rec = record("The new rules have been used for restricting NGOs and independent media.", "GE")
    assert rec["resilience"].get("non-state-actors") == -1


def test_tightened_criminal_code_is_a_policy_strength():
    rec = record("Amendments to the Criminal Code have tightened liability for drug dealing.",
                 "KZ")
    assert rec["resilience"].get("national-policies-laws") == 1


def test_awareness_sessions_are_prevention():
    rec = record("The agency has run awareness sessions in schools with great success.", "RO")
    assert rec["resilience"].get("prevention") == 1


def test_trust_in_the_force_is_high():
    rec = record("Public trust in the police force is high after the reform.", "GE")
    assert rec["resilience"].get("law-enforcement") == 1


def test_border_with_a_neighbour_is_the_subjects_border():
    rec = record("Sections of the border with Tajikistan are unmarked stretches without any "
                 "control.", "KG")
    assert rec["resilience"].get("territorial-integrity") == -1


def test_cells_established_by_a_foreign_group_are_that_group():
    rec = record("The Tren de Aragua has established cells in three northern cities, where they "
                 "extort street vendors.", "CL")
    assert "criminal-networks" not in rec["actors"]
    assert ("foreign:VE", "extortion-protection-racketeering") in links(rec)


def test_a_list_of_country_names_does_not_take_a_later_head():
    rec = record("Most of it is run from compounds in Laos, Myanmar and Cambodia by bosses from "
                 "the subject country.", "TH")
    assert not {"LA", "MM", "KH"} & set(rec["origins"])


def test_operating_in_a_region_of_a_country_gives_the_origin():
    rec = record("The smugglers are armed by militias operating in southern Syria.", "JO")
    assert "SY" in rec["origins"]


def test_main_entry_route_is_a_territorial_weakness():
    rec = record("The river and the forested frontier are the main entry route for pills into the "
                 "country.", "BD")
    assert rec["resilience"].get("territorial-integrity") == -1


def test_coast_too_long_to_seal():
    rec = record("Officers add that this coastline is far too long, and too exposed, to seal.",
                 "ES")
    assert rec["resilience"].get("territorial-integrity") == -1


def test_fragile_governments_are_a_leadership_weakness():
    rec = record("Five elections in three years have left coalitions too fragile to pursue "
                 "reform.", "BG")
    assert rec["resilience"].get("political-leadership-governance") == -1


def test_making_the_fight_a_priority_is_a_leadership_strength():
    rec = record("The cabinet has made the fight against extortion its top priority.", "EC")
    assert rec["resilience"].get("political-leadership-governance") == 1


def test_a_recommendation_implies_a_gap():
    rec = record("Adopt the national anti-trafficking strategy without further delay.", "RO")
    assert rec["resilience"].get("national-policies-laws") == -1


def test_a_well_trained_fraud_unit_is_a_strength():
    rec = record("Its fraud unit is well trained and now handles complex cases.", "NG")
    assert rec["resilience"].get("law-enforcement") == 1


def test_attached_assets_are_aml():
    rec = record("Assets worth two million euros, including flats, have been attached.", "IN")
    assert rec["resilience"].get("anti-money-laundering") == 1


def test_an_evaluation_continues_the_topic_of_the_sentence_before():
    rec = record("A: We lost two rangers last year. Salaries are paid late, and morale is low.",
                 "ZM")
    assert rec["resilience"].get("law-enforcement") == -1


def test_an_evaluation_of_criminals_does_not_continue_the_topic():
    rec = record("The police made many arrests in the port. The cartel, weakened by a split, "
                 "still ships cocaine.", "MX")
    assert "law-enforcement" not in rec["resilience"]


def test_attributive_independent_is_no_evaluation():
    rec = record("The new rules have been used against NGOs and independent media.", "GE")
    assert rec["resilience"].get("non-state-actors") != 1


def test_no_independent_media_is_a_weakness():
    rec = record("The country has no independent media to speak of.", "LA")
    assert rec["resilience"].get("non-state-actors") == -1


def test_predicative_independent_is_a_strength():
    rec = record("The courts are independent and handle organised crime cases well.", "EE")
    assert rec["resilience"].get("judicial-system-detention") == 1


def test_failing_to_stop_is_a_weakness_not_a_negated_failure():
    rec = record("The prison service failed to stop gang leaders from running their business "
                 "from their cells.", "EC")
    assert rec["resilience"].get("judicial-system-detention") == -1


def test_tipping_off_about_raids_is_a_police_weakness():
    rec = record("Two police officers gave the gang advance warning of raids.", "AR")
    assert rec["resilience"].get("law-enforcement") == -1


def test_linked_suffix_gives_origins_for_a_demonym_list():
    rec = record("Albanian-linked and Serbian-linked crews import the cocaine.", "HR")
    assert {"AL", "RS"} <= set(rec["origins"])


def test_group_of_nationals_led_by_a_boss_is_mafia_style():
    rec = record("The labs were run by a group of local men led by a chemist who set prices.",
                 "CZ")
    assert "mafia-style-groups" in rec["actors"]


def test_how_big_question_presupposes_the_market():
    rec = record("Q: How important is the country for cocaine trafficking? A: Very.", "DO")
    assert "cocaine-trade" in rec["markets"]


def test_mule_accounts_are_financial_crime():
    rec = record("Bank clerks opened mule accounts for the network.", "IN")
    assert "financial-crimes" in rec["markets"]


def test_groups_organised_by_foreign_militias_are_foreign():
    rec = record("The smuggling groups are reportedly organised and armed by militias operating "
                 "in southern Syria.", "JO")
    assert "criminal-networks" not in rec["actors"]
    assert "SY" in rec["origins"]


def test_parking_profits_in_property_is_laundering():
    rec = record("The bosses have parked their drug profits in villas and shell firms.", "AE")
    assert "financial-crimes" in rec["markets"]


def test_proceeds_invested_in_flats_is_laundering():
    rec = record("The proceeds were invested in flats registered to relatives.", "MK")
    assert "financial-crimes" in rec["markets"]


def test_helping_the_police_is_not_complicity():
    rec = record("A private security firm helped the police locate the laboratory.", "PT")
    assert "private-sector-actors" not in rec["actors"]
    assert "state-embedded-actors" not in rec["actors"]


def test_helping_a_cartel_is_complicity():
    rec = record("A freight company helped the cartel move cocaine.", "PT")
    assert ("private-sector-actors", "cocaine-trade") in links(rec)


def test_an_official_speaking_is_not_a_state_actor():
    rec = record("An official said corruption remains a problem in the ports.", "PT")
    assert "state-embedded-actors" not in rec["actors"]


def test_partner_network_of_shelters_is_not_criminal():
    rec = record("Our partner network of shelters helped 40 victims of trafficking.", "RO")
    assert "criminal-networks" not in rec["actors"]


def test_police_catching_dealers_is_no_weakness():
    rec = record("Police caught three men selling heroin near the station.", "PT")
    assert "law-enforcement" not in rec["resilience"]


def test_officers_caught_selling_weapons_is_a_weakness():
    rec = record("Some police officers have been caught selling weapons from police armouries.",
                 "PG")
    assert rec["resilience"].get("law-enforcement") == -1


def test_suspects_under_surveillance_is_no_weakness():
    rec = record("The suspects were placed under surveillance by the police.", "PT")
    assert "law-enforcement" not in rec["resilience"]


def test_fragmented_police_is_a_weakness():
    rec = record("Police forces are fragmented and poorly coordinated.", "BA")
    assert rec["resilience"].get("law-enforcement") == -1


def test_officials_taking_a_share_of_proceeds():
    rec = record("The clans operate with the acquiescence of party officials, who receive a share "
                 "of the proceeds.", "MZ")
    assert rec["resilience"].get("government-transparency-accountability") == -1


def test_journalists_facing_arrest_is_a_weakness():
    rec = record("Radio journalists covering the conflict face arrest and threats.", "MZ")
    assert rec["resilience"].get("non-state-actors") == -1


def test_foreign_officials_praising_is_not_the_subjects_governance():
    rec = record("The country extradited ten fugitives, a step that Belgian and Dutch officials "
                 "have welcomed.", "AE")
    assert "government-transparency-accountability" not in rec["resilience"]
    assert rec["resilience"].get("international-cooperation") == 1


def test_a_negation_does_not_reach_across_a_semicolon():
    rec = record("Bribery among customs officers is not an exception; it is structural.", "DO")
    assert rec["resilience"].get("law-enforcement") == -1
