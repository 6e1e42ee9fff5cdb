"""Words two claims share: content words (crudely singular, event
paraphrases folded together), their rarity in a batch (IDF), and crude verb
stems that tell whether two claims report one action."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from checker.match.things import WORD, singular
from checker.model import Claim

#: Words too common to say two claims are about one thing.
STOPWORDS = frozenset(
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
        # taking someone into custody, whichever verb: arrest, detain, capture
        "arrest": "arrest arrests arrested arresting detain detains detained detaining "
                  "custody capture captures captured capturing apprehend apprehends "
                  "apprehended apprehending",
    }.items()
    for w in forms.split()
}

#: The classes event words fold into ("die", "send", ...).
EVENT_CLASSES = frozenset(_EVENT_WORDS.values())


def event_class(word: str) -> str:
    """The event class of a word ("deployed" -> "send"), or the word."""
    return _EVENT_WORDS.get(word, word)


#: A clitic is no part of the word it leans on ("Trump's" is "Trump",
#: "they're" is "they"); a negated auxiliary ("didn't", "won't") is a
#: function word whole.
_CLITIC = re.compile(r"'(?:s|re|ve|ll|d|m)$")


def _plain(word: str) -> str:
    if word.endswith("n't"):
        return ""
    return _CLITIC.sub("", word)


@functools.lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """Lower-case content words of a text, crudely singular, event
    paraphrases folded together."""
    words = (_plain(w) for w in WORD.findall(text.lower().replace("\u2019", "'")))
    return frozenset(
        _EVENT_WORDS.get(w, singular(w)) for w in words if len(w) > 2 and w not in STOPWORDS
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



_STEM_SUFFIXES = ("ing", "ied", "ies", "ed", "es", "s", "e")
_Y_TO_I = frozenset({"ied", "ies"})
#: Verbs too common or too light to say two claims report one action.
LIGHT_VERBS = frozenset(
    "be have do say make get take go give come see know tell report state add include "
    "use call show find seem become".split()
)


#: Irregular forms kept by hand, measured with the comparators.
HAND_IRREGULAR = dict(
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


def _read_irregular() -> dict[str, str]:
    """The irregular verb forms of the spaCy model's lemmatizer that the
    suffix rules cannot stem (``bench/irregular_verbs.py`` writes them),
    under the hand-kept ones."""
    path = Path(__file__).with_name("irregular_verbs.tsv")
    found = dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line)
    return found | HAND_IRREGULAR


_IRREGULAR = _read_irregular()


def stem(word: str) -> str:
    """A crude stem for matching a verb's lemma with its inflected forms."""
    w = word.lower()
    return regular_stem(_IRREGULAR.get(w, w))


def regular_stem(w: str) -> str:
    """The stem of a lower-case word by its suffix alone."""
    for suffix in _STEM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            # a final y becomes i before -ed and -es: "denied" is "deny"
            w = w[: -len(suffix)] + ("y" if suffix in _Y_TO_I else "")
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
    return frozenset(stem(w) for w in WORD.findall(text))
