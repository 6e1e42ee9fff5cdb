"""Claims: check-worthy statements of a parsed document with their slots.

A sentence is a claim unless it is a question, a byline, a caption, a promo
or too short to state anything. A sentence may give several claims, kept
conservative: parts separated by a semicolon, coordinated independent
clauses with their own subjects (``X did A, and Y did B``), and embedded
clauses that carry their own certainty cue (``in response to North Korea
allegedly dispatching troops``; ``as both denied the movements``).
Every slot found inside a claim's span belongs to that claim.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from checker.extract.certainty import (
    HEADLINE_DENIAL,
    PRONOUNS,
    SourceKind,
    analyse,
    clause_cue,
    headline_denial,
    negated_with_head,
    nonexistent,
    source_kind,
)
from checker.extract.entities import find_mentions, short_forms
from checker.extract.places import find_places
from checker.extract.quantities import find_quantities
from checker.extract.spans import doc_text
from checker.extract.times import find_times
from checker.model import Claim, Mention, Place, Quantity, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from checker.segment import ParsedDocument, ParsedSentence

_MIN_WORDS = 4


@functools.cache
def _not_claim() -> re.Pattern[str]:
    return re.compile(
        r"^\s*(?:by|reporting by|written by|edited by|photo:|image:|file photo)\s"
        r"|\bwrites? for\b|contributed to this report|\bsign up\b|newsletter|\binbox\b"
        r"|promotional content|^\s*top \d+ stories|^\s*more to read|\bcourtesy of\b"
        r"|\b[\w.+-]+@[\w-]+\.[\w.]+|\bcopyright\b|all rights reserved|^\s*(?:read more|related)\b"
        r"|,\s(?:left|right|center|centre|second from (?:left|right)),\s",
        re.IGNORECASE,
    )


def is_check_worthy(span: SpacySpan) -> bool:
    """Whether a sentence states something checkable."""
    text = span.text.strip()
    if not text or text.endswith("?") or text.rstrip("”\"’'").endswith("?"):
        return False
    if _not_claim().search(text):
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) < _MIN_WORDS:
        return False
    # a title-case headline may hide its verb from the parser ("PA Deny Report")
    return any(t.pos_ in ("VERB", "AUX") for t in span) or headline_denial(list(span))


def _clauses(span: SpacySpan) -> list[tuple[int, int, Token]]:
    """(first token, last token, root) of each independent clause."""
    parts: list[tuple[int, int]] = []
    start = span.start
    for tok in span:
        if tok.text == ";":
            if tok.i > start:
                parts.append((start, tok.i - 1))
            start = tok.i + 1
    if start < span.end:
        parts.append((start, span.end - 1))
    doc = span.doc
    out: list[tuple[int, int, Token]] = []
    for s, e in parts:
        roots = [t for t in doc[s : e + 1] if t.head.i < s or t.head.i > e or t.head.i == t.i]
        verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
        if not verbs:
            if out:
                ps, _, proot = out[-1]
                out[-1] = (ps, e, proot)
            elif roots:
                out.append((s, e, roots[0]))
            continue
        root = verbs[0]
        # "X did A, and Y did B": split before the conjunction
        cuts: list[tuple[int, Token]] = []
        for c in root.children:
            if (
                c.dep_ == "conj"
                and c.pos_ in ("VERB", "AUX")
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                and any(g.dep_ == "cc" for g in root.children if root.i < g.i < c.i)
            ):
                left = min(t.i for t in c.subtree)
                cc = [g for g in root.children if g.dep_ == "cc" and root.i < g.i < c.i]
                cuts.append((min(left, cc[-1].i), c))
        cuts.extend(_relative_cuts(doc, s, e))
        cuts.sort(key=lambda c: c[0])
        prev_start, prev_root = s, root
        for cut, croot in cuts:
            if cut - 1 >= prev_start:
                out.append((prev_start, cut - 1, prev_root))
            prev_start, prev_root = cut, croot
        out.append((prev_start, e, prev_root))
    return out


# "..., some of whom began ...", "..., most of which were ...", "..., who said ..."
_QUANT_OF = frozenset(
    "some many most all none several few both each either neither half one two three four "
    "five six seven eight nine ten dozens hundreds thousands majority rest number part".split()
)
_REL_PRONOUNS = frozenset({"who", "which", "whom", "whose", "where"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(v: Token) -> bool:
    return v.tag_ in _FINITE or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in v.children
    )


def _relative_cuts(doc: Doc, s: int, e: int) -> list[tuple[int, Token]]:
    """Non-restrictive relative clauses that close the clause ``s..e`` and
    carry an event of their own: ``..., some of whom recently began ...``,
    ``..., who later said ...``. The cut falls after the comma; the clause's
    own verb becomes the second claim's root. A relative clause inside the
    sentence (``Kim, who ..., said``) is left alone."""
    last = e
    while last > s and doc[last].is_punct:
        last -= 1
    out: list[tuple[int, Token]] = []
    for i in range(s + 1, last):
        if doc[i - 1].text != ",":
            continue
        if doc[i].lower_ not in _REL_PRONOUNS:
            j = i + 1 if doc[i].lower_ in ("the", "a") else i
            if not (doc[j].lower_ in _QUANT_OF or doc[j].like_num):
                continue
            if not (j + 2 <= last and doc[j + 1].lower_ == "of"):
                continue
            if doc[j + 2].lower_ not in _REL_PRONOUNS:
                continue
        verb = _clause_verb(doc[i])
        if verb is None or not _finite(verb) or verb.i > last:
            continue
        toks = [t.i for t in verb.subtree if not t.is_punct]
        if min(toks) != i or max(toks) < last:
            continue
        out.append((i, verb))
        break
    return out


def _clause_verb(first: Token) -> Token | None:
    """The verb whose clause begins with ``first`` (its subject or relative pronoun)."""
    tok = first
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and tok.i > first.i:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _trim(doc_text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (doc_text[s].isspace() or doc_text[s] in ",;–-—"):
        s += 1
    while e > s and (doc_text[e - 1].isspace() or doc_text[e - 1] in ",;–-—"):
        e -= 1
    return s, e


def _embedded(root: Token, s: int, e: int) -> list[Token]:
    """Embedded clauses under ``root`` with a certainty cue of their own."""
    out: list[Token] = []
    for t in root.subtree:
        if t.i < s or t.i > e or t.i == root.i:
            continue
        embedded = t.dep_ in ("advcl", "pcomp", "acl", "relcl", "conj") and t.pos_ == "VERB"
        if t.dep_ in ("acl", "relcl") and nonexistent(t.head):
            continue  # "not seen any evidence that corroborates it": no such evidence
        if negated_with_head(t):
            continue  # "will not confirm or deny that P": one refusal to answer
        if embedded and clause_cue(t) is not None:
            out.append(t)
    return out


def extract(parsed: ParsedDocument) -> tuple[Claim, ...]:
    """Doc-local claims of one parsed document, in text order."""
    document = parsed.document
    short = short_forms(document)
    surnames = _person_words(parsed)
    full = document.text
    out: list[Claim] = []
    quote = _QuoteState()
    dropped: set[str] = set()  # bare attributions: no claims of their own
    previous: list[tuple[str, SourceKind]] = []  # sources the previous sentence names
    for ps in parsed.sentences:
        span = ps.span
        quote.next_sentence(ps)
        if not is_check_worthy(span):
            quote.skip()
            previous = []
            continue
        off = ps.offset
        doc = span.doc
        quantities = find_quantities(span, off)
        times = find_times(span, off, document.published)
        places = find_places(span, off)
        mentions = find_mentions(span, off, short, surnames)
        pieces: list[tuple[int, int, Token, str | None]] = []
        for s, e, root in _clauses(span):
            cs, ce = _trim(full, doc[s].idx + off, doc[e].idx + len(doc[e].text) + off)
            main = analyse(root).source
            if ce > cs:
                pieces.append((cs, ce, root, None))
            for sub in _embedded(root, s, e):
                toks = list(sub.subtree)
                ss, se = _trim(full, toks[0].idx + off, toks[-1].idx + len(toks[-1].text) + off)
                if se > ss and (ss, se) != (cs, ce):
                    pieces.append((ss, se, sub, main))
        multi = len(pieces) > 1
        made: list[Claim] = []
        named: list[tuple[str, SourceKind]] = []  # sources this sentence names
        headline = headline_denial(list(span))
        for k, (cs, ce, root, inherited) in enumerate(pieces, start=1):
            att = analyse(root)
            certainty = att.certainty
            predicate = att.predicate
            piece = [t for t in span if cs <= t.idx + off < ce] if headline else []
            if piece and certainty != "denied" and headline_denial(piece):
                certainty = "denied"
                if doc[att.event].pos_ not in ("VERB", "AUX"):
                    predicate, who = _headline_event(piece)
                    att = replace(att, source=att.source or who)
            source = att.source or inherited
            if att.source is not None and att.source_kind is not None:
                if att.source_kind == "pronoun":
                    antecedent = _antecedent(att.source, previous)
                    source = None if antecedent is None else antecedent[0]
                    if antecedent is not None:
                        named.append(antecedent)
                else:
                    named.append((att.source, att.source_kind))
            made.append(
                Claim(
                    id=f"{document.id}:{ps.sentence.index}" + (f".{k}" if multi else ""),
                    doc=document.id,
                    sentence=ps.sentence.index,
                    start=cs,
                    end=ce,
                    text=full[cs:ce],
                    certainty=certainty,
                    source=source,
                    predicate=predicate,
                    negated=att.negated,
                    quantities=_within(quantities, cs, ce),
                    times=_within(times, cs, ce),
                    places=_within(places, cs, ce),
                    mentions=_within(mentions, cs, ce),
                )
            )
        dropped |= {c.id for c, (_, _, root, _) in zip(made, pieces, strict=True)
                    if _attribution_only(root)}
        # a bare attribution still names who spoke the quote before it
        out.extend(c for c in quote.attribute(made) if c.id not in dropped)
        previous = _named_sources(named, made, span)
    out.extend(c for c in quote.ready + quote.flush() if c.id not in dropped)
    return tuple(out)


#: Verbs of saying whose object, if any, is who was told: with no clause of
#: what was said, the sentence only attributes ("Mr. Ortiz told CNBC.").
_SAYING_ONLY = frozenset("say tell add state note explain insist remark".split())
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj", "csubj"})
_TOLD_CONTENT = frozenset("truth story lie joke tale".split())


def _attribution_only(root: Token) -> bool:
    """The clause only says who spoke ("Mr. Ortiz told CNBC.", "she added
    in a statement"): a verb of saying with no clause of content and no
    quotation of its own. It asserts nothing another outlet could confirm
    or contradict, so it is no claim (it still attributes the quote
    before it)."""
    lemma = root.lemma_.lower()
    if lemma not in _SAYING_ONLY or root.pos_ != "VERB":
        return False
    for c in root.children:
        if c.dep_ in _CONTENT_DEPS:
            return False
        # what is noted or said is content ("noted the challenge"); only
        # "tell" takes who was told as its object ("told CNBC")
        if c.dep_ == "dobj" and (lemma != "tell" or c.lemma_.lower() in _TOLD_CONTENT):
            return False
    return not any(t.text in _QUOTE_MARKS for t in root.subtree)


def _headline_event(words: list[Token]) -> tuple[str, str | None]:
    """The denied event of a title-case headline the parser misread, and who
    denies it: the first verb after the denial word (``Egypt, PA Deny Report
    That Israel Will Send`` → send, else the denial itself) and the names
    before it (``Egypt, PA``)."""
    denial = next(i for i, t in enumerate(words) if t.lower_ in HEADLINE_DENIAL and i > 0)
    event = next((t.lemma_.lower() for t in words[denial + 1 :] if t.pos_ == "VERB"), "deny")
    before = words[:denial]
    names = [t for t in before if not t.is_punct]
    who = None
    if 1 <= len(names) <= 6 and all(t.pos_ == "PROPN" or t.lower_ == "and" for t in names):
        who = doc_text(words[0].doc)[before[0].idx : before[-1].idx + len(before[-1].text)]
    return event, who


# which source kinds a pronoun can stand for
_AGREES: dict[str, frozenset[str]] = {
    "he": frozenset({"person", "name"}),
    "she": frozenset({"person", "name"}),
    "it": frozenset({"org", "name"}),
    "they": frozenset({"group", "org"}),
}


def _antecedent(
    pronoun: str, previous: list[tuple[str, SourceKind]]
) -> tuple[str, SourceKind] | None:
    """The source a pronoun source (``It said``, ``he said``) stands for: the
    one plausible source the previous sentence names, else None (a bare
    pronoun says nothing about who is speaking)."""
    kinds = _AGREES.get(pronoun.lower())
    if kinds is None:
        return None
    found = {(text, kind) for text, kind in previous if kind in kinds}
    return found.pop() if len({text for text, _ in found}) == 1 else None


def _named_sources(
    named: list[tuple[str, SourceKind]], made: list[Claim], span: SpacySpan
) -> list[tuple[str, SourceKind]]:
    """Sources a sentence names, for pronouns in the next sentence: its
    attributions (pronouns resolved), else the subject of its main verb
    when that is a name (``Yoon's office issued a statement``)."""
    if named:
        return named
    carried = {c.source for c in made if c.source and c.source.lower() not in PRONOUNS}
    if carried:  # inherited from a main clause: nothing to agree with
        return [(src, "name") for src in sorted(carried)]
    root = span.root
    for subj in root.children:
        if subj.dep_ in ("nsubj", "nsubjpass"):
            kind = source_kind(subj)
            skip = {
                t.i
                for c in subj.children
                if c.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj")
                for t in c.subtree
            }
            words = [t for t in subj.subtree if t.i not in skip and not t.is_punct]
            if kind != "pronoun" and any(t.pos_ == "PROPN" for t in words) and len(words) <= 8:
                start, end = words[0].idx, words[-1].idx + len(words[-1].text)
                return [(doc_text(span.doc)[start:end], kind)]
    return []


_QUOTES_OPEN = '“"'
_QUOTES_CLOSE = '”"'
_QUOTE_MARKS = frozenset(_QUOTES_OPEN + _QUOTES_CLOSE)


class _QuoteState:
    """Carry a speaker across the sentences of one quotation.

    ``"We will listen... We will respond...," Shin said.``: spaCy splits the
    quote into sentences; those without a speaker of their own take the
    speaker named where the quote closes, or else the one named in the
    previous sentence of the same paragraph (a quote that continues).
    """

    def __init__(self) -> None:
        self.paragraph = -1
        self.open = False
        self.pending: list[Claim] = []
        self.last_source: str | None = None
        self.inside = False
        self.ready: list[Claim] = []

    def next_sentence(self, ps: ParsedSentence) -> None:
        if ps.offset != self.paragraph:
            self.ready.extend(self.flush())
            self.paragraph = ps.offset
            self.open = False
            self.last_source = None
        text = ps.sentence.text
        self.inside = self.open or text[:1] in _QUOTES_OPEN
        for ch in text:
            if ch == "“":
                self.open = True
            elif ch == "”":
                self.open = False
            elif ch == '"':
                self.open = not self.open

    def skip(self) -> None:
        pass

    def attribute(self, made: list[Claim]) -> list[Claim]:
        ready, self.ready = self.ready, []
        return ready + self._attribute(made)

    def _attribute(self, made: list[Claim]) -> list[Claim]:
        own = next((c.source for c in made if c.source), None)
        if not self.inside:
            self.last_source = own
            return self.flush() + made
        if own is None:
            if self.open:
                self.pending.extend(made)
                return []
            made = [replace(c, source=c.source or self.last_source) for c in made]
            return self.flush() + made
        self.last_source = own
        done = [replace(c, source=own) for c in self.pending]
        self.pending = []
        return done + made

    def flush(self) -> list[Claim]:
        done = [replace(c, source=c.source or self.last_source) for c in self.pending]
        self.pending = []
        return done


def _person_words(parsed: ParsedDocument) -> frozenset[str]:
    """Family names and surnames of the people the document names in full."""
    out: set[str] = set()
    for ps in parsed.sentences:
        for ent in ps.span.ents:
            words = ent.text.replace("’s", "").replace("'s", "").split()
            if ent.label_ == "PERSON" and len(words) >= 2:
                out.update((words[0], words[-1]))
    return frozenset(w for w in out if w[:1].isupper() and w.isalpha())


_Slot = TypeVar("_Slot", Quantity, TimeExpr, Place, Mention)


def _within(items: list[_Slot], s: int, e: int) -> tuple[_Slot, ...]:
    return tuple(x for x in items if s <= x.start and x.end <= e)
