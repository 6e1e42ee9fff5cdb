"""``negation.v1``: the one action both claims state, asserted by one and
negated by the other. In one voice that is a conflict (an update when one
report is much later); a source negating what an outlet states is a
dispute.
"""

from __future__ import annotations

import re

from checker.compare.comparators.actions import (
    _AUX_BETWEEN,
    _COPULA_FORMS,
    _DEGREE,
    _NEGATOR_BEFORE,
    _action,
    _before_auxiliaries,
    _complement_head,
    _forms,
    _negated_at,
    _negated_token,
    _one_action,
    _passive_at,
    _tokens,
)
from checker.compare.comparators.commitment import (
    _HEARSAY,
    _asserts_fact,
    _hedge_at,
    _states_fact,
    committed,
)
from checker.compare.comparators.occasions import (
    _apart_or_later,
    _disjoint_times,
    _event_times,
)
from checker.compare.comparators.wording import (
    _say,
    _voice,
)
from checker.compare.registry import PairContext, comparator
from checker.match import (
    ATTRIBUTING,
    content_words,
    stem,
)
from checker.match.words import STOPWORDS
from checker.model import Claim, Comparison

#: How far after a passive verb its "by" agent may stand.
_AGENT_REACH = 8


def _agentless_passive(tokens: list[str], k: int) -> bool:
    """The verb at ``k`` is passive and names no agent ("was sent from his
    account", not "was sent by him")."""
    return _passive_at(tokens, k) and "by" not in tokens[k + 1 : k + 1 + _AGENT_REACH]


def _also_states(c: Claim, target: str) -> bool:
    """The claim has a form of the action with stem ``target`` that is
    negated and another, in a clause of its own, that is not: it negates
    the act on one occasion and states it on another."""
    tokens = _tokens(c)
    forms = _forms(tokens, target)
    negated = [k for k in forms if _negated_token(tokens, k)]
    return bool(negated) and any(
        k > negated[0] and not _negated_token(tokens, k) and not _unreal(tokens, k)
        and bool(_CLAUSE_BREAKS & set(tokens[negated[0] + 1 : k]))
        for k in forms
    )


#: Words between two verbs that put them in two clauses.
_CLAUSE_BREAKS = frozenset("and but then later when after before while until since".split())


def _active_at(c: Claim, target: str) -> bool:
    """The claim negates the action with stem ``target`` as an active verb,
    whose subject is the agent ("he did not send it"); not an event noun
    ("no charges were filed"), which negates the event itself."""
    tokens = _tokens(c)
    forms = [k for k in _forms(tokens, target) if _negated_token(tokens, k)]
    return bool(forms) and all(
        not _passive_at(tokens, k) and _verbal_negator(tokens, k) for k in forms
    )


def _verbal_negator(tokens: list[str], k: int) -> bool:
    """A verbal negator ("not", "never", "didn't") stands before the word at
    ``k``, auxiliaries and adverbs between; not a determiner ("no")."""
    j = _before_auxiliaries(tokens, k)
    return j >= 0 and tokens[j] in _NEGATOR_BEFORE and tokens[j] not in ("no", "nobody")


def _negated_in_scope(c: Claim, target: str) -> bool | None:
    """Whether the claim negates the action with stem ``target`` (as
    ``_negated_at``), or None when a form of it stands in what a negated
    main verb governs: "did not show a blurred face" asserts no blurring,
    so it is neither stated nor, by its own words, negated. ("No charges
    have been filed" negates the charges by its own "no".)"""
    found = _negated_at(c, target)
    if found is False and c.predicate and _action(c) != target and (
        c.certainty == "negated" or c.negated
    ):
        tokens = _tokens(c)
        main, first = _forms(tokens, _action(c))[:1], _forms(tokens, target)[:1]
        if main and first and first[0] > main[0]:
            return None
    return found


