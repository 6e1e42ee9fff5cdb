"""Which claims of different outlets are about the same fact.

Three steps, each cheap enough to stay about linear in the number of claims:

1. **Stories** (``checker.events``): articles that report the same event,
   by the words specific to it and the publication gap, grouped by average
   linkage. Claims are only matched between documents of one story, so a
   day's feed with two shootings never pairs "2 killed" with "2 killed".
2. **Top-k cosine candidates** per claim (blocked matrix product, bounded
   memory, ``np.argpartition``), never between claims of one source (one
   article, or an article and its wire copies).
3. **Slot confirmation**: shared canonical entities, predicate, counted
   thing, places and fuzzy token overlap blend with the cosine into a match
   score; confirmed pairs form fact groups (union-find).

Functions return indices and scores, sorted, ties broken by index.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.config import Config
from checker.events import Events as Events
from checker.events import event_clusters as event_clusters  # pipeline and judge call it here
from checker.model import Claim, Document, Mention, Place, Quantity
from checker.unionfind import UnionFind

if TYPE_CHECKING:
    import numpy as np

# ------------------------------------------------------------- slot helpers

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

#: Heads that count the same kind of thing (a soldier is a troop is a force).
_HEAD_CLASS = {
    "soldier": "troop", "troop": "troop", "force": "troop", "serviceman": "troop",
    "servicemen": "troop", "personnel": "troop", "fighter": "troop", "mercenary": "troop",
    "people": "person", "person": "person", "individual": "person", "victim": "person",
    "resident": "person", "civilian": "person", "man": "person", "men": "person",
    "woman": "person", "women": "person", "child": "person", "children": "person",
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
    words = _WORD.findall(thing)
    if not words:
        return None
    return singular(words[-1])


def head_class(head: str | None) -> str | None:
    if head is None:
        return None
    return _HEAD_CLASS.get(head, head)


def narrowing(q: Quantity) -> frozenset[str]:
    """Lower-case words that narrow a counted thing (``special operation``).

    Capitalised words (``North Korean``) identify rather than narrow, and so
    do not count."""
    words: list[str] = list(q.modifiers)
    if q.thing:
        words.extend(_WORD.findall(q.thing)[:-1])
    out = set()
    for m in words:
        for w in _WORD.findall(m):
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
    before = _WORD.findall(claim.text[:rel_start])[-2:]
    found = [o for w in [*after, *reversed(before)] if (o := _OUTCOME.get(w.lower()))]
    # "shot and killed" is killed; "five were shot" (no other outcome) is shot
    return next((o for o in found if o != "shot"), found[0] if found else None)


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


_EXTRA = frozenset("more other others another additional further".split())


def partial(claim: Claim, q: Quantity) -> bool:
    """A count of part of the group: "four more people", "three other
    people", "a man and 3 women" (a conjunct)."""
    rel_start, rel_end = q.start - claim.start, q.end - claim.start
    if not (0 <= rel_start <= rel_end <= len(claim.text)):
        return False
    after = [w.lower() for w in _WORD.findall(claim.text[rel_end:])[:2]]
    before = [w.lower() for w in _WORD.findall(claim.text[:rel_start])[-1:]]
    # "more than 10,000" is an interval, "two more" another group
    own = {w.lower() for w in _WORD.findall(q.text)} - {"more"}
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
        ha, hb = head_class(thing_head(qa.thing)), head_class(thing_head(qb.thing))
        return "overlapping" if ha == hb or ha is None or hb is None else "different"
    ha, hb = head_class(thing_head(qa.thing)), head_class(thing_head(qb.thing))
    if ha is not None and hb is not None and ha != hb:
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
    for p in c.places:
        if c.text[p.end - c.start : p.end - c.start + 1] == "-":
            continue  # "US-led", "Russian-made": a modifier, not a location
        before = c.text[: max(0, p.start - c.start)]
        before = re.split(r"[,;:()\u2014\u2013]| - ", before)[-1]
        words = before.split()
        for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
            w = words[k].lower().strip(".\"'\u201c\u201d")
            if w in _LOCATIVE:
                out.append((p, content_words(" ".join(words[max(0, k - 4) : k]))))
                break
            if w not in _PLACE_GAP and not w.endswith(("'s", "\u2019s")):
                break
    return out


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


