"""Parameter values from files: TOML, scenario files, ``--set`` and a workbook sheet.

Every override must say where it was written (file and line, sheet and row, or ``--set``), so
the tests check the origins as a person would look them up. Every test writes its own files
into ``tmp_path``.
"""

from __future__ import annotations

import tomllib
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from werkzorg_calc.domain.errors import ParameterError
from werkzorg_calc.domain.parameters import (
    Override,
    ParameterSet,
    apply_overrides,
    default_parameters,
    default_set,
)
from werkzorg_calc.read.package import sheet_names
from werkzorg_calc.read.parameter_files import (
    parse_set_option,
    read_parameter_sheet,
    read_parameters_toml,
    read_scenario,
)
from werkzorg_calc.sources.parameters import resolve_parameters
from werkzorg_calc.text.issues import error_messages
from werkzorg_calc.write.toml_export import export_toml

Row = Sequence[object]


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 and return the path."""
    path.write_text(text, encoding="utf-8")
    return path


def write_workbook(path: Path, parameter_rows: Sequence[Row] | None) -> Path:
    """A workbook with a small ``Casussen`` sheet and, if given, a ``Parameters`` sheet."""
    workbook = Workbook()
    cases = workbook.active
    assert cases is not None
    cases.title = "Casussen"
    cases.append(["casus_id", "status", "start_traject"])
    cases.append(["W-01", "aangemeld", "2018-01-15"])
    if parameter_rows is not None:
        sheet = workbook.create_sheet("Parameters")
        for row in parameter_rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def triples(overrides: Sequence[Override]) -> list[tuple[str, object, str]]:
    """The overrides as (key, value, origin) tuples, easy to compare."""
    return [(item.key, item.value, item.origin) for item in overrides]


def round_trip(parameters: ParameterSet, tmp_path: Path) -> ParameterSet:
    """Export ``parameters``, read the file back and apply it to the defaults."""
    path = write_text(tmp_path / "export.toml", export_toml(parameters))
    return apply_overrides(default_set(), read_parameters_toml(path))


# --- TOML parameter files ---------------------------------------------------------------------


def test_toml_overrides_carry_file_and_line(tmp_path: Path) -> None:
    """Each value's origin is the file and the line it is on, also inside a [payers] table."""
    path = write_text(
        tmp_path / "mijn.toml",
        "# mijn parameters\n"  # 1
        "deadweight = 0.25\n"  # 2
        "\n"  # 3
        "retention_per_year = 0.7\n"  # 4
        "[payers]\n"  # 5
        "# wie betaalt de jobcoach\n"  # 6
        'jobcoach = "uwv"\n'  # 7
        'counselling = "care_provider"\n',  # 8
    )
    assert triples(read_parameters_toml(path)) == [
        ("deadweight", 0.25, f"{path}, regel 2"),
        ("retention_per_year", 0.7, f"{path}, regel 4"),
        ("payers.jobcoach", "uwv", f"{path}, regel 7"),
        ("payers.counselling", "care_provider", f"{path}, regel 8"),
    ]


def test_a_dotted_key_at_the_top_has_its_own_line(tmp_path: Path) -> None:
    """``payers.mediation = ...`` written without a table header gets its line number too."""
    path = write_text(
        tmp_path / "punt.toml",
        'payers.mediation = "uwv"\n'  # 1
        "discount_rate = 0.03\n",  # 2
    )
    assert triples(read_parameters_toml(path)) == [
        ("payers.mediation", "uwv", f"{path}, regel 1"),
        ("discount_rate", 0.03, f"{path}, regel 2"),
    ]


def test_an_inline_payers_table_has_its_line(tmp_path: Path) -> None:
    """A value in an inline table (``payers = {...}``) points at the line of that table."""
    path = write_text(
        tmp_path / "inline.toml",
        "deadweight = 0.1\n"  # 1
        'payers = { jobcoach = "uwv" }\n',  # 2
    )
    assert triples(read_parameters_toml(path)) == [
        ("deadweight", 0.1, f"{path}, regel 1"),
        ("payers.jobcoach", "uwv", f"{path}, regel 2"),
    ]


def test_a_key_mentioned_in_a_multiline_description_keeps_its_real_line(tmp_path: Path) -> None:
    """Text such as ``deadweight = ...`` inside a multi-line string does not move the line."""
    path = write_text(
        tmp_path / "uitleg.toml",
        'description = """\n'  # 1
        "deadweight = 0,43 volgens de IPS-trial; wij nemen minder.\n"  # 2
        '"""\n'  # 3
        "deadweight = 0.3\n",  # 4
    )
    scenario = read_scenario(path)
    assert triples(scenario.overrides) == [("deadweight", 0.3, f"{path}, regel 4")]


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    """A file that is not TOML is refused with its name and the word TOML."""
    path = write_text(tmp_path / "kapot.toml", "deadweight = \n[payers\n")
    with pytest.raises(ParameterError) as caught:
        read_parameters_toml(path)
    (problem,) = error_messages(caught.value)
    # tomllib stops at line 1, column 14 (the missing value); its English words are not shown.
    assert problem == f"{path}: geen geldige TOML (regel 1, kolom 14)"
    assert error_messages(caught.value, "en") == (f"{path}: not valid TOML (line 1, column 14)",)


