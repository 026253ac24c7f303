"""The catalogue of problem codes: every code worded in both languages, every placeholder filled.

Two proofs. The templates: Dutch and English name the same placeholders, so a translation never
drops or invents a value. The places that raise: every code the library passes to an issue,
a parameter problem or an output error is in the catalogue, and where the call spells out its
params (keywords or a dict literal), they cover the template's placeholders.
"""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from werkzorg_calc.domain.errors import InputIssue, OutputError, Param, ParameterProblem
from werkzorg_calc.text.issues import (
    MESSAGES,
    OUTPUT_MESSAGES,
    OUTPUT_REASONS,
    PARAMETER_MESSAGES,
    REASONS,
    RUN_ENDINGS,
    issue_message,
    issue_place,
    output_message,
    problem_message,
)
from werkzorg_calc.text.labels import Lang
from werkzorg_calc.text.plural import placeholders

SOURCE = Path(__file__).resolve().parents[2] / "src" / "werkzorg_calc"
CATALOGUES = {
    "reasons": REASONS,
    "messages": MESSAGES,
    "parameters": PARAMETER_MESSAGES,
    "output": OUTPUT_MESSAGES,
    "output reasons": OUTPUT_REASONS,
    "run endings": RUN_ENDINGS,
}
ALL_CODES = {code for catalogue in CATALOGUES.values() for code in catalogue}
# Calls that take a problem code; the code is a string literal among their arguments.
CODE_TAKERS = {
    "InputIssue",
    "about_file",
    "ParameterProblem",
    "OutputError",
    "_issue",
    "_warning",
    "_located",
    "problem",
    "PydanticCustomError",
    "CellValueError",
}


def _calls() -> list[tuple[str, int, str, set[str] | None]]:
    """(file, line, code, params named at the call or None when not spelled out)."""
    found = []
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in CODE_TAKERS:
                continue
            codes = [
                arg.value
                for arg in node.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            ]
            codes += [
                branch.value
                for arg in node.args
                if isinstance(arg, ast.IfExp)
                for branch in (arg.body, arg.orelse)
                if isinstance(branch, ast.Constant) and isinstance(branch.value, str)
            ]
            named: set[str] | None = {kw.arg for kw in node.keywords if kw.arg}
            dicts = [arg for arg in node.args if isinstance(arg, ast.Dict)]
            others = [arg for arg in node.args if isinstance(arg, ast.Name | ast.Call)]
            if any(kw.arg is None for kw in node.keywords) or (others and not dicts):
                named = None  # params come from a variable: checked by the rendering tests
            else:
                for literal in dicts:
                    assert named is not None
                    named |= {
                        k.value
                        for k in literal.keys
                        if isinstance(k, ast.Constant) and isinstance(k.value, str)
                    }
            relative = str(path.relative_to(SOURCE))
            found += [(relative, node.lineno, code, named) for code in codes]
    return found


CALLS = _calls()


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_code_has_a_dutch_and_an_english_text_with_the_same_placeholders(name: str) -> None:
    """No empty text, no text left untranslated, no placeholder in one language only."""
    for code, (dutch, english) in CATALOGUES[name].items():
        assert code.isascii() and code == code.lower() and " " not in code, code
        assert dutch.strip() and english.strip(), code
        assert placeholders(dutch) == placeholders(english), code


def test_no_code_appears_in_two_catalogues() -> None:
    """A code means one thing: it is found in exactly one catalogue."""
    total = sum(len(catalogue) for catalogue in CATALOGUES.values())
    assert total == len(ALL_CODES)


def test_the_scan_finds_the_places_that_raise() -> None:
    """The source scan is not empty: it sees the readers, the engine and the writer."""
    files = {file for file, *_ in CALLS}
    assert {"read/cases.py", "read/raw.py", "engine/calc.py", "write/safe_write.py"} <= files
    assert len(CALLS) > 80


def test_every_code_the_library_raises_is_in_the_catalogue() -> None:
    """A code without words would reach the user as a bare identifier."""
    missing = [
        (file, line, code)
        for file, line, code, _ in CALLS
        if code not in ALL_CODES
        and code not in {"fout", "waarschuwing", "", "standaardwaarden"}
        and not code.startswith(("--set", "{"))
    ]
    assert missing == []


def test_every_placeholder_is_given_where_the_params_are_spelled_out() -> None:
    """Where a call names its params, they cover the template (a KeyError would hide a message)."""
    short = []
    for file, line, code, named in CALLS:
        if named is None or code in REASONS or code not in ALL_CODES:
            continue
        for catalogue in (MESSAGES, PARAMETER_MESSAGES, OUTPUT_MESSAGES):
            if code in catalogue:
                needed = placeholders(catalogue[code][0]) - {"path", "reason"}
                if catalogue is PARAMETER_MESSAGES and file.endswith("distributions.py"):
                    needed -= {"key", "kind"}  # filled by the local problem() helper
                if not needed <= named:
                    short.append((file, line, code, sorted(needed - named)))
    assert short == []


