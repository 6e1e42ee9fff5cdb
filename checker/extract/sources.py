"""The words that name a claim's source: the noun phrase around the
reporting verb's subject, without what a sentence adds about it.

A source is who speaks: "Sen. Jane Doe", "the mayor of Marlow", "fire
officials in Springfield". Appositives ("Tom Reed, a spokesman for the
county"), participial and relative clauses ("the mayor, speaking after a
tense council meeting that ran past midnight") and parentheticals ("(D-Ore.)")
describe the speaker and stay out: the span ends before the first of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract.spans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Dependents that describe the speaker rather than name them.
_DESCRIBING = frozenset({"appos", "parataxis", "prn"})
#: Clauses that describe the speaker when set off by a comma ("the mayor,
#: speaking after ..."), and restrict who it is without one ("officials
#: briefed on the talks").
_CLAUSES = frozenset({"acl", "relcl", "advcl"})
#: Punctuation that opens or closes an aside; hyphens and periods inside a
#: name ("Yoon Suk-yeol", "Sen.") are part of it.
_ASIDE = frozenset({",", "(", ")", "[", "]", "—", "–", ";", ":", '"', "“", "”", "'", "‘", "’"})


def source_phrase(tok: Token) -> tuple[str, tuple[int, int]]:
    """The source phrase headed by ``tok`` and its span (doc char offsets)."""
    keep: set[int] = set()
    todo = [tok]
    while todo:
        t = todo.pop()
        keep.add(t.i)
        for c in t.children:
            if c.dep_ in _DESCRIBING or (c.dep_ == "punct" and c.text in _ASIDE):
                continue
            first = c.left_edge.i
            if c.dep_ in _CLAUSES and first > 0 and c.doc[first - 1].text in _ASIDE:
                continue
            todo.append(c)
    doc = tok.doc
    lo = hi = tok.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while hi > lo and (doc[hi].is_punct and doc[hi].text != "."):
        hi -= 1
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    return doc_text(doc)[start:end], (start, end)
