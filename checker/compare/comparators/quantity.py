"""``quantity.v1``: numbers of one thing. Overlapping intervals agree;
disjoint ones conflict unless time, scope (a part and a whole),
attribution, rounding or a later report explains them; amounts of
different owners, or of things different acts befell, are not one thing
counted.
"""

from __future__ import annotations

import re

from checker.compare import frame
from checker.compare.comparators.commitment import (
    _hedge_in,
)
from checker.compare.comparators.occasions import (
    _CLAUSE_OPENERS,
    _WINDOW,
    _disjoint_times,
    _name_key,
    _other_source,
    _possibility_and_fact,
    _two_moods,
)
from checker.compare.comparators.wording import (
    _later,
    _who,
)
from checker.compare.proposition import one_event
from checker.compare.registry import PairContext, comparator
from checker.match import (
    ATTRIBUTING,
    POSSESSIVE,
    outcome,
    predicate_shared,
    predicate_span,
    source_span,
    stem,
    thing_relation,
)
from checker.match.things import ages_of_people_both_name, is_age
from checker.match.words import event_class
from checker.model import Claim, Comparison, Mention, Quantity, TimeExpr

_SCALED = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(thousand|million|billion|trillion|bn)\b", re.IGNORECASE
)


_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9,
          "bn": 1e9, "trillion": 1e12}


def _rounding(q: Quantity) -> float:
    """Half a unit of the last digit written before a scale word: "$12
    million" stands for anything that rounds to it (11.5 to 12.5 million),
    so it agrees with "$12,380,000"."""
    m = _SCALED.search(q.text)
    if m is None:
        return 0.0
    digits = m.group(1).replace(",", ".")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10.0 ** -decimals * _SCALE[m.group(2).lower()]


def _bounds(q: Quantity) -> tuple[float, float]:
    """The interval a quantity allows; open ends are infinite, "some 10,000"
    ±10%, a rounded figure ("$12 million") its rounding interval."""
    if (q.low is None and q.high is None) or (q.low == q.high == q.value):
        r = _rounding(q)
        low, high = q.value - r, q.value + r
    else:
        low = q.low if q.low is not None else 0.0
        high = q.high if q.high is not None else float("inf")
    if q.approximate and low == high:
        low, high = low * 0.9, high * 1.1
    return low, high


#: Figures closer than this (relative) are one figure written two ways
#: ("$1,999" / "$2,000"): below the precision news figures are read at.
_SAME_FIGURE = 0.01


def _overlap(qa: Quantity, qb: Quantity) -> bool:
    la, ha = _bounds(qa)
    lb, hb = _bounds(qb)
    if la <= hb and lb <= ha:
        return True
    gap = max(la - hb, lb - ha)
    if gap <= _SAME_FIGURE * max(abs(qa.value), abs(qb.value)):
        return True
    # a whole number against a decimal that rounds to it ("14-inch" /
    # "14.1-inch"): the whole number was written without its decimals
    whole = [q for q in (qa, qb) if float(q.value).is_integer()]
    if len(whole) == 1 and la == ha and lb == hb:
        other = qb if whole[0] is qa else qa
        return round(other.value) == whole[0].value
    return False


def _lone_bare(q: Quantity, free: list[Quantity]) -> bool:
    """The only unmatched number of its unit with no counted thing: two such
    bare numbers ("executed six" / "killed seven") can be read as one count."""
    return sum(1 for x in free if not x.thing and x.unit == q.unit) == 1


#: Where a clause ends, for the hedge of one figure.
_CLAUSE_EDGE = re.compile(r"[,;:\u2014\u2013]|\s--\s|\s(?:and|but|while)\s", re.IGNORECASE)


_RELATIVE = re.compile(r"\b(?:that|which|who|whose|where)\b", re.IGNORECASE)


def _hedged(c: Claim, q: Quantity) -> bool:
    """The figure's own clause is hedged ("the plan would cut $8 billion"),
    not another clause of the sentence ("two were hurt, and the driver may
    have fled")."""
    at, end = q.start - c.start, q.end - c.start
    edges = [m.start() for m in _CLAUSE_EDGE.finditer(c.text)]
    lo = max((e for e in edges if e < at), default=0)
    # a relative clause after the figure describes something else ("four
    # killed in a shooting that may have been a robbery")
    after = [m.start() for m in _RELATIVE.finditer(c.text, end)]
    hi = min((e for e in edges + after if e >= end), default=len(c.text))
    return _hedge_in(c, lo, hi)


