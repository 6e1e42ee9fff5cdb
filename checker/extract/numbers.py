"""Number words and digits → floats, and back.

Pure text functions with no spaCy: ``parse_number("10,000") == 10000``,
``parse_number("two-thirds") == 2/3``, ``parse_number("a dozen") == 12``.
``parse_number(format_number(x)) == x`` for the values it returns.
"""

from __future__ import annotations

import functools
import re

UNITS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS: dict[str, int] = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}  # fmt: skip

_UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(TENS)
_SCALE_ALT = "|".join(SCALES)
_DENOM_ALT = "|".join(sorted(FRACTION_DENOMINATORS, key=len, reverse=True))

#: A number as written: digits (``10,000``, ``1.5 million``), words
#: (``twenty-five``, ``a dozen``, ``two-thirds``). Case-insensitive.
WORD_NUMBER = (
    rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_UNIT_ALT}))?|{_UNIT_ALT})"
    rf"(?:\s+(?:{_SCALE_ALT}))*"
)
DIGIT_NUMBER = r"\d{1,2}(?:,\d\d)+,\d{3}(?!,?\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
FRACTION = rf"(?:a|one|two|three|four|five|six|seven|eight|nine)[- ](?:{_DENOM_ALT})|half"
NUMBER = (
    rf"(?:(?:{DIGIT_NUMBER})(?:\s+(?:{_SCALE_ALT}))?"
    rf"|a\s+(?:dozen|hundred|thousand|million|billion)"
    rf"|(?:{_UNIT_ALT})\s+dozen"
    rf"|(?:{FRACTION})"
    rf"|{WORD_NUMBER}"
    r"|dozen)"
)

_NUMBER_RE = re.compile(rf"^(?:{NUMBER})$", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """The value of a number as written, or None if ``text`` is not one."""
    s = " ".join(text.strip().lower().split())
    if not s or not _NUMBER_RE.match(s):
        return None
    words = s.replace("-", " ").split()
    if words[0] in ("a", "one") and len(words) == 2 and words[1] in FRACTION_DENOMINATORS:
        return 1 / FRACTION_DENOMINATORS[words[1]]
    if words == ["half"]:
        return 0.5
    if len(words) == 2 and words[1] in FRACTION_DENOMINATORS and words[0] in UNITS:
        return UNITS[words[0]] / FRACTION_DENOMINATORS[words[1]]
    if words[0] == "a":
        words = ["one", *words[1:]]
    total = 0.0
    current = 0.0
    for w in words:
        if w == "dozen":
            current = (current or 1) * 12
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            try:
                current += float(w.replace(",", ""))
            except ValueError:
                return None
    return total + current


def format_number(value: float) -> str:
    """A canonical spelling that :func:`parse_number` reads back to ``value``."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    text = repr(float(value))
    if "e" in text:  # no exponents in news: spell it out
        text = f"{value:.20f}".rstrip("0").rstrip(".")
    return text
