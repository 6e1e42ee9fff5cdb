"""Values are compared only between aligned propositions; shared quotes are
speech; negation counts only on the action both claims report. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from checker.compare import proposition
from tests.test_compare import claim, judge_pair, q


def test_the_same_quote_in_two_outlets_agrees_whatever_it_negates() -> None:
    a = claim("“We will not raise taxes this year,” the governor said", "d1",
              predicate="raise", certainty="negated", negated=True, source="the governor")
    b = claim("The governor told reporters: “We will not raise taxes this year.”", "d2",
              predicate="tell", source="The governor")
    verdict, _, why = judge_pair(a, b)
    assert verdict == "agree"
    assert "both quote" in why


def test_identical_sentences_agree_and_never_clash_on_a_name() -> None:
    text = "Mayor Lena Ortiz opened the new bridge on Tuesday"
    a, b = claim(text, "d1", predicate="open"), claim(text, "d2", predicate="open")
    assert judge_pair(a, b)[0] == "agree"


def test_a_quote_split_from_its_opening_mark_is_still_a_quote() -> None:
    a = claim("Not a plan we ever wanted.", "d1", certainty="negated", negated=True)
    b = claim("Not a plan we ever wanted, a plan we had to take,” she said.", "d2",
              predicate="say", source="she")
    assert judge_pair(a, b)[0] == "agree"


def test_a_number_inside_a_quote_still_clashes_with_prose() -> None:
    ta = "“The school needs $40 million for the repairs,” the principal said"
    tb = "The school needs $45 million for the repairs"
    a = claim(ta, "d1", predicate="need", source="the principal",
              quantities=(q(ta, "$40 million", 40e6, 40e6, unit="$", thing="repairs"),))
    b = claim(tb, "d2", predicate="need",
              quantities=(q(tb, "$45 million", 45e6, 45e6, unit="$", thing="repairs"),))
    assert judge_pair(a, b)[:2] == ("conflict", "number")


@pytest.mark.parametrize(
    ("ta", "pa", "tb", "pb"),
    [
        # a shared weekday alone: two events
        ("The council met on Monday to vote on the budget", "meet",
         "A hearing on the zoning appeal is set for Friday", "set"),
        # a shared name alone
        ("Senator Ruth Hale voted against the farm bill", "vote",
         "Senator Ruth Hale will visit the flooded towns", "visit"),
    ],
)
def test_a_shared_day_or_name_alone_is_not_one_fact(ta: str, pa: str, tb: str, pb: str) -> None:
    assert judge_pair(claim(ta, "d1", predicate=pa), claim(tb, "d2", predicate=pb),
                      sim=0.5)[0] not in ("conflict", "disputed", "scope", "update")


def test_amounts_of_different_things_do_not_conflict() -> None:
    ta, tb = "The agency requested $2 million for the pilot", "The budget totals $9 million"
    a = claim(ta, "d1", predicate="request",
              quantities=(q(ta, "$2 million", 2e6, 2e6, unit="$"),))
    b = claim(tb, "d2", predicate="total", quantities=(q(tb, "$9 million", 9e6, 9e6, unit="$"),))
    assert judge_pair(a, b, sim=0.55)[0] != "conflict"


def test_a_rounded_figure_agrees_with_its_exact_value() -> None:
    ta, tb = "The port earned $12 million last year", "The port earned $12,380,000 last year"
    a = claim(ta, "d1", predicate="earn", quantities=(q(ta, "$12 million", 12e6, 12e6, unit="$"),))
    b = claim(tb, "d2", predicate="earn",
              quantities=(q(tb, "$12,380,000", 12.38e6, 12.38e6, unit="$"),))
    assert judge_pair(a, b)[0] == "agree"
    tc = "The port earned $14 million last year"
    c = claim(tc, "d3", predicate="earn", quantities=(q(tc, "$14 million", 14e6, 14e6, unit="$"),))
    assert judge_pair(b, c)[:2] == ("conflict", "number")


def test_negation_in_another_clause_is_not_a_conflict() -> None:
    a = claim("We did not plan this, but we will finish the tunnel", "d1", predicate="plan",
              certainty="negated", negated=True)
    b = claim("But we will finish the tunnel", "d2", predicate="finish")
    assert judge_pair(a, b)[0] != "conflict"


def test_found_no_wrongdoing_and_cleared_of_wrongdoing_say_the_same() -> None:
    a = claim("The inquiry found no wrongdoing by the coach", "d1", predicate="find")
    b = claim("The inquiry cleared the coach of wrongdoing", "d2", predicate="clear")
    assert judge_pair(a, b)[0] != "conflict"


def test_charged_vs_no_charges_filed_conflicts() -> None:
    a = claim("The former mayor has been charged with fraud", "d1", predicate="charge")
    b = claim("No charges have been filed against the former mayor yet", "d2", predicate="file")
    assert judge_pair(a, b)[:2] == ("conflict", "negation")


@pytest.mark.parametrize(
    "other",
    [
        "The ministry has not only approved the dam but also the canal",  # focus, not negation
        "The ministry approved not the dam but the canal",  # contrast: the act stands
    ],
)
def test_focus_and_contrast_do_not_negate_the_verb(other: str) -> None:
    a = claim("The ministry approved the dam", "d1", predicate="approve")
    assert judge_pair(a, claim(other, "d2", predicate="approve"))[0] != "conflict"


def test_yet_to_negates() -> None:
    a = claim("The club has yet to respond to the league's letter", "d1", predicate="have")
    b = claim("The club responded to the league's letter", "d2", predicate="respond")
    assert judge_pair(a, b)[:2] == ("conflict", "negation")
    c = claim("The club did not respond to the league's letter", "d3", predicate="respond",
              certainty="negated", negated=True)
    assert judge_pair(a, c)[0] == "agree"


def test_two_sources_on_opposite_sides_are_not_outlets_in_conflict() -> None:
    a = claim("The contractor will pay for the repairs, the mayor said", "d1", predicate="pay",
              source="the mayor")
    b = claim("The contractor will not pay for the repairs, its lawyer said", "d2",
              predicate="pay", certainty="negated", negated=True, source="its lawyer")
    assert judge_pair(a, b)[0] not in ("conflict", "disputed")


def test_a_source_negating_what_an_outlet_states_is_disputed() -> None:
    a = claim("The plant released waste into the river", "d1", predicate="release")
    b = claim("The plant did not release waste into the river, its owner said", "d2",
              predicate="release", certainty="negated", negated=True, source="its owner")
    assert judge_pair(a, b)[0] == "disputed"


def test_a_denial_of_one_of_two_coordinated_facts_aligns_with_it() -> None:
    a = claim("Both firms denied the merger talks as well as the planned layoffs", "d1",
              certainty="denied", predicate="deny", source="Both firms")
    b = claim("The two firms held merger talks in March", "d2", predicate="hold")
    assert proposition.align(a, b, similarity=0.5).aligned
    assert judge_pair(a, b, sim=0.5)[0] == "disputed"


def test_a_denial_that_names_nothing_aligns_with_nothing() -> None:
    a = claim("The company's lawyer disputed", "d1", certainty="denied", predicate="dispute",
              source="The company's lawyer")
    b = claim("The company paid the fine in June", "d2", predicate="pay")
    assert not proposition.align(a, b, similarity=0.6).aligned
    assert judge_pair(a, b, sim=0.6)[0] != "disputed"


def test_alignment_is_symmetric() -> None:
    a = claim("The two firms held merger talks in March", "d1", predicate="hold")
    b = claim("Both firms denied the merger talks as well as the planned layoffs", "d2",
              certainty="denied", predicate="deny", source="Both firms")
    assert (proposition.align(a, b, similarity=0.5).aligned
            == proposition.align(b, a, similarity=0.5).aligned)


def test_unable_to_find_evidence_is_no_evidence() -> None:
    a = claim("In most cases inspectors were unable to find evidence of tampering", "d1",
              predicate="be")
    b = claim("The inspectors have found no evidence of tampering", "d2", predicate="find",
              certainty="unconfirmed")
    assert judge_pair(a, b)[0] not in ("disputed", "conflict")


def test_a_guessed_year_is_no_time_conflict() -> None:
    import datetime as dt

    from checker.model import TimeExpr

    ta = "The minister was leaving in February"
    tb = "The minister will leave at the end of February"
    feb18 = TimeExpr(ta.index("February"), len(ta), "February", dt.date(2018, 2, 1),
                     dt.date(2018, 2, 28), "month", "event")
    feb19 = TimeExpr(tb.index("the end"), len(tb), "the end of February",
                     dt.date(2019, 2, 19), dt.date(2019, 2, 28), "month", "event")
    a = claim(ta, "d1", predicate="leave", times=(feb18,))
    b = claim(tb, "d2", predicate="leave", times=(feb19,))
    assert judge_pair(a, b)[0] not in ("update", "conflict", "scope")


def test_a_negative_prefix_negates_like_not() -> None:
    a = claim("The spokesman said the description was inaccurate", "d1", predicate="be",
              source="The spokesman")
    b = claim("The description is not accurate, the spokesman said", "d2", predicate="be",
              certainty="negated", negated=True, source="the spokesman")
    assert judge_pair(a, b)[0] != "conflict"


def test_a_prefixed_word_outside_the_predicate_negates_nothing() -> None:
    # "Unmasked" is a label, not what the sentence predicates of the gunman
    a = claim("Unmasked: the gunman known as the Fox has been identified as Tom Hale", "d1",
              predicate="identify")
    b = claim("The Fox, the masked gunman seen in the videos, has been identified as Tom Hale",
              "d2", predicate="identify")
    assert judge_pair(a, b)[0] == "agree"


def test_a_word_under_a_negated_verb_is_not_set_against_a_negation() -> None:
    # "did not show a blurred face" states no blurring: against "did not
    # blur the face" there is nothing to dispute
    a = claim("The footage he saw on state TV did not show a blurred face", "d1",
              predicate="show", certainty="negated", negated=True)
    b = claim("A correspondent said state TV did not blur the face", "d2", predicate="blur",
              certainty="negated", negated=True, source="A correspondent")
    assert judge_pair(a, b)[0] not in ("conflict", "disputed")


def test_what_a_negated_verb_governs_is_neither_stated_nor_negated() -> None:
    # "did not show the attack" says nothing of whether there was one
    a = claim("It did not show the attack on the convoy", "d1", predicate="show",
              certainty="negated", negated=True)
    b = claim("It attacked the convoy", "d2", predicate="attack")
    assert judge_pair(a, b)[0] not in ("conflict", "disputed")


def test_an_act_negated_on_one_occasion_and_stated_on_another() -> None:
    a = claim("The child did not wake up when she was shot, and woke up later complaining of "
              "pain", "d1", predicate="wake", certainty="negated", negated=True)
    b = claim("The child woke up later complaining of pain in her stomach", "d2",
              predicate="wake")
    assert judge_pair(a, b)[0] not in ("conflict", "disputed")
    c = claim("The child did not wake up", "d3", predicate="wake", certainty="negated",
              negated=True)
    assert judge_pair(c, b)[0] == "conflict"


def test_an_agentless_passive_is_not_denied_by_an_agent() -> None:
    # who sent it is not said, so "he did not send it" does not deny it
    a = claim("Rep. Jon Reed said Wednesday he's certain he did not send a lewd photo to a "
              "student", "d1", predicate="send", source="Rep. Jon Reed")
    b = claim("Last weekend, a lewd photo was sent to a student from Jon Reed's account", "d2",
              predicate="send")
    assert judge_pair(a, b)[0] not in ("conflict", "disputed")
    # the event itself negated, or the agent named, still differ
    c = claim("No lewd photo was sent to a student from Jon Reed's account", "d3",
              predicate="send", certainty="negated", negated=True)
    assert judge_pair(c, b)[0] == "conflict"
    d = claim("Last weekend, a lewd photo was sent to a student by Jon Reed", "d4",
              predicate="send")
    assert judge_pair(a, d)[0] in ("conflict", "disputed")


def test_negation_needs_one_subject() -> None:
    a = claim("One team won't train and will rest", "d1", predicate="train",
              certainty="negated", negated=True)
    b = claim("The Hawks train and rest, while the Owls just rest", "d2", predicate="train")
    assert judge_pair(a, b)[0] != "conflict"


def test_a_time_in_another_clause_is_not_the_action_s_time() -> None:
    import datetime as dt

    from checker.model import TimeExpr

    ta = "The council released the letters on Wednesday"
    tb = "The council released the letters after extracts appeared on Friday"
    wed = TimeExpr(ta.index("Wednesday"), len(ta), "Wednesday", dt.date(2024, 5, 15),
                   dt.date(2024, 5, 15), "day", "event")
    fri = TimeExpr(tb.index("Friday"), len(tb), "Friday", dt.date(2024, 5, 10),
                   dt.date(2024, 5, 10), "day", "event")
    a = claim(ta, "d1", predicate="release", times=(wed,))
    b = claim(tb, "d2", predicate="release", times=(fri,))
    assert judge_pair(a, b)[0] not in ("conflict", "scope", "update")


def test_calling_a_report_false_aligns_with_the_report() -> None:
    a = claim("The chess champion Ana Ruiz retired from competition this morning", "d1",
              predicate="retire")
    b = claim("Report on chess champion Ana Ruiz retiring is a hoax", "d2", predicate="be",
              certainty="denied")
    assert proposition.align(a, b, similarity=0.6).aligned
    assert judge_pair(a, b, sim=0.6)[0] == "disputed"


def test_taking_into_custody_is_one_action_whichever_verb() -> None:
    """Arrested, detained, captured, apprehended: one event, so a denial of
    the capture aligns with the report of the detention."""
    a = claim("The smuggler's brother was detained at the northern port", "d1",
              predicate="detain")
    b = claim("Reports that guards had captured the smuggler's brother at the port were "
              "denied by the coast guard", "d2", predicate="deny", certainty="denied",
              source="the coast guard")
    assert proposition.align(a, b, similarity=0.6).same_action
    assert judge_pair(a, b, sim=0.6)[0] == "disputed"


def test_now_is_a_time_word_not_what_is_said() -> None:
    c = claim("The ferry has now sunk", "d1", predicate="sink")
    core = proposition.core(c)
    assert "ferry" in core
    assert "now" not in core


def test_a_figure_of_what_would_happen_is_not_a_figure_of_what_did() -> None:
    ta = "The senator's plan would cut the river fund by $800 million"
    tb = "The governor has cut $716 million from the river fund"
    a = claim(ta, "d1", predicate="cut",
              quantities=(q(ta, "$800 million", 800e6, 800e6, unit="$", thing="river fund"),))
    b = claim(tb, "d2", predicate="cut",
              quantities=(q(tb, "$716 million", 716e6, 716e6, unit="$", thing="river fund"),))
    assert judge_pair(a, b, sim=0.7)[0] not in ("conflict", "scope", "update")
    # two figures of what was done still clash
    ta2 = "The governor has cut $800 million from the river fund"
    a2 = claim(ta2, "d1", predicate="cut",
               quantities=(q(ta2, "$800 million", 800e6, 800e6, unit="$", thing="river fund"),))
    assert judge_pair(a2, b, sim=0.7)[:2] == ("conflict", "number")


def test_disputing_an_argument_named_only_by_that_word_states_no_proposition() -> None:
    """"That argument" refers back to someone's words; the word alone is no
    content to align with another use of it."""
    a = claim("The mayor's office is disputing that argument", "d1", predicate="dispute",
              certainty="denied", source="The mayor's office")
    b = claim("The mayor made the same argument at the rally", "d2", predicate="make")
    assert not proposition.align(a, b, similarity=0.6).aligned


def test_a_hedge_in_another_clause_leaves_a_figure_a_fact() -> None:
    ta = "Two people were killed in the crash, and the driver may have fled on foot"
    tb = "Three people were killed in the crash"
    a = claim(ta, "d1", predicate="kill",
              quantities=(q(ta, "Two", 2, 2, thing="people"),))
    b = claim(tb, "d2", predicate="kill",
              quantities=(q(tb, "Three", 3, 3, thing="people"),))
    assert judge_pair(a, b, sim=0.8)[:2] == ("conflict", "number")
    # nor does one in a relative clause that describes something else
    tc = "Two people killed in a crash that may have been caused by ice were named"
    c = claim(tc, "d3", predicate="name", quantities=(q(tc, "Two", 2, 2, thing="people"),))
    assert judge_pair(c, b, sim=0.8)[:2] == ("conflict", "number")


def test_a_clause_negated_in_one_claim_only_conflicts() -> None:
    a = claim("A hiker who fell from a ridge that was known as a lookout was found on Monday",
              "d1", predicate="find")
    b = claim("A hiker who fell from a ridge that was not known as a lookout was found on Monday",
              "d2", predicate="find")
    verdict, kind, why = judge_pair(a, b)
    assert (verdict, kind) == ("conflict", "negation")
    assert "“known”" in why


@pytest.mark.parametrize(
    "other",
    [
        # another subject: the trust, not the council, kept the records
        "The trust, which did not publish the flood records, met on Monday",
        # another object: the clause is about the budget, not the records
        "The council, which did not publish its budget this year, met on Monday",
    ],
)
def test_a_negated_clause_about_other_participants_does_not_conflict(other: str) -> None:
    a = claim("The council, which published the flood records, met on Monday", "d1",
              predicate="meet")
    assert judge_pair(a, claim(other, "d2", predicate="meet"))[0] != "conflict"


def test_the_would_of_reported_speech_commits_the_source() -> None:
    # "said it would" reports "we will": a commitment that can be contradicted
    a = claim("The utility said on Friday it would raise water prices", "d1",
              predicate="raise", source="The utility")
    b = claim("The utility said on Friday it would not raise water prices", "d2",
              predicate="raise", source="The utility", certainty="negated", negated=True)
    assert judge_pair(a, b)[:2] == ("conflict", "negation")


def test_a_would_under_a_condition_stays_hypothetical() -> None:
    a = claim("The utility said it would raise water prices if the drought lasts", "d1",
              predicate="raise", source="The utility")
    b = claim("The utility said it would not raise water prices if the drought lasts", "d2",
              predicate="raise", source="The utility", certainty="negated", negated=True)
    assert judge_pair(a, b)[0] != "conflict"


@pytest.mark.parametrize("month_or_name", ["in May", "under Prime Minister Theresa May"])
def test_may_as_a_month_or_name_hedges_nothing(month_or_name: str) -> None:
    a = claim(f"The bridge reopened {month_or_name}", "d1", predicate="reopen")
    b = claim(f"The bridge did not reopen {month_or_name}", "d2", predicate="reopen",
              certainty="negated", negated=True)
    assert judge_pair(a, b)[:2] == ("conflict", "negation")
    c = claim("The bridge may reopen next week", "d3", predicate="reopen", certainty="asserted")
    d = claim("The bridge will not reopen next week", "d4", predicate="reopen",
              certainty="negated", negated=True)
    assert judge_pair(c, d)[0] != "conflict"


def test_claims_that_assert_and_negate_never_agree() -> None:
    # the matcher may pair them as one fact; the comparators cannot align
    # "found dead" with "is not dead" on one action, and they do not agree
    a = claim("The actor was found dead in his flat", "d1", predicate="find")
    b = claim("The actor is not dead", "d2", predicate="be", certainty="negated", negated=True)
    verdict, _, why = judge_pair(a, b)
    assert verdict == "unrelated"
    assert "one negates" in why


def test_shared_words_called_false_by_one_outlet_do_not_agree() -> None:
    a = claim("“The dam will close on Friday,” the water board said", "d1",
              predicate="close", source="the water board")
    b = claim("The post saying “the dam will close on Friday” is a hoax", "d2",
              predicate="close")
    assert judge_pair(a, b)[0] != "agree"
    c = claim("The water board said “the dam will close on Friday”", "d3",
              predicate="say", source="The water board")
    assert judge_pair(a, c)[0] == "agree"  # the same words, neither calls them false


def test_a_false_thing_named_beside_shared_words_does_not_deny_them() -> None:
    a = claim("The mayor wants the police chief fired", "d1", predicate="want")
    b = claim("The mayor reportedly wants the police chief fired over a fabricated expense claim",
              "d2", predicate="want")
    assert judge_pair(a, b)[0] == "agree"


def test_a_fake_news_label_denies_the_headline() -> None:
    a = claim("Grocery chain will stop selling bread on Sundays", "d1", predicate="stop")
    b = claim("Fake-news: grocery chain will stop selling bread on Sundays", "d2",
              predicate="stop")
    assert judge_pair(a, b)[0] == "disputed"


def test_one_person_named_two_ways_is_no_count_of_two_things() -> None:
    ta = "The famous horse trainer Lena Ortiz died on Monday"
    tb = "Lena Ortiz is not dead: the horse trainer death hoax spreads"
    # the casualty reader counts a definite or named person as one
    a = claim(ta, "d1", predicate="die",
              quantities=(q(ta, "The", 1, None, thing="trainer"),))
    b = claim(tb, "d2", predicate="be", certainty="denied",
              quantities=(q(tb, "Lena Ortiz", 1, None, thing="Ortiz"),))
    verdict, _, why = judge_pair(a, b)
    assert "different things counted" not in why
    assert verdict == "disputed"
    tc = "The ship carried 40 horses to the port"
    td = "The ship carried 40 containers to the port"
    c = claim(tc, "d3", predicate="carry", quantities=(q(tc, "40", 40, 40, thing="horses"),))
    d = claim(td, "d4", predicate="carry", quantities=(q(td, "40", 40, 40, thing="containers"),))
    assert judge_pair(c, d)[0] == "unrelated"  # figures of two kinds of thing still part


def test_a_source_speaking_of_itself_stays_in_the_proposition() -> None:
    # "it" is the embassy: what it denies is about the embassy, so the
    # embassy's words name the proposition's subject
    text = "The Ruritanian embassy denied reports that it is planning to open a school"
    own = claim(text, "d1", predicate="plan", certainty="denied", source="The Ruritanian embassy")
    other = "The Ruritanian embassy denied reports that the ministry is planning to open a school"
    about_another = claim(other, "d2", predicate="plan", certainty="denied",
                          source="The Ruritanian embassy")
    assert {"ruritanian", "embassy"} <= proposition.core(own)
    assert not {"ruritanian", "embassy"} & proposition.core(about_another)
