"""The comparators. Each is symmetric in what it decides; ``compare_claims``
also orders every pair canonically, so A vs B is B vs A.

Shared judgement calls:

* a later publication (``update_days`` or more) that differs is an
  ``update``, not a ``conflict``;
* different counted things (``rounds`` vs ``containers``), units or
  outcomes (killed vs injured) are never a conflict;
* a denial stays a dispute however old it is; an old "haven't confirmed"
  is superseded by a later assertion (``update``).

One module a comparator (``certainty``, ``negation``, ``quantity``,
``place``, ``dates`` for ``time.v1``, ``parties`` for ``actor.v1`` and
``entity.v1``, ``contraries`` for ``contrary.v1``, ``ages`` for
``age.v1``, ``tallies`` for ``tally.v1``), over four shared readings of a
claim, each built on the ones before it: ``wording`` (who says it, when),
``actions`` (the action stated and its negation), ``commitment``
(asserted, denied, unconfirmed) and ``occasions`` (the times and moods its
values hold in, and two sources on opposite sides).

Importing the package registers the comparators, in this order: when
several call a pair ``unrelated``, the first one's reason is given.
"""

import importlib

from checker.compare.comparators.commitment import (
    committed,
    debunks,
    negative,
    one_speaker,
    opposed,
)

__all__ = ["committed", "debunks", "negative", "one_speaker", "opposed"]

#: The comparator modules, imported (so registered) in this order.
ORDER = (
    "certainty", "negation", "quantity", "place", "dates", "parties", "contraries", "ages",
    "tallies",
)
for _module in ORDER:
    importlib.import_module(f"{__name__}.{_module}")
