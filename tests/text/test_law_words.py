"""The law's words: every id has Dutch and English with the same placeholders."""

from __future__ import annotations

import string
from datetime import date

from werkzorg_calc.engine.law.derivation import LEFT_OUT
from werkzorg_calc.engine.law.residual_benefit import residual_benefit
from werkzorg_calc.text import law


def _slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_slots() -> None:
    """A translation never drops or invents a ``{slot}``."""
    for table in (law.WORDS, law.LEFT_OUT_WORDS, law.STEP_WORDS):
        for key, (dutch, english) in table.items():
            assert dutch.strip() and english.strip(), key
            assert _slots(dutch) == _slots(english), key


def test_every_left_out_rule_and_step_has_words() -> None:
    """The engine's ids (left-out rules, B1's steps) all have words."""
    assert set(law.LEFT_OUT_WORDS) == set(LEFT_OUT)
    steps = residual_benefit("single", date(2026, 1, 1), 1000, 1)
    assert {step.name for step in steps.derivation.steps} <= set(law.STEP_WORDS)
    assert law.left_out_note(LEFT_OUT, "nl").startswith("Niet meegenomen: de regel voor jongeren")