def _what_is_placed(shared: frozenset[str], a: Claim, b: Claim) -> bool:
    """A shared anchor that names one event or thing ("combat"), not people
    or a nationality: soldiers, or "American" anything, are in many places
    at once, so "soldiers died in Afghanistan" and "troops in South Korea"
    place nothing twice."""
    demonyms = {w.lower() for c in (a, b) for m in c.mentions if m.type == "NORP"
                for w in m.text.split()}
    return any(
        w not in demonyms and _HEAD_CLASS.get(singular(w)) not in ("troop", "person")
        for w in shared
    )


def place_clash(a: Claim, b: Claim) -> tuple[Place, Place] | None:
    """Two claims put the same thing (a shared anchor word) in places of
    different countries, neither containing the other."""
    la, lb = located(a), located(b)
    if not la or not lb:
        return None
    # a side that lists the other's place among its own ("in Afghanistan,
    # Iraq, Syria") does not place the thing elsewhere
    if any(places_compatible(p, q) for p, _ in la for q in _listed(b, lb)) or any(
        places_compatible(p, q) for p in _listed(a, la) for q, _ in lb
    ):
        return None
    # the most specific place of each side ("Kursk region" over "Russia")
    def specific(t: tuple[Place, frozenset[str]]) -> tuple[bool, int]:
        return t[0].kind == "country", -len(t[0].within)

    for p, anchor_p in sorted(la, key=specific):
        for q, anchor_q in sorted(lb, key=specific):
            cp, cq = place_country(p), place_country(q)
            if cp and cq and cp != cq and _what_is_placed(anchor_p & anchor_q, a, b):
                return p, q
    return None


def placed_phrase(c: Claim, p: Place) -> str:
    """What the claim puts at the place, as written: "combat zones in Ukraine"."""
    text = c.text[: max(0, p.start - c.start)]
    words = re.split(r"[,;:()\u2014\u2013]| - ", text)[-1].split()[-5:]
    while words and words[0].lower() in _STOPWORDS:
        words = words[1:]
    return " ".join([*words, p.text])


_STEM_SUFFIXES = ("ing", "ied", "ies", "ed", "es", "s", "e")
#: Verbs too common or too light to say two claims report one action.
LIGHT_VERBS = frozenset(
    "be have do say make get take go give come see know tell report state add include "
    "use call show find seem become".split()
)


_IRREGULAR = dict(
    pair.split(":")
    for pair in """found:find said:say told:tell took:take taken:take went:go gone:go made:make
    shot:shoot left:leave fled:flee held:hold met:meet sent:send began:begin begun:begin
    saw:see seen:see knew:know known:know gave:give given:give came:come got:get
    gotten:get brought:bring thought:think kept:keep fell:fall fallen:fall fought:fight
    won:win lost:lose paid:pay led:lead ran:run stood:stand struck:strike caught:catch
    bought:buy built:build spent:spend sold:sell broke:break broken:break chose:choose
    chosen:choose drove:drive driven:drive wrote:write written:write rose:rise risen:rise
    grew:grow grown:grow threw:throw thrown:throw hid:hide hidden:hide felt:feel
    heard:hear meant:mean spoke:speak spoken:speak stole:steal stolen:steal swore:swear
    sworn:swear taught:teach understood:understand wore:wear withdrew:withdraw
    withdrawn:withdraw flew:fly flown:fly drew:draw drawn:draw beat:beat beaten:beat
    bit:bite bitten:bite shown:show done:do did:do was:be were:be been:be had:have
    has:have is:be are:be pled:plead""".split()
)


def stem(word: str) -> str:
    """A crude stem for matching a verb's lemma with its inflected forms."""
    w = word.lower()
    w = _IRREGULAR.get(w, w)
    for suffix in _STEM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2]:  # stopped → stopp → stop
        w = w[:-1]
    return w


