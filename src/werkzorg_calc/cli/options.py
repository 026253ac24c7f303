"""Options shared by the commands, declared once as annotated types."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class OutputFormat(StrEnum):
    """What a command prints on stdout."""

    tabel = "tabel"
    json = "json"


class Language(StrEnum):
    """Language of the labels a person reads (codes and JSON keys stay English)."""

    nl = "nl"
    en = "en"


class GroupBy(StrEnum):
    """What ``--by`` groups on."""

    gemeente = "gemeente"
    bestand = "bestand"


# Options shared by the commands, declared once.
Peildatum = Annotated[
    str | None,
    typer.Option(
        help="Peildatum JJJJ-MM-DD of DD-MM-JJJJ. Standaard: vandaag.", show_default=False
    ),
]
Horizon = Annotated[
    int,
    typer.Option(min=0, max=600, help="Maanden na de peildatum om te projecteren (0: niet)."),
]
ParamsFile = Annotated[
    Path | None,
    typer.Option("--params", help="TOML-bestand met parameters (zie werkzorg params --export)."),
]
SetItems = Annotated[
    list[str] | None,
    typer.Option("--set", help="Parameter sleutel=waarde; mag vaker.", show_default=False),
]
PriceYear = Annotated[
    int | None,
    typer.Option("--price-year", help="Breng alle bedragen naar prijzen van dit jaar (CPI)."),
]
Format = Annotated[OutputFormat, typer.Option("--format", "-f", help="Uitvoer op het scherm.")]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Schrijf ook een bestand; de extensie kiest de vorm: .xlsx (Excel), "
        ".html (rapport) of .json.",
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand uitvoerbestand.")]
AllowBsn = Annotated[
    bool,
    typer.Option("--allow-bsn", help="Sta BSN-kolommen toe; ze worden genegeerd en nooit getoond."),
]
LangOption = Annotated[Language, typer.Option("--lang", help="Taal van de labels (nl of en).")]
Debug = Annotated[bool, typer.Option("--debug", help="Toon bij een interne fout de traceback.")]
