"""Write the synthetic example case file of the Drechtsteden pilot (June 2018 snapshot).

Regenerate from the repository root with::

    python examples/make_example.py

This writes two files next to this script:

* ``drechtsteden-2018.xlsx``: one sheet ``Casussen`` with the canonical Dutch headers of the case
  file (spec/case-file.md), real Excel dates (``DD-MM-YYYY``) and amounts as numbers
  (``#,##0.00``); bold, frozen header row with an autofilter.
* ``drechtsteden-2018.csv``: the same cases as Dutch Excel writes a CSV file: ``;`` separator,
  decimal comma without thousands separator (``1401,50``), dates ``dd-mm-yyyy``, cp1252 encoding,
  CRLF line endings.

Both files are deterministic: the cases are hand-written below (no randomness), and the workbook's
document properties and zip entry timestamps are pinned to 2018-07-01, so a rerun gives identical
bytes (with the same Python/zlib/openpyxl versions).

The 29 cases are synthetic. Case ids (``WBZ-001`` .. ``WBZ-029``) are pseudonyms in order of
intake; no names, no BSNs. They mirror the snapshot the pilot reported in June 2018, evaluated at
peildatum 2018-06-30: 29 participants, 10 ``aan_het_werk``, 4 ``solliciteert``, 13
``in_bemiddeling`` and 2 ``uitgevallen``.

* Working (10): five started work in 2017 and have worked at least 6 months by 2018-06-30
  (start_werk on or before 2017-12-28). Four of them work 16-32 h/week and count as durable
  (WBZ-001, -002, -004, -007); WBZ-005 works only 8 h/week, so it is not durable. The other five
  started work in 2018 and are below 6 months. Those working 8-24 h/week on bijstand keep a
  residual benefit: their net earnings are given (``netto_loon_pm``, about € 8,50 net an hour)
  and the law derives ``uitkering_na`` month by month (B1: dated norm, 25% disregard in the first
  six months); those working 28 h/week or more left the benefit (uitkering_na 0).
* WBZ-006 lost its job: status ``solliciteert`` with start_werk 2018-01-15 and einde_werk
  2018-03-23. No other case that is not at work has a start_werk.
* Benefits: bijstand cases leave ``uitkering_voor`` empty, so the tool takes the dated 2017-2018
  norm of the household on each day (L1): single, or ``huishouden`` gehuwd for WBZ-004, -016 and
  -023; one WIA (WBZ-007) and one WW (WBZ-011) case type their UWV benefit.
* Care: Wmo begeleiding in whole hours at 55.80/hour, GGZ 510-900 a month (SMI outpatient about
  9000 a year); GGZ after placement about 45% lower for most working cases, left empty for WBZ-004
  and WBZ-014 (imputed by the tool), and higher for WBZ-009 (relapse after starting work). For
  cases not at work the "na" care amounts equal the "voor" amounts (no change).
* Costs: trajectbegeleiding_uren is empty for five cases (WBZ-010, -011, -019, -024, -029; the
  tool then charges the per-trajectory cost), loonkostensubsidie for four working cases, a
  no-riskpolis for two, an insurer contribution of 500 for four.

Durable at peildatum: 4 of 29 (14%), so the pilot target (50% durably at work) is clearly not met.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from werkzorg_calc.domain.columns import COLUMNS

HERE = Path(__file__).resolve().parent
XLSX_PATH = HERE / "drechtsteden-2018.xlsx"
CSV_PATH = HERE / "drechtsteden-2018.csv"

SHEET_NAME = "Casussen"
FIXED_TIMESTAMP = datetime(2018, 7, 1, 0, 0, 0)
DATE_FORMAT = "DD-MM-YYYY"
AMOUNT_FORMAT = "#,##0.00"

# Of the columns of method v2's B1/W1 the example fills the household and the net earnings of
# its part-time workers (the law derives their residual benefit); it types its wage subsidies.
LAW_COLUMNS = frozenset({"brutoloon_pm", "loonwaarde"})
# The canonical headers, in the order of the case-file contract.
HEADERS: tuple[str, ...] = tuple(
    column.header for column in COLUMNS if column.header not in LAW_COLUMNS
)

DATE_COLUMNS = frozenset({"start_traject", "start_werk", "einde_werk"})
AMOUNT_COLUMNS = frozenset(
    {
        "uitkering_voor",
        "uitkering_na",
        "wmo_voor",
        "wmo_na",
        "ggz_voor",
        "ggz_na",
        "bemiddeling_kosten",
        "loonkostensubsidie_pm",
        "netto_loon_pm",
        "no_risk_kosten",
        "verzekeraar_bijdrage",
    }
)
HOUR_COLUMNS = frozenset({"uren_per_week", "jobcoach_uren", "trajectbegeleiding_uren"})

Cell = str | int | float | date | None

PW = "participatiewet"


@dataclass(frozen=True)
class Case:
    """One row of the case file; field names are the canonical Dutch headers."""

    casus_id: str
    status: str
    start_traject: date
    gemeente: str
    start_werk: date | None = None
    einde_werk: date | None = None
    uren_per_week: float | None = None
    uitkering_voor: float | None = None
    uitkering_na: float | None = None
    uitkering_soort: str | None = PW
    wmo_voor: float | None = None
    wmo_na: float | None = None
    ggz_voor: float | None = None
    ggz_na: float | None = None
    jobcoach_uren: float | None = None
    trajectbegeleiding_uren: float | None = None
    bemiddeling_kosten: float | None = None
    loonkostensubsidie_pm: float | None = None
    no_risk_kosten: float | None = None
    verzekeraar_bijdrage: float | None = None
    huishouden: str | None = None  # empty: alleenstaand (the norm of a single person, L1)
    netto_loon_pm: float | None = None  # net earnings a month: the law derives uitkering_na (B1)
    opmerking: str | None = None

    def cells(self) -> tuple[Cell, ...]:
        """The row's values in the order of HEADERS."""
        values: tuple[Cell, ...] = tuple(getattr(self, name) for name in HEADERS)
        return values


