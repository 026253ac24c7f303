"""From a case file on disk to validated cases in one table, with every problem located.

The reader never stops at the first problem: it collects all of them (header, empty rows,
privacy, cell values, consistency) and raises one ``InputError`` carrying the lot, so a person
can fix the whole file in one go.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, cast

import pandas as pd
from pydantic import TypeAdapter, ValidationError

from werkzorg_calc.domain.cases import CaseTable, SourceInfo
from werkzorg_calc.domain.columns import BSN_HEADERS, BY_FIELD, HEADER_LOOKUP, normalise_name
from werkzorg_calc.domain.errors import InputError, InputIssue, Param
from werkzorg_calc.domain.validation_codes import validation_code
from werkzorg_calc.read.consistency import check_consistency, duplicate_ids
from werkzorg_calc.read.fast_columns import case_ids, validate_columns
from werkzorg_calc.read.privacy import bsn_issues
from werkzorg_calc.read.raw import read_raw
from werkzorg_calc.read.rows import CaseRow
from werkzorg_calc.read.sheet_checks import dates_from_numbers, sheet_issues
from werkzorg_calc.read.table import RawTable, column_letter, is_blank, table_columns

_ROWS = TypeAdapter(list[CaseRow])
_DATE_FIELDS = ("trajectory_start", "job_start", "job_end")
_TEXT_FIELDS = ("case_id", "status", "benefit_type", "municipality", "household")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\[\]]")


def safe_label(text: object, limit: int = 40) -> str:
    """A header as it may be shown: no control characters or markup, shortened."""
    cleaned = _CONTROL.sub("", str(text)).strip()
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def load_cases(path: str | Path, peildatum: date, *, allow_bsn: bool = False) -> CaseTable:
    """Read and validate one case file (``.xlsx`` or ``.csv``) for the given peildatum.

    Raises ``InputError`` with every problem found. Warnings (an empty row skipped, unknown
    columns) are returned on the table. Example::

        table = load_cases("examples/drechtsteden-2018.xlsx", date(2018, 6, 30))
    """
    with _collector_paused():
        return _load(path, peildatum, allow_bsn=allow_bsn)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading builds millions of small objects and no cycles; the cyclic garbage collector
    would walk them again and again (16% of a 100,000-case read), so it waits until we are done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(path: str | Path, peildatum: date, *, allow_bsn: bool) -> CaseTable:
    return validate_raw(read_raw(Path(path), str(path)), peildatum, allow_bsn=allow_bsn)


def validate_raw(raw: RawTable, peildatum: date, *, allow_bsn: bool = False) -> CaseTable:
    """Validate a raw table, whatever it came from (file or DataFrame), into cases.

    Every source goes through this one function, so a DataFrame is checked exactly as a file.
    """
    issues: list[InputIssue] = []
    mapping = _map_headers(raw, issues, allow_bsn)
    # A wrong header does not stop the reading: the cells of the columns that were recognised
    # are checked too, so one run shows every problem.
    header_errors = _has_errors(issues)
    table = _table_rows(raw, issues)
    if not table:
        # The untouched template, or a header without cases: not a report of € 0,00.
        code = "sheet_empty" if raw.sheet else "file_without_cases"
        issues.append(_issue(raw, None, None, code, sheet=raw.sheet or ""))
        raise InputError(issues)
    # The table turned into columns once: the BSN scan and the column pass both walk them.
    columns: Sequence[tuple[object, ...]] = table_columns([cells for _, cells in table])
    _check_unlabelled_data(raw, columns, issues)
    # A column already refused (or ignored) for its BSN header is not reported again.
    named = {issue.column for issue in issues if issue.code.startswith("bsn_header")}
    issues.extend(
        issue
        for issue in bsn_issues(raw, columns, mapping, allow_bsn=allow_bsn)
        if issue.column not in named
    )
    issues.extend(sheet_issues(raw, table, mapping))
    table, columns, converted = dates_from_numbers(raw, table, columns, mapping)
    issues.extend(converted)
    letters = {field: column_letter(index) for field, index in mapping.items()}
    values, slow = validate_columns(columns, mapping, raw.decimal)
    frame, bad_rows = _validate(
        raw, table, values=values, slow=slow, mapping=mapping, letters=letters, issues=issues
    )
    ids = _ids(columns, mapping, values, len(table))
    if header_errors:
        # Without every required column the rules across fields cannot run; the duplicates can.
        if "case_id" in mapping:
            issues.extend(_duplicates(raw, table, ids, letters))
        issues.sort(key=_reading_order)
        raise InputError(issues)
    consistency = check_consistency(frame, peildatum, raw.file, raw.sheet, letters)
    # A date that could not be read is empty in the frame: a rule about it would only repeat
    # the cell's own error in other words, so rows with a bad date skip the date rules.
    bad_dates = {
        issue.row
        for issue in issues
        if issue.row in bad_rows and issue.column in {letters.get(f) for f in _JOB_DATES}
    }
    issues.extend(issue for issue in consistency if issue.row not in bad_dates)
    issues.extend(_duplicates(raw, table, ids, letters))
    issues.sort(key=_reading_order)
    if _has_errors(issues):
        raise InputError(issues)
    frame["file"] = raw.file
    source = SourceInfo(raw.file, raw.sha256, raw.sheet, raw.header_row, len(frame), letters)
    return CaseTable(frame, (source,), tuple(issues))


def load_case_files(
    paths: Sequence[str | Path], peildatum: date, *, allow_bsn: bool = False
) -> CaseTable:
    """Read several case files as one population; case ids must be unique across them.

    Problems in every file are collected before failing; a case id that appears in two files
    is an error that names both places.
    """
    tables: list[CaseTable] = []
    issues: list[InputIssue] = []
    seen: dict[Path, str] = {}
    for path in paths:
        resolved = Path(path).resolve()
        if resolved in seen:
            raise InputError.about_file(str(path), "file_given_twice", other=seen[resolved])
        seen[resolved] = str(path)
    for path in paths:
        try:
            tables.append(load_cases(path, peildatum, allow_bsn=allow_bsn))
        except InputError as error:
            issues.extend(error.issues)
    issues.extend(_same_content(tables) or _duplicates_across(tables))
    if _has_errors(issues):
        raise InputError([*issues, *(w for table in tables for w in table.warnings)])
    if len(tables) == 1:
        return tables[0]
    frame = pd.concat([table.frame for table in tables], ignore_index=True)
    sources = tuple(source for table in tables for source in table.sources)
    return CaseTable(frame, sources, tuple(w for table in tables for w in table.warnings))


def _same_content(tables: Sequence[CaseTable]) -> list[InputIssue]:
    """Two names for one content (a copy, or the same cases exported twice) are one error."""
    first: dict[str, str] = {}
    issues = []
    for source in (source for table in tables for source in table.sources):
        if source.sha256 in first:
            other = first[source.sha256]
            issues.append(InputIssue.about_file(source.file, "same_content", other=other))
        first.setdefault(source.sha256, source.file)
    return issues


def _duplicates_across(tables: Sequence[CaseTable]) -> list[InputIssue]:
    """A case id in more than one file: one error per occurrence, naming the other places."""
    if len(tables) < 2:
        return []
    places = pd.concat(
        [table.frame[["case_id", "row", "file"]] for table in tables], ignore_index=True
    )
    sheets = {source.file: source for table in tables for source in table.sources}
    repeated = places.loc[places["case_id"].duplicated(keep=False)]
    issues = []
    for _, group in repeated.groupby("case_id", sort=False):
        spots = list(zip(group["file"].tolist(), group["row"].tolist(), strict=True))
        for file, row in spots:
            others = tuple(
                (str(other_file), int(other_row))
                for other_file, other_row in spots
                if (other_file, other_row) != (file, row)
            )
            source = sheets[file]
            issues.append(
                InputIssue(
                    file,
                    source.sheet,
                    int(row),
                    source.columns.get("case_id"),
                    "duplicate_id_across",
                    {"places": others},
                )
            )
    return issues


def _reading_order(issue: InputIssue) -> tuple[int, int, str]:
    """Top to bottom, left to right, as a person reads the sheet (B before AA)."""
    column = issue.column or ""
    return issue.row or 0, len(column), column


def _has_errors(issues: Sequence[InputIssue]) -> bool:
    return any(issue.severity == "fout" for issue in issues)


def _issue(
    raw: RawTable, row: int | None, column: str | None, code: str, **params: Param
) -> InputIssue:
    return InputIssue(raw.file, raw.sheet, row, column, code, params)


def _warning(
    raw: RawTable, row: int | None, column: str | None, code: str, **params: Param
) -> InputIssue:
    return InputIssue(raw.file, raw.sheet, row, column, code, params, "waarschuwing")


def _map_headers(raw: RawTable, issues: list[InputIssue], allow_bsn: bool) -> dict[str, int]:
    """Map each known field to its column index; note unknown, duplicate and BSN headers."""
    mapping: dict[str, int] = {}
    unknown: list[str] = []
    near: list[tuple[int, str]] = []
    for index, cell in enumerate(raw.headers):
        if is_blank(cell):
            continue
        letter = column_letter(index)
        name = normalise_name(str(cell))
        if name in BSN_HEADERS:
            if allow_bsn:
                issues.append(_warning(raw, raw.header_row, letter, "bsn_header_ignored"))
            else:
                issues.append(_issue(raw, raw.header_row, letter, "bsn_header"))
            continue
        column = HEADER_LOOKUP.get(name)
        if column is None:
            unknown.append(f"{letter} ({safe_label(cell)})")
            near.append((index, name))
        elif column.field in mapping:
            first = column_letter(mapping[column.field])
            issues.append(
                _issue(
                    raw,
                    raw.header_row,
                    letter,
                    "duplicate_header",
                    header=column.header,
                    first=first,
                    second=letter,
                )
            )
        else:
            mapping[column.field] = index
    unknown = _near_matches(raw, near, mapping, unknown, issues)
    if unknown:
        issues.append(
            _warning(raw, raw.header_row, None, "unknown_columns", columns=", ".join(unknown))
        )
    for column in (BY_FIELD[field] for field in ("case_id", "status", "trajectory_start")):
        if column.field not in mapping:
            issues.append(
                _issue(raw, raw.header_row, None, "required_column_missing", header=column.header)
            )
    return mapping


def _near_matches(
    raw: RawTable,
    near: list[tuple[int, str]],
    mapping: Mapping[str, int],
    unknown: list[str],
    issues: list[InputIssue],
) -> list[str]:
    """A header one typo away from a known column that is missing is an error, not a warning.

    Left as an unknown column, ``ggz_nna`` would be ignored and every ``ggz_na`` imputed: a
    silent misread. Returns the unknown headers that remain (no close known column).
    """
    remaining = list(unknown)
    for index, name in near:
        close = difflib.get_close_matches(name, list(HEADER_LOOKUP), n=1, cutoff=_NEAR)
        if not close or HEADER_LOOKUP[close[0]].field in mapping:
            continue
        column = HEADER_LOOKUP[close[0]]
        letter = column_letter(index)
        issues.append(
            _issue(
                raw,
                raw.header_row,
                letter,
                "header_near_match",
                header=safe_label(raw.headers[index]),
                suggestion=column.header,
            )
        )
        remaining = [entry for entry in remaining if not entry.startswith(f"{letter} (")]
    return remaining


# difflib ratio: ggz_nna ~ ggz_na (0.92), uitkering_vor ~ uitkering_voor (0.96); a bare
# "uitkering" (0.86 to uitkering_na) is a heading over two rows, reported as such.
_NEAR = 0.9


def _table_rows(raw: RawTable, issues: list[InputIssue]) -> list[tuple[int, tuple[object, ...]]]:
    """The data rows of the table: one empty row is skipped, a gap of two or more ends it."""
    table: list[tuple[int, tuple[object, ...]]] = []
    gap: list[int] = []
    for number, cells in raw.rows:
        # The first cell is nearly always filled: all() over map() stops there, in C.
        if all(map(is_blank, cells)):
            gap.append(number)
            continue
        if len(gap) == 1:
            issues.append(_warning(raw, gap[0], None, "empty_row_skipped"))
        elif gap:
            issues.append(
                _issue(raw, gap[0], None, "empty_rows_gap", first=gap[0], last=gap[-1], next=number)
            )
            break
        gap = []
        table.append((number, cells))
    return table


def _check_unlabelled_data(
    raw: RawTable, columns: Sequence[tuple[object, ...]], issues: list[InputIssue]
) -> None:
    for index, column in enumerate(columns):
        header = raw.headers[index] if index < len(raw.headers) else None
        if not is_blank(header):
            continue
        if not all(map(is_blank, column)):
            issues.append(_warning(raw, raw.header_row, column_letter(index), "unlabelled_data"))


def _validate(
    raw: RawTable,
    table: list[tuple[int, tuple[object, ...]]],
    *,
    values: Mapping[str, list[object]],
    slow: set[int],
    mapping: Mapping[str, int],
    letters: Mapping[str, str],
    issues: list[InputIssue],
) -> tuple[pd.DataFrame, set[int]]:
    """Take the column pass's ``values``, and validate the rows at ``slow`` with pydantic.

    Returns the frame of typed values and the Excel rows that had bad cells.
    """
    fast = [position for position in range(len(table)) if position not in slow]
    slow_table = [table[position] for position in sorted(slow)]
    models, rows, bad_rows = _validate_rows(raw, slow_table, mapping, letters, issues)
    return _to_frame(values, fast, table, models, rows), bad_rows


def _validate_rows(
    raw: RawTable,
    table: list[tuple[int, tuple[object, ...]]],
    mapping: Mapping[str, int],
    letters: Mapping[str, str],
    issues: list[InputIssue],
) -> tuple[list[CaseRow], list[int], set[int]]:
    """Validate rows with pydantic; collect each bad cell as a located issue.

    Returns the models, their Excel rows, and the Excel rows that had bad cells. A row whose
    bad cells are all optional is validated again with those cells left empty, so the checks
    across fields (dates against the status, …) still run on it and every problem shows at
    once; a row with a bad required cell (case id, status, trajectory start) cannot be checked.
    """
    if not table:
        return [], [], set()
    used = [(field, index) for field, index in mapping.items() if BY_FIELD[field].kind != "private"]
    records = [
        {field: cells[index] if index < len(cells) else None for field, index in used}
        for _, cells in table
    ]
    context = {"decimal": raw.decimal}
    try:
        models = _ROWS.validate_python(records, context=context)
        return models, [number for number, _ in table], set()
    except ValidationError as exc:
        failed: dict[int, set[str]] = {}
        for error in exc.errors():
            position, field = error["loc"][0], error["loc"][1] if len(error["loc"]) > 1 else None
            assert isinstance(position, int)
            failed.setdefault(position, set()).add(str(field))
            if error["type"] == "missing" and str(field) not in mapping:
                continue  # a missing required column: reported once, at the header
            code, params = validation_code(error)
            if field is not None:
                params["field"] = BY_FIELD[str(field)].header
            letter = letters.get(str(field)) if field is not None else None
            issues.append(_issue(raw, table[position][0], letter, code, **params))
    kept: list[int] = []
    cleaned: list[dict[str, object]] = []
    for position, record in enumerate(records):
        fields = failed.get(position, set())
        if fields & _REQUIRED_FIELDS:
            continue
        kept.append(position)
        cleaned.append({key: None if key in fields else value for key, value in record.items()})
    models = _ROWS.validate_python(cleaned, context=context)
    rows = [table[i][0] for i in kept]
    return models, rows, {table[i][0] for i in failed}


_REQUIRED_FIELDS = frozenset({"case_id", "status", "trajectory_start"})
_JOB_DATES = frozenset({"job_start", "job_end"})


def _ids(
    columns: Sequence[tuple[object, ...]],
    mapping: Mapping[str, int],
    values: Mapping[str, list[object]],
    count: int,
) -> list[str | None]:
    """Each data row's case id as text (``None`` when empty), from the column pass."""
    index = mapping.get("case_id")
    if index is None:
        return [None] * count
    column = columns[index] if index < len(columns) else (None,) * count
    return case_ids(column, values.get("case_id"))


