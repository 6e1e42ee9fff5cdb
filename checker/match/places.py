"""Where a claim puts things: places that contain each other, the places a
claim puts something in and what it puts there, two claims that put one
thing in places of different countries, and the pairs of claims that do."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.match.actor import ACTOR_TYPES, source_span
from checker.match.things import head_class, singular
from checker.match.words import LIGHT_VERBS, STOPWORDS, content_words
from checker.model import Claim, Place

if TYPE_CHECKING:
    import numpy as np

    from checker.events import Events


def place_key(p: Place) -> frozenset[str]:
    """A place and everything that contains it, lower case."""
    return frozenset(x.lower() for x in (p.name, *p.within) if x)


def place_country(p: Place) -> str | None:
    if p.country:
        return p.country.upper()
    return None


def places_compatible(a: Place, b: Place) -> bool:
    """One contains the other, or they are the same place."""
    if a.name.lower() == b.name.lower():
        return True
    ka, kb = place_key(a), place_key(b)
    if a.name.lower() in kb or b.name.lower() in ka:
        return True
    ca, cb = place_country(a), place_country(b)
    # Two different places inside one country are not a clash at country level.
    return ca is not None and ca == cb and (a.kind == "country" or b.kind == "country")


_PREPOSITIONS = frozenset("by of with for from against about over under after before between "
                          "among via through including like".split())
_LOCATIVE = frozenset("in at near inside into within across throughout".split())
_PLACE_GAP = frozenset("front of the a an outskirts centre center heart north south east west "
                       "northern southern eastern western part parts city town region".split())


def locative_places(c: Claim) -> list[Place]:
    """Places a claim puts something in (``in Ukraine``, ``in Russia's Kursk
    region``, ``in front of the London embassy``), not places named as actors
    or partners (``Russia warned``, ``ties with Russia``)."""
    return [p for p, _ in located(c)]


def located(c: Claim) -> list[tuple[Place, frozenset[str]]]:
    """Each locative place with its anchor: the content words of what the
    claim puts there (up to four words before the preposition: "combat zones"
    in "entered combat zones in Ukraine")."""
    out = []
    lo, hi = source_span(c)
    for p in c.places:
        if c.text[p.end - c.start : p.end - c.start + 1] == "-":
            continue  # "US-led", "Russian-made": a modifier, not a location
        if lo <= p.start < hi:
            continue  # "an observer in Seoul said ...": where the speaker is
        after = _POSSESSIVE.sub("", c.text[p.end - c.start :], count=1)
        following = after.split()[:1]
        nxt = following[0].strip(".,;:") if following else ""
        if (nxt.islower() and content_words(nxt) and nxt not in _PLACE_GAP
                and not _TIME_WORD.match(nxt) and not nxt.endswith(("ing", "ed"))):
            # "in a U.S. air strike": the place modifies the noun after it,
            # and the strike is what "in" governs (a participle after a
            # place, "troops in Russia fighting ...", leaves it a location);
            # so does an owner ("at the heart of the country's struggle")
            continue
        before = c.text[: max(0, p.start - c.start)]
        before = re.split(r"[,;:()\u2014\u2013]| - ", before)[-1]
        words = before.split()
        for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
            w = words[k].lower().strip(".\"'\u201c\u201d")
            if w in _LOCATIVE:
                window = words[max(0, k - 4) : k]
                # a preposition inside the window starts the phrase the
                # place belongs to: "a courier arrested by smugglers in Spain"
                # puts the smugglers in Spain, not the arrest; "branches
                # including one in Lisbon" puts one member there, not the set
                cut = [i for i, x in enumerate(window) if x.lower() in _PREPOSITIONS]
                window = window[cut[-1] + 1 :] if cut else window
                named = [x for x in window if content_words(x)]
                if named and all(x[:1].isupper() for x in named) and any(
                    x.islower() and content_words(x) for x in c.text.split()
                ):
                    break  # a place inside a name: "the Liberation Front in Chad"
                out.append((p, content_words(" ".join(window))))
                break
            if w not in _PLACE_GAP and not w.endswith(("'s", "\u2019s")):
                break
    return out


_POSSESSIVE = re.compile(r"^['\u2019]s?\b")
_TIME_WORD = re.compile(r"(?:last|next|this|early|late|earlier|later|today|yesterday|tonight)$")
_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)(?:the\s+)?$")


def _listed(c: Claim, located_: list[tuple[Place, frozenset[str]]]) -> list[Place]:
    """The located places and those listed right after them ("in
    Afghanistan, Iraq, Syria and on the border")."""
    out = [p for p, _ in located_]
    for q in sorted(c.places, key=lambda p: p.start):
        if q in out:
            continue
        if any(0 <= q.start - p.end <= 8 and _LIST_GAP.match(c.text[p.end - c.start : q.start - c.start])
               for p in out):
            out.append(q)
    return out


def _spread(located_: list[tuple[Place, frozenset[str]]], listed: list[Place]) -> bool:
    """A claim lists places of two or more countries where it locates a
    thing ("across Iraq and Syria", "in Chad, Mali and Niger"): among
    ``listed`` (``_listed``), places beyond those it locates."""
    own = {id(p) for p, _ in located_}
    return any(id(q) not in own for q in listed) and len(
        {country for q in listed if (country := place_country(q))}
    ) > 1


def _what_is_placed(shared: frozenset[str], a: Claim, b: Claim) -> bool:
    """A shared anchor that names one event or thing ("combat"), not people,
    a named actor or a nationality: soldiers, or "American" anything, are in many places
    at once, so "soldiers died in Afghanistan" and "troops in South Korea"
    place nothing twice."""
    # nor a named group, person or country: "Red Hand militants in Chad" and
    # "the Red Hand expands into Niger" put no one thing in two places
    names = {w.lower() for c in (a, b) for m in c.mentions if m.type in ACTOR_TYPES
             for w in m.text.split()}
    return any(
        w not in names and head_class(singular(w)) not in ("troop", "person")
        and singular(w) not in _SPANS_OF_TIME
        for w in shared
    )


#: Spans of time are not things put in a place ("six weeks in captivity in
#: one country", "two weeks ago in another").
_SPANS_OF_TIME = frozenset("second minute hour day week month year decade".split())


def place_clash(a: Claim, b: Claim) -> tuple[Place, Place] | None:
    """Two claims put the same thing (a shared anchor word) in places of
    different countries, neither containing the other."""
    la, lb = located(a), located(b)
    if not la or not lb:
        return None
    # a side that lists the other's place among its own ("in Afghanistan,
    # Iraq, Syria") does not place the thing elsewhere
    listed_a, listed_b = _listed(a, la), _listed(b, lb)
    if any(places_compatible(p, q) for p, _ in la for q in listed_b) or any(
        places_compatible(p, q) for p in listed_a for q, _ in lb
    ):
        return None
    # nor does one that puts it in several countries ("across Iraq and
    # Syria"): a thing spread over a list of places has no one place that
    # another would contradict
    if _spread(la, listed_a) or _spread(lb, listed_b):
        return None
    # the most specific place of each side ("Kursk region" over "Russia")
    def specific(t: tuple[Place, frozenset[str]]) -> tuple[bool, int]:
        return t[0].kind == "country", -len(t[0].within)

    names_a, names_b = _name_words(a), _name_words(b)
    for p, anchor_p in sorted(la, key=specific):
        for q, anchor_q in sorted(lb, key=specific):
            cp, cq = place_country(p), place_country(q)
            if not (cp and cq and cp != cq and _what_is_placed(anchor_p & anchor_q, a, b)):
                continue
            if (anchor_p - anchor_q) & names_a and (anchor_q - anchor_p) & names_b:
                # one common noun of two named things ("the Red Hand group in
                # Chad" / "the Black Flag group in Mali"): two things
                continue
            return p, q
    return None


def _name_words(c: Claim) -> frozenset[str]:
    """The content words of the names the claim mentions, and of the words
    it capitalises after its first outside its times (names the tagger
    missed; not "Monday" or "May"), a capital inside a word too (a name
    joined to a lower-case particle: "al-Shabab")."""
    times = [(t.start - c.start, t.end - c.start) for t in c.times]
    capitalised = " ".join(
        w.group(0) for w in re.finditer(r"\S+", c.text)
        if w.start() > 0 and any(ch.isupper() for ch in w.group(0))
        and not any(lo <= w.start() < hi for lo, hi in times)
    )
    return content_words(capitalised) | {w for m in c.mentions for w in content_words(m.text)}


def placed_phrase(c: Claim, p: Place) -> str:
    """What the claim puts at the place, as written: "combat zones in Ukraine"."""
    text = c.text[: max(0, p.start - c.start)]
    words = re.split(r"[,;:()\u2014\u2013]| - ", text)[-1].split()[-5:]
    while words and words[0].lower() in STOPWORDS:
        words = words[1:]
    return " ".join([*words, p.text])


def place_pairs(
    claims: Sequence[Claim],
    rows: Sequence[int],
    doc_of: np.ndarray,
    events: Events,
    *,
    max_df: int = 6,
) -> list[tuple[int, int]]:
    """Pairs of claims that put one thing in clashing places.

    A long sentence can carry the place in a side clause ("... some of whom
    began combat operations in Russia's Kursk region"), so its cosine with a
    short "troops entered combat zones in Ukraine" is low. Such claims pair
    when they share a rare word (``combat``: few claims of the event use it)
    and one more content word or entity, and put the same thing (a shared
    anchor word right before the preposition) in places of different
    countries. An inverted index over rare words keeps this far from all
    pairs."""
    located = [ci for ci in rows if locative_places(claims[ci])]
    if len(located) < 2:
        return []
    words = {ci: content_words(claims[ci].text) - _place_words(claims[ci]) for ci in located}
    postings: dict[str, list[int]] = {}
    for ci in located:
        for w in words[ci]:
            postings.setdefault(w, []).append(ci)
    out: set[tuple[int, int]] = set()
    for w in sorted(postings):
        post = postings[w]
        if len(post) < 2 or len(post) > max_df or w in LIGHT_VERBS:
            continue
        for x, i in enumerate(post):
            for j in post[x + 1 :]:
                a, b = (i, j) if i < j else (j, i)
                if (a, b) in out or not events.allowed[doc_of[a], doc_of[b]]:
                    continue
                ca, cb = claims[a], claims[b]
                shared = (words[a] & words[b]) | (set(ca.entities) & set(cb.entities))
                if len(shared) >= 2 and place_clash(ca, cb) is not None:
                    out.add((a, b))
    return sorted(out)


def _place_words(c: Claim) -> frozenset[str]:
    return content_words(" ".join(p.text for p in c.places))