def predicate_shared(a: Claim, b: Claim) -> bool:
    """Both report one action: the same main-verb lemma, or one claim's
    (non-light) main verb appears inflected in the other (``surrender`` in
    "ran from police but surrendered")."""
    if a.predicate and a.predicate == b.predicate:
        return True
    return any(
        x.predicate and x.predicate not in LIGHT_VERBS and len(x.predicate) > 2
        and stem(x.predicate) in stems(y.text)
        for x, y in ((a, b), (b, a))
    )


@functools.lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """Crude stems of a text's words (cached: matching asks for each claim often)."""
    return frozenset(stem(w) for w in _WORD.findall(text))


# ---------------------------------------------------------------- the actor

#: Mention types that can be the one who acts; the class says which actors
#: are comparable (a president belongs to a country, so PERSON vs GPE never
#: says two claims have different actors).
_ACTOR_CLASS = {"GPE": "state", "NORP": "state", "PERSON": "person", "ORG": "org"}
#: Predicates whose subject attributes, denies or doubts an event rather
#: than doing it: the actor of the event is somewhere in their object.
ATTRIBUTING = frozenset(
    "deny confirm say tell report claim state add reject dismiss acknowledge admit "
    "allege accuse believe suspect verify refute dispute insist note argue quote announce tweet "
    "write declare".split()
)
#: Verbs of saying after which a new clause (with its own subject) starts.
_SAYING = frozenset(
    "said says say told tells confirmed confirms denied denies warned warns reported "
    "reports announced announces claimed claims added stated states insisted noted "
    "argued believes thinks alleged alleges acknowledged admitted tweeted tweets wrote "
    "writes declared declares".split()
)
#: Words that open an introductory phrase, never the subject ("Since
#: Russia's invasion of Ukraine, South Korea has ...").
_INTRO = frozenset(
    "in on at since after before during while when although though as meanwhile however "
    "earlier later last also but yet so according despite amid following under with "
    "without for by from over because once until unlike like besides".split()
)
#: Actions two parties do together: either may be named as the subject.
_MUTUAL = frozenset(
    "meet talk hold sign agree discuss negotiate speak shake clash fight trade exchange "
    "cooperate partner ally join".split()
)
_PRONOUN = frozenset("it he she they we its their his her i you".split())
_BOUNDARY = re.compile(
    r"\s*(?:[,;:()\u2014\u2013]|\s--\s|\"|\u201c|\u201d)\s*|\b(?:that|whether|if)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^\s*['\u2019]s?\b")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does what a claim reports: the canonical entities of its subject
    and their class (state, person, org)."""

    kind: str
    entities: frozenset[str]


def predicate_span(c: Claim) -> tuple[int, int] | None:
    """Offsets (in the claim text) of the first inflected form of the predicate."""
    if not c.predicate or not c.predicate.isalpha():
        return None
    target = stem(c.predicate)
    for w in _WORD.finditer(c.text):
        if stem(w.group()) == target:
            return w.start(), w.end()
    return None


def _predicate_at(c: Claim) -> int | None:
    """Offset (in the claim text) of the first inflected form of the predicate."""
    span = predicate_span(c)
    return span[0] if span else None


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """Clause pieces of the text before the predicate: (start, end, after a
    verb of saying). Cuts at punctuation, complementisers and verbs of saying."""
    cuts: list[tuple[int, int, bool]] = [(m.start(), m.end(), False) for m in _BOUNDARY.finditer(text)]
    cuts += [(m.start(), m.end(), True) for m in _WORD.finditer(text)
             if m.group().lower() in _SAYING]
    cuts.sort()
    out, pos, saying = [], 0, False
    for s, e, say in cuts:
        if s < pos:
            continue
        out.append((pos, s, saying))
        pos, saying = e, say
    out.append((pos, len(text), saying))
    return [seg for seg in out if text[seg[0]:seg[1]].strip()]


def actor(c: Claim) -> Actor | None:
    """The named subject of the claim's main verb, or None when it cannot be
    told (no predicate found, a verb of attribution, a possessive or unnamed
    subject, subjects of different kinds).

    The subject is looked for in the clause just before the predicate; a
    clause whose subject is a pronoun ("South Korea warned it could respond")
    takes the subject of the clause before it. Introductory phrases and
    all-capital datelines never count. Sources are not actors: "North Korea
    and Russia denied the deployment" names the deniers, not who deployed.
    """
    if c.predicate in ATTRIBUTING:
        return None
    at = _predicate_at(c)
    if at is None:
        return None
    text = c.text[:at]
    segments = _segments(text)
    for idx in range(len(segments) - 1, -1, -1):
        s, e, _ = segments[idx]
        piece = text[s:e]
        words = [w.lower() for w in _WORD.findall(piece)]
        if not words or words[0] in _INTRO:
            return None
        if idx > 0 and words[0].endswith("ing"):
            continue  # ", representing a team from Ukraine,": an aside
        inside = sorted(
            (m for m in c.mentions
             if s <= m.start - c.start and m.end - c.start <= e and _actor_class(m)
             and not m.text.isupper()),
            key=lambda m: m.start,
        )
        if not inside:
            # "it could respond": the subject of the clause before, if any
            if idx > 0 and _PRONOUN.intersection(words):
                continue
            return None
        first = inside[0]
        if _POSSESSIVE.match(c.text[first.end - c.start:]):
            return None  # "South Korea's president": someone unnamed
        kinds = {_actor_class(m) for m in inside}
        if len(kinds) != 1:
            return None
        return Actor(str(kinds.pop()), frozenset(m.entity or m.text.lower() for m in inside))
    return None


def _actor_class(m: Mention) -> str | None:
    """state, person or org; the canonical id's prefix wins over the NER type
    (a tagger that calls "Yoon" a GPE does not make him a country)."""
    prefix = m.entity.partition(":")[0].upper() if ":" in m.entity else m.type
    return _ACTOR_CLASS.get(prefix)


def different_actors(a: Claim, b: Claim) -> tuple[Actor, Actor] | None:
    """Both claims name who acts, of one kind, and they are different: no
    shared entity, unless each names the other's actor with one action or a
    mutual one ("Yoon met Zelenskyy" and "Zelenskyy held talks with Yoon"
    are one meeting; "Russia warned South Korea" and "South Korea warned it
    could supply Ukraine, as Russia denied ..." are two facts)."""
    xa, xb = actor(a), actor(b)
    if xa is None or xb is None or xa.kind != xb.kind or xa.entities & xb.entities:
        return None
    named_a = {m.entity or m.text.lower() for m in a.mentions}
    named_b = {m.entity or m.text.lower() for m in b.mentions}
    mutual = {a.predicate, b.predicate} <= _MUTUAL or (
        a.predicate is not None and b.predicate is not None
        and stem(a.predicate) == stem(b.predicate)
    )
    if mutual and xa.entities <= named_b and xb.entities <= named_a:
        return None
    return xa, xb


# ---------------------------------------------------------------- top-k search


def nearest(
    vectors: np.ndarray,
    k: int,
    *,
    doc: np.ndarray | None = None,
    allowed: np.ndarray | None = None,
    chunk_size: int = 512,
) -> list[tuple[int, int, float]]:
    """The ``k`` most similar rows of each row, as unique pairs ``(i, j, cosine)``
    with ``i < j``, sorted by cosine (descending), then ``i``, then ``j``.

    ``doc`` gives each row's document index and ``allowed[d, e]`` whether rows
    of documents ``d`` and ``e`` may pair at all (a row never pairs with
    itself). Memory is ``chunk_size × n``; cosines are rounded to 6 decimals
    and ties at the k-th place go to the lower index, so the result equals an
    exhaustive search.
    """
    import numpy as np

    n = int(vectors.shape[0])
    if n < 2 or k < 1:
        return []
    kk = min(k, n - 1)
    v64 = vectors.astype(np.float64)
    best: dict[tuple[int, int], float] = {}
    for start in range(0, n, chunk_size):
        stop = min(n, start + chunk_size)
        # rounded so that chunking (BLAS blocking) never changes an order
        sims = np.round(v64[start:stop] @ v64.T, 6)
        rows = np.arange(start, stop)
        sims[rows - start, rows] = -np.inf
        if doc is not None and allowed is not None:
            sims[~allowed[doc[start:stop]][:, doc]] = -np.inf
        part = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        for r in range(stop - start):
            row = sims[r]
            cand = part[r]
            thr = row[cand].min()
            if thr == -np.inf:
                cand = cand[row[cand] > -np.inf]
            else:
                above = np.flatnonzero(row > thr)
                tied = np.flatnonzero(row == thr)[: kk - len(above)]
                cand = np.concatenate([above, tied])
            i = start + r
            for j in cand.tolist():
                key = (i, j) if i < j else (j, i)
                best[key] = float(row[j])
    out = [(i, j, s) for (i, j), s in best.items()]
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out


# -------------------------------------------------------------- claim matching


@dataclass(frozen=True, slots=True)
class Match:
    """A confirmed pair of claims (indices into the claim list, ``i < j``).

    ``via`` says what paired them: ``"cosine"`` (the usual top-k search) or
    ``"place"`` (one actor and action put in clashing places: only a place
    comparison is meaningful for such a pair)."""

    i: int
    j: int
    similarity: float
    score: float
    via: str = "cosine"


_DOUBT = ("denied", "unconfirmed")
_STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about over after
    before than then that this these those there their them they he she it its his her we
    our you your i me my is are was were be been being has have had do does did not no
    will would could should may might can said says say also which who whom whose what
    when where while more most some such other only just very so up out all any both
    each few many much own same too s t""".split()
)


#: News paraphrases of one event word ("the troop deployment" / "sent
#: troops"; "killed" / "died"), so word overlap sees them as one.
_EVENT_WORDS = {
    w: cls
    for cls, forms in {
        "send": "send sends sent sending deploy deploys deployed deploying deployment "
                "dispatch dispatches dispatched dispatching",
        "die": "die dies died dying dead death deaths kill kills killed killing fatal fatally "
               "fatalities",
        "shoot": "shoot shoots shot shooting shootings gunfire gunshot",
        "injure": "injure injures injured injuring injury injuries wound wounds wounded "
                  "wounding hurt",
        "arrest": "arrest arrests arrested arresting detain detains detained custody",
    }.items()
    for w in forms.split()
}


@functools.lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """Lower-case content words of a text, crudely singular, event
    paraphrases folded together."""
    return frozenset(
        _EVENT_WORDS.get(w, singular(w))
        for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOPWORDS
    )


def idf_table(
    claims: Sequence[Claim], words: Callable[[Claim], Iterable[str]] | None = None
) -> dict[str, float]:
    """Inverse document frequency of a claim's words (content words unless
    ``words`` says otherwise) over a batch's claims."""
    import math

    words = words or (lambda c: content_words(c.text))
    df: dict[str, int] = {}
    for c in claims:
        for w in words(c):
            df[w] = df.get(w, 0) + 1
    n = len(claims)
    return {w: math.log((n + 1) / (k + 0.5)) for w, k in df.items()}


