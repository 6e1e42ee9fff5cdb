"""Entity mentions in a sentence, and their canonicalisation across a batch.

Mentions come from spaCy's named entities (people, organisations,
countries, nationalities, places), trimmed of ``the`` and possessive ``'s``.
Capitals acting as subjects or objects (``Pyongyang denied``) are GPE
mentions that canonicalise to their country; capitals that locate
(``in Seoul``) are LOC mentions of the city. A short form (``the North``,
``the Republic``) is a country only in a document that names exactly one
country it can be short for (``North Korea``); a short organisation name
(``the Committee``, ``the Times``) is the one longer name of the same
document that ends with it.

Canonicalisation (batch level):

* countries, capitals-as-actors and demonyms → ``gpe:<country>``;
* people: full names are blocked by (family name, given-name initial),
  taking either end of the name as the family name, then merged when their
  romanisation-folded spellings are close (rapidfuzz); a lone surname or a
  title-less short form links to the one full name in the same document
  that shares it, and stays its own entity when that is ambiguous;
* organisations: exact match after folding case, articles and punctuation;
  a name that ends the one longer organisation name of its document is that
  organisation (the head word names it; a prefix, like ``House`` of ``House
  Intelligence Committee``, is usually its parent and stays apart).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.extract.places import (
    capital_country,
    country_name,
    country_of,
    country_short_forms,
    fold,
    is_actor,
    us_state_after,
)
from checker.extract.spans import doc_text
from checker.model import Claim, Document, Entity, Mention
from checker.unionfind import UnionFind

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_TITLES = frozenset(
    "president president-elect vice prime minister secretary secretary-general general gen. "
    "defense defence foreign deputy national security adviser advisor dr. dr mr. mr mrs. mrs "
    "ms. ms sen. rep. gov. leader chairman chief ambassador spokesman spokeswoman lt. col. "
    "sgt. capt. officer det. detective sheriff mayor judge king queen prince princess".split()
)
_LONE_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)?")
#: Words that are a place only as the short form of a name ("the North").
_DIRECTIONS = frozenset({"north", "south", "east", "west"})
# Romanisation variants folded together (Korean eo/u, doubled letters, ...).
_ROMAN = ((re.compile(r"eo"), "u"), (re.compile(r"oo"), "u"), (re.compile(r"ee"), "i"),
          (re.compile(r"(.)\1+"), r"\1"), (re.compile(r"y$"), "i"),
          (re.compile(r"(.)\1+"), r"\1"))  # fmt: skip
FUZZ_THRESHOLD = 88.0
# words after which an ORG "name" is really part of a title ("Defense Minister")
_TITLE_HEADS = frozenset(
    "minister adviser advisor secretary ambassador spokesman spokeswoman spokesperson "
    "chief director official officials envoy".split()
)


def find_mentions(
    span: SpacySpan,
    offset: int,
    short_forms: Mapping[str, str],
    person_words: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Entity mentions in one sentence; offsets are ``idx + offset``.

    ``short_forms``: words the document may use for a country it names in
    full (``north`` → ``KP``), from :func:`short_forms`.

    ``person_words``: names of people the document names in full, so a lone
    ``Umerov`` that spaCy missed is still a mention.
    """
    out: list[Mention] = []
    text = doc_text(span.doc)
    in_ents = {t.i for ent in span.ents for t in ent}
    for tok in span:
        if tok.i not in in_ents and tok.pos_ == "PROPN" and tok.text in person_words:
            out.append(
                Mention(tok.idx + offset, tok.idx + len(tok.text) + offset, tok.text, "PERSON")
            )
    for ent in span.ents:
        label = ent.label_
        if label not in _TYPES:
            continue
        start, end = ent.start_char, ent.end_char
        doc = span.doc
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if label == "ORG" and nxt is not None and nxt.lower_ in _TITLE_HEADS:
            continue
        if label == "PERSON":
            # "Yoon Suk-yeol": spaCy may stop the name at the hyphen
            k = ent.end
            while (
                k + 1 < len(doc)
                and doc[k].text == "-"
                and not doc[k].whitespace_
                and doc[k - 1].whitespace_ == ""
                and doc[k + 1].is_alpha
            ):
                end = doc[k + 1].idx + len(doc[k + 1].text)
                k += 2
        if text[start:end].lower().startswith("the "):
            start += 4
        for suf in ("'s", "’s"):
            if text[start:end].endswith(suf):
                end -= len(suf)
        while end > start and not text[end - 1].isalnum() and text[end - 1] != ".":
            end -= 1
        if end <= start or not text[start].isupper():
            continue  # "n't", lower-case noise
        name = text[start:end]
        if label in ("GPE", "LOC") and _state_of_a_city(span, start, end):
            continue  # "Ga." of "Athens, Ga.": part of the city's address, not Georgia
        if label in ("GPE", "LOC") and name.lower() in short_forms:
            label = "GPE"
        elif label in ("GPE", "LOC") and name.lower() in _DIRECTIONS:
            continue  # "the North" of a document that names no such country
        elif label in ("GPE", "LOC", "FAC") and capital_country(name) is not None:
            label = "GPE" if is_actor(ent.root) else "LOC"
        out.append(Mention(start + offset, end + offset, name, label))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _state_of_a_city(span: SpacySpan, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is the US state right after a place name."""
    text = doc_text(span.doc)
    before = text[:start].rstrip()
    if not before.endswith(","):
        return False
    comma = len(before) - 1
    state = us_state_after(text, comma)
    if state is None or state[0] != start or state[1] < end - 1:
        return False
    return any(
        e.end_char == comma and e.label_ in ("GPE", "LOC", "FAC") for e in span.doc.ents
    )


def short_forms(doc: Document) -> dict[str, str]:
    """Short forms the document may use, lower case → alpha-2: each word of
    a country's name that the document writes in full (``North Korea``),
    when no other country it names shares the word and the word is no
    country itself."""
    return country_short_forms(doc.text)


# ------------------------------------------------------------------ keys


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def name_tokens(name: str) -> list[str]:
    """A person's name without titles, as folded tokens (hyphens joined)."""
    words = [w for w in re.split(r"\s+", fold(name).replace("'s", "")) if w]
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return [re.sub(r"[^a-z]", "", w) for w in words if re.sub(r"[^a-z]", "", w)]


def roman_key(token: str) -> str:
    """Fold romanisation variants: ``hyeon`` → ``hyun``, ``zelenskyy`` → ``zelenski``."""
    t = token
    for pat, rep in _ROMAN:
        t = pat.sub(rep, t)
    return t


def person_key(name: str) -> str:
    """The comparable form of a full name: folded tokens joined."""
    return roman_key("".join(roman_key(t) for t in name_tokens(name)))


def _blocks(tokens: Sequence[str]) -> set[tuple[str, str]]:
    """(family name, first letter of the given name), either way round."""
    if len(tokens) < 2:
        return set()
    first, last = roman_key(tokens[0]), roman_key(tokens[-1])
    return {("f", first + ":" + tokens[1][0]), ("l", last + ":" + tokens[0][0])}


# ------------------------------------------------------------------ canonicalise


def _person_groups(names: list[str]) -> list[int]:
    """Group index per full name (≥ 2 tokens), merging spelling variants."""
    from rapidfuzz import fuzz

    uf = UnionFind(len(names))
    keys = [person_key(n) for n in names]
    by_block: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        for b in _blocks(name_tokens(n)):
            by_block[b].append(i)
    for members in by_block.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, c = members[x], members[y]
                if keys[a] == keys[c] or fuzz.ratio(keys[a], keys[c]) >= FUZZ_THRESHOLD:
                    uf.union(a, c)
    return [uf.find(i) for i in range(len(names))]


def canonicalise(
    claims: Sequence[Claim], documents: Sequence[Document]
) -> tuple[tuple[Claim, ...], tuple[Entity, ...]]:
    """Fill ``Mention.entity`` across the batch; entities sorted by id."""
    short = {d.id: short_forms(d) for d in documents}
    mentions = [(c.doc, m) for c in claims for m in c.mentions]
    ids, names = _assign(mentions, short)
    variants: dict[str, Counter[str]] = defaultdict(Counter)
    docs: dict[str, set[str]] = defaultdict(set)
    for (doc, m), eid in zip(mentions, ids, strict=True):
        variants[eid][m.text] += 1
        docs[eid].add(doc)
    it = iter(ids)
    new_claims = tuple(
        replace(c, mentions=tuple(replace(m, entity=next(it)) for m in c.mentions)) for c in claims
    )
    entities = tuple(
        Entity(
            id=eid,
            canonical=names.get(eid) or _canonical(variants[eid]),
            type=eid.split(":", 1)[0].upper(),
            variants=tuple(sorted(variants[eid])),
            docs=tuple(sorted(docs[eid])),
        )
        for eid in sorted(variants)
    )
    return new_claims, entities


def _canonical(counts: Counter[str]) -> str:
    """Most frequent variant, ties to the longest, then alphabetical."""
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def _assign(
    mentions: list[tuple[str, Mention]], short: Mapping[str, Mapping[str, str]]
) -> tuple[list[str], dict[str, str]]:
    """Entity id per mention, and canonical names fixed by the gazetteer."""
    out: list[str | None] = [None] * len(mentions)
    names: dict[str, str] = {}
    # name tokens of the people named in full, per document: a lone "Yoon"
    # that spaCy tagged GPE or ORG is still that person
    person_words: dict[str, set[str]] = defaultdict(set)
    for doc, m in mentions:
        toks = name_tokens(m.text)
        if m.type == "PERSON" and len(toks) >= 2:
            person_words[doc].update(roman_key(t) for t in toks)
    person_idx: list[int] = []
    for i, (doc, m) in enumerate(mentions):
        text = m.text
        code = country_of(text) if m.type in ("GPE", "NORP", "LOC", "PERSON", "ORG") else None
        short_of = short.get(doc, {}).get(re.sub(r"^the ", "", text.lower()))
        if m.type in ("GPE", "NORP", "LOC") and code is None and short_of is not None:
            out[i] = _country_id(short_of, names)
            continue
        if code is None and m.type in ("GPE", "PERSON"):
            code = capital_country(text)
        toks = name_tokens(text)
        lone_person = (
            _LONE_NAME.fullmatch(text) is not None
            and len(toks) == 1
            and roman_key(toks[0]) in person_words[doc]
        )
        if m.type == "PERSON" or (lone_person and code is None):
            if code is not None and not lone_person and len(toks) == 1:
                out[i] = _country_id(code, names)  # spaCy's "Kyiv" PERSON
                continue
            person_idx.append(i)
            continue
        if code is not None and m.type != "ORG":
            out[i] = _country_id(code, names)
            continue
        key = re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()
        key = re.sub(r"^the ", "", key)
        out[i] = f"{m.type.lower()}:{slug(key)}"
    _assign_people(mentions, person_idx, out, names)
    _org_short_forms(mentions, out)
    return [x or "" for x in out], names


def _org_short_forms(mentions: list[tuple[str, Mention]], out: list[str | None]) -> None:
    """An organisation name that ends exactly one longer organisation name of
    its document (``Judiciary Committee`` of ``Senate Judiciary Committee``)
    takes that organisation's id."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for (doc, m), eid in zip(mentions, out, strict=True):
        if m.type == "ORG" and eid and eid.startswith("org:"):
            by_doc[doc].add(eid)
    for i, ((doc, m), eid) in enumerate(zip(mentions, out, strict=True)):
        if m.type != "ORG" or not eid or not eid.startswith("org:"):
            continue
        tail = eid[len("org:") :]
        longer = {e for e in by_doc[doc] if e != eid and e.endswith("-" + tail)}
        if len(longer) == 1:
            out[i] = longer.pop()


def _country_id(code: str, names: dict[str, str]) -> str:
    name = country_name(code)
    eid = "gpe:" + slug(name)
    names[eid] = name
    return eid


def _assign_people(
    mentions: list[tuple[str, Mention]],
    idx: Iterable[int],
    out: list[str | None],
    names: dict[str, str],
) -> None:
    idx = list(idx)
    full = [i for i in idx if len(name_tokens(mentions[i][1].text)) >= 2]
    short = [i for i in idx if len(name_tokens(mentions[i][1].text)) < 2]
    groups = _person_groups([mentions[i][1].text for i in full])
    members: dict[int, list[int]] = defaultdict(list)
    for i, g in zip(full, groups, strict=True):
        members[g].append(i)
    gid: dict[int, str] = {}
    used: set[str] = set()
    for g in sorted(members, key=lambda g: min(members[g])):
        texts = Counter(mentions[i][1].text for i in members[g])
        best = max(texts, key=lambda t: (texts[t], len(name_tokens(t)), len(t), t))
        eid = "person:" + "-".join(name_tokens(best))
        k = 2
        base = eid
        while eid in used:
            eid = f"{base}-{k}"
            k += 1
        used.add(eid)
        gid[g] = eid
        names[eid] = best
        for i in members[g]:
            out[i] = eid
    # surnames and short forms: the one group in the same document, else in the batch.
    # Full names are indexed by the key of their first and last token, once, so
    # this stays linear in mentions (a scan per short form was quadratic).
    by_key: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for j, g in zip(full, groups, strict=True):
        nt = name_tokens(mentions[j][1].text)
        for key in {roman_key(nt[0]), roman_key(nt[-1])}:
            by_key[key].add((mentions[j][0], g))
    for i in short:
        doc, m = mentions[i]
        toks = name_tokens(m.text)
        if not toks:
            out[i] = "person:" + slug(m.text)
            continue
        found = by_key.get(roman_key(toks[0]), set())
        in_doc = {g for d, g in found if d == doc}
        if len(in_doc) == 1:
            out[i] = gid[in_doc.pop()]
            continue
        if not in_doc:
            anywhere = {g for _d, g in found}
            if len(anywhere) == 1:
                out[i] = gid[anywhere.pop()]
                continue
        out[i] = "person:" + slug(toks[0])
