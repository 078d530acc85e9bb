"""Structural phenomena found in error analysis of an independent set (own words)."""

from .conftest import record


def test_subjects_own_demonym_leaves_private_noun_open_to_knowing_cue():
    # GUIDELINES: companies that knowingly facilitate crime are private-sector actors;
    # the subject's own demonym before "companies" must not hide them.
    rec = record("Some Polish haulage companies knew that the lorries carried migrants "
                 "smuggled over the border.", "PL")
    assert "private-sector-actors" in rec["actors"]


def test_subjects_own_demonym_before_group_noun_still_blocks_double_count():
    rec = record("Belgian criminal groups have not been shown to work with the cartel.", "BE")
    assert "criminal-networks" not in rec["actors"]


def test_warning_criminals_before_raids_is_complicity():
    # tipping off (shielding crime) makes state-embedded actors
    rec = record("Two gendarmes warned the smugglers before the planned searches.", "FR")
    assert "state-embedded-actors" in rec["actors"]
    rec = record("A customs officer is suspected of warning the gang ahead of inspections.", "PT")
    assert "state-embedded-actors" in rec["actors"]


def test_suspected_of_having_known_is_knowing_facilitation():
    rec = record("Three accountants who prepared the payroll are suspected of having known "
                 "about the fraud.", "AT")
    assert "private-sector-actors" in rec["actors"]


def test_employee_at_a_bank_or_exchange_is_private_sector_when_knowing():
    rec = record("A clerk at a local bank knowingly opened accounts for the money mules of "
                 "the network.", "NL")
    assert "private-sector-actors" in rec["actors"]
    rec = record("A fiduciary knowingly laundered the proceeds of cocaine sales.", "CH")
    assert "private-sector-actors" in rec["actors"]


def test_employee_at_a_bank_without_knowing_cue_gives_nothing():
    rec = record("A clerk at a local bank reported the transfers to the authorities.", "NL")
    assert "private-sector-actors" not in rec["actors"]


def _res(text, subject):
    return record(text, subject)["resilience"]


def test_point_of_entry_wordings_are_territorial_weakness():
    # ruling 9: a port, border or country called a transit or entry point
    assert _res("Officials call the airport of Liège a point of entry for cocaine.", "BE") == {
        "territorial-integrity": -1}
    assert _res("Its long coast makes Portugal a landing point for hashish from Morocco.",
                "PT") == {"territorial-integrity": -1}
    assert _res("Guatemala is a key corridor for cocaine moving north.", "GT") == {
        "territorial-integrity": -1}


def test_outside_any_state_control_is_territorial_weakness():
    assert _res("Parts of the eastern provinces remain outside any state control.", "CD") == {
        "territorial-integrity": -1}


def test_repression_of_media_and_civil_society_is_non_state_weakness():
    # non-state-actors covers press freedom and journalists' safety
    assert _res("Reporters are routinely detained by the intelligence service.", "ER") == {
        "non-state-actors": -1}
    assert _res("Dozens of NGOs were dissolved last year.", "NI") == {"non-state-actors": -1}
    assert _res("The press is heavily controlled and critical outlets are almost entirely "
                "absent.", "TM") == {"non-state-actors": -1}
    assert _res("Critical journalists face arbitrary detention and travel bans.", "AZ") == {
        "non-state-actors": -1}


def test_concentration_of_power_is_governance_weakness():
    assert _res("The president has concentrated power in his own hands.", "TN") == {
        "political-leadership-governance": -1}
    assert _res("The junta now rules by decree.", "ML") == {
        "political-leadership-governance": -1}


def test_courts_subordinate_to_the_executive_is_judicial_weakness():
    assert _res("The courts are subordinate to the executive.", "BY") == {
        "judicial-system-detention": -1}


def test_officers_selling_seized_goods_back_are_state_embedded():
    rec = record("Two police officers sold seized outboard engines back to the smuggling "
                 "networks.", "TN")
    assert "state-embedded-actors" in rec["actors"]


def test_a_prevention_programme_that_runs_or_reaches_people_is_a_strength():
    assert _res("A drug awareness campaign is running in secondary schools this year.",
                "IE") == {"prevention": 1}
    assert _res("Volunteers ran awareness sessions in twelve villages, reaching 5,000 "
                "families.", "NP") == {"prevention": 1}
    assert _res("A city programme offers mentoring to young people leaving gangs.",
                "SV") == {"prevention": 1}


def test_rare_prevention_programmes_are_a_weakness():
    assert _res("Prevention programmes for young people are rare.", "OM") == {
        "prevention": -1}