def rare_overlap(a: Claim, b: Claim, idf: dict[str, float] | None) -> float:
    """Share of the rarer claim's informative words (IDF-weighted) the other
    one also uses: high when two long sentences share their distinctive part."""
    wa, wb = content_words(a.text), content_words(b.text)
    if not wa or not wb:
        return 0.0
    table = idf or {}

    def weight(w: str) -> float:
        return table.get(w, 1.0)

    shared = sum(weight(w) for w in wa & wb)
    return shared / min(sum(weight(w) for w in wa), sum(weight(w) for w in wb))


@dataclass(frozen=True, slots=True)
class Overlap:
    """Slot evidence that two claims are about one fact."""

    score: float  # in [0, 1]
    strong: bool  # a specific slot is shared (predicate, counted thing, person)
    rare: float  # IDF-weighted word overlap
    contrast: bool = False  # one side denies or has not confirmed, the other asserts
    event: bool = False  # both use one event word (deployment / sent; killed / died)


def slot_overlap(a: Claim, b: Claim, idf: dict[str, float] | None = None) -> Overlap:
    """How much two claims' slots agree."""
    from rapidfuzz import fuzz

    ea, eb = set(a.entities), set(b.entities)
    ent = len(ea & eb) / len(ea | eb) if ea and eb else 0.0
    pred = 1.0 if predicate_shared(a, b) else 0.0
    heads_a = {head_class(thing_head(q.thing)) for q in a.quantities} - {None}
    heads_b = {head_class(thing_head(q.thing)) for q in b.quantities} - {None}
    # measures in one unit ("30 days" / "40 days") count the same kind of thing
    heads_a |= {f"unit:{q.unit}" for q in a.quantities
                if q.unit and not q.thing and not is_age(a, q)}
    heads_b |= {f"unit:{q.unit}" for q in b.quantities
                if q.unit and not q.thing and not is_age(b, q)}
    thing = 1.0 if heads_a & heads_b else 0.0
    place = (
        1.0 if any(places_compatible(p, q) for p in a.places for q in b.places) else 0.0
    )
    persons_a = {m.entity for m in a.mentions if m.type == "PERSON" and m.entity}
    persons_b = {m.entity for m in b.mentions if m.type == "PERSON" and m.entity}
    fuzzy = fuzz.token_set_ratio(a.text.lower(), b.text.lower()) / 100.0
    rare = rare_overlap(a, b, idf)
    score = (
        0.15 * ent + 0.15 * pred + 0.2 * thing + 0.1 * place + 0.1 * fuzzy + 0.3 * rare
    )
    strong = bool(pred or thing or (persons_a & persons_b))
    contrast = (a.certainty in _DOUBT) != (b.certainty in _DOUBT) and bool(ea & eb)
    classes = set(_EVENT_WORDS.values())
    event = bool(content_words(a.text) & content_words(b.text) & classes)
    return Overlap(score, strong, rare, contrast, event)


