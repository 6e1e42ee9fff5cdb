"""Which claims of different outlets are about the same fact.

Three steps, each cheap enough to stay about linear in the number of claims:

1. **Stories** (``checker.events``): articles that report the same event,
   by the words specific to it and the publication gap, grouped by average
   linkage. Claims are only matched between documents of one story, so a
   day's feed with two shootings never pairs "2 killed" with "2 killed".
2. **Top-k cosine candidates** per claim (``search``: blocked matrix
   product, bounded memory, ``np.argpartition``), never between claims of
   one source (one article, or an article and its wire copies).
3. **Slot confirmation** (``matcher``): shared canonical entities,
   predicate (``words``), counted thing (``things``), places (``places``)
   and fuzzy token overlap blend with the cosine into a match score;
   confirmed pairs form fact groups (union-find). The comparators also ask
   who acts (``actor``).

Functions return indices and scores, sorted, ties broken by index.
"""

from checker.match.actor import (
    ATTRIBUTING,
    POSSESSIVE,
    actor,
    different_actors,
    predicate_span,
    source_span,
)
from checker.match.matcher import Match, groups, match, match_score, repeated, slot_overlap
from checker.match.places import place_clash, placed_phrase, places_compatible
from checker.match.search import nearest
from checker.match.things import head_class, outcome, thing_relation
from checker.match.words import (
    LIGHT_VERBS,
    content_words,
    event_class,
    idf_table,
    predicate_shared,
    stem,
    stems,
)

__all__ = [
    "ATTRIBUTING",
    "LIGHT_VERBS",
    "POSSESSIVE",
    "Match",
    "actor",
    "content_words",
    "different_actors",
    "event_class",
    "groups",
    "head_class",
    "idf_table",
    "match",
    "match_score",
    "nearest",
    "outcome",
    "place_clash",
    "placed_phrase",
    "places_compatible",
    "predicate_shared",
    "predicate_span",
    "repeated",
    "slot_overlap",
    "source_span",
    "stem",
    "stems",
    "thing_relation",
]