def _duplicates(
    raw: RawTable,
    table: list[tuple[int, tuple[object, ...]]],
    ids: list[str | None],
    letters: Mapping[str, str],
) -> list[InputIssue]:
    rows = [number for number, _ in table]
    return duplicate_ids(
        pd.Series(ids, dtype="object"),
        pd.Series(rows, dtype="int64"),
        raw.file,
        raw.sheet,
        letters.get("case_id"),
    )


def models_frame(models: Sequence[CaseRow], rows: Sequence[int]) -> pd.DataFrame:
    """The frame of cases validated one by one with ``CaseRow`` (tests, benchmarks)."""
    return _to_frame({}, [], [], models, rows)


def _to_frame(
    values: Mapping[str, list[object]],
    fast: Sequence[int],
    table: Sequence[tuple[int, tuple[object, ...]]],
    models: Sequence[CaseRow],
    model_rows: Sequence[int],
) -> pd.DataFrame:
    """Columns of typed values; empty cells become NaN/NaT so the calculation sees them.

    The rows validated column-wise (positions ``fast`` of ``table``) come first, then the rows
    pydantic validated; the frame is then put back in the order of the sheet.
    """
    data: dict[str, pd.Series] = {}
    for field in CaseRow.model_fields:
        column = values.get(field)
        if column is None:
            head: list[object] = [None] * len(fast)
        elif len(fast) == len(column):  # no row went to pydantic: every value is in order
            head = column
        else:
            head = [column[i] for i in fast]
        cells = head + [getattr(model, field) for model in models]
        if field in _DATE_FIELDS:
            dates = cast("list[Any]", cells)  # dates and None (NaT); the stubs omit None
            data[field] = pd.Series(pd.to_datetime(dates), dtype="datetime64[ns]")
        elif field in _TEXT_FIELDS:
            data[field] = pd.Series(cells, dtype="object")
        else:
            data[field] = pd.Series(cells, dtype="float64")
    rows = [table[i][0] for i in fast] + list(model_rows)
    data["row"] = pd.Series(rows, dtype="int64")
    frame = pd.DataFrame(data)
    if fast and models:
        frame = frame.sort_values("row", kind="stable", ignore_index=True)
    return frame
