"""``werkzorg norms``: the dated legal table, so a controller sees what the tool uses."""

import sys
from typing import Annotated

import typer

from werkzorg_calc.cli.app import app
from werkzorg_calc.cli.common import guard, stdout_console
from werkzorg_calc.cli.law_commands import parse_day
from werkzorg_calc.cli.options import Debug, Format, LangOption, Language, OutputFormat


@app.command()
def norms(
    key: Annotated[
        str | None,
        typer.Option(
            "--key", metavar="SLEUTEL", help="Alleen deze sleutel, bijv. bijstand_norm_single."
        ),
    ] = None,
    day_text: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATUM", help="Alleen de rijen die gelden op deze datum (JJJJ-MM-DD)."
        ),
    ] = None,
    output_format: Format = OutputFormat.tabel,
    lang: LangOption = Language.nl,
    debug: Debug = False,
) -> None:
    """Toon de wettelijke bedragen met waarde, eenheid, periode, verificatie en bron.

    Een rij met ⚠ wordt gebruikt maar is nog niet geverifieerd.
    Voorbeeld: werkzorg norms --key bijstand_norm_single --date 2018-03-01
    """
    from werkzorg_calc.domain.legal import legal_keys, rows_for

    if key is not None and key not in legal_keys():
        from werkzorg_calc.text.law import usage_text

        words = usage_text("unknown_key", lang.value, keys=", ".join(legal_keys()))
        raise typer.BadParameter(words, param_hint="--key")
    day = None if day_text is None else parse_day(day_text, "--date", lang)
    with guard(debug, lang):
        rows = rows_for(key, day)
        if output_format is OutputFormat.json:
            import json  # here, not at the top: ``--help`` does without it

            from werkzorg_calc.write.law_json import norms_document

            sys.stdout.write(json.dumps(norms_document(rows), ensure_ascii=False, indent=2) + "\n")
            return
        from rich.text import Text

        from werkzorg_calc.report.law import row_table
        from werkzorg_calc.text.law import law_text

        console = stdout_console()
        if not rows:
            console.print(Text(law_text("no_rows", lang.value)))
            return
        console.print(row_table(rows, lang.value, title=law_text("norms_title", lang.value)))
        console.print(Text(law_text("rows_note", lang.value, n=len(rows))))
