"""What the lines of an article are: title, deck, byline, dateline, wire
credit, photo caption, promo, or body.

Every rule is a pattern of news pages in general (newsletter promos, "More
to Read" blocks, AP/Reuters credit lines, repeated captions), never a rule
for a particular article. Nothing is cut out of the text: non-body lines
become ``(start, end)`` boilerplate regions, and metadata found in the text
(outlet, date, byline, title) is returned for the caller to use where the
article's own metadata is missing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from checker.extract.places import lookup

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NAME = r"[A-Z][\w.'’\-]*"

# "SEOUL, Nov. 27 (Korea Bizwire) –", "SEOUL, South Korea --", "WASHINGTON (AP) —",
# "Nov 27 (Reuters) -", "NEW YORK, Nov. 27, 2024 /PRNewswire/ --"
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\- ]*[A-Z.](?:,\s*[A-Z][A-Za-z.'’\- ]*?)?)?"
    rf"(?:,?\s*(?P<date>(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?))?"
    r"\s*(?:\((?P<outlet>[A-Z][^()\n]{1,40})\)|/(?P<wire>[A-Z][^/\n]{1,40})/)?"
    r"\s*(?:--|[—–\-])\s+(?=\S)"
)
# "BEIRUT: The ...", "New Delhi: Police ...": a place and a colon, checked
# against the gazetteer (``colon_dateline``)
_COLON_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,2}):\s+(?=[A-Z\"“‘'])"
)
_BYLINE = re.compile(r"(?:By|BY)\s+(?P<rest>[A-Z].*)")
_NAME_WORD = re.compile(r"[A-Z][\w.'’\-]*|and|&|de|del|da|van|von|der|bin|al|el|la|le")
_SIGNATURE = re.compile(
    rf"(?P<name>(?:{_NAME}\s+){{0,4}}{_NAME})\s*\(?\s*[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\s*\)?"
)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_WRITES_FOR = re.compile(
    rf"{_NAME}(?:\s+{_NAME}){{0,4}}(?:(?:,\s*|\s+and\s+){_NAME}(?:\s+{_NAME}){{0,4}})*"
    r"\s+(?:writes|reports|wrote|reported|write|report)\s+for\s+(?P<org>[^.]{2,60}?)\.?"
)
_CONTRIBUTED = re.compile(
    r"(?P<org>(?:The\s+)?[A-Z][\w&.'’\-]*(?:\s+[A-Z][\w&.'’\-]*){0,4})\s+(?:staff\s+)?"
    r"(?:writers?|reporters?|correspondents?|journalists?|photographers?|videographers?)\b"
    r".{0,300}?\bcontributed\b(?:\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article))?\.?"
)
_INCLUDES_REPORTING = re.compile(
    r"(?:This\s+(?:article|story|report)\s+)?(?:contains|includes)\s+(?:reporting|material|"
    r"information)\s+from\s+(?P<org>[^.]{2,60}?)\.?",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*-\s*\d{4})?\s*,?\s*)?(?:by\s+)?"
    r"(?P<org>[^.,]{2,60}?)\.?,?(?:\s*all rights reserved\.?)?",
    re.IGNORECASE,
)
_STAFF_CREDIT = re.compile(
    r"\(?(?:Reporting|Writing|Editing|Additional reporting|Compiled|Edited)\s+by\b.{0,300}",
    re.IGNORECASE,
)
_PUBLISHED_LINE = re.compile(
    r"(?:(?P<pub>published|posted|first published)|updated)(?:\s+on)?\s*:?\s+(?P<date>.{4,60})",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"[_\-=*~•·#+|/\\.\s]{3,}")
_SECTION = re.compile(
    r"(?:more to read|read more|read next|related(?: articles| stories| coverage| content"
    r"| news| reading)?|top \d+ (?:stories|news|articles)|most (?:read|popular|viewed|shared)"
    r"(?: stories)?|recommended(?: for you| stories| reading)?|you (?:may|might) also like"
    r"|trending(?: now| stories)?|latest(?: news| stories)?|editor'?s picks|more stories"
    r"|more from .{1,40}|more on this story|also read|see also|popular now)\s*:?",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"^(?:sign up\b|subscribe\b|advertisement$|share(?: this)?(?: article| story)?$|print$"
    r"|email$|comments?$|follow (?:us|@)|click here\b|listen to this article|\d+ min read$"
    r"|all rights reserved|(?:download|get) (?:the|our) app)"
    r"|\b(?:our|free|daily|weekly|morning|evening|e-?mail) newsletters?\b"
    r"|\bnewsletters?\b.*\b(?:sign up|subscribe)\b|\b(?:sign up|subscribe)\b.*\bnewsletters?\b"
    r"|\byour inbox\b|\bpromotional (?:content|offers|emails)\b"
    r"|\bprivacy policy\b|\bterms of (?:service|use)\b|\bcookie (?:policy|settings)\b",
    re.IGNORECASE,
)
_CREDIT_WORDS = re.compile(
    r"courtesy\b|\bphoto|\bimage|\bfile\b|yonhap|reuters|\bafp\b|\bap\b|getty|\bepa\b|xinhua"
    r"|newsis|news1|kyodo|\btass\b|shutterstock|\bpool\b|handout|\bkcna\b|\bnews agency\b",
    re.IGNORECASE,
)
# A short trailing credit after the caption's last sentence: "... 2023. Courtesy of X".
_CAPTION_TAIL = re.compile(r"(?<=[.!?”\"'’)])\s+(?P<credit>[(\[]?[A-Z][^.!?\n]{0,60}?)$")
_PAREN_CREDIT = re.compile(r"\s*(?P<credit>\((?:[^()]*\bphoto\b[^()]*|[^()]*/[^()]*)\))$", re.I)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*")
_MD_HEADING = re.compile(r"#{1,6}\s+(?P<title>.+?)\s*#*")
# Photo-gallery counters at the start of a caption: "Image 13 of 16", "Photo 2/9",
# and bare "3 of 16" (a counter only when other lines count up to the same total).
_GALLERY = re.compile(
    r"(?P<label>(?:image|photo|picture|slide|gallery|foto)s?\s*)?"
    r"(?P<n>\d{1,3})\s*(?P<sep>of|/)\s*(?P<m>\d{1,3})(?![\w/.,])\s*[:|\-–—]?\s*",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str
    words: int  # word count
    norm: str  # lower-case words joined by spaces, for comparing lines


@dataclass(frozen=True, slots=True)
class Layout:
    """What the text says about itself."""

    boilerplate: tuple[tuple[int, int], ...] = ()
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    place: str | None = None


def lines(text: str, start: int = 0) -> list[Line]:
    """Non-blank lines from ``start``, stripped, with exact offsets."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        s, e = m.start() + start, m.end() + start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            words = _WORD.findall(text[s:e].lower())
            out.append(Line(s, e, text[s:e], len(words), " ".join(words)))
    return out