def _negation_clash(a: Claim, b: Claim, *, facts_only: bool = False
                    ) -> tuple[str, Claim] | None:
    """One claim negates an action the other asserts: the main action
    (``""``), or one both state of the same participants in a clause of
    their own (that clause's verb, as asserted); with the negating claim.
    None when neither. With ``facts_only``, a main action either claim
    states as no fact (``_no_fact``) is no clash either; a hedge against a
    negation (``_open_against_ruled_out``) asks without it."""
    target = _one_action(a, b)
    if target is not None:
        na, nb = _negated_in_scope(a, target), _negated_in_scope(b, target)
        # "was inaccurate" is "was not accurate": a negative prefix on a
        # word the other claim uses plain negates as much as "not" does
        if na is not None and nb is not None and (
            (na != _prefix_negates(a, b)) != (nb != _prefix_negates(b, a))
        ):
            # the claim that negates: by its verb, a "no" before the event
            # noun, "yet to", or a negative prefix
            negating = a if na != _prefix_negates(a, b) else b
            asserting = b if negating is a else a
            if _future_at(asserting, target) and not _future_at(negating, target):
                return None  # "will begin in January" / "has not begun yet": both true
            told = _tokens(asserting)
            at = _forms(told, target)
            if at and all(_hearsay_clause(told, k) for k in at):
                return None  # "spread the story that P": P is told, not asserted
            if _also_states(negating, target):
                # "did not wake up when she was shot, and woke up later":
                # it tells of two occasions, and states the act on one
                return None
            if at and all(_agentless_passive(told, k) for k in at) and _active_at(negating, target):
                # "the photo was sent from his account" / "he did not send
                # it": who did it is not said, so it is not denied
                return None
            if facts_only and _no_fact(asserting, told, at, negating, target):
                return None
            return "", negating
    return _embedded_clash(a, b)


def _clash_target(a: Claim, b: Claim, word: str) -> str | None:
    """The stem of the action a clash (``_negation_clash``) is on: the
    clause verb it names, or the main action both claims are about."""
    return stem(word) if word else _one_action(a, b)


def _no_fact(asserting: Claim, told: list[str], at: list[int], negating: Claim,
             target: str) -> bool:
    """One of two claims of opposite polarity on the action with stem
    ``target`` states no fact of it: the asserting one (``_unreal`` at each
    of its forms ``at`` among its tokens ``told``: "his choice to play the
    part", "should have backups" against "will not play", "have no
    backups"), or the negating one by a negated infinitive ("asked not to
    be identified"). A main verb, read by the extractor through its frames
    ("managed to reach": reach, asserted), is not made unreal by an
    infinitive."""
    main = _action(asserting) == target
    if at and all(_unreal(told, k, infinitive=not main) for k in at):
        return True
    # nor is a negated infinitive a fact: "asked not to be identified"
    # says nothing of whether anyone was
    denying = _tokens(negating)
    negated = [k for k in _forms(denying, target) if _negated_token(denying, k)]
    return bool(negated) and _action(negating) != target and all(
        _negated_infinitive(denying, k) for k in negated
    )


def _negated_infinitive(tokens: list[str], k: int) -> bool:
    """The verb at ``k`` is a negated to-infinitive ("not to be
    identified", "to not run", "never to return"); "has yet to respond" is
    a frame that says it has not happened, not a negated infinitive."""
    j = k - 1
    while j >= 0 and tokens[j] in ("be", "been", "have", "not", "never"):
        j -= 1
    if j < 0 or tokens[j] != "to":
        return False
    return bool({"not", "never"} & set(tokens[j + 1 : k])) or (
        j > 0 and tokens[j - 1] in ("not", "never")
    )


def _unreal(tokens: list[str], k: int, *, infinitive: bool = True) -> bool:
    """The verb at ``k`` states no fact: a to-infinitive ("his choice to
    play the part", "plans to sell"; unless ``infinitive`` is False) or
    under a modal of possibility, duty or wish ("should have backups",
    "could sell"). The future ("will sell") is judged apart
    (``_future_at``)."""
    return (infinitive and k > 0 and tokens[k - 1] == "to") or bool(
        _modals_before(tokens, k) & _UNREAL_MODALS
    )


