"""The label tables: every key typed, every family complete, both languages with the same slots."""

from __future__ import annotations

import string
from typing import get_args

from werkzorg_calc.domain.columns import STATUSES
from werkzorg_calc.domain.items import ITEM_IDS
from werkzorg_calc.domain.stakeholders import STAKEHOLDERS
from werkzorg_calc.text import explain_words, labels
from werkzorg_calc.text.label_keys import LabelKey
from werkzorg_calc.text.labels import label_families


def _slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_label_key_type_lists_exactly_the_table() -> None:
    """The Literal a type checker checks against is the table itself, no key more or less."""
    assert set(get_args(LabelKey)) == set(labels._TEXT)


def test_each_family_covers_the_ids_of_the_domain() -> None:
    """A new status, stakeholder or line item without its words fails here, not at run time."""
    families = label_families()
    assert families["status"] == set(STATUSES)
    assert families["stakeholder"] == set(STAKEHOLDERS)
    assert families["item"] == set(ITEM_IDS)
    assert families["formula_words"] == set(ITEM_IDS)
    assert families["group"] == {"gemeente", "bestand"}
    assert families["bound"] == {"low", "high"}
    assert families["always"] == {"positive", "negative", "zero"}


def test_dutch_and_english_have_the_same_placeholders() -> None:
    """A translation never drops or invents a ``{slot}``: both render from the same values."""
    tables = (
        labels._TEXT,
        explain_words.FORMULA_WORDS,
        explain_words.ASSUMPTION,
        labels._STATUS,
        labels._STAKEHOLDER,
        labels._ITEM,
    )
    for table in tables:
        for key, (dutch, english) in table.items():
            assert dutch.strip(), key
            assert english.strip(), key
            assert _slots(dutch) == _slots(english), key