_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"hundreds?|thousands?|millions?|billions?|both|several|scores)\b",
    re.IGNORECASE,
)


def _figure(q: Quantity) -> bool:
    """The quantity is written as a figure or number word, not read off a
    single named or definite person ("the victim", "Jones": one)."""
    return bool(_FIGURE.search(q.text))


def _qtext(q: Quantity) -> str:
    thing = ""
    if q.thing and q.thing not in q.text:
        mods = " ".join(m for m in q.modifiers if m not in q.text)
        thing = f" {mods} {q.thing}" if mods else f" {q.thing}"
    return f"{q.text}{thing}"


#: How far after a figure its own time may stand ("4,000 units shipped in
#: 2014"), in characters.
_OWN_TIME_REACH = 40


def _own_time(c: Claim, q: Quantity) -> TimeExpr | None:
    """The resolved time right after a figure, before any other figure or
    clause: the period the figure is of ("from 400 sold in 2014 to 900 in
    2015": each figure has its own)."""
    nxt = min((x.start for x in c.quantities if x.start > q.start), default=c.end)
    for t in sorted(c.times, key=lambda t: t.start):
        if t.low is None or t.high is None or not q.end <= t.start < min(nxt, q.end + _OWN_TIME_REACH):
            continue
        gap = c.text[q.end - c.start : t.start - c.start]
        return None if _CLAUSE_OPENERS.search(gap) or _CLAUSE_EDGE.search(gap) else t
    return None


