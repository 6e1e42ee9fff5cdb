"""Pairs two outlets can both print without contradicting each other, each
beside a control that must still be flagged. Each case is one principle:
what a negation is about, what a copula states, what a report of a denial
asserts, where a place belongs, when a figure is set against another.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from checker.compare.comparators import committed, negative
from checker.compare.comparators.actions import _negated_at
from checker.compare.comparators.certainty import certainty as certainty_v1
from checker.compare.comparators.commitment import _asserts_fact
from checker.compare.comparators.parties import _initialism_of_either
from checker.compare.comparators.quantity import _overlap
from checker.compare.comparators.quantity import quantity as quantity_v1
from checker.compare.proposition import align
from checker.compare.registry import PairContext
from checker.extract.numbers import parse_number
from checker.match.places import located, place_clash
from tests.pairs import pair_verdicts, read_main_clause
from tests.test_compare import claim, judge_pair, place, q, when

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language

_read = read_main_clause


# ---------------------------------------------------------------- negation


@pytest.mark.parametrize(
    ("text", "verb", "negated"),
    [
        ("It was strange no one had reported the smoke", "be", False),
        ("There was no smoke over the valley", "be", True),
        ("The inspectors found absolutely nothing", "find", True),
        ("The driver pleaded not guilty", "plead", True),
    ],
)
def test_a_negator_negates_the_verb_only_right_after_it(text: str, verb: str, negated: bool) -> None:
    # further on, "no one" is the subject of a clause of its own
    assert _negated_at(claim(text, predicate=verb), verb) is negated


def test_no_one_in_a_clause_of_its_own_is_no_conflict() -> None:
    a = claim('According to a radio station, Hale said it was "very strange that no one reported '
              "the smoke", "d1", predicate="be", source="Hale")
    b = claim("Tom Hale, a guide, said it was strange no one had reported the smoke", "d2",
              predicate="be", source="Tom Hale")
    assert judge_pair(a, b)[0] == "agree"


def test_a_copula_states_its_complement() -> None:
    # "is not for children" and "is popular with children" predicate two things
    neg = claim("The game isn't for children", "d1", predicate="be", certainty="negated",
                negated=True)
    other = claim("But the game has been very popular with children", "d2", predicate="be")
    same = claim("The game is for children", "d3", predicate="be")
    assert judge_pair(neg, other)[0] not in ("conflict", "disputed")
    assert judge_pair(neg, same)[:2] == ("conflict", "negation")


def test_not_yet_does_not_contradict_a_later_start() -> None:
    yet = claim("Assembly of the new ferry hasn't begun yet", "d1", predicate="begin",
                certainty="negated", negated=True)
    later = claim("Assembly of the new ferry will not begin until March", "d2", predicate="begin")
    begun = claim("Assembly of the new ferry has begun", "d3", predicate="begin")
    assert judge_pair(yet, later)[0] not in ("conflict", "disputed")
    assert judge_pair(yet, begun)[:2] == ("conflict", "negation")


# ------------------------------------------------------------------ denials

DENIED = "The museum denied reports that it will close its east wing"


def _denial() -> object:
    return claim(DENIED, "d1", predicate="close", certainty="denied", source="The museum")


def test_a_report_of_the_denial_does_not_assert_what_was_denied() -> None:
    told = claim("The museum has moved to deny reports that it will close its east wing", "d2",
                 predicate="move")
    states = claim("The museum will close its east wing", "d3", predicate="close")
    assert judge_pair(_denial(), told)[0] != "disputed"  # type: ignore[arg-type]
    assert judge_pair(_denial(), states)[0] == "disputed"  # type: ignore[arg-type]


def test_declining_to_comment_states_nothing() -> None:
    silent = claim("The museum's director declined to comment on its east wing", "d2",
                   predicate="decline")
    assert judge_pair(_denial(), silent)[0] != "disputed"  # type: ignore[arg-type]


def test_one_shared_word_is_no_doubted_fact() -> None:
    doubt = claim("He would not confirm the salary figure", "d1", predicate="confirm",
                  certainty="unconfirmed")
    other = claim("That confirms he earns seven figures", "d2", predicate="earn",
                  certainty="confirmed")
    fact = claim("The salary figure is correct", "d3", predicate="be")
    # a rare word weighs much: alone it covers most of the doubted fact
    idf = {"figur": 5.0, "salary": 1.0, "earn": 1.0, "seven": 1.0, "correct": 1.0}
    # the doubted fact's branch of alignment (two sentences that read apart)
    assert not align(doubt, other, similarity=0.42, idf=idf).aligned
    assert align(doubt, fact, similarity=0.42, idf=idf).aligned


@pytest.mark.slow
def test_a_dateline_is_not_who_denies(nlp: Language) -> None:
    from checker.extract.certainty import analyse

    (sent,) = nlp("PARIS — The city council denied reports on Monday that the bridge would "
                  "close.").sents
    att = analyse(sent.root)
    assert (att.certainty, att.source) == ("denied", "The city council")


# ------------------------------------------------------------ places, figures


def test_a_place_after_an_agent_belongs_to_the_agent() -> None:
    ta = "A courier arrested in Portugal was a former driver"
    tb = "The courier was one of the drivers arrested by smugglers in Spain"
    a = claim(ta, "d1", predicate="be", places=(place(ta, "Portugal", "Portugal", "PT"),))
    b = claim(tb, "d2", predicate="be", places=(place(tb, "Spain", "Spain", "ES"),))
    ((_, anchor),) = located(b)
    assert "smuggler" in anchor and "arrest" not in anchor
    assert judge_pair(a, b)[0] != "conflict"
    tc = "A courier arrested in Spain was a former driver"
    c = claim(tc, "d3", predicate="be", places=(place(tc, "Spain", "Spain", "ES"),))
    assert judge_pair(a, c)[:2] == ("conflict", "place")


def test_digits_grouped_in_lakhs_are_one_number() -> None:
    assert parse_number("7,45,300") == 745300
    assert parse_number("1,00,000") == 100000
    assert parse_number("745,300") == 745300


def test_prices_without_a_figure_to_set_against_are_no_scope() -> None:
    ta = "The basic watch will cost $1,000"
    tb = "A rival watch costs $850 in steel and $2,300 in gold"
    a = claim(ta, "d1", predicate="cost", quantities=(q(ta, "$1,000", 1000, 1000, unit="USD"),))
    b = claim(tb, "d2", predicate="cost",
              quantities=(q(tb, "$850", 850, 850, unit="USD"), q(tb, "$2,300", 2300, 2300, unit="USD")))
    assert judge_pair(a, b)[0] not in ("conflict", "scope")
    tc = "The basic watch will cost $1,200"
    c = claim(tc, "d3", predicate="cost", quantities=(q(tc, "$1,200", 1200, 1200, unit="USD"),))
    assert judge_pair(a, c)[:2] == ("conflict", "number")


def test_a_denial_agrees_with_the_negative_it_denies() -> None:
    denial = claim("The mayor denied that the photo had been staged", "d1", predicate="stage",
                   certainty="denied", source="The mayor")
    insisted = claim("The mayor insists none of the photos were staged", "d2", predicate="insist",
                     source="The mayor")
    positive = claim("The photo had been staged", "d3", predicate="stage")
    assert judge_pair(denial, insisted)[0] != "disputed"
    assert judge_pair(denial, positive)[0] == "disputed"


def test_a_satirical_site_named_is_no_story_called_false() -> None:
    # "satirical" names a genre here; only said of the story itself does it deny it
    assert committed(claim("She runs a satirical website", predicate="run",
                                       certainty="asserted")) == "pos"
    assert committed(claim("The article was satire", predicate="be",
                                       certainty="asserted")) == "denied"
    assert committed(claim("The website pulled a similar prank", predicate="pull",
                                       certainty="asserted")) == "denied"
    # a prankster is a person who does something, not a story called false
    assert committed(claim("A prankster gives a busker $50 and films him",
                                       predicate="give", certainty="asserted")) == "pos"
    # a satirical outlet as who speaks: what it says is not news
    assert committed(claim("Satirical site warns readers over names", predicate="warn",
                                       certainty="asserted")) == "denied"
    assert committed(claim("Ann Lee, a writer who runs a satirical site, is on leave",
                                       predicate="be", certainty="asserted")) == "pos"


def test_unconfirmed_reports_leave_the_fact_unconfirmed() -> None:
    c = claim("Unconfirmed reports say the singer was found dead", predicate="find",
              certainty="asserted", source="Unconfirmed reports")
    assert committed(c) == "unconfirmed"


def test_a_name_written_alike_is_one_name() -> None:
    from tests.test_compare import mention

    ta = "Lee skipped the March 3 vote in the harbour council on new ferry fares"
    tb = "Lee skipped the Mar. 3 vote in the harbour council on new ferry fares"
    a = claim(ta, "d1", predicate="be", mentions=(mention(ta, "Lee", "PERSON", "person:lee"),))
    b = claim(tb, "d2", predicate="be",
              mentions=(mention(tb, "Lee", "PERSON", "person:lee-min-ho"),))
    assert judge_pair(a, b, sim=0.95)[0] != "conflict"


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("$1,999", "$2,000", True),  # one price written two ways
        ("14", "14.1", True),  # a whole number written without its decimals
        ("14", "15.1", False),
        ("300", "400", False),
        ("2", "3", False),
    ],
)
def test_figures_written_at_different_precision(a: str, b: str, overlap: bool) -> None:
    va, vb = parse_number(a.strip("$").replace("$", "")), parse_number(b.strip("$"))
    assert va is not None and vb is not None
    qa = q(a, a, va, va)
    qb = q(b, b, vb, vb)
    assert _overlap(qa, qb) is overlap


def test_two_dozen_is_a_number() -> None:
    assert parse_number("two dozen") == 24


def test_a_place_inside_a_name_or_a_list_member_places_nothing() -> None:
    ta = "Troops fought the Liberation Front in Chad and the Sahel this week"
    ((_, anchor),) = located(claim(ta, predicate="fight", places=(place(ta, "Chad", "Chad", "TD"),)))
    tb = "The chain has branches including one in Lisbon"
    ((_, members),) = located(claim(tb, predicate="have",
                                    places=(place(tb, "Lisbon", "Lisbon", "PT", "city"),)))
    assert "branch" not in members
    tc = "The chain has branches in Lisbon"
    ((_, branches),) = located(claim(tc, predicate="have",
                                     places=(place(tc, "Lisbon", "Lisbon", "PT", "city"),)))
    assert "branch" in branches
    assert anchor  # a lower-case word before the place: located as usual
    td = "The Liberation Front in Chad and the Sahel claimed the attack"
    assert located(claim(td, predicate="claim", places=(place(td, "Chad", "Chad", "TD"),))) == []


def test_square_feet_are_a_unit() -> None:
    from checker.extract.modifiers import UNIT_WORDS

    assert UNIT_WORDS["square feet"] == "sq ft"


@pytest.mark.slow
def test_an_article_that_calls_the_story_false_does_not_assert_what_it_relays() -> None:
    from checker import ingest, pipeline
    from checker.config import Config

    debunk = ("The singer Lena Hart has died of a heart attack, reports the site "
              "celebnews-example.com. This report is a hoax. Hart performed in Oslo on Sunday.")
    other = "A hoax report claimed that the singer Lena Hart had died of a heart attack."
    spreads = "The singer Lena Hart has died of a heart attack, her record label said on Monday."

    def disputed(a: str, b: str) -> bool:
        docs = [ingest.document_from_text(a, id="a", outlet="Outlet A"),
                ingest.document_from_text(b, id="b", outlet="Outlet B")]
        return any(f.verdict == "disputed"
                   for f in pipeline.analyse(docs, Config()).report.findings)

    assert not disputed(debunk, other)
    assert disputed(spreads, other)
    # a retelling attributed to the story, in an article that negates it in
    # its own voice, is no more asserted
    retold = ("According to the story, the label said that the singer Lena Hart had died of a "
              "heart attack. The singer Lena Hart has not died of a heart attack.")
    assert not disputed(retold, other)


def test_a_confirmation_commits_the_outlet_that_reports_it() -> None:
    # "confirms" is factive: reporting it, the outlet states P too; "says"
    # leaves P the source's, which an outlet's negation does not contradict
    no = claim("Ana Diaz won't captain the team after all", "d2", predicate="captain",
               certainty="negated", negated=True)
    confirms = claim("The coach confirms Ana Diaz will captain the team", "d1",
                     predicate="captain", certainty="confirmed", source="The coach")
    says = claim("The coach says Ana Diaz will captain the team", "d3", predicate="captain",
                 certainty="asserted", source="The coach")
    assert judge_pair(confirms, no)[:2] == ("conflict", "negation")
    assert judge_pair(says, no)[0] not in ("conflict", "disputed")


def test_a_place_that_modifies_a_noun_places_nothing() -> None:
    tb = "The courier was killed in a Spain port strike"
    tc = "The courier was killed in Spain fighting off robbers"
    b = claim(tb, predicate="kill", places=(place(tb, "Spain", "Spain", "ES"),))
    c = claim(tc, predicate="kill", places=(place(tc, "Spain", "Spain", "ES"),))
    assert located(b) == []  # "Spain port strike": the strike is where he was killed
    assert [p.name for p, _ in located(c)] == ["Spain"]


def test_spans_of_time_are_not_what_is_placed() -> None:
    ta = "He spent six weeks in captivity in Portugal"
    tb = "Air strikes began two weeks ago in Spain"
    a = claim(ta, predicate="spend", places=(place(ta, "Portugal", "Portugal", "PT"),))
    b = claim(tb, predicate="begin", places=(place(tb, "Spain", "Spain", "ES"),))
    tc = "He spent six weeks in captivity in Spain"
    c = claim(tc, predicate="spend", places=(place(tc, "Spain", "Spain", "ES"),))
    assert place_clash(a, b) is None
    assert place_clash(a, c) is not None


def test_a_thing_spread_over_a_list_of_countries_has_no_one_place() -> None:
    ta = "The group declared a caliphate across Mali and Niger"
    tb = "The group said its caliphate was expanding in Chad"
    a = claim(ta, predicate="declare", places=(place(ta, "Mali", "Mali", "ML"),
                                                place(ta, "Niger", "Niger", "NE")))
    b = claim(tb, predicate="expand", places=(place(tb, "Chad", "Chad", "TD"),))
    assert place_clash(a, b) is None
    tc = "The group declared a caliphate across Mali"
    c = claim(tc, predicate="declare", places=(place(tc, "Mali", "Mali", "ML"),))
    assert place_clash(c, b) is not None


def test_digits_joined_by_a_slash_are_no_count() -> None:
    from checker.extract.quantities import _slashed

    text = "The shop closes on 1/1/15 and is open 24/7 until then, with 12 staff"
    date, ratio, staff = text.index("1/1/15"), text.index("24/7"), text.index("12 staff")
    assert _slashed(text, date, date + 1)  # the first "1"
    assert _slashed(text, date + 4, date + 6)  # the "15"
    assert _slashed(text, ratio, ratio + 2)
    assert not _slashed(text, staff, staff + 2)


# ------------------------------------------------- this stop: rumours, "yet"


def test_money_written_with_a_scale_letter_is_scaled(nlp: Language) -> None:
    from checker.extract.quantities import find_quantities

    (sent,) = nlp("The stall earned almost $5m, the fair cost £2bn and a car $40k.").sents
    found = [(x.text, x.value, x.unit) for x in find_quantities(sent, 0)]
    assert ("almost $5m", 5_000_000, "USD") in found
    assert ("£2bn", 2_000_000_000, "GBP") in found
    assert ("$40k", 40_000, "USD") in found
    (run,) = nlp("The runner ran 5m on the track.").sents
    assert [(x.value, x.unit) for x in find_quantities(run, 0)] == [(5, None)]  # metres


def test_ranks_and_ratios_are_no_counts(nlp: Language) -> None:
    from checker.extract.quantities import find_quantities

    (sent,) = nlp("Getting into the top 10 costs about six times as much.").sents
    assert find_quantities(sent, 0) == []
    (shots,) = nlp("The guard was shot 3 times.").sents
    assert [x.thing for x in find_quantities(shots, 0) if x.value == 3] == ["times"]


def test_a_rumour_as_the_speaker_leaves_the_fact_unconfirmed(nlp: Language) -> None:
    from checker.extract.certainty import analyse

    (sent,) = nlp("A recent rumor claims that the college has banned the word.").sents
    att = analyse(sent.root)
    assert (att.source, att.predicate) == ("rumor", "ban")  # the parser's "rumor claims" compound
    relayed = claim(sent.text, "d1", predicate="ban", source="rumor")
    denied = claim("The college has not banned the word, according to a spokesman", "d2",
                   predicate="ban", certainty="negated", negated=True, source="a spokesman")
    said = claim("The college has banned the word", "d3", predicate="ban")
    assert committed(relayed) == "unconfirmed"
    assert judge_pair(relayed, denied)[0] not in ("conflict", "disputed")
    assert judge_pair(said, denied)[0] == "disputed"


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("The agency says the authenticity of the tape has yet to be verified.", "unconfirmed"),
        ("The cause of the fire remains to be confirmed.", "unconfirmed"),
        ("The company has yet to open the store.", "negated"),
        ("The company has opened the store.", "asserted"),
    ],
)
def test_yet_to_is_not_yet(nlp: Language, text: str, certainty: str) -> None:
    assert _read(nlp, text).certainty == certainty


def test_a_speaker_or_an_owner_is_not_where_the_thing_is() -> None:
    ta = "A trade analyst in Lisbon said the strikes would spread"
    tb = "Dock strikes spread at the heart of Spain's economy on Monday"
    tc = "Dock strikes spread in Spain on Monday"
    a = claim(ta, predicate="spread", source="A trade analyst in Lisbon",
              places=(place(ta, "Lisbon", "Lisbon", "PT", kind="city"),))
    b = claim(tb, predicate="spread", places=(place(tb, "Spain", "Spain", "ES"),))
    c = claim(tc, predicate="spread", places=(place(tc, "Spain", "Spain", "ES"),))
    assert located(a) == [] and located(b) == []
    assert [p.name for p, _ in located(c)] == ["Spain"]


def test_counts_of_people_who_did_different_things_are_two_groups() -> None:
    ta = "Seven pupils fell ill during the five-day school trip"
    tb = "Twenty-eight pupils went on the five-day school trip"
    tc = "Nine pupils fell ill during the five-day school trip"
    a = claim(ta, "d1", predicate="fall", quantities=(q(ta, "Seven", 7, 7, thing="pupils"),))
    b = claim(tb, "d2", predicate="go", quantities=(q(tb, "Twenty-eight", 28, 28, thing="pupils"),))
    c = claim(tc, "d3", predicate="fall", quantities=(q(tc, "Nine", 9, 9, thing="pupils"),))
    assert judge_pair(a, b)[0] == "unrelated"
    assert judge_pair(a, c)[:2] == ("conflict", "number")
    # paraphrases of one deed stay one group
    td = "The army deployed 12,000 soldiers"
    te = "The army sent 10,000 soldiers"
    d = claim(td, "d4", predicate="deploy", quantities=(q(td, "12,000", 12000, 12000, thing="soldiers"),))
    e = claim(te, "d5", predicate="send", quantities=(q(te, "10,000", 10000, 10000, thing="soldiers"),))
    assert judge_pair(d, e)[:2] == ("conflict", "number")


def test_what_is_not_confirmed_must_be_what_the_other_states() -> None:
    doubt = claim("The ministry said it could not confirm the commander's death", "d1",
                  predicate="confirm", certainty="unconfirmed", source="The ministry")
    background = claim("Drone strikes have long targeted the commander and his deputies", "d2",
                       predicate="target")
    killed = claim("The commander was killed in a drone strike", "d3", predicate="kill")
    assert judge_pair(doubt, background)[0] == "unrelated"
    assert judge_pair(doubt, killed)[0] == "disputed"


def test_declining_to_give_details_is_no_negated_fact() -> None:
    a = claim("Neither the bank nor the fund, which is providing the loan, had comment on the "
              "merger report", "d1", predicate="provide")
    b = claim("At this point the fund is not providing details regarding the merger report",
              "d2", predicate="provide", certainty="negated", negated=True)
    c = claim("At this point the fund is not providing the loan for the merger", "d3",
              predicate="provide", certainty="negated", negated=True)
    d = claim("The fund is providing the loan for the merger", "d4", predicate="provide")
    assert judge_pair(a, b)[0] not in ("conflict", "disputed")
    assert judge_pair(c, d)[:2] == ("conflict", "negation")


def test_one_shared_word_is_no_doubted_statement() -> None:
    doubt = claim("Jordan disputed the militants' claim", "d1", predicate="dispute",
                  certainty="denied", source="Jordan")
    other = claim("Jordan is one of the countries in the coalition against the militants", "d2",
                  predicate="be")
    assert not align(doubt, other, similarity=0.75).aligned


def test_the_story_that_p_does_not_assert_p() -> None:
    told = claim("The host was one of the first to spread the story that the station had "
                 "blurred the image of the guest", "d1", predicate="be")
    denied = claim("A reporter wrote that the station in fact did not blur the image of the guest",
                   "d2", predicate="blur", certainty="negated", negated=True)
    stated = claim("The host said the station had blurred the image of the guest", "d3",
                   predicate="blur")
    assert judge_pair(told, denied)[0] not in ("conflict", "disputed")
    assert judge_pair(stated, denied)[0] in ("conflict", "disputed")


def test_figures_of_different_years_are_different_windows() -> None:
    ta = "Shipments grew from the 4.6 million units shipped in 2014 to far more in 2015"
    tb = "The firm shipped 15.4 million units worldwide in 2015"
    tc = "The firm shipped 15.4 million units worldwide in 2014"
    y14 = (dt.date(2014, 1, 1), dt.date(2014, 12, 31))
    y15 = (dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    a = claim(ta, "d1", predicate="grow", quantities=(q(ta, "4.6 million", 4.6e6, 4.6e6, thing="units"),),
              times=(when(ta, "2014", *y14, precision="year"), when(ta, "2015", *y15, precision="year")))
    b = claim(tb, "d2", predicate="ship", quantities=(q(tb, "15.4 million", 15.4e6, 15.4e6, thing="units"),),
              times=(when(tb, "2015", *y15, precision="year"),))
    c = claim(tc, "d3", predicate="ship", quantities=(q(tc, "15.4 million", 15.4e6, 15.4e6, thing="units"),),
              times=(when(tc, "2014", *y14, precision="year"),))
    assert quantity_v1(a, b, _ctx()).verdict == "scope"
    assert quantity_v1(a, c, _ctx()).verdict == "conflict"


def _ctx() -> PairContext:
    return PairContext(published_a=None, published_b=None, similarity=0.8, match=0.8)


def test_an_initialism_and_its_long_name_are_one_organisation() -> None:
    assert _initialism_of_either(["UN"], ["United Nations"])
    assert _initialism_of_either(["the Ocean Watch Trust"], ["OWTF"])
    assert not _initialism_of_either(["NATO"], ["United Nations"])
    assert not _initialism_of_either(["UN"], ["EU"])


@pytest.mark.parametrize(
    ("text", "certainty", "predicate"),
    [
        ("Scientists have cast doubt over claims that a spider burrowed into the man's arm.",
         "unconfirmed", "burrow"),
        ("Astronomers have questioned whether the crater was made by a meteorite.", "unconfirmed",
         "make"),
        ("Experts doubt that the painting is genuine.", "unconfirmed", "be"),
        ("Researchers are skeptical that the drug works.", "unconfirmed", "work"),
        ("Nobody doubts that the painting is genuine.", "asserted", "be"),
        ("The pledge raised questions about how the policy might change.", "asserted", "raise"),
        ("Experts questioned the authenticity of the video.", "unconfirmed", "question"),
        ("Police questioned the suspect on Monday.", "asserted", "question"),
        ("Experts say that the painting is genuine.", "asserted", "be"),
        # the doubt as the subject: a passive, a headline's, a doubt growing
        ("Doubts were raised about the deal.", "unconfirmed", "raise"),
        ("Doubts cast over harbour shark claim", "unconfirmed", "cast"),
        ("Questions raised over the claim that the dam failed", "unconfirmed", "fail"),
        ("Doubts grow over the mayor's account of the crash.", "unconfirmed", "grow"),
        ("Questions raised over how the money was spent", "asserted", "raise"),
        ("Tensions grow over the border.", "asserted", "grow"),
    ],
)
def test_doubting_leaves_the_doubted_unconfirmed(
    nlp: Language, text: str, certainty: str, predicate: str
) -> None:
    att = _read(nlp, text)
    assert (att.certainty, att.predicate) == (certainty, predicate)


def test_talk_of_a_rumour_does_not_state_its_content() -> None:
    spread = claim("Once again rumors of the death of the former leader have spread online", "d1",
                   predicate="spread")
    relayed = claim("The rumors claim the former leader's death will be announced at a conference",
                    "d2", predicate="announce", source="The rumors")
    said = claim("They report that the former leader died at a clinic", "d3", predicate="die",
                 source="They")
    doubt = claim("The ministry did not confirm that the former leader died at a clinic", "d4",
                  predicate="die", certainty="unconfirmed", source="The ministry")
    assert judge_pair(spread, relayed)[0] not in ("conflict", "disputed")
    assert not _asserts_fact(spread)
    assert _asserts_fact(said)  # "report" as a verb says what follows
    assert judge_pair(said, doubt)[0] == "disputed"


# ------------------------------------- distancing, unsaid, conversions


@pytest.mark.parametrize(
    ("text", "certainty", "source"),
    [
        # "claims" relays the speaker's word without the writer's
        ("The climber claims he reached the summit alone.", "reported", "The climber"),
        ("The climber says he reached the summit alone.", "asserted", "The climber"),
        # denying the saying leaves what was said open, not denied
        ("The mayor never said that the bridge would close.", "unconfirmed", "The mayor"),
        ("The mayor did not say the bridge would close.", "unconfirmed", "The mayor"),
        # no act of confirming: what it would confirm is unconfirmed
        ("There has been no announcement from the club confirming that the coach will leave.",
         "unconfirmed", None),
        ("The club issued no statement confirming that the coach will leave.", "unconfirmed",
         "The club"),
        ("The club confirmed that the coach will leave.", "confirmed", "The club"),
    ],
)
def test_what_the_writer_commits_to(
    nlp: Language, text: str, certainty: str, source: str | None
) -> None:
    att = _read(nlp, text)
    assert (att.certainty, att.source) == (certainty, source)


def test_a_claim_relayed_is_not_disputed_by_an_unverified_report() -> None:
    claimed = claim("The climber claims he reached the summit alone", "d1", predicate="reach",
                    certainty="reported", source="The climber")
    unverified = claim("According to an unverified report, the climber reached the summit alone",
                       "d2", predicate="reach", source="an unverified report")
    stated = claim("The climber has reached the summit alone, his team said", "d3",
                   predicate="reach", source="his team")
    denied = claim("The guide denied that the climber reached the summit alone", "d4",
                   predicate="reach", certainty="denied", source="The guide")
    assert judge_pair(claimed, unverified)[0] not in ("conflict", "disputed")
    assert judge_pair(stated, unverified)[0] == "disputed"
    assert judge_pair(claimed, denied)[0] == "disputed"


def test_a_measure_converted_in_brackets_is_one_measure(nlp: Language) -> None:
    from checker.extract.quantities import find_quantities

    (sent,) = nlp("The lake is about 120 miles (193 km) north of the city and "
                  "sold for £2bn ($2.6bn).").sents
    assert [x.text for x in find_quantities(sent, 0)] == ["about 120 miles", "£2bn"]
    (two,) = nlp("The lake is 120 miles long (and 3 km wide).").sents
    assert [x.text for x in find_quantities(two, 0)] == ["120 miles", "3 km"]


@pytest.mark.slow
def test_what_a_debunking_article_retells_is_set_against_nothing() -> None:
    from checker import ingest, pipeline
    from checker.config import Config

    # two debunking articles, each retelling its own version of the hoax
    one = ("This viral report is a hoax. The post said the lake will freeze for 6 days in July. "
           "Weather services said nothing of the kind.")
    two = ("The story is fake. A widely shared message said the lake would freeze for 3 days "
           "in July.")
    believes = "The lake will freeze for 3 days in July, a local weather blog said on Monday."

    def differences(a: str, b: str) -> list[str]:
        docs = [ingest.document_from_text(a, id="a", outlet="Outlet A"),
                ingest.document_from_text(b, id="b", outlet="Outlet B")]
        return [f.verdict for f in pipeline.analyse(docs, Config()).report.findings
                if f.verdict in ("conflict", "disputed", "scope", "update")]

    assert differences(one, two) == []
    assert differences(one, believes) == []  # the article's figure is the hoax's, not its own
    # an article that tells the story as fact still conflicts with another's figure
    assert differences(
        "The lake will freeze for 6 days in July, the weather service said.", believes) != []
    # what the debunking article negates in its own voice stands
    assert differences("This viral story is fake. The bakery will not stop serving tall "
                       "customers starting January 1, 2027.",
                       "The Bakery Will Stop Serving Tall Customers Beginning 1/1/27.") != []


def test_an_article_claiming_p_and_a_fact_check_label_state_nothing() -> None:
    post = claim("The site posted an article claiming that the mayor had sent the letter", "d1",
                 predicate="post")
    label = claim("Claim: The mayor sent the letter to the council", "d2", predicate="send")
    doubt = claim("We cannot verify that the mayor sent the letter", "d3", predicate="send",
                  certainty="unconfirmed", source="We")
    said = claim("The mayor sent the letter, the council said", "d4", predicate="send",
                 source="the council")
    assert not _asserts_fact(post)
    assert not _asserts_fact(label)
    assert judge_pair(post, doubt)[0] not in ("conflict", "disputed")
    assert judge_pair(label, doubt)[0] not in ("conflict", "disputed")
    assert judge_pair(said, doubt)[0] == "disputed"


def test_a_story_called_false_in_an_adverbial_clause_leaves_the_main_clause_asserted() -> None:
    when = claim("She quickly apologised when she learned the story was a prank", "d1",
                 predicate="apologise")
    apologised = claim("She later apologised after she was duped", "d2", predicate="apologise")
    # the falsity word is in the clause that states what the other claims
    after = claim("Fans reacted online after fake news that the singer Jon Reed had died", "d3",
                  predicate="react")
    died = claim("The singer Jon Reed has died at the age of 81", "d4", predicate="die")
    assert judge_pair(when, apologised)[0] not in ("conflict", "disputed")
    assert judge_pair(after, died)[0] == "disputed"


def test_a_doubt_about_another_fact_leaves_the_shared_fact_to_the_other_comparators() -> None:
    # the doubt ("would not say whether she had been charged") is about
    # another fact than the detention both state: certainty has nothing to
    # say of the pair, and other facts may still make them one (or not)
    doubter = claim("The army detained the commander's wife at the border crossing, but "
                    "officials would not say whether she had been charged", "d1",
                    predicate="detain", certainty="unconfirmed")
    other = claim("Soldiers detained the wife of the commander at the border crossing",
                  "d2", predicate="detain")
    assert certainty_v1(doubter, other, _ctx()) is None
    assert judge_pair(doubter, other)[0] not in ("conflict", "disputed")


def test_a_period_to_date_names_no_date_left_unconfirmed() -> None:
    # "to date" is a period ("so far"), not the launch date not confirmed
    doubt = claim("While the network has not confirmed a launch date for its streaming app",
                  "d1", predicate="confirm", certainty="unconfirmed", source="the network")
    show = claim("The network also produces the most watched drama streamed on the app to "
                 "date", "d2", predicate="produce")
    assert judge_pair(doubt, show, sim=0.6)[0] not in ("conflict", "disputed")
    dated = claim("The streaming app will launch on a date in April, the network said", "d2",
                  predicate="launch", source="the network")
    assert judge_pair(doubt, dated, sim=0.6)[0] == "disputed"


def test_a_rumour_and_another_report_relayed_take_no_sides() -> None:
    # one outlet calls its source a rumour; the other relays a publication:
    # neither states P, and calling a source a rumour doubts the source
    rumour = claim("A rumour on Tuesday claims the new phone will cost $900", "d1",
                   predicate="cost", certainty="reported", source="A rumour on Tuesday")
    paper = claim("According to the trade publication, the new phone will cost about $900",
                  "d2", predicate="cost", source="the trade publication")
    assert committed(rumour) == "unconfirmed"
    assert judge_pair(rumour, paper)[0] not in ("conflict", "disputed")
    # a body that speaks for itself still disputes the rumour's doubt
    maker = claim("The new phone will cost $900, the maker said", "d2", predicate="cost",
                  source="the maker")
    assert judge_pair(rumour, maker)[0] == "disputed"


def test_a_verb_of_doubting_in_its_other_sense_is_no_shared_act() -> None:
    # "questioning the authenticity" doubts; "questioned a man"
    # interrogates: one verb, two acts
    doubt = claim("Two sound engineers are questioning the authenticity of the audio file",
                  "d1", predicate="question", certainty="unconfirmed",
                  source="Two sound engineers")
    asked = claim("The FBI has questioned a man who says he recorded the audio, his lawyer "
                  "said", "d2", predicate="question", source="his lawyer")
    assert not align(doubt, asked, similarity=0.6).same_action
    assert judge_pair(doubt, asked, sim=0.6)[0] not in ("conflict", "disputed")
    # the doubted fact itself is still disputed ("disputed the report that
    # P" / "the report said P")
    disputed = claim("The mayor disputed a report that said the council had sold the park",
                     "d1", predicate="dispute", certainty="denied", source="The mayor")
    sold = claim("The council sold the park to a developer, the report said", "d2",
                 predicate="sell", source="the report")
    assert judge_pair(disputed, sold, sim=0.6)[0] == "disputed"


def test_an_adverbial_clause_inside_the_subject_is_under_its_clauses_doubt() -> None:
    # the main verb stands after "when ...": the clause is part of the
    # subject, and the falsity said of the subject covers it
    hoax = claim("The mayor's claims of meeting the queen when he was a boy are being "
                 "described as a hoax", "d1", predicate="describe", certainty="denied")
    met = claim("The mayor met the queen when he was a boy", "d2", predicate="meet")
    assert judge_pair(hoax, met)[0] == "disputed"
    # a main verb before the opener keeps the adverbial clause apart
    when = claim("The mayor met the queen when the story of her visit was called a hoax",
                 "d1", predicate="meet", certainty="denied")
    assert judge_pair(when, met)[0] not in ("conflict", "disputed")



@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("The league's chief shot down the report on Monday.", "denied"),
        ("The army shot down the drone on Monday.", "asserted"),
    ],
)
def test_shooting_down_a_report_is_denying_it(nlp: Language, text: str, certainty: str) -> None:
    assert _read(nlp, text).certainty == certainty


def test_what_is_said_of_nothing_is_no_claim(nlp: Language) -> None:
    from checker.extract.certainty import analyse
    from checker.extract.claims import _embedded

    (none,) = nlp("The office has not seen any evidence that corroborates the claim.").sents
    assert _embedded(none.root, none.start, none.end - 1) == []
    (some,) = nlp("The agency released a report that confirms the sale.").sents
    assert [t.lemma_ for t in _embedded(some.root, some.start, some.end - 1)] == ["confirm"]
    (found,) = nlp("Officials found no document that confirms the sale.").sents
    assert analyse(found.root).certainty == "unconfirmed"


def test_a_denial_of_one_joined_fact_does_not_deny_the_other() -> None:
    joined = claim("The league's chief shot down the report on Monday, and the league says it "
                   "must announce any suspension", "d1", predicate="shoot", certainty="denied",
                   source="The league's chief")
    same = claim("The league has said it must announce any suspension", "d2", predicate="say",
                 source="The league")
    denied = claim("The league's chief shot down the report that the player was suspended, and "
                   "the league says it must announce any suspension", "d3", predicate="shoot",
                   certainty="denied", source="The league's chief")
    report = claim("The player was suspended after a failed test, the radio host said", "d4",
                   predicate="suspend", source="the radio host")
    assert judge_pair(joined, same)[0] not in ("conflict", "disputed")
    assert judge_pair(denied, report)[0] == "disputed"


def test_a_named_group_is_no_thing_put_in_two_places() -> None:
    from tests.test_compare import mention

    ta = "Orion Group Expands Into Norway While Its Rivals Wait"
    tb = "Two engineers are said to remain in the hands of Orion Group staff in Chile"
    a = claim(ta, "d1", predicate="expand", places=(place(ta, "Norway", "Norway", "NO"),),
              mentions=(mention(ta, "Orion Group", "ORG"),))
    b = claim(tb, "d2", predicate="remain", places=(place(tb, "Chile", "Chile", "CL"),),
              mentions=(mention(tb, "Orion Group", "ORG"),))
    assert place_clash(a, b) is None
    tc = "The Orion Group offices opened in Chile"
    td = "The Orion Group offices opened in Norway"
    c = claim(tc, "d3", predicate="open", places=(place(tc, "Chile", "Chile", "CL"),),
              mentions=(mention(tc, "Orion Group", "ORG"),))
    d = claim(td, "d4", predicate="open", places=(place(td, "Norway", "Norway", "NO"),),
              mentions=(mention(td, "Orion Group", "ORG"),))
    assert place_clash(c, d) is not None  # the offices: one thing in two places


def test_casualties_and_a_group_something_else_befell_are_two_groups() -> None:
    ta = "The storm sank the ferry and killed 200 passengers off the cape"
    tb = "The storm stranded more than 350 passengers off the cape, the coast guard said"
    a = claim(ta, "d1", predicate="kill",
              quantities=(q(ta, "200", 200, 200, thing="passengers"),))
    b = claim(tb, "d2", predicate="strand",
              quantities=(q(tb, "more than 350", 350, None, thing="passengers"),))
    tc = "The storm killed 350 passengers off the cape"
    c = claim(tc, "d3", predicate="kill",
              quantities=(q(tc, "350", 350, 350, thing="passengers"),))
    assert judge_pair(a, b)[0] not in ("conflict", "scope")
    assert judge_pair(a, c)[:2] == ("conflict", "number")


@pytest.mark.parametrize(
    ("text", "source", "calls"),
    [
        ("This viral report is a hoax.", None, True),
        ("The report, which spread online, was completely fabricated.", None, True),
        ("The bogus report says the town was sealed off.", None, True),
        ("It was a prank.", None, True),
        # the extractor's words for a report called false serve here too
        ("The report is misleading.", None, True),
        ("This story is nonsense.", None, True),
        ("It's a lie.", None, True),
        ("A baseless rumour spread online.", None, True),
        # an instance of false things is called false
        ("The web spreads everything, even false ones like the story about a blackout.",
         None, True),
        ("Rumours spread fast, and false ones such as this video fool thousands.", None, True),
        ("False alarms like the siren on Monday scare residents.", None, False),
        # a speaker's words, a denial verb, a negation, another thing called false
        ("“It was a prank,” he said.", None, False),
        ("The Fake News is making a big deal of nothing!\"", None, False),
        ("In a video he continued to deny the allegations", None, False),
        ("The story is not fake.", None, False),
        ("It's about some phony ideal.", None, False),
        ("The report lies on the mayor's desk.", None, False),
        ("The report is a hoax, the agency said.", "the agency", False),
        # outside the quotation the words are the writer's
        ('The bogus report read: "The agency has confirmed the city will go dark.', None, True),
        ("He wrote that \u201cthe story is a hoax\u201d on Monday.", None, False),
    ],
)
def test_an_article_calls_the_story_false_in_its_own_voice(
    text: str, source: str | None, calls: bool
) -> None:
    from checker.compare.refutation import calls_story_false

    assert calls_story_false(claim(text, "d1", source=source)) is calls


def test_a_doubt_of_the_main_clause_covers_its_adverbial_clause() -> None:
    hoax = claim("On Monday some sites reported on a hoax video of a gull landing on the mayor's "
                 "head while he unveiled a statue in the harbour", "d1", predicate="report")
    landed = claim("A gull landed on the mayor's head while he unveiled a statue in the harbour",
                   "d2", predicate="land")
    assert committed(hoax) == "denied"
    assert judge_pair(hoax, landed)[0] == "disputed"


def _differences(*texts: str) -> list[tuple[str, str | None]]:
    """Verdict and kind of each difference the pipeline finds between the
    articles (one text each, one outlet each)."""
    from checker import ingest, pipeline
    from checker.config import Config

    docs = [ingest.document_from_text(t, id=f"d{n}", outlet=f"Outlet {n}")
            for n, t in enumerate(texts)]
    return [(f.verdict, f.kind) for f in pipeline.analyse(docs, Config()).report.findings
            if f.verdict in ("conflict", "disputed", "scope", "update")]


@pytest.mark.slow
def test_an_article_that_states_both_sides_differs_from_neither() -> None:
    # one article tells of raids in two countries, the other of one of them:
    # two events, not two places for one
    both = ("Government jets bombed rebel fuel depots in Chad, the army said. "
            "Government jets also bombed rebel fuel depots in Mali, the army said.")
    one = "Government jets bombed rebel fuel depots in Mali, the army said."
    assert _differences(both, one) == []
    assert _differences(
        "Government jets bombed rebel fuel depots in Chad, the army said.", one
    ) == [("conflict", "place")]
    # both report the same denial; one also tells what was denied
    told = ("Reports on Monday said the singer Mara Lind had been arrested in Vienna. "
            "Her agent denied that she had been arrested.")
    denial = ("The agent of the singer Mara Lind denied on Monday that she had been arrested "
              "in Vienna.")
    assert _differences(told, denial) == []
    # both give the officials' account, with different figures: the one that
    # adds a denial differs in the figure, not in what it commits to
    assert _differences(
        "The army detained the wife of the rebel leader ten days ago as she crossed the border, "
        "officials said. A rebel fighter denied that the leader's wife had been detained.",
        "The wife of the rebel leader was detained by the army nine days ago as she crossed the "
        "border, officials said.") == [("conflict", "number")]
    arrested = "The singer Mara Lind was arrested in Vienna on Monday, police said."
    assert _differences(arrested, denial) == [("disputed", None)]
    # an article that retells the story and calls it fake takes a side
    assert _differences(
        "A fake report claimed on Monday that the singer Mara Lind had been arrested in "
        "Vienna. Mara Lind was not arrested in Vienna.", arrested) == [("disputed", None)]
    # so does one that calls the report fake and quotes it with its source
    sourced = "The singer Mara Lind was arrested in Vienna on Monday, police sources said."
    assert _differences(
        "A fake report claimed that the singer Mara Lind had been arrested in Vienna. The "
        f"report said: {sourced[0].lower()}{sourced[1:]}", sourced) == [("disputed", None)]


@pytest.mark.slow
def test_no_word_of_p_leaves_p_unconfirmed_beside_a_negation() -> None:
    # "no word of P", like "no sign of P", reports no news of P: P is left
    # unconfirmed, which a claim that nothing was found does not dispute
    no_word = "There was no word so far of any fragments of the rock being found in the crater."
    assert _differences(
        "So far no fragments of the rock have been found in the crater, the institute said.",
        no_word) == []
    assert _differences(
        "Fragments of the rock have been found in the crater, the institute said.", no_word
    ) == [("disputed", None)]


def test_a_negation_in_a_clause_of_its_own_leaves_p_stated_against_a_doubt() -> None:
    doubt = claim("The inspectors were unable to find evidence of mould in the school", "d1",
                  predicate="find", certainty="unconfirmed")
    found = claim("The inspectors, who have not opened an inquiry, have found evidence of mould "
                  "in the school", "d2", predicate="find")
    none = claim("So far no evidence of mould has been found in the school", "d2",
                 predicate="find")
    assert judge_pair(doubt, found)[0] == "disputed"
    assert judge_pair(doubt, none)[0] != "disputed"


@pytest.mark.parametrize(
    ("text", "commitment"),
    [
        # "No," answers what was said before: with a denial when the clause
        # after it is negative, with a correction when it is not
        ("No, the lake won't freeze in July", "denied"),
        ("No, it's the new model of the car!", "pos"),
        ("No, nobody's found a new map of the old town", "denied"),
    ],
)
def test_an_answering_no_denies_only_with_a_negative_clause(text: str, commitment: str) -> None:
    said = claim(text, "d1", predicate="be")
    assert committed(said) == commitment
    assert negative(said) is (commitment == "denied")


@pytest.mark.slow
def test_counts_that_add_up_to_the_other_figure_are_its_parts() -> None:
    whole = "The engineer said he counted at least 12 blasts, a burst of seven followed by five."
    parts = ("The engineer told the paper he counted a burst of seven blasts followed by five "
             "more after a pause.")
    assert _differences(whole, parts) == []
    assert _differences("The engineer said he counted 12 blasts on the recording.",
                        "The engineer told the paper he counted seven blasts on the recording."
                        ) == [("conflict", "number")]
    # counts side by side that make no whole break nothing down
    assert _differences(
        "Two men and two women were killed in the shooting at the house, police said.",
        "Two people were killed in the shooting at the house, police said.",
    ) == [("conflict", "number")]


@pytest.mark.slow
def test_another_day_and_another_place_are_two_occasions() -> None:
    thursday = "Army jets carried out air strikes on Thursday in northern Chad, the army said."
    assert _differences(
        thursday, "Army jets carried out air strikes in Mali on Monday, the army said.") == []
    assert _differences(
        "Army jets launched four air strikes on Monday in northern Chad, destroying rebel posts.",
        "Army jets launched four air strikes on Monday in Mali, destroying rebel posts.",
    ) == [("conflict", "place")]


@pytest.mark.slow
def test_one_common_noun_of_two_named_things_is_no_thing_in_two_places() -> None:
    # "the Red Hand group" and "the Black Flag group": the shared word is a
    # common noun of two named groups
    assert _differences(
        "Air strikes this week killed the leader of the Red Hand militant group in Chad, "
        "the army said.",
        "The army will use the same approach against the Black Flag militant group in Mali, the "
        "minister said.") == []
    # a name may open with a lower-case particle
    assert _differences(
        "Air strikes this week killed the leader of the al-Nadra militant group in Chad, "
        "the army said.",
        "The army will use the same approach against the Black Flag militant group in Mali, the "
        "minister said.") == []
    assert _differences(
        "Air strikes this week hit the Red Hand militant group in Chad, the army said.",
        "Air strikes this week hit the Red Hand militant group in Mali, the army said.",
    ) == [("conflict", "place")]


@pytest.mark.slow
def test_two_relays_of_one_source_are_no_dispute_when_one_calls_it_unverified() -> None:
    unverified = ("The pilot died in a crash near the port city of Tarsa on Friday, according "
                  "to an unverified statement on a website used by the rebels.")
    assert _differences(
        unverified, "A statement posted on a website used by the rebels said that the pilot had "
        "died in a crash near the port city of Tarsa on Friday.") == []
    # an outlet that states it in its own voice is disputed by the hedge
    assert _differences(
        unverified, "The pilot was killed when his jet crashed near the port city of Tarsa on "
        "Friday.") == [("disputed", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The police would neither confirm nor deny that the gunman was John Smith.",
        "The prime minister's office will not confirm or deny that the gunman is John Smith.",
    ],
)
def test_not_confirming_or_denying_is_one_refusal_to_answer(nlp: Language, text: str) -> None:
    # the negation covers both verbs joined by "or" / "nor": nothing is
    # confirmed, nothing denied, and "deny that P" is no claim of its own
    from checker.extract.claims import _embedded

    att = _read(nlp, text)
    assert (att.certainty, att.predicate) == ("unconfirmed", "confirm")
    (sent,) = nlp(text).sents
    assert _embedded(sent.root, sent.start, sent.end - 1) == []


def test_a_clause_with_its_own_subject_keeps_its_polarity_after_or(nlp: Language) -> None:
    from checker.extract.certainty import negated_with_head

    (sent,) = nlp("Either the friend never came back, or the cake turned into a bit of a "
                  "joke.").sents
    turned = next(t for t in sent if t.lower_ == "turned")
    assert not negated_with_head(turned)


@pytest.mark.slow
def test_a_refusal_to_confirm_or_deny_is_no_denial() -> None:
    named = "The gunman has been named as John Smith by two newspapers."
    assert ("disputed", None) not in _differences(
        "The police would neither confirm nor deny that the gunman was John Smith.", named)
    assert _differences("The police denied that the gunman was John Smith.", named) == [
        ("disputed", None)]


@pytest.mark.slow
def test_a_report_of_a_doubt_is_no_assertion_against_an_unconfirmed_fact() -> None:
    # "cast doubt on the report" states no more than "there has been no
    # notification that P": both lean one way
    assert _differences(
        "A health official cast doubt on the report, telling reporters: \"We have no official "
        "notification that it is the virus.\"",
        "The health official said there has been no official notification that the virus has "
        "been confirmed.") == []
    # a claim that states P is still disputed by one that leaves it unconfirmed
    assert _differences(
        "The ministry has not confirmed that the virus reached the city.",
        "The virus reached the city, doctors said.") == [("disputed", None)]


@pytest.mark.slow
def test_a_figure_a_claim_negates_is_no_value_against_another() -> None:
    # "does not weigh 21 grams more" excludes 21 grams more, nothing else
    assert _differences(
        "The new phone weighs 173.5 grams, a whopping 0.8 grams more than the first unit.",
        "But our new unit definitely does not weigh 21 grams more than the first unit.") == []
    # the same figure negated is still a negation
    assert _differences(
        "The charity raised $5 million at the gala.",
        "The charity did not raise $5 million at the gala.") == [("conflict", "negation")]


@pytest.mark.slow
def test_a_figure_in_the_subject_of_a_negated_verb_is_a_value(tmp_path: Path) -> None:
    # "were not known" negates the knowing, not that three were hospitalized
    assert pair_verdicts([(
        "Four people were injured in the shooting.",
        "The conditions of the three people hospitalized for gunshot wounds were not immediately "
        "known.")], tmp_path) == ["conflict"]
