"""An article's own voice commits to a proposition only if the article does
not itself deny it: a story retold and then denied agrees with another
outlet's denial. An article that reports a source's claim beside the denial
another outlet reports differs from that outlet in nothing. Sentences
written for these tests; the real pipeline runs (slow)."""

from __future__ import annotations

import pytest

from checker import ingest, pipeline
from checker.config import Config

DENIAL = "The Dunmore ferry did not cancel its crossings to the island on Friday."


def _at_odds(x: str, y: str) -> list[tuple[str, str]]:
    docs = [ingest.document_from_text(x, id="x", outlet="Outlet X"),
            ingest.document_from_text(y, id="y", outlet="Outlet Y")]
    findings = pipeline.analyse(docs, Config()).report.findings
    return [(f.verdict, f.comparator) for f in findings
            if f.verdict in ("conflict", "disputed") and set(f.docs) == {"x", "y"}]


@pytest.mark.slow
def test_a_story_the_article_itself_denies_agrees_with_another_denial() -> None:
    retold = ("The Dunmore ferry cancelled all crossings to the island on Friday. "
              "That was the story shared online this week. "
              "But the Dunmore ferry did not cancel any crossings on Friday, and its boats "
              "ran on time.")
    assert _at_odds(retold, DENIAL) == []


@pytest.mark.slow
def test_a_flat_statement_against_a_denial_is_still_a_conflict() -> None:
    flat = ("The Dunmore ferry cancelled all crossings to the island on Friday. "
            "Its boats stayed in the harbour all day.")
    assert ("conflict", "negation.v1") in _at_odds(flat, DENIAL)


@pytest.mark.slow
def test_a_dispute_an_article_reports_is_no_difference_from_its_denial() -> None:
    # the article reports both sources, the other the denial: both carry the
    # denial, and neither outlet asserts what was denied
    reported = ("A local paper claimed that the Dunmore ferry cancelled all crossings to the "
                "island on Friday. The ferry company denied that it cancelled any crossings "
                "on Friday.")
    denial = ("The Dunmore ferry company denied that it cancelled its crossings to the island "
              "on Friday.")
    assert _at_odds(reported, denial) == []
    # an outlet whose source asserts it, without the denial, is disputed by it
    harbour = ("The Dunmore ferry cancelled all crossings to the island on Friday, the harbour "
               "office said.")
    assert ("disputed", "certainty.v1") in _at_odds(harbour, reported)