def gallery_counters(ls: list[Line]) -> dict[int, int]:
    """Line index → length of its gallery counter prefix. A labelled counter
    (``Image 13 of 16``) counts on its own; a bare ``N of M`` only when at
    least two lines of the text count to the same total with different N,
    so ``3 of 16 victims were children`` in prose is no counter."""
    found: dict[int, tuple[int, int, int, bool]] = {}
    for i, line in enumerate(ls):
        m = _GALLERY.match(line.text)
        if m is None:
            continue
        n, total = int(m["n"]), int(m["m"])
        if not 1 <= n <= total:
            continue
        labelled = m["label"] is not None
        if not labelled and m["sep"] == "/":
            continue  # "3/4 of the town" is a fraction
        found[i] = (m.end(), n, total, labelled)
    bare: dict[int, set[int]] = {}
    for _, n, total, labelled in found.values():
        if not labelled:
            bare.setdefault(total, set()).add(n)
    return {
        i: end
        for i, (end, _, total, labelled) in found.items()
        if labelled or len(bare.get(total, ())) >= 2
    }


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def _org(name: str) -> str | None:
    name = " ".join(name.split()).strip(" .,;:")
    name = re.sub(r"^(?:the)\s+", "", name, flags=re.IGNORECASE)
    return name if 2 <= len(name) <= 60 else None


def _terminal(s: str) -> bool:
    return bool(_TERMINAL.search(s))


def _sentence_like(line: Line) -> bool:
    return _terminal(line.text) and line.words >= 6


def _headline_like(line: Line, *, max_words: int = 30) -> bool:
    return (
        2 <= line.words <= max_words
        and len(line.text) <= 300
        and not re.search(r"[.,;:]$", line.text)
    )


def dateline(
    text: str, *, year_hint: int | None = None
) -> tuple[str | None, str | None, dt.date | None] | None:
    """(place, outlet, date) of a dateline at the start of ``text``, or None.
    A date without a year takes ``year_hint`` or stays unresolved."""
    m = _DATELINE.match(text)
    if m is None:
        return None
    place = m["place"].strip() if m["place"] else None
    outlet = _org(m["outlet"] or m["wire"] or "")
    if place is None and outlet is None:
        return None
    if place is not None and len(re.sub(r"[^A-Z]", "", place.split(",")[0])) < 2:
        return None
    date = None
    if m["date"]:
        year = int(m["year"]) if m["year"] else year_hint
        if year is not None:
            try:
                date = dt.date(year, _MONTHS[m["month"][:3].lower()], int(m["day"]))
            except ValueError:
                date = None
    return place, outlet, date


