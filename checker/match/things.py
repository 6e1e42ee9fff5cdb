"""What a quantity counts: the head of the counted thing and its class (a
soldier is a troop), what happened to it (killed, injured), whether the
number is an age or one part of a group, and how two counted things relate."""

from __future__ import annotations

import re

from checker.model import Claim, Quantity

#: A word as the slots see it (the words and actor modules use it too). It
#: ends in a letter: "woman-" and "girls'" are "woman" and "girls".
WORD = re.compile(r"[A-Za-z](?:[A-Za-z'-]*[A-Za-z])?")

#: Heads that count the same kind of thing (a soldier is a troop is a force).
_HEAD_CLASS = {
    "soldier": "troop", "troop": "troop", "force": "troop", "serviceman": "troop",
    "servicemen": "troop", "personnel": "troop", "fighter": "troop", "mercenary": "troop",
    "people": "person", "person": "person", "individual": "person", "victim": "person",
    "resident": "person", "civilian": "person", "man": "person", "men": "person",
    "woman": "person", "women": "person", "child": "person", "children": "person",
    "worker": "worker", "employee": "worker", "staff": "worker", "staffer": "worker",
    "laborer": "worker", "labourer": "worker",
    "dead": "death", "death": "death", "fatality": "death", "casualty": "casualty",
    "injury": "injury", "injured": "injury", "wounded": "injury",
    "shell": "munition", "round": "munition", "munition": "munition",
}
#: What happened to the counted people: a "killed" count is never an "injured" count.
_OUTCOME = {
    "killed": "killed", "kill": "killed", "dead": "killed", "died": "killed", "die": "killed",
    "death": "killed", "deaths": "killed", "fatal": "killed", "fatally": "killed",
    "slain": "killed", "murdered": "killed", "fatalities": "killed", "dies": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuring": "injured",
    "wounding": "injured", "injuries": "injured", "hospitalized": "injured",
    "hospitalised": "injured", "injures": "injured", "wounds": "injured",
    "arrested": "arrested", "detained": "arrested", "charged": "arrested",
    "missing": "missing", "shot": "shot",
}


def singular(word: str) -> str:
    """A crude singular for English plural nouns (enough to compare heads)."""
    w = word.lower()
    if w in _HEAD_CLASS or len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def thing_head(thing: str | None) -> str | None:
    """The counted thing's head word, singular, lower case."""
    if not thing:
        return None
    words = WORD.findall(thing)
    if not words:
        return None
    return singular(words[-1])


def head_class(head: str | None) -> str | None:
    if head is None:
        return None
    return _HEAD_CLASS.get(head, head)


#: Heads that count people of any kind, so the workers or troops another
#: count names may be the very group ("employs 300 people" / "employs 450
#: workers"): a hypernym names what its hyponyms name.
_ANY_PERSON = frozenset({"people", "person", "individual"})
#: Classes of heads that count people.
_HUMAN = frozenset({"person", "worker", "troop"})


def _one_kind(head_a: str | None, head_b: str | None) -> bool:
    """Two named heads count one kind of thing: one class, or people of any
    kind against one kind of people."""
    ca, cb = head_class(head_a), head_class(head_b)
    return ca == cb or (head_a in _ANY_PERSON and cb in _HUMAN) or (
        head_b in _ANY_PERSON and ca in _HUMAN
    )


def narrowing(q: Quantity) -> frozenset[str]:
    """Lower-case words that narrow a counted thing (``special operation``).

    Capitalised words (``North Korean``) identify rather than narrow, and so
    do not count."""
    words: list[str] = list(q.modifiers)
    if q.thing:
        words.extend(WORD.findall(q.thing)[:-1])
    out = set()
    for m in words:
        for w in WORD.findall(m):
            if w[:1].islower() and len(w) > 2 and w not in _STOP:
                out.add(singular(w))
    return frozenset(out)


_STOP = frozenset(
    "the and of for with some about around nearly almost more than less least over "
    "under their its his her our other additional new total".split()
)


def outcome(claim: Claim, q: Quantity) -> str | None:
    """What the counted thing underwent, from the words right around the number."""
    head = thing_head(q.thing)
    if head in ("death", "fatality", "dead"):
        return "killed"
    if head in ("injury", "injured", "wounded"):
        return "injured"
    rel_start, rel_end = q.start - claim.start, q.end - claim.start
    if not (0 <= rel_start <= rel_end <= len(claim.text)):
        return None
    # up to eight words on ("Five people, believed to be related, were
    # killed"), but not past the next number ("two shot and one killed")
    after = []
    for w in _WORD_OR_NUMBER.findall(claim.text[rel_end:])[:8]:
        if w[0].isdigit() or w.lower() in _NUMBER_WORDS:
            break
        after.append(w)
    before = WORD.findall(claim.text[:rel_start])[-2:]
    found = [o for k, w in enumerate(after)
             if (o := _OUTCOME.get(w.lower())) and not _befell_a_part(after[k + 1 : k + 3])]
    found += [o for w in reversed(before) if (o := _OUTCOME.get(w.lower()))]
    # "shot and killed" is killed; "five were shot" (no other outcome) is shot
    return next((o for o in found if o != "shot"), found[0] if found else None)