_FUTURE = frozenset({"will", "shall"})


_FUTURE_FRAMES = (("going", "to"), ("set", "to"), ("due", "to"), ("expected", "to"), ("plans", "to"),
                  ("plan", "to"), ("about", "to"))


def _words_before(c: Claim, target: str) -> list[str] | None:
    """The four words before the first form of the action with stem
    ``target`` (its auxiliaries and adverbs), or None when it does not occur."""
    tokens = _tokens(c)
    for k, t in enumerate(tokens):
        if stem(t) == target:
            return tokens[max(0, k - 4) : k]
    return None


def _future_frame(before: list[str]) -> bool:
    """A frame of the future among ``before`` ("going to", "set to")."""
    return any(tuple(before[i : i + 2]) in _FUTURE_FRAMES for i in range(len(before) - 1))


def _future_at(c: Claim, target: str) -> bool:
    """The claim puts the action with stem ``target`` in the future ("will
    begin", "won't begin until January", "is set to begin"): that it has
    not happened yet does not contradict it."""
    before = _words_before(c, target)
    if before is None:
        return False
    return any(w in _FUTURE or w.endswith("'ll") or w == "won't" for w in before) or _future_frame(before)


#: Verbs whose own content is too thin to align a clause by.
_BARE_STEMS = frozenset(
    stem(w) for w in "be is are was were been being am have has had having do does did done".split()
)


_SAYING_STEMS = frozenset(stem(w) for w in ATTRIBUTING)


#: How many words on each side of a verb name its participants.
_REACH = 5


def _participants(tokens: list[str], k: int) -> tuple[frozenset[str], frozenset[str]]:
    """Content words just before (the subject) and after (the object) the
    verb at ``k``, negators and auxiliaries left out."""
    def words(span: list[str]) -> frozenset[str]:
        return content_words(" ".join(t for t in span if t not in _NEGATOR_BEFORE))
    return words(tokens[max(0, k - _REACH) : k]), words(tokens[k + 1 : k + 1 + _REACH])


def _embedded_clash(
    a: Claim, b: Claim, besides: frozenset[str] = frozenset()
) -> tuple[str, Claim] | None:
    """A clause inside both claims, negated in one only: the same verb,
    once in each claim, with a shared word before it (who or what it is
    said of) and two shared words after it (what it is about): "a cliff
    that was (not) known as a meeting place", "the police, who have (not)
    opened an inquiry". A verb of saying is left out: what is said is the
    proposition, not the saying. Verbs with a stem in ``besides`` are left
    out too (the main actions, when only a clause inside is compared)."""
    ta, tb = _tokens(a), _tokens(b)
    in_b = _by_stem(tb)
    for s, ka in _by_stem(ta).items():
        kb = in_b.get(s)
        if not kb or len(ka) != 1 or len(kb) != 1 or len(s) < 3 or s in besides:
            continue
        i, j = ka[0], kb[0]
        if ta[i] in STOPWORDS or tb[j] in STOPWORDS or s in _BARE_STEMS or s in _SAYING_STEMS:
            continue
        neg_a = _negated_token(ta, i)
        if neg_a == _negated_token(tb, j):
            continue
        if _modals_before(ta, i) != _modals_before(tb, j):
            continue  # "may have opened" / "has not opened": another mood
        if _hearsay_clause(*((tb, j) if neg_a else (ta, i))):
            continue  # "spread the story that P": P is told, not asserted
        before_a, after_a = _participants(ta, i)
        before_b, after_b = _participants(tb, j)
        if (before_a & before_b and len(after_a & after_b) >= 2) or (
            # a property denied by a copula ("X Y is not dead") of a subject
            # both name in full, which the other states ("X Y found dead")
            len(before_a & before_b) >= 2 and _predicative(*((ta, i) if neg_a else (tb, j)))
        ):
            return (tb[j], a) if neg_a else (ta[i], b)
    return None


_HEARSAY_REACH = 8