D = date

# Short keyword names keep each case on a few lines; the table is laid out by hand.
# fmt: off
CASES: tuple[Case, ...] = (
    # --- intake autumn 2017 -------------------------------------------------------------------
    Case("WBZ-001", "aan_het_werk", D(2017, 10, 2), "Dordrecht",
         start_werk=D(2017, 11, 13), uren_per_week=24,
         netto_loon_pm=884.00,
         wmo_voor=223.20, wmo_na=111.60, ggz_voor=750.00, ggz_na=412.50,
         jobcoach_uren=40, trajectbegeleiding_uren=36, bemiddeling_kosten=1237.50,
         loonkostensubsidie_pm=650.00, verzekeraar_bijdrage=500.00),
    Case("WBZ-002", "aan_het_werk", D(2017, 10, 9), "Zwijndrecht",
         start_werk=D(2017, 12, 4), uren_per_week=32,
         uitkering_na=0.00,
         wmo_voor=111.60, wmo_na=0.00, ggz_voor=820.00, ggz_na=451.00,
         jobcoach_uren=24, trajectbegeleiding_uren=42, bemiddeling_kosten=850.00,
         no_risk_kosten=800.00),
    Case("WBZ-003", "in_bemiddeling", D(2017, 10, 9), "Dordrecht",
         wmo_voor=334.80, wmo_na=334.80, ggz_voor=860.00, ggz_na=860.00,
         trajectbegeleiding_uren=38),
    Case("WBZ-004", "aan_het_werk", D(2017, 10, 16), "Papendrecht",
         start_werk=D(2017, 12, 18), uren_per_week=20,
         huishouden="gehuwd", netto_loon_pm=737.00,
         wmo_voor=446.40, wmo_na=223.20, ggz_voor=690.00, ggz_na=None,
         jobcoach_uren=56, trajectbegeleiding_uren=48, bemiddeling_kosten=1500.00,
         loonkostensubsidie_pm=480.00, verzekeraar_bijdrage=500.00,
         opmerking="Start na overleg met sleutelfiguur"),
    Case("WBZ-005", "aan_het_werk", D(2017, 10, 23), "Alblasserdam",
         start_werk=D(2017, 12, 11), uren_per_week=8,
         netto_loon_pm=295.00,
         wmo_voor=334.80, wmo_na=279.00, ggz_voor=880.00, ggz_na=792.00,
         jobcoach_uren=30, trajectbegeleiding_uren=52, bemiddeling_kosten=600.00,
         loonkostensubsidie_pm=320.00,
         opmerking="Wil uren langzaam opbouwen"),
    Case("WBZ-006", "solliciteert", D(2017, 10, 30), "Sliedrecht",
         start_werk=D(2018, 1, 15), einde_werk=D(2018, 3, 23), uren_per_week=20,
         netto_loon_pm=737.00,
         wmo_voor=223.20, wmo_na=223.20, ggz_voor=720.00, ggz_na=720.00,
         jobcoach_uren=16, trajectbegeleiding_uren=40, bemiddeling_kosten=700.00,
         opmerking="Proefplaatsing gestopt, zoekt nieuwe werkgever"),
    Case("WBZ-007", "aan_het_werk", D(2017, 11, 6), "Sliedrecht",
         start_werk=D(2017, 12, 27), uren_per_week=16,
         uitkering_voor=1650.00, uitkering_na=825.00, uitkering_soort="wia",
         wmo_voor=0.00, wmo_na=0.00, ggz_voor=560.00, ggz_na=308.00,
         jobcoach_uren=18, trajectbegeleiding_uren=30),
    Case("WBZ-008", "uitgevallen", D(2017, 11, 13), "Dordrecht",
         wmo_voor=502.20, wmo_na=502.20, ggz_voor=780.00, ggz_na=780.00,
         trajectbegeleiding_uren=14,
         opmerking="Traject gestopt op eigen verzoek"),
    Case("WBZ-009", "aan_het_werk", D(2017, 11, 20), "Dordrecht",
         start_werk=D(2018, 2, 5), uren_per_week=24,
         netto_loon_pm=884.00,
         wmo_voor=167.40, wmo_na=55.80, ggz_voor=750.00, ggz_na=980.00,
         jobcoach_uren=44, trajectbegeleiding_uren=58, bemiddeling_kosten=900.00,
         loonkostensubsidie_pm=720.00, verzekeraar_bijdrage=500.00,
         opmerking="Terugval na start werk; behandeling tijdelijk opgeschaald"),
    Case("WBZ-010", "in_bemiddeling", D(2017, 11, 27), "Zwijndrecht",
         wmo_voor=0.00, wmo_na=0.00, ggz_voor=640.00, ggz_na=640.00,
         trajectbegeleiding_uren=None),
    Case("WBZ-011", "aan_het_werk", D(2017, 12, 4), "Hendrik-Ido-Ambacht",
         start_werk=D(2018, 3, 12), uren_per_week=36,
         uitkering_voor=1890.00, uitkering_na=0.00, uitkering_soort="ww",
         wmo_voor=0.00, wmo_na=0.00, ggz_voor=610.00, ggz_na=335.50,
         jobcoach_uren=12, trajectbegeleiding_uren=None, bemiddeling_kosten=450.00,
         no_risk_kosten=800.00,
         opmerking="Werkgever tevreden met no-riskpolis, geen LKS nodig"),
    Case("WBZ-012", "solliciteert", D(2017, 12, 11), "Papendrecht",
         wmo_voor=111.60, wmo_na=111.60, ggz_voor=590.00, ggz_na=590.00,
         trajectbegeleiding_uren=26, bemiddeling_kosten=250.00),
    Case("WBZ-013", "in_bemiddeling", D(2017, 12, 18), "Dordrecht",
         wmo_voor=223.20, wmo_na=223.20, ggz_voor=810.00, ggz_na=810.00,
         trajectbegeleiding_uren=22.5,
         opmerking="Coördinatie via casusoverleg Yulius en Werk & Inkomen"),
    # --- intake 2018 --------------------------------------------------------------------------
    Case("WBZ-014", "aan_het_werk", D(2018, 1, 8), "Zwijndrecht",
         start_werk=D(2018, 4, 3), uren_per_week=28,
         uitkering_voor=None, uitkering_na=0.00,
         ggz_voor=540.00, ggz_na=None,
         jobcoach_uren=20, trajectbegeleiding_uren=24,
         opmerking="Uitkeringshoogte nog opvragen bij Werk & Inkomen"),
    Case("WBZ-015", "in_bemiddeling", D(2018, 1, 15), "Alblasserdam",
         wmo_voor=55.80, wmo_na=55.80, ggz_voor=700.00, ggz_na=700.00,
         trajectbegeleiding_uren=20),
    Case("WBZ-016", "aan_het_werk", D(2018, 1, 22), "Papendrecht",
         start_werk=D(2018, 5, 7), uren_per_week=16,
         huishouden="gehuwd", netto_loon_pm=589.00,
         wmo_voor=279.00, wmo_na=167.40, ggz_voor=900.00, ggz_na=495.00,
         jobcoach_uren=60, trajectbegeleiding_uren=18, bemiddeling_kosten=1050.00,
         verzekeraar_bijdrage=500.00),
    Case("WBZ-017", "uitgevallen", D(2018, 1, 29), "Sliedrecht",
         wmo_voor=390.60, wmo_na=390.60, ggz_voor=890.00, ggz_na=890.00,
         trajectbegeleiding_uren=10,
         opmerking="Traject beëindigd in overleg met behandelaar"),
    Case("WBZ-018", "solliciteert", D(2018, 2, 5), "Dordrecht",
         wmo_voor=0.00, wmo_na=0.00, ggz_voor=620.00, ggz_na=620.00,
         trajectbegeleiding_uren=34, bemiddeling_kosten=400.00),
    Case("WBZ-019", "aan_het_werk", D(2018, 2, 12), "Dordrecht",
         start_werk=D(2018, 6, 4), uren_per_week=32,
         uitkering_na=0.00,
         wmo_voor=55.80, wmo_na=0.00, ggz_voor=650.00, ggz_na=357.50,
         jobcoach_uren=0, trajectbegeleiding_uren=None, bemiddeling_kosten=300.00),
    Case("WBZ-020", "in_bemiddeling", D(2018, 2, 19), "Hendrik-Ido-Ambacht",
         wmo_voor=167.40, wmo_na=167.40, ggz_voor=730.00, ggz_na=730.00,
         trajectbegeleiding_uren=28),
    Case("WBZ-021", "in_bemiddeling", D(2018, 3, 5), "Dordrecht",
         wmo_voor=0.00, wmo_na=0.00, ggz_voor=570.00, ggz_na=570.00,
         trajectbegeleiding_uren=16),
    Case("WBZ-022", "solliciteert", D(2018, 3, 12), "Zwijndrecht",
         wmo_voor=111.60, wmo_na=111.60, ggz_voor=660.00, ggz_na=660.00,
         trajectbegeleiding_uren=22),
    Case("WBZ-023", "in_bemiddeling", D(2018, 3, 26), "Papendrecht",
         huishouden="gehuwd",
         wmo_voor=279.00, wmo_na=279.00, ggz_voor=840.00, ggz_na=840.00,
         trajectbegeleiding_uren=18),
    Case("WBZ-024", "in_bemiddeling", D(2018, 4, 9), "Dordrecht",
         wmo_voor=0.00, wmo_na=0.00, ggz_voor=510.00, ggz_na=510.00,
         trajectbegeleiding_uren=None),
    Case("WBZ-025", "in_bemiddeling", D(2018, 4, 16), "Sliedrecht",
         wmo_voor=223.20, wmo_na=223.20, ggz_voor=750.00, ggz_na=750.00,
         trajectbegeleiding_uren=12),
    Case("WBZ-026", "in_bemiddeling", D(2018, 4, 23), "Alblasserdam",
         wmo_voor=0.00, wmo_na=0.00, ggz_voor=600.00, ggz_na=600.00,
         trajectbegeleiding_uren=10),
    Case("WBZ-027", "in_bemiddeling", D(2018, 5, 7), "Dordrecht",
         wmo_voor=558.00, wmo_na=558.00, ggz_voor=870.00, ggz_na=870.00,
         trajectbegeleiding_uren=12),
    Case("WBZ-028", "in_bemiddeling", D(2018, 5, 14), "Zwijndrecht",
         wmo_voor=55.80, wmo_na=55.80, ggz_voor=680.00, ggz_na=680.00,
         trajectbegeleiding_uren=14),
    Case("WBZ-029", "in_bemiddeling", D(2018, 5, 28), "Hendrik-Ido-Ambacht",
         wmo_voor=0.00, wmo_na=0.00, ggz_voor=720.00, ggz_na=720.00,
         trajectbegeleiding_uren=None),
)
# fmt: on
# --- xlsx -----------------------------------------------------------------------------------------
def _column_width(header: str, values: list[Cell]) -> float:
    """A readable width: the longest of the header and the values as displayed, within bounds."""
    longest = len(header)
    for value in values:
        if value is None:
            continue
        if isinstance(value, date):
            shown = 10
        elif header in AMOUNT_COLUMNS and isinstance(value, int | float):
            shown = len(f"{value:,.2f}")
        else:
            shown = len(str(value))
        longest = max(longest, shown)
    return float(min(max(longest + 2, 8), 60))