def _own_times_disjoint(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    ta, tb = _own_time(a, qa), _own_time(b, qb)
    return bool(ta and tb and (ta.high < tb.low or tb.high < ta.low))  # type: ignore[operator]


def _windows(c: Claim) -> list[TimeExpr]:
    return [
        t for t in c.times
        if t.role == "event" and (
            (t.low is not None and t.precision not in ("day", "unknown"))
            or (t.low is None and _WINDOW.search(t.text))
        )
    ]


def _window_only_one_side(a: Claim, b: Claim) -> bool:
    """One claim counts within a window (``this month``, ``the last seven
    years``), the other does not say."""
    return bool(_windows(a)) != bool(_windows(b))


#: Main verbs that say little of what the counted did: a copula, a verb of
#: having or saying ("seven are missing", "has 20 staff", "said 30 died").
_EMPTY_VERBS = frozenset("be have do get seem become remain include".split()) | ATTRIBUTING


def _different_acts(a: Claim, qa: Quantity, b: Claim, qb: Quantity,
                    frames: frame.Frames | None = None) -> bool:
    """Two counts of one kind of thing, each with what its members did,
    and the deeds differ ("seven hikers fell ill on the trip" / "28
    hikers went on the trip"): two groups, not one counted twice; so are a
    count of casualties and one of people something else befell ("200
    guards drowned" / "stranding 350 crew"). Money, measures and two
    casualty counts have their own rules. With a parse at hand, the verbs
    the counts themselves belong to decide first, wherever they stand
    (``checker.compare.frame.two_acts``)."""
    if qa.unit or qb.unit or not (qa.thing and qb.thing):
        return False
    if outcome(a, qa) is not None and outcome(b, qb) is not None:
        return False
    if frames is not None and frame.two_acts(a, qa, b, qb, frames, _EMPTY_VERBS):
        return True
    pa, pb = a.predicate, b.predicate
    if not pa or not pb or pa in _EMPTY_VERBS or pb in _EMPTY_VERBS:
        return False
    return not (one_event(a, b) or predicate_shared(a, b))


def _negates_figure(c: Claim, q: Quantity, frames: frame.Frames | None) -> bool:
    """The claim negates the verb whose object or complement its figure
    ``q`` is ("does not weigh 21 grams more", "did not raise $5 million"):
    the figure after the negated main verb, counting what that verb
    governs. A figure in the subject ("the conditions of the three people
    hospitalized were not known": three were hospitalized) is no part of
    what is negated."""
    if not (c.negated or c.certainty == "negated") or frames is None or not c.predicate:
        return False
    verb = predicate_span(c)
    if verb is None or q.start - c.start < verb[1]:
        return False
    act = frame.act_counted(c, q, frames)
    return act is not None and stem(act) == stem(event_class(c.predicate))


def _counts_of_things(c: Claim) -> bool:
    """Every number counts a named thing and none says what happened to it
    (killed, injured): what the claim reports is the things themselves."""
    return all(q.thing and q.unit is None and outcome(c, q) is None for q in c.quantities)


def _owner(c: Claim, q: Quantity) -> frozenset[str] | None:
    """Whose amount ``q`` is: the person named last before it outside the
    attribution, as the one who cuts, spends or proposes it ("Hale has cut
    $310 million", "Ortiz would pay for her scheme with cuts: $450
    million"), or an owner marked by a possessive ("the Senate's $5 billion
    bill"). None when no one is named before it."""
    lo, hi = source_span(c)
    best: Mention | None = None
    for m in c.mentions:
        if m.end > q.start or lo <= m.start < hi:
            continue
        possessive = bool(POSSESSIVE.match(c.text[m.end - c.start :]))
        if (m.type == "PERSON" or possessive) and (best is None or m.start > best.start):
            best = m
    return _name_key(best) if best is not None else None


def _named(c: Claim) -> frozenset[str]:
    return frozenset(k for m in c.mentions for k in _name_key(m))


def _other_owners(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Two amounts that belong to different named owners are two quantities
    (two plans' cuts, two campaigns' budgets), not one counted with another
    scope, unless each claim names the other's owner too (one amount seen
    from two sides). Counts of people or things are left alone: a victim
    named before a death toll owns nothing."""
    if qa.unit is None or qb.unit is None:
        return False
    oa, ob = _owner(a, qa), _owner(b, qb)
    if oa is None or ob is None or oa & ob:
        return False
    return not (oa & _named(b) and ob & _named(a))


def _accounts_for(c: Claim, other: Claim, q: Quantity) -> bool:
    """``c`` breaks the other claim's count ``q`` of one thing down: two or
    more of its counts add up to it ("a cluster of six shots, then four
    more" / "at least 10 shots"), or it gives a whole that matches ``q``
    with the parts that make it up ("at least 10: six, then four"). Its
    parts are not a second count of the other's whole. Counts side by side
    that make no whole ("two men and two women") break nothing down."""
    mine = [x for x in c.quantities if thing_relation(c, x, other, q) != "different"]
    if len(mine) < 2:
        return False
    low, high = _bounds(q)
    if low <= sum(x.value for x in mine) <= high:
        return True
    for whole in mine:
        parts = [x for x in mine if x is not whole]
        wl, wh = _bounds(whole)
        if len(parts) >= 2 and wl <= sum(x.value for x in parts) <= wh and _overlap(whole, q):
            return True
    return False


@comparator("quantity.v1")
def quantity(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """Numbers of the same thing: overlapping intervals agree, disjoint ones
    conflict unless time, scope, attribution or a later report explains them.
    Amounts of different named owners are not one thing counted."""
    # the age of a person both name is that person's, no count (age.v1)
    ages_a, ages_b = ages_of_people_both_name(a, b)
    quantities_a = [q for q in a.quantities if not (is_age(a, q) and q.low in ages_a)]
    quantities_b = [q for q in b.quantities if not (is_age(b, q) and q.low in ages_b)]
    if not quantities_a or not quantities_b:
        return None
    same_thing = [
        (qa, qb, rel)
        for qa in quantities_a
        for qb in quantities_b
        if (rel := thing_relation(a, qa, b, qb)) != "different"
    ]
    related = [(qa, qb, rel) for qa, qb, rel in same_thing if not _other_owners(a, qa, b, qb)]
    if same_thing and not related:
        qa, qb, _ = same_thing[0]
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{_qtext(qa)} vs {_qtext(qb)}: amounts of different named owners, two quantities",
            "quantity.v1",
        )
    if not related:
        if not (any(map(_figure, quantities_a)) and any(map(_figure, quantities_b))):
            # "the famous trainer died" / "Ortiz is not dead": one person
            # each, named two ways, is no count of two kinds of thing
            return None
        shown = f"{_qtext(quantities_a[0])} vs {_qtext(quantities_b[0])}"
        if predicate_shared(a, b):
            if _counts_of_things(a) and _counts_of_things(b):
                # one verb, other goods: "sent 10,000 troops" vs "sent 13,000 containers"
                return Comparison(
                    "unrelated", None, round(ctx.match, 4),
                    f"{shown}: one action, different things counted, two facts", "quantity.v1",
                )
            return None  # one action, different things counted: the numbers say nothing
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{shown}: different things counted, not one fact", "quantity.v1",
        )
    same = [(qa, qb) for qa, qb, rel in related if rel == "same"]
    # A number both claims carry is accounted for; only the rest can clash.
    agreed = {id(x) for qa, qb in same if _overlap(qa, qb) for x in (qa, qb)}
    free_a = [qa for qa in quantities_a if id(qa) not in agreed]
    free_b = [qb for qb in quantities_b if id(qb) not in agreed]
    clash = [
        (qa, qb) for qa, qb in same
        if id(qa) not in agreed and id(qb) not in agreed and not _overlap(qa, qb)
        and (qa.thing or qb.thing or (_lone_bare(qa, free_a) and _lone_bare(qb, free_b)))
        and not _accounts_for(a, b, qb) and not _accounts_for(b, a, qa)
    ]
    if clash and (_hedged(a, clash[0][0]) != _hedged(b, clash[0][1])
                  or _two_moods(a, clash[0][0], b, clash[0][1], ctx)):
        # what a plan would cut or a storm could kill is not what was cut or
        # killed: a figure of a possibility and one of a fact are two facts
        qa, qb = clash[0]
        return _possibility_and_fact(f"{_qtext(qa)} vs {_qtext(qb)}", "quantity.v1", ctx)
    if clash and (_negates_figure(a, clash[0][0], ctx.frames)
                  or _negates_figure(b, clash[0][1], ctx.frames)):
        # "does not weigh 21 grams more": a figure the claim negates is no
        # value it gives; it excludes that one value, not the other's
        qa, qb = clash[0]
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{_qtext(qa)} vs {_qtext(qb)}: one claim negates its figure, and gives no value",
            "quantity.v1",
        )
    if clash and _different_acts(a, clash[0][0], b, clash[0][1], ctx.frames):
        qa, qb = clash[0]
        return Comparison(
            "unrelated", None, round(ctx.match, 4),
            f"{_qtext(qa)} vs {_qtext(qb)}: counted for different actions "
            f"({a.predicate} / {b.predicate}), two groups",
            "quantity.v1",
        )
    if clash:
        qa, qb = clash[0]
        shown = (
            f"{_qtext(qa)}{_who(a, ctx.published_a, ctx.outlet_a)} vs {_qtext(qb)}{_who(b, ctx.published_b, ctx.outlet_b)}"
        )
        if _later(ctx) is not None:
            return Comparison("update", None, round(0.7 * ctx.match, 4),
                              f"{shown}: the later report supersedes", "quantity.v1")
        if _disjoint_times(a, b) or _own_times_disjoint(a, qa, b, qb):
            return Comparison("scope", None, round(0.6 * ctx.match, 4),
                              f"{shown}: different time windows", "quantity.v1")
        if _window_only_one_side(a, b):
            return Comparison("scope", None, round(0.5 * ctx.match, 4),
                              f"{shown}: one counts within a period only", "quantity.v1")
        if _other_source(a, b):
            return Comparison("scope", None, round(0.5 * ctx.match, 4),
                              f"{shown}: different sources", "quantity.v1")
        return Comparison("conflict", "number", round(0.9 * ctx.match, 4),
                          f"{shown}: incompatible numbers", "quantity.v1")
    agree = [(qa, qb) for qa, qb in same if _overlap(qa, qb)]
    if agree:
        qa, qb = agree[0]
        return Comparison(
            "agree", None, round(ctx.match, 4),
            f"{_qtext(qa)}{_who(a, ctx.published_a, ctx.outlet_a)} and {_qtext(qb)}"
            f"{_who(b, ctx.published_b, ctx.outlet_b)}: compatible numbers",
            "quantity.v1",
        )
    qa, qb, rel = related[0]
    if _overlap(qa, qb):
        return Comparison(
            "agree", None, round(0.8 * ctx.match, 4),
            f"{_qtext(qa)} and {_qtext(qb)}: compatible numbers",
            "quantity.v1",
        )
    if rel == "same" or not (qa.thing or qb.thing):
        # the same kind of thing, but no figure alone on each side to set
        # against the other ("costs $850 in steel and $2,300 in gold"):
        # which amount is which is not known, so neither clash nor scope;
        # nor is a scope known between amounts of nothing named ("all 900
        # acres" / "another 300 acres")
        return None
    why = "different scope" if rel != "overlapping" else "overlapping groups counted"
    return Comparison(
        "scope", None, round(0.7 * ctx.match, 4),
        f"{_qtext(qa)}{_who(a, ctx.published_a, ctx.outlet_a)} vs {_qtext(qb)}{_who(b, ctx.published_b, ctx.outlet_b)}: {why}",
        "quantity.v1",
    )