def _modals_before(tokens: list[str], k: int) -> frozenset[str]:
    """The modals among the auxiliaries, adverbs and negators just before
    the verb at ``k`` ("could not result": could)."""
    out: set[str] = set()
    j = k - 1
    while j >= 0 and k - j <= 5 and (
        tokens[j] in _AUX_BETWEEN or tokens[j] in _NEGATOR_BEFORE or tokens[j] in _MODALS
        or tokens[j].endswith("ly")
    ):
        word = tokens[j].removesuffix("n't")
        if tokens[j] in _MODALS or word in _CONTRACTED or tokens[j] == "cannot":
            out.add(_CONTRACTED.get(word, word.removesuffix("not")))
        j -= 1
    return frozenset(out)


#: Modals as they stand before "n't" ("won't", "can't", "shan't").
_CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall"}


def _hearsay_clause(tokens: list[str], k: int) -> bool:
    """The verb at ``k`` is in the that-clause of a hearsay noun."""
    for p in range(k - 1, max(0, k - _HEARSAY_REACH), -1):
        if tokens[p] == "that":
            return tokens[p - 1] in _HEARSAY
    return False


def _predicative(tokens: list[str], k: int) -> bool:
    """The word at ``k`` is what a negated copula predicates: "is not
    dead", "isn't really pregnant", "was never guilty"."""
    j = k - 1
    while j >= 0 and (tokens[j].endswith("ly") or tokens[j] in _NEGATOR_BEFORE):
        j -= 1
    return j >= 0 and j < k - 1 and tokens[j] in _COPULA_FORMS


def _by_stem(tokens: list[str]) -> dict[str, list[int]]:
    """Positions of each stem among the tokens."""
    out: dict[str, list[int]] = {}
    for k, t in enumerate(tokens):
        out.setdefault(stem(t), []).append(k)
    return out


_NEG_PREFIX = re.compile(r"^(?:in|un|im|il|ir|non|dis)(?=[a-z]{4})")


def _prefix_negates(x: Claim, y: Claim) -> bool:
    """``x`` predicates a word of ``y`` with a negative prefix after a
    copula ("was inaccurate" / "is not accurate", "is unlawful" /
    "lawful"). A prefixed word elsewhere negates nothing of the other's
    ("Unmasked: X identified as Y" / "the masked militant")."""
    plain = set(_tokens(y))
    tokens = _tokens(x)
    return any(
        m and t[m.end():] in plain and _after_copula(tokens, k)
        for k, t in enumerate(tokens) if (m := _NEG_PREFIX.match(t))
    )


def _after_copula(tokens: list[str], k: int) -> bool:
    """The word at ``k`` is a copula's complement, adverbs between ("was
    inaccurate", "is entirely untrue")."""
    j = k - 1
    while j >= 0 and (tokens[j].endswith("ly") or tokens[j] in _DEGREE):
        j -= 1
    return j >= 0 and tokens[j] in _COPULA_FORMS


def _main_stems(c: Claim) -> frozenset[str]:
    """The stems of what the claim's main clause predicates: its verb, and
    with a copula what it says the subject is ("is not dead": dead)."""
    words = [c.predicate or ""]
    if c.predicate == "be":
        words.append(_complement_head(c) or "")
    return frozenset(stem(w) for w in words if w)


#: Commitments under which a clause on a participant is still the writer's
#: or the source's: stated, negated, or "found no evidence that ...".
_ONE_FRAME = frozenset({"pos", "neg", "unconfirmed"})