def colon_dateline(text: str, whole: str) -> tuple[str, int] | None:
    """(place, length) of a dateline written with a colon at the start of
    ``text`` ("BEIRUT: The ...", "New Delhi: Police ..."): a place the
    gazetteer knows, not a word ``whole`` (the article) also writes in
    lower case, which makes it a common noun ("Police: ..."), and not a
    label ("Update:", "Warning:"), which the gazetteer does not know."""
    m = _COLON_DATELINE.match(text)
    if m is None:
        return None
    place = m["place"]
    if lookup(place) is None or re.search(rf"\b{re.escape(place.lower())}\b", whole):
        return None
    return place, m.end()


def _credit_tail(line: Line, repeated: bool) -> tuple[int, int] | None:
    """The trailing photo credit of a caption line, as a region."""
    m = _PAREN_CREDIT.search(line.text)
    if m and len(m["credit"].split()) <= 8:
        return line.start + m.start("credit"), line.end
    m = _CAPTION_TAIL.search(line.text)
    if m is None:
        return None
    credit = m["credit"]
    if len(credit.split()) > 6 or m.start("credit") == 0:
        return None
    if repeated or _CREDIT_WORDS.search(credit):
        return line.start + m.start("credit"), line.end
    return None


def _whole_line_credit(line: Line) -> bool:
    t = line.text
    if line.words > 8 or (_terminal(t) and not t.endswith(")")):
        return False
    return bool(
        re.match(r"\(?(?:courtesy of|photo(?:graph)?s?\s*(?:by|:)|image(?:s)?\s*(?:by|:))", t, re.I)
        or re.search(r"\b(?:AP|Reuters|AFP|EPA|Yonhap|Getty Images)\s*Photo\b", t)
        or re.fullmatch(r"\(?[A-Z][\w .]*/[A-Z][\w .\-]*\)?", t)
    )


