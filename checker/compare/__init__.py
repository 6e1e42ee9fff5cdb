"""Compare matched claims: the comparator registry (``registry``), the rules
(``comparators``), the verdict that combines them (``verdict``), ``judge`` for
a batch and ``compare_sentences`` / ``compare_pairs_file`` for ``claimcheck
compare``."""

from checker.compare.judge import finding_id, judge
from checker.compare.registry import COMPARATORS, PairContext, comparator
from checker.compare.sentences import compare_pairs_file, compare_sentences
from checker.compare.verdict import compare_claims

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