def test_a_missing_toml_file_is_named(tmp_path: Path) -> None:
    """A --params file that does not exist is reported by name, not as a traceback."""
    path = tmp_path / "bestaat-niet.toml"
    with pytest.raises(ParameterError) as caught:
        read_parameters_toml(path)
    assert error_messages(caught.value) == (f"{path}: bestand niet gevonden",)


def test_bad_toml_values_are_refused_with_file_and_line(tmp_path: Path) -> None:
    """Values read from TOML are validated with the file and line as origin."""
    path = write_text(tmp_path / "fout.toml", "deadweight = 0.2\ndiscount_rate = -0.1\n")
    with pytest.raises(ParameterError) as caught:
        apply_overrides(default_set(), read_parameters_toml(path))
    (problem,) = error_messages(caught.value)
    assert f"{path}, regel 2" in problem
    assert "'discount_rate'" in problem


# --- scenario files ---------------------------------------------------------------------------


def test_a_scenario_has_name_description_horizon_and_overrides(tmp_path: Path) -> None:
    """name, description and horizon are scenario fields; everything else is an override."""
    path = write_text(
        tmp_path / "scenario.toml",
        'name = "voorzichtig"\n'  # 1
        'description = "Minder behoud."\n'  # 2
        "horizon = 24\n"  # 3
        "retention_per_year = 0.6\n"  # 4
        "[payers]\n"  # 5
        'counselling = "care_provider"\n',  # 6
    )
    scenario = read_scenario(path)
    assert scenario.name == "voorzichtig"
    assert scenario.description == "Minder behoud."
    assert scenario.horizon == 24
    assert scenario.file == str(path)
    assert triples(scenario.overrides) == [
        ("retention_per_year", 0.6, f"{path}, regel 4"),
        ("payers.counselling", "care_provider", f"{path}, regel 6"),
    ]


def test_the_scenario_name_defaults_to_the_file_stem(tmp_path: Path) -> None:
    """Without a name the scenario is called after its file; no horizon means none."""
    path = write_text(tmp_path / "lage-deadweight.toml", "deadweight = 0.1\n")
    scenario = read_scenario(path)
    assert scenario.name == "lage-deadweight"
    assert scenario.description == ""
    assert scenario.horizon is None
    assert triples(scenario.overrides) == [("deadweight", 0.1, f"{path}, regel 1")]


@pytest.mark.parametrize("horizon", ["700", '"x"', "-1", "true", "12.5"])
def test_a_bad_horizon_is_refused(tmp_path: Path, horizon: str) -> None:
    """A horizon that is not a whole number of months from 0 to 600 is refused with its line."""
    path = write_text(tmp_path / "s.toml", f'name = "s"\nhorizon = {horizon}\n')
    with pytest.raises(ParameterError) as caught:
        read_scenario(path)
    (problem,) = error_messages(caught.value)
    assert problem.startswith(f"{path}, regel 2: ")
    assert "horizon" in problem


@pytest.mark.parametrize("horizon", [0, 600])
def test_the_horizon_limits_are_allowed(tmp_path: Path, horizon: int) -> None:
    """0 and 600 months are both valid horizons."""
    path = write_text(tmp_path / "s.toml", f"horizon = {horizon}\n")
    assert read_scenario(path).horizon == horizon


def test_an_empty_scenario_name_is_refused(tmp_path: Path) -> None:
    """A blank name cannot label a column in the comparison, so it is refused."""
    path = write_text(tmp_path / "s.toml", 'name = "  "\n')
    with pytest.raises(ParameterError) as caught:
        read_scenario(path)
    assert error_messages(caught.value)[0].startswith(f"{path}, regel 1: ")


def test_invalid_scenario_toml_names_the_file(tmp_path: Path) -> None:
    """A scenario file that is not TOML is refused with its name."""
    path = write_text(tmp_path / "kapot.toml", 'name = "x\n')
    with pytest.raises(ParameterError) as caught:
        read_scenario(path)
    assert error_messages(caught.value)[0].startswith(f"{path}: ")


