"""Compare matched claims: the comparator registry, ``judge`` for a batch and
``compare_sentences`` / ``compare_pairs_file`` for ``claimcheck compare``."""

from checker.compare.judge import finding_id, judge
from checker.compare.registry import COMPARATORS, PairContext, comparator, compare_claims
from checker.compare.sentences import compare_pairs_file, compare_sentences

__all__ = [
    "COMPARATORS",
    "PairContext",
    "comparator",
    "compare_claims",
    "compare_pairs_file",
    "compare_sentences",
    "finding_id",
    "judge",
]
