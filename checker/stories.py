"""Stories: which articles of a batch the tool took to be about one event.

The grouping is the event clustering that matching already uses
(:func:`checker.events.event_clusters`): claims are only compared within one
story, so the report states it and a user can check or reuse it. Each
document is in exactly one story; a finding belongs to the story of its
documents.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.model import Claim, Document, Finding, Story

if TYPE_CHECKING:
    import numpy as np

LABEL_CHARS = 90


def story_id(doc_ids: Sequence[str]) -> str:
    """A stable id: the same member documents give the same id, whatever
    their order in the batch."""
    key = "\n".join(sorted(doc_ids))
    return "s" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:-–—") + "…"


def _title(doc: Document) -> str:
    """The article's title without a trailing outlet name (``… - Fox News``),
    else its first line of text, else its id."""
    title = " ".join((doc.title or "").split())
    if title and doc.outlet:
        m = re.match(r"(.+?)\s+[-|–—:]\s+(.+)$", title)
        if m and m.group(2).casefold() == doc.outlet.casefold():
            title = m.group(1)
    if not title:
        title = next((ln.strip() for ln in doc.text.splitlines() if ln.strip()), "")
    return title or doc.id


def build(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    cluster: Sequence[int],
) -> tuple[Story, ...]:
    """One story per cluster (``cluster[d]`` is the story index of document
    ``d``), in order of first document. The label is the title of the most
    central article: the one whose claims' mean vector lies closest to the
    story's mean, ties broken by report order."""
    import numpy as np

    index = {d.id: i for i, d in enumerate(documents)}
    rows: list[list[int]] = [[] for _ in documents]
    for ci, c in enumerate(claims):
        if c.doc in index and ci < len(vectors):
            rows[index[c.doc]].append(ci)
    dim = int(vectors.shape[1]) if vectors.ndim == 2 and len(vectors) else 0
    centroids = np.zeros((len(documents), dim), dtype=np.float64)
    for di, r in enumerate(rows):
        if r and dim:
            mean = vectors[r].astype(np.float64).mean(axis=0)
            norm = float(np.linalg.norm(mean))
            if norm > 0:
                centroids[di] = mean / norm

    members: dict[int, list[int]] = {}
    for di in range(len(documents)):
        members.setdefault(cluster[di], []).append(di)
    out = []
    for docs in members.values():
        centre = centroids[docs].sum(axis=0) if dim else None
        best = docs[0]
        if centre is not None and float(np.linalg.norm(centre)) > 0:
            scores = np.round(centroids[docs] @ centre, 6)
            best = docs[int(np.argmax(scores))]  # argmax keeps the first of ties
        out.append(_story([documents[d] for d in docs], documents[best]))
    return tuple(out)


def _story(docs: Sequence[Document], central: Document) -> Story:
    dates = sorted(d.published for d in docs if d.published)
    return Story(
        id=story_id([d.id for d in docs]),
        label=shorten(_title(central)),
        documents=tuple(d.id for d in docs),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def single(documents: Sequence[Document]) -> tuple[Story, ...]:
    """All documents as one story, for a report built without clustering
    (the first article's title is the label)."""
    if not documents:
        return ()
    return (_story(documents, documents[0]),)


def assign(findings: Sequence[Finding], stories: Sequence[Story]) -> tuple[Finding, ...]:
    """Findings with their ``story`` set from their first document."""
    story_of = {d: s.id for s in stories for d in s.documents}
    return tuple(
        dataclasses.replace(f, story=next((story_of[d] for d in f.docs if d in story_of), None))
        for f in findings
    )