# --- --set ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "key", "value"),
    [
        ("deadweight=0,25", "deadweight", 0.25),
        ("deadweight=0.25", "deadweight", 0.25),
        ("target_count=20", "target_count", 20),
        ("payers.jobcoach=uwv", "payers.jobcoach", "uwv"),
        (" discount_rate = 0,03 ", "discount_rate", 0.03),
    ],
)
def test_set_items_are_typed(item: str, key: str, value: object) -> None:
    """--set key=value gives a number where it can (decimal comma allowed), else text."""
    (override,) = parse_set_option([item])
    assert override.key == key
    assert override.value == value
    assert type(override.value) is type(value)
    assert override.origin == f"--set {key}"


@pytest.mark.parametrize("item", ["deadweight", "=0.3", "  =1"])
def test_a_set_item_without_key_and_equals_is_refused(item: str) -> None:
    """An item that is not ``key=value`` is refused, quoting the item."""
    with pytest.raises(ParameterError) as caught:
        parse_set_option([item])
    (problem,) = error_messages(caught.value)
    assert f"--set {item}" in problem
    assert "sleutel=waarde" in problem


def test_every_bad_set_item_is_reported() -> None:
    """Two malformed items give two problems at once."""
    with pytest.raises(ParameterError) as caught:
        parse_set_option(["deadweight", "target_count=3", "retention"])
    assert len(error_messages(caught.value)) == 2


# --- the Parameters sheet ---------------------------------------------------------------------


def test_a_parameters_sheet_gives_overrides_with_sheet_and_row(tmp_path: Path) -> None:
    """Filled rows become overrides at "blad Parameters, rij N"; empty values are skipped."""
    path = write_workbook(
        tmp_path / "casussen.xlsx",
        [
            ("parameter", "waarde", "toelichting"),  # 1
            ("deadweight", 0.25, "IPS-trial"),  # 2
            ("retention_per_year", None, "leeg: standaard"),  # 3
            ("discount_rate", "   ", "spaties: standaard"),  # 4
            ("payers.jobcoach", "uwv", None),  # 5
            (None, None, None),  # 6
            ("target_count", 20, None),  # 7
        ],
    )
    overrides = read_parameter_sheet(path, "casussen.xlsx")
    assert triples(overrides) == [
        ("deadweight", 0.25, "casussen.xlsx, blad Parameters, rij 2"),
        ("payers.jobcoach", "uwv", "casussen.xlsx, blad Parameters, rij 5"),
        ("target_count", 20, "casussen.xlsx, blad Parameters, rij 7"),
    ]


def test_a_parameters_sheet_may_use_english_headers(tmp_path: Path) -> None:
    """The header may be key/value, in any column order, with other columns around it."""
    path = write_workbook(
        tmp_path / "cases.xlsx",
        [("note", "value", "key"), ("x", 0.03, "discount_rate")],
    )
    assert triples(read_parameter_sheet(path, "cases.xlsx")) == [
        ("discount_rate", 0.03, "cases.xlsx, blad Parameters, rij 2")
    ]


def test_a_workbook_without_parameters_sheet_gives_nothing(tmp_path: Path) -> None:
    """No Parameters sheet: no overrides and no error."""
    path = write_workbook(tmp_path / "cases.xlsx", None)
    assert read_parameter_sheet(path, "cases.xlsx") == ()


def test_sheet_names_are_read_from_the_workbook_part_alone(tmp_path: Path) -> None:
    """The names come from ``xl/workbook.xml`` in the order Excel shows the tabs."""
    path = write_workbook(tmp_path / "cases.xlsx", [("parameter", "waarde")])
    assert sheet_names(path.read_bytes()) == ("Casussen", "Parameters")


def test_a_workbook_part_that_does_not_parse_gives_no_names(tmp_path: Path) -> None:
    """Then the caller opens the workbook the slow way, which says what is wrong."""
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet name=")
    assert sheet_names(path.read_bytes()) is None


def test_a_parameters_sheet_is_found_whatever_its_spelling(tmp_path: Path) -> None:
    """``PARAMETERS`` is the same sheet to a person; the quick name check must agree."""
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Casussen"
    sheet = book.create_sheet("PARAMETERS")
    sheet.append(["parameter", "waarde"])
    sheet.append(["deadweight", 0.3])
    path = tmp_path / "cases.xlsx"
    book.save(path)
    assert triples(read_parameter_sheet(path, "cases.xlsx")) == [
        ("deadweight", 0.3, "cases.xlsx, blad PARAMETERS, rij 2")
    ]


def test_a_parameters_sheet_without_its_headers_is_refused(tmp_path: Path) -> None:
    """A Parameters sheet lacking the parameter/waarde header is an error at row 1."""
    path = write_workbook(tmp_path / "cases.xlsx", [("naam", "getal"), ("deadweight", 0.2)])
    with pytest.raises(ParameterError) as caught:
        read_parameter_sheet(path, "cases.xlsx")
    assert error_messages(caught.value)[0].startswith("cases.xlsx, blad Parameters, rij 1: ")


# --- export_toml ------------------------------------------------------------------------------