#: Quantifiers of a part ("many of them", "some"): an outcome "of" one of
#: them befell part of the counted group, not the group.
_PART = frozenset("many some most several few half part".split())


def _befell_a_part(following: list[str]) -> bool:
    """The words after an outcome say it befell only part of the group:
    "resulting in the deaths of many of them"."""
    return len(following) == 2 and following[0].lower() == "of" and following[1].lower() in _PART


_WORD_OR_NUMBER = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred "
    "hundreds thousand thousands dozen dozens".split()
)


def is_age(claim: Claim, q: Quantity) -> bool:
    """``30-year-old``, ``35 years old``: an age names a person, it counts nothing."""
    rel_end = q.end - claim.start
    tail = claim.text[rel_end : rel_end + 14].lower()
    return bool(re.match(r"(?:[- ]?years?)?[- ]old\b|-year-old", tail)) or (
        q.text.lower().endswith("-year") and tail.startswith("-old")
    )


_AGE_AFTER_NAME = re.compile(r"^\s*(?:,\s*|\(\s*)(\d{1,3})\s*(?:,|\)|$|\s+(?:of|from|and)\b)")
_AGE_BEFORE_NAME = re.compile(r"\b(\d{1,3})[- ]years?[- ]old\s+$", re.IGNORECASE)


def named_ages(c: Claim) -> dict[str, tuple[str, set[int]]]:
    """The ages written beside each person the claim names ("John Smith,
    34,", "Smith (34)", "34-year-old John Smith"), by entity (or the name
    as written, before the batch is canonicalised), with the name as first
    written."""
    out: dict[str, tuple[str, set[int]]] = {}
    for m in c.mentions:
        if m.type != "PERSON":
            continue
        after = c.text[m.end - c.start : m.end - c.start + 12]
        before = c.text[max(0, m.start - c.start - 16) : m.start - c.start]
        found = _AGE_AFTER_NAME.match(after) or _AGE_BEFORE_NAME.search(before)
        if found and 0 < int(found.group(1)) < 120:
            out.setdefault(m.entity or m.text, (m.text, set()))[1].add(int(found.group(1)))
    return out


def ages_of_people_both_name(a: Claim, b: Claim) -> tuple[set[int], set[int]]:
    """The ages each claim gives the people both claims name: values of a
    person, not counts."""
    na, nb = named_ages(a), named_ages(b)
    shared = na.keys() & nb.keys()
    return ({x for who in shared for x in na[who][1]}, {x for who in shared for x in nb[who][1]})


_EXTRA = frozenset("more other others another additional further".split())


def partial(claim: Claim, q: Quantity) -> bool:
    """A count of part of the group: "four more people", "three other
    people", "a man and 3 women" (a conjunct)."""
    rel_start, rel_end = q.start - claim.start, q.end - claim.start
    if not (0 <= rel_start <= rel_end <= len(claim.text)):
        return False
    after = [w.lower() for w in WORD.findall(claim.text[rel_end:])[:2]]
    before = [w.lower() for w in WORD.findall(claim.text[:rel_start])[-1:]]
    # "more than 10,000" is an interval, "two more" another group
    own = {w.lower() for w in WORD.findall(q.text)} - {"more"}
    if (own | set(after[:1]) | {m.lower() for m in q.modifiers}) & _EXTRA:
        return True
    head = (thing_head(q.thing) or "").lower()
    conjunct_after = len(after) == 2 and after[1] == "and" and singular(after[0]) == head
    return before == ["and"] or conjunct_after or (bool(q.thing) and after[:1] == ["and"])


ThingRelation = str  # "same" | "a_narrower" | "b_narrower" | "different" | "overlapping"


def thing_relation(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> ThingRelation:
    """How two counted things relate: the same, one a subset, or different."""
    if (qa.unit or None) != (qb.unit or None) or is_age(a, qa) or is_age(b, qb):
        return "different"
    oa, ob = outcome(a, qa), outcome(b, qb)
    if oa is not None and ob is not None and oa != ob:
        return "different"
    if partial(a, qa) or partial(b, qb):
        # "four more people", "a man and 3 women": another part of the group
        ha, hb = thing_head(qa.thing), thing_head(qb.thing)
        if ha is None and hb is None:
            # "bought another 300 acres": a further amount of
            # nothing named, so no group is known to be shared
            return "different"
        return "overlapping" if ha is None or hb is None or _one_kind(ha, hb) else "different"
    ha, hb = thing_head(qa.thing), thing_head(qb.thing)
    if ha is not None and hb is not None and not _one_kind(ha, hb):
        return "different"
    if (ha is None) != (hb is None) and (oa is None or ob is None):
        # one side counts an unnamed thing with no shared outcome: cannot tell
        return "different"
    ma, mb = narrowing(qa), narrowing(qb)
    if ma == mb:
        return "same"
    if mb < ma:
        return "a_narrower"
    if ma < mb:
        return "b_narrower"
    return "overlapping"