def test_lexicon_files_have_no_duplicate_keys():
    # a repeated key in YAML silently drops the first list of cues
    from pathlib import Path

    import yaml

    import octa.extract

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(k) for k, _ in node.value]
        assert len(keys) == len(set(keys)), f"duplicate key at {node.start_mark}"
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    data = Path(octa.extract.__file__).parent / "data"
    for path in sorted(data.glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)


def _links(text, subject):
    return record(text, subject)["links"]


def test_supplying_a_group_with_a_drug_is_collaboration_across_sentences():
    links = _links("Street sales in Bergen are run by loose networks of teenagers. Danish "
                   "criminal networks supply several of these groups with hashish.", "NO")
    assert {"actor": "criminal-networks", "with": "foreign:DK"} in links or {
        "actor": "foreign:DK", "with": "criminal-networks"} in links


def test_assisted_by_foreign_specialists_is_collaboration():
    links = _links("The laboratory was run by a local network, assisted by two chemists "
                   "from Belgium.", "NL")
    assert {"actor": "criminal-networks", "with": "foreign:BE"} in links or {
        "actor": "foreign:BE", "with": "criminal-networks"} in links


def test_the_same_group_refers_back_to_the_foreign_group_named_before():
    # ruling 2: the foreign group keeps its origin when referred to again
    rec = record("The casinos are run by Thai-run criminal syndicates. The same syndicates "
                 "sell ivory and pangolin scales.", "LA")
    assert "mafia-style-groups" not in rec["actors"]
    assert {"actor": "foreign:TH", "market": "fauna-crimes"} in rec["links"]


def test_hyphenated_anti_money_laundering_is_not_a_fraud_market():
    rec = record("Peru strengthened its anti-money-laundering framework last year.", "PE")
    assert rec["markets"] == []
    assert rec["resilience"] == {"anti-money-laundering": 1}


def test_withdrawn_or_dropped_charges_give_no_market():
    # a charge the prosecution gave up is not a statement that the market exists
    assert record("The prosecutor withdrew a charge of arms trafficking.", "SE")["markets"] == []
    assert record("Prosecutors dropped the fraud charges in March.", "IE")["markets"] == []
    assert record("The court convicted him of fraud.", "IE")["markets"] == ["financial-crimes"]


def test_facilitated_movement_of_migrants_is_human_smuggling():
    # "facilitated illegal border crossing" described by what is done to the migrants
    assert record("Drivers transported migrants from the coast to the capital.",
                  "LY")["markets"] == ["human-smuggling"]
    assert record("The refugees were taken across the mountains by a network of guides "
                  "from the valley.", "TR")["markets"] == ["human-smuggling"]
    assert record("Vans crammed with migrants leave the town every night.",
                  "NE")["markets"] == ["human-smuggling"]


def test_migrants_moved_by_the_authorities_are_no_smuggling():
    assert record("The migrants were taken to a reception centre by the police.",
                  "IT")["markets"] == []


def test_too_few_staff_is_a_weakness():
    assert _res("The prosecution service has too few prosecutors for its caseload.",
                "SI") == {"judicial-system-detention": -1}


def test_the_specialised_office_is_a_name_not_a_judgement():
    # "the specialised X" names an existing body; what the sentence says of it decides
    assert _res("However, the specialised prosecutor's office has warned that it has too "
                "few prosecutors.", "HR") == {"judicial-system-detention": -1}
    assert _res("A specialised police unit was set up in 2021.", "AT") == {
        "law-enforcement": 1}


def test_officials_who_escort_let_through_or_pass_on_to_criminals_are_state_embedded():
    # GUIDELINES: state-embedded actors take part in or shield crime
    assert "state-embedded-actors" in record(
        "A border guard escorted the smugglers' trucks past the checkpoint.", "BG")["actors"]
    assert "state-embedded-actors" in record(
        "Two customs officers are suspected of letting the lorries through unchecked.",
        "RO")["actors"]
    assert "state-embedded-actors" in record(
        "A police officer passed the patrol schedule to a local gang.", "KE")["actors"]
    assert "state-embedded-actors" in record(
        "A senior official used his position to shield the network.", "MK")["actors"]


def test_police_as_speakers_are_no_state_embedded_actors():
    assert "state-embedded-actors" not in record(
        "Police say the networks collect payments from the migrants' families.",
        "BA")["actors"]


def test_known_to_the_police_is_neither_complicity_nor_praise():
    rec = record("The gang's leader is well known to the police.", "DK")
    assert "state-embedded-actors" not in rec["actors"]
    assert rec["resilience"] == {}