def test_the_export_parses_and_holds_every_set_parameter() -> None:
    """The exported text is TOML with every parameter that has a value, payers and the
    optimism-bias shares as tables."""
    data = tomllib.loads(export_toml(default_set()))
    flat = default_parameters().flat()
    # payers.counselling is empty by default (C1's dated rule): like every empty value, left out
    for table in ("payers", "optimism_bias"):
        nested = data.pop(table)
        assert {f"{table}.{key}": value for key, value in nested.items()} == {
            key: value
            for key, value in flat.items()
            if key.startswith(f"{table}.") and value is not None
        }
    assert data == {
        key: value for key, value in flat.items() if "." not in key and value is not None
    }


def test_the_export_round_trips_to_the_same_parameters(tmp_path: Path) -> None:
    """Reading the exported defaults back gives exactly the default Parameters."""
    back = round_trip(default_set(), tmp_path)
    assert back.values == default_parameters()
    assert back.changed() == {}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("deadweight", 0.43),
        ("benefit_default_month", 1419.46),
        ("target_count", 20),
        ("target_basis", "placed"),
        ("payers.counselling", "care_provider"),
    ],
)
def test_the_export_round_trips_after_a_change(tmp_path: Path, key: str, value: object) -> None:
    """A changed value survives export and re-import exactly, and the export says who set it."""
    changed = apply_overrides(default_set(), [Override(key, value, f"--set {key}")])
    text = export_toml(changed)
    assert f"--set {key}" in text
    back = round_trip(changed, tmp_path)
    assert back.values == changed.values
    assert back.changed() == {key: value}


def test_the_export_origins_point_at_the_right_lines(tmp_path: Path) -> None:
    """Every override read from an exported file names the line where its key is written."""
    path = write_text(tmp_path / "export.toml", export_toml(default_set()))
    lines = path.read_text(encoding="utf-8").splitlines()
    overrides = read_parameters_toml(path)
    assert len(overrides) == sum(
        value is not None for value in default_parameters().flat().values()
    )
    for item in overrides:
        number = int(item.origin.rpartition("regel ")[2])
        assert lines[number - 1].startswith(f"{item.key.rpartition('.')[2]} = "), item


# --- precedence -------------------------------------------------------------------------------


def test_precedence_sheet_then_params_file_then_set(tmp_path: Path) -> None:
    """Workbook sheet < --params file < --set; each value's origin is where it finally came from."""
    workbook = write_workbook(
        tmp_path / "casussen.xlsx",
        [
            ("parameter", "waarde"),
            ("deadweight", 0.1),  # rij 2: only here
            ("retention_per_year", 0.7),  # rij 3: overridden by the file
            ("discount_rate", 0.03),  # rij 4: overridden by the file and by --set
        ],
    )
    params = write_text(
        tmp_path / "params.toml",
        "retention_per_year = 0.65\n"  # 1
        "discount_rate = 0.035\n",  # 2
    )
    result = resolve_parameters([workbook], params, ["discount_rate=0,04"])
    assert result.values.deadweight == 0.1
    assert result.values.retention_per_year == 0.65
    assert result.values.discount_rate == 0.04
    assert result.origins == {
        "deadweight": f"{workbook}, blad Parameters, rij 2",
        "retention_per_year": f"{params}, regel 1",
        "discount_rate": "--set discount_rate",
    }


def test_resolve_without_sources_gives_the_defaults() -> None:
    """No case file, no --params and no --set: the package defaults, no origins."""
    result = resolve_parameters()
    assert result.values == default_parameters()
    assert result.origins == {}


def test_a_csv_case_file_has_no_parameters_sheet(tmp_path: Path) -> None:
    """A CSV case file is not a workbook, so it contributes no parameters and no error."""
    cases = write_text(
        tmp_path / "cases.csv", "casus_id;status;start_traject\nC-1;aangemeld;2018-01-01\n"
    )
    assert resolve_parameters([cases]).origins == {}


def test_problems_from_every_source_are_reported_together(tmp_path: Path) -> None:
    """A bad sheet value, a bad file value and a bad --set are reported in one error."""
    workbook = write_workbook(
        tmp_path / "casussen.xlsx", [("parameter", "waarde"), ("deadweight", 1.5)]
    )
    params = write_text(tmp_path / "params.toml", "onbekend = 3\n")
    with pytest.raises(ParameterError) as caught:
        resolve_parameters([workbook], params, ["target_basis=iets"])
    problems = error_messages(caught.value)
    assert len(problems) == 3
    assert any(f"{workbook}, blad Parameters, rij 2" in p and "'deadweight'" in p for p in problems)
    assert any(f"{params}, regel 1" in p and "'onbekend'" in p for p in problems)
    assert any("--set target_basis" in p and "'target_basis'" in p for p in problems)