def _pin_zip_timestamps(data: bytes) -> bytes:
    """Rewrite the xlsx zip with fixed entry timestamps and a fixed ``dcterms:modified``.

    openpyxl stamps ``modified`` with the current time on save and the zip entries with the
    current local time; both are replaced so the file is byte-reproducible.
    """
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    date_time = (
        FIXED_TIMESTAMP.year,
        FIXED_TIMESTAMP.month,
        FIXED_TIMESTAMP.day,
        FIXED_TIMESTAMP.hour,
        FIXED_TIMESTAMP.minute,
        FIXED_TIMESTAMP.second,
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    content,
                )
            pinned = zipfile.ZipInfo(info.filename, date_time=date_time)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.create_system = 0
            pinned.external_attr = 0
            target.writestr(pinned, content)
    return out.getvalue()


def write_xlsx(cases: tuple[Case, ...], path: Path) -> None:
    """Write the cases to one sheet ``Casussen`` with formatted dates and amounts."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_NAME
    ws.append(list(HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for case in cases:
        ws.append(list(case.cells()))
    for col_idx, header in enumerate(HEADERS, start=1):
        for row_idx in range(2, len(cases) + 2):
            cell = ws.cell(row=row_idx, column=col_idx)
            if header in DATE_COLUMNS:
                cell.number_format = DATE_FORMAT
            elif header in AMOUNT_COLUMNS:
                cell.number_format = AMOUNT_FORMAT
        values = [case.cells()[col_idx - 1] for case in cases]
        ws.column_dimensions[get_column_letter(col_idx)].width = _column_width(header, values)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{len(cases) + 1}"
    wb.properties.creator = "werkzorg examples/make_example.py"
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_pin_zip_timestamps(buffer.getvalue()))


# --- csv ------------------------------------------------------------------------------------------
def _csv_text(header: str, value: Cell) -> str:
    """Format one value as Dutch Excel writes it to CSV."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, str):
        return value
    if header in AMOUNT_COLUMNS:
        return f"{value:.2f}".replace(".", ",")
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", ",")


def write_csv(cases: tuple[Case, ...], path: Path) -> None:
    """Write the cases as a Dutch Excel CSV: ``;``, decimal comma, cp1252, CRLF."""
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADERS)
        for case in cases:
            writer.writerow(
                [
                    _csv_text(header, value)
                    for header, value in zip(HEADERS, case.cells(), strict=True)
                ]
            )


def main() -> None:
    """Write both example files next to this script."""
    write_xlsx(CASES, XLSX_PATH)
    write_csv(CASES, CSV_PATH)
    print(f"wrote {XLSX_PATH.name} and {CSV_PATH.name} ({len(CASES)} cases) in {HERE}")


if __name__ == "__main__":
    main()
