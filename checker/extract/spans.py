"""Cheap access to a spaCy doc's text.

``Doc.text`` joins every token each time it is read: per sentence that is
quadratic in the length of the article. The text is computed once per doc
and kept in ``doc.user_data``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "claimcheck.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc."""
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_KEY] = text
    return text
