"""The extract stage: claims with typed slots, and batch canonicalisation.

``extract(parsed)`` gives a document's claims with doc-local mentions
(``Mention.entity == ""``); ``canonicalise(claims, documents)`` fills the
entity ids across a batch and returns the entities.
"""

from checker.extract.claims import extract
from checker.extract.entities import canonicalise

__all__ = ["canonicalise", "extract"]