def _sample(name: str) -> Param:
    """A value of the right kind for a placeholder, so every template can be rendered."""
    if name in {"rows"}:
        return (4, 9)
    if name == "places":
        return (("b.csv", 4),)
    if name in {"peildatum", "latest"}:
        return date(2018, 6, 30)
    if name in {"count", "months", "limit", "max_rows", "first", "last", "next", "year"}:
        return 2
    if name.endswith("_euro") or name == "share":
        return 0.45
    return "x"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_template_renders_in_both_languages(lang: Lang) -> None:
    """Filled with sample values, no template leaves a brace or raises."""
    for code, (dutch, _) in {**MESSAGES, **REASONS}.items():
        params = {name: _sample(name) for name in placeholders(dutch)}
        issue = InputIssue("f.csv", None, 3, "B", code, params)
        message = issue_message(issue, lang)
        assert "{" not in message and "}" not in message, code
    for code, (dutch, _) in PARAMETER_MESSAGES.items():
        params = {name: _sample(name) for name in placeholders(dutch)}
        message = problem_message(ParameterProblem("--set x", code, params), lang)
        assert message.startswith("--set x: ") and "{" not in message, code
    for code in OUTPUT_MESSAGES:
        message = output_message(OutputError(code, "uit.xlsx", "disk_full"), lang)
        assert "uit.xlsx" in message and "{" not in message, code


def test_counts_take_the_singular_and_the_plural() -> None:
    """'in 1 rij (5)' and 'in 2 rijen (3, 5)'; 'row' and 'rows' in English."""
    params: dict[str, Param] = {"field": "ggz_voor", "count": 1, "rows": (5,)}
    one = InputIssue("f.csv", None, None, "G", "imputed_mhc_before", params)
    two = InputIssue(
        "f.csv", None, None, "G", "imputed_mhc_before", {**params, "count": 2, "rows": (3, 5)}
    )
    assert issue_message(one).startswith("ggz_voor ontbreekt in 1 rij (5): ")
    assert issue_message(two).startswith("ggz_voor ontbreekt in 2 rijen (3, 5): ")
    assert issue_message(one, "en").startswith("ggz_voor is missing in 1 row (5): ")
    assert issue_message(two, "en").startswith("ggz_voor is missing in 2 rows (3, 5): ")
    serial: dict[str, Param] = {"field": "start_werk", "count": 1, "rows": (2,)}
    issue = InputIssue("f.xlsx", "Casussen", None, "D", "dates_from_serial", serial)
    assert "als Excel-datum in rij 2;" in issue_message(issue)


def test_a_place_is_worded_in_the_chosen_language() -> None:
    """``Casussen!F12`` in both; ``rij 12`` / ``row 12`` and ``kolom F`` / ``column F``."""
    cell = InputIssue("f.xlsx", "Casussen", 12, "F", "sheet_hidden")
    row = InputIssue("f.csv", None, 12, None, "sheet_hidden")
    column = InputIssue("f.csv", None, None, "F", "sheet_hidden")
    assert issue_place(cell) == issue_place(cell, "en") == "Casussen!F12"
    assert (issue_place(row), issue_place(row, "en")) == ("rij 12", "row 12")
    assert (issue_place(column), issue_place(column, "en")) == ("kolom F", "column F")


def test_a_cell_problem_names_its_column_first_and_keeps_the_limit_readable() -> None:
    """``uren_per_week: mag hoogstens 60 zijn`` (60, not 60.0); the value is not in the issue."""
    issue = InputIssue(
        "f.csv", None, 4, "F", "number_at_most", {"limit": 60.0, "field": "uren_per_week"}
    )
    assert issue_message(issue) == "uren_per_week: mag hoogstens 60 zijn"
    assert issue_message(issue, "en") == "uren_per_week: must be at most 60"
    half = InputIssue("f.csv", None, 4, "F", "number_at_most", {"limit": 0.5, "field": "x"})
    assert (issue_message(half), issue_message(half, "en")) == (
        "x: mag hoogstens 0,5 zijn",
        "x: must be at most 0.5",
    )


def test_where_a_parameter_was_set_is_worded_in_english_too() -> None:
    """``p.toml, regel 4`` and ``cases.xlsx, blad Parameters, rij 3`` become line and row."""
    problem = ParameterProblem("p.toml, regel 4", "unknown_parameter", {"key": "x"})
    assert problem_message(problem) == "p.toml, regel 4: onbekende parameter 'x'"
    assert problem_message(problem, "en") == "p.toml, line 4: unknown parameter 'x'"
    sheet = ParameterProblem("c.xlsx, blad Parameters, rij 3", "unknown_parameter", {"key": "x"})
    assert problem_message(sheet, "en") == "c.xlsx, sheet Parameters, row 3: unknown parameter 'x'"
    default = ParameterProblem("standaardwaarden", "number_negative", {"subject": "parameter 'd'"})
    assert problem_message(default, "en") == "defaults: parameter 'd' must not be negative"