def match_score(similarity: float, slots: float) -> float:
    return 0.6 * similarity + 0.4 * slots


def confirmed(similarity: float, ov: Overlap, config: Config) -> bool:
    """Tiered: a close paraphrase; or a fair cosine backed by a shared
    specific slot or distinctive words; or a low cosine backed by both."""
    hi, mid = max(config.min_similarity + 0.25, 0.75), config.min_similarity
    if similarity >= hi:
        return True
    score = match_score(similarity, ov.score)
    if similarity >= mid and (ov.strong or ov.rare >= 0.35) and score >= config.match_threshold:
        return True
    if (similarity >= mid - 0.1 and ov.strong and ov.rare >= 0.3
            and score >= config.match_threshold - 0.05):
        return True
    # A denial or "not confirmed" names the fact in a few words; the assertion
    # may be a long sentence, so the cosine is lower for the same fact.
    if similarity >= mid - 0.15 and ov.contrast and ov.rare >= 0.3:
        return True
    # ... and a denial of "the deployment" names the event with another word
    # than the report that troops were "sent": one event word and one actor.
    return similarity >= mid - 0.2 and ov.contrast and ov.event and ov.rare >= 0.2


def match(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    config: Config,
    *,
    events: Events | None = None,
    aligned: Callable[[Claim, Claim, float], bool] | None = None,
) -> list[Match]:
    """Confirmed pairs of claims about one fact, sorted by score (descending),
    then by index. Only claims of different sources in one event pair up.
    ``aligned`` confirms a candidate the slot blend would miss: two long
    sentences that share one proposition among other detail."""
    import numpy as np

    if events is None:
        events = event_clusters(documents, claims, vectors, config)
    index = {d.id: i for i, d in enumerate(documents)}
    doc_of = np.asarray([index.get(c.doc, -1) for c in claims], dtype=np.int64)
    # wire copies are one source with their original: their claims are not compared
    skip = repeated(claims)
    keep = [
        ci for ci, d in enumerate(doc_of.tolist())
        if d >= 0 and events.source[d] == d and ci not in skip
    ]
    idf = idf_table([claims[ci] for ci in keep])
    by_cluster: dict[int, list[int]] = {}
    for ci in keep:
        by_cluster.setdefault(events.cluster[int(doc_of[ci])], []).append(ci)
    out: list[Match] = []
    for rows in by_cluster.values():
        if len(rows) < 2:
            continue
        idx = np.asarray(rows)
        pairs = nearest(
            vectors[idx], config.top_k, doc=doc_of[idx], allowed=events.allowed
        )
        pairs += _doubt_pairs(claims, vectors, idx, doc_of, events, 3 * config.top_k)
        seen: set[tuple[int, int]] = set()
        for li, lj, sim in sorted(set(pairs), key=lambda t: (-t[2], t[0], t[1])):
            i, j = int(idx[li]), int(idx[lj])
            if (i, j) in seen:
                continue
            seen.add((i, j))
            ov = slot_overlap(claims[i], claims[j], idf)
            if confirmed(sim, ov, config) or (
                aligned is not None and sim >= config.min_similarity
                and aligned(claims[i], claims[j], sim)
            ):
                out.append(Match(min(i, j), max(i, j), sim, match_score(sim, ov.score)))
        done = {(m.i, m.j) for m in out}
        for i, j in place_pairs(claims, rows, doc_of, events):
            if (i, j) in done:
                continue
            sim = round(float(vectors[i] @ vectors[j]), 6)
            ov = slot_overlap(claims[i], claims[j], idf)
            out.append(Match(i, j, sim, match_score(sim, ov.score), via="place"))
    out.sort(key=lambda m: (-m.score, m.i, m.j))
    return out