def analyse(
    text: str,
    *,
    start: int = 0,
    title: str | None = None,
    markdown: bool = False,
    year_hint: int | None = None,
) -> Layout:
    """Classify the lines of ``text`` from ``start`` (after front matter)."""
    ls = lines(text, start)
    regions: list[tuple[int, int]] = []
    found_title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    place: str | None = None
    outlets: dict[int, str] = {}  # priority → outlet (lower wins)

    # Dateline: in the first body-like lines (after a title and a deck). One
    # written with a colon is cut from its paragraph: the parser reads
    # "BEIRUT: P, officials said" as a name the clause hangs on.
    for line in ls[:6]:
        d = dateline(line.text, year_hint=year_hint)
        if d is not None:
            place, outlet, published = d
            if outlet:
                outlets[0] = outlet
            break
        if (colon := colon_dateline(line.text, text)) is not None:
            place = colon[0]
            regions.append((line.start, line.start + colon[1]))
            break

    if len(ls) <= 1:  # one paragraph (e.g. a sentence to compare): all body
        return Layout(tuple(regions), None, None, outlets.get(0), published, place)

    # Repeats are compared without gallery counters; a caption that carries a
    # counter is compared with its digits masked too ("Image 13 of 16 ..." and
    # "Image 14 of 16 ..." with the same words), plain paragraphs exactly, so
    # two body paragraphs that differ in a figure are both kept.
    counters = gallery_counters(ls)
    keys = [_norm(x.text[counters[i] :]) if i in counters else x.norm for i, x in enumerate(ls)]
    masked = [_DIGITS.sub("#", k) for k in keys]
    counted = {masked[i] for i in counters}
    counts = Counter(keys)
    counts_masked = Counter(m for m in masked if m in counted)
    seen: set[str] = set()
    seen_masked: set[str] = set()
    kind: list[str] = []  # per line: body | title | deck | caption | boiler
    for i, line in enumerate(ls):
        t = line.text
        n = keys[i]
        words = len(n.split())
        repeated = words >= 3 and (counts[n] > 1 or counts_masked[masked[i]] > 1)
        k = "body"
        if i in counters:
            regions.append((line.start, line.start + counters[i]))
            if not n:
                k = "boiler"  # a counter line on its own
        if k == "boiler":
            pass
        elif markdown and (h := _MD_HEADING.fullmatch(t)):
            k = "title" if i == 0 else "boiler"
            if i == 0:
                found_title = h["title"]
        elif repeated and (n in seen or masked[i] in seen_masked):
            k = "boiler"  # a repeated caption or paragraph: keep the first copy only
        elif _SEPARATOR.fullmatch(t) or _EMAIL.fullmatch(t):
            k = "boiler"
        elif (m := _BYLINE.fullmatch(t)) and _is_name_list(m["rest"]):
            k = "boiler"
            byline = byline or _byline_name(m["rest"])
        elif (m := _SIGNATURE.fullmatch(t)) and line.words <= 10:
            k = "boiler"
            byline = byline or m["name"]
        elif m := _WRITES_FOR.fullmatch(t):
            k = "boiler"
            _offer(outlets, 1, m["org"])
        elif (m := _CONTRIBUTED.fullmatch(t)) or (m := _INCLUDES_REPORTING.fullmatch(t)):
            k = "boiler"
            _offer(outlets, 1, m["org"])
        elif line.words <= 16 and (m := _COPYRIGHT.fullmatch(t)):
            k = "boiler"
            _offer(outlets, 2, m["org"])
        elif _STAFF_CREDIT.fullmatch(t) and line.words <= 60 and "by" in t[:40].lower():
            k = "boiler"
        elif line.words <= 12 and (m := _PUBLISHED_LINE.fullmatch(t)):
            k = "boiler"
            if m["pub"] and published is None:
                from checker.ingest.fields import parse_date

                published = parse_date(m["date"])
        elif line.words <= 40 and _PROMO.search(t):
            k = "boiler"
        elif _SECTION.fullmatch(t) and line.words <= 8:
            k = "section"
        elif _whole_line_credit(line):
            k = "boiler"
        elif line.words <= 3 and not _terminal(t) and not (i == 0 and line.words >= 2):
            k = "boiler"  # a label ("LETTER", "World", "Advertisement"), never a claim
        else:
            tail = _credit_tail(line, repeated)
            if tail is not None:
                regions.append(tail)
                k = "caption"
            elif repeated:
                k = "caption"
        seen.add(n)
        if masked[i] in counted:
            seen_masked.add(masked[i])
        kind.append(k)

    # Title: the first line when it looks like a headline (or equals the known title).
    if kind and kind[0] == "body":
        first = ls[0]
        if title is not None and first.norm == _norm(title):
            kind[0] = "title"
        elif _headline_like(first) and not _terminal(first.text) and dateline(first.text) is None:
            kind[0] = "title"
            found_title = first.text
    # Deck: headline-like lines between the title and the first body paragraph.
    if kind and kind[0] == "title":
        for i in range(1, min(len(ls), 8)):
            if kind[i] == "body" and _sentence_like(ls[i]):
                break
            if kind[i] == "body" and _headline_like(ls[i], max_words=40) and ls[i].words >= 4:
                kind[i] = "boiler"
    # After a section marker ("More to Read", "Top 10 Stories"), headline lists
    # and promos are not article text. In the last third of the text a list
    # may hold teaser sentences too; earlier, the article resumes at the first
    # sentence (a "More from ..." box in the middle of the story).
    footer = ls[0].start + 2 * (ls[-1].end - ls[0].start) // 3
    in_section = False
    for i, k in enumerate(kind):
        if k == "section":
            in_section = True
            kind[i] = "boiler"
        elif in_section and k == "body":
            long_sentence = _terminal(ls[i].text) and ls[i].words > 30
            if long_sentence or (ls[i].start < footer and _sentence_like(ls[i])):
                in_section = False
            else:
                kind[i] = "boiler"

    regions.extend(
        (x.start, x.end) for x, k in zip(ls, kind, strict=True) if k in ("title", "boiler")
    )
    return Layout(
        boilerplate=merge(regions),
        title=found_title,
        byline=byline,
        outlet=outlets[min(outlets)] if outlets else None,
        published=published,
        place=place,
    )


def _offer(outlets: dict[int, str], priority: int, name: str) -> None:
    org = _org(name)
    if org is not None and priority not in outlets:
        outlets[priority] = org


def _is_name_list(rest: str) -> bool:
    head = re.split(r"\s*[,|/–—]\s*|\s+-\s+", rest)[0]
    words = head.split()
    return (
        1 <= len(words) <= 8
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not (rest.endswith(".") and not re.search(r"\b[A-Z]\.$", rest))
    )


def _byline_name(rest: str) -> str:
    return re.split(r"\s*[,|/–—]\s*|\s+-\s+", rest)[0].strip()


def merge(regions: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted regions with overlaps joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(regions):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)