@comparator("negation.v1")
def negation(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """The same action asserted by one and negated by the other. In one
    voice (both outlets', or one source's) that is a conflict; a source
    negating what an outlet states is a dispute; two sources on opposite
    sides are a dispute between others that both outlets may report, not a
    discrepancy between the outlets."""
    ca, cb = committed(a), committed(b)
    if {ca, cb} == {"weak", "neg"}:
        return _open_against_ruled_out(a, b, ctx)
    if not {ca, cb} - {"pos", "neg"} and _asserts_fact(a) and _asserts_fact(b):
        clash = _negation_clash(a, b, facts_only=True)
    elif ca == cb and ca in _ONE_FRAME and _states_fact(a) and _states_fact(b):
        # a clause on a participant ("the police, who have (not) opened an
        # inquiry, found no evidence") is asserted whatever the main clause
        # does: when both frame their main clause alike, the clause is compared
        clash = _embedded_clash(a, b, besides=_main_stems(a) | _main_stems(b))
    else:
        return None
    if clash is None or _disjoint_times(a, b):
        # "has not been seen since September 3" / "was seen in July": an
        # action at two times apart is two occasions
        return None
    word, negating = clash
    what = f"one negates “{word}”, which the other asserts" if word else "one negates what the other asserts"
    if (said := _apart_or_later(a, b, ctx)) is not None:
        return said
    if (said := _happened_since(a, b, word, negating, ctx)) is not None:
        return said
    va, vb = _voice(a), _voice(b)
    if bool(va) != bool(vb):
        if _voice(negating):
            return _say("negation.v1", a, b, ctx, "disputed", None, 0.7,
                        "a source says it did not happen, which the other states")
        if (b if negating is a else a).certainty != "confirmed":
            return None  # an outlet negating what a source claims: no outlet asserts it
        # "X confirms P" is factive: the outlet that reports the confirmation
        # commits to P as well, so two outlets say opposite things
    return _say("negation.v1", a, b, ctx, "conflict", "negation", 0.8, what)


#: Auxiliaries of the present perfect: "has not been charged" speaks of
#: the time of writing.
_PERFECT = frozenset("has have hasn't haven't".split())


#: Words that put a negation at the time of writing ("not yet", "still
#: not", "so far no one").
_SO_FAR = frozenset("yet still".split())


def _so_far_at(c: Claim, target: str) -> bool:
    """The claim negates the action with stem ``target`` only up to the
    time of writing: a present perfect ("has not been charged", "no
    arrests have been made"), "yet" or "still" ("not yet identified",
    "has yet to file", "still has not paid"), "so far". "Never" speaks of
    all time and "was not charged" of a past occasion: neither."""
    tokens = _tokens(c)
    for k, t in enumerate(tokens):
        if stem(t) != target:
            continue
        near = tokens[max(0, k - 5) : k + 4]
        if "never" in near:
            return False
        return bool(_SO_FAR & set(near)) or any(
            tokens[i : i + 2] == ["so", "far"] for i in range(len(tokens) - 1)
        ) or bool(_PERFECT & set(tokens[max(0, k - 4) : k + 3])) or any(
            w.endswith("'ve") for w in tokens[max(0, k - 4) : k]
        )
    return False


def _happened_since(a: Claim, b: Claim, word: str, negating: Claim,
                    ctx: PairContext) -> Comparison | None:
    """One claim says an action has not happened so far (``_so_far_at``),
    the other, published a day or more later, that it has: both can be
    true, the event falling between the two reports, and the later one is
    news since (``update``). Not when the later report dates the event
    before the earlier one was published: then the negation was wrong when
    written. On one day the reports' order is not known, and the two
    differ as any negation and assertion do."""
    target = _clash_target(a, b, word)
    if target is None or not _so_far_at(negating, target):
        return None
    asserting = b if negating is a else a
    said_not, said = (
        (ctx.published_a, ctx.published_b) if negating is a else (ctx.published_b, ctx.published_a)
    )
    if said_not is None or said is None or said <= said_not:
        return None  # on one day, the order of the two reports is not known
    if any(t.high is not None and t.high < said_not for t in _event_times(asserting)):
        return None
    return _say("negation.v1", a, b, ctx, "update", None, 0.6,
                "one says it has not happened so far; the other, published later, that it has")


#: Words that leave a fact open without leaning either way: "may",
#: "could", "possibly", "reportedly". "Unlikely" leans against the fact and
#: "whether" asks about it, so neither is set against a denial of it; a
#: condition ("could go ahead if ...") makes it hypothetical.
_OPENING_WORDS = frozenset(
    "may might could possibly perhaps potentially probably likely reportedly allegedly "
    "purportedly supposedly apparently possible probable conceivable plausible".split()
)


_OPEN_HEDGE = re.compile(r"\b(?:" + "|".join(sorted(_OPENING_WORDS)) + r")\b", re.IGNORECASE)


_LEANING = re.compile(r"\b(?:unlikely|whether|if|unless)\b", re.IGNORECASE)


#: "Could have won", "would have been avoided": a possibility that did not
#: come about, which agrees with a negation of it.
_COUNTERFACTUAL = re.compile(r"\b(?:could|would|should)(?:\s+not|n['\u2019]t)?\s+have\b", re.IGNORECASE)


_MODALS = frozenset("will would shall should can could may might must "
                    "won't can't couldn't wouldn't shouldn't mightn't mustn't".split())


#: Modals that speak of what is possible, needed or wanted, not of what is:
#: not the future ("will"), nor "would", which after a verb of saying is the
#: future of reported speech ("said it would raise prices"), a commitment
#: that can be contradicted.
_UNREAL_MODALS = _MODALS - {"will", "would", "shall", "won't", "wouldn't"}


def _left_open(c: Claim) -> bool:
    """The claim would state a fact but for a hedge that leaves it open ("may
    have sent troops", "could still take place on Tuesday", "reportedly
    resigned"): ``_asserts_fact`` but for the hedge."""
    if committed(c) != "weak" or c.negated:
        return False
    if _LEANING.search(c.text) or _COUNTERFACTUAL.search(c.text):
        return False
    if c.certainty != "reported" and not any(_hedge_at(c, m) for m in _OPEN_HEDGE.finditer(c.text)):
        return False
    return _states_fact(c)


def _open_at(c: Claim, target: str) -> bool:
    """The hedge bears on the action with stem ``target``: the claim's own
    action, hedged as a whole ("reports say P"), or an action with a
    hedging word just before it ("was reportedly blurred", "could be
    held"); not another action of the sentence ("while X has not revealed
    details, reports say it could cost more": the details are not hedged)."""
    if c.predicate and _action(c) == target:
        return True
    tokens = _tokens(c)
    return any(
        stem(t) == target and any(w in _OPENING_WORDS for w in tokens[max(0, k - 4) : k])
        for k, t in enumerate(tokens)
    )


def _ahead_at(c: Claim, target: str) -> bool:
    """The action with stem ``target`` is put ahead of the time of speaking:
    a modal before it without a perfect ("could resume", "will not be
    held"), against "may have sent" or "has not resumed"."""
    before = _words_before(c, target)
    if before is None or any(w in ("have", "has", "had", "'ve") for w in before):
        return False
    return any(w in _MODALS or w.endswith("'ll") for w in before) or _future_frame(before)


def _open_against_ruled_out(a: Claim, b: Claim, ctx: PairContext) -> Comparison | None:
    """One claim leaves an action open (a hedge, "reportedly") that the
    other rules out ("may have sent troops" / "did not send troops"; "could
    still take place on Tuesday" / "will not be held on Tuesday"): they
    differ in commitment, a dispute. Only when the hedge bears on that
    action and leaves it open (``_left_open``, ``_open_at``), and both put
    the action at one time: "could resume next week" and "has not resumed"
    are both true."""
    open_, ruling = (a, b) if committed(a) == "weak" else (b, a)
    if not (_left_open(open_) and _asserts_fact(ruling)):
        return None
    clash = _negation_clash(a, b)
    if clash is None:
        return None
    word, _negating = clash
    target = _clash_target(a, b, word)
    if target is None or not _open_at(open_, target) or (
        _ahead_at(open_, target) != _ahead_at(ruling, target)
    ):
        return None
    if _disjoint_times(a, b):
        return None  # "could take effect in March" / "will not take effect in January"
    if (said := _apart_or_later(a, b, ctx)) is not None:
        return said
    return _say("negation.v1", a, b, ctx, "disputed", None, 0.6,
                "one leaves it open, the other rules it out")