def repeated(claims: Sequence[Claim]) -> set[int]:
    """Claims that repeat within their article once digits are masked (photo
    gallery captions "Image 3 of 16 ...", repeated teasers): only the first
    occurrence is kept, and a text repeated three or more times is a template
    whose numbers are counters, not facts, so none of it is kept."""
    seen: dict[tuple[str, str], list[int]] = {}
    for ci, c in enumerate(claims):
        key = (c.doc, re.sub(r"\d[\d,.]*", "#", " ".join(c.text.lower().split())))
        seen.setdefault(key, []).append(ci)
    out: set[int] = set()
    for rows in seen.values():
        if len(rows) >= 3:
            out.update(rows)
        elif len(rows) == 2:
            out.add(rows[1])
    return out


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


def _doubt_pairs(
    claims: Sequence[Claim],
    vectors: np.ndarray,
    idx: np.ndarray,
    doc_of: np.ndarray,
    events: Events,
    k: int,
) -> list[tuple[int, int, float]]:
    """Wider candidates for denials and "not confirmed" claims: they name a
    fact briefly, so the assertions of it rank lower by cosine. Few claims
    doubt, so this stays near linear."""
    import numpy as np

    doubt = [r for r, ci in enumerate(idx.tolist()) if claims[ci].certainty in _DOUBT]
    out: list[tuple[int, int, float]] = []
    for r in doubt:
        sims = np.round(vectors[idx] @ vectors[idx[r]].astype(np.float64), 6)
        ok = events.allowed[doc_of[idx[r]]][doc_of[idx]]
        sims[~ok] = -np.inf
        sims[r] = -np.inf
        order = sorted(np.flatnonzero(sims > -np.inf).tolist(), key=lambda j: (-sims[j], j))
        out.extend((min(r, j), max(r, j), float(sims[j])) for j in order[:k])
    return out


def groups(n: int, pairs: Sequence[tuple[int, int]], claims: Sequence[Claim]) -> list[str | None]:
    """Fact group id per claim (None for claims in no pair): union-find over
    the pairs; the id is a hash of the members' doc ids and texts, so it does
    not depend on batch order. An article states a fact once: two groups
    that would hold two claims of one article are not joined (that chain
    runs through a loose match, not through one fact)."""
    uf = UnionFind(n)
    docs: dict[int, set[str]] = {}
    for i, j in pairs:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        di = docs.get(ri, {claims[i].doc})
        dj = docs.get(rj, {claims[j].doc})
        if di & dj:
            continue
        uf.union(i, j)
        docs[uf.find(i)] = di | dj
    members: dict[int, list[int]] = {}
    for i, j in pairs:
        for x in (i, j):
            members.setdefault(uf.find(x), []).append(x)
    out: list[str | None] = [None] * n
    for rows in members.values():
        uniq = sorted(set(rows))
        key = "\n".join(sorted(f"{claims[x].doc}\t{claims[x].text}" for x in uniq))
        gid = "g" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        for x in uniq:
            out[x] = gid
    return out
