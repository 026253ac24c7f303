"""``werkzorg residual-benefit`` and ``werkzorg wage-subsidy``: one case by the law (B1, W1).

A controller checks one amount by hand with these: every step, every table row with its
source and line, and the article are shown; ``--format json`` gives the same with English keys.
"""

import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from werkzorg_calc.cli.app import app
from werkzorg_calc.cli.common import guard, stdout_console
from werkzorg_calc.cli.options import Debug, Format, LangOption, Language, OutputFormat

if TYPE_CHECKING:  # json and decimal are imported where used: ``--help`` needs neither
    from decimal import Decimal


def _refuse(key: str, option: str, lang: Language, **values: object) -> typer.BadParameter:
    from werkzorg_calc.text.law import usage_text

    return typer.BadParameter(usage_text(key, lang.value, **values), param_hint=option)


def parse_day(text: str | None, option: str, lang: Language = Language.nl) -> date:
    """``JJJJ-MM-DD`` or ``DD-MM-JJJJ``; missing: today; anything else is a usage error."""
    if text is None:
        return date.today()
    from werkzorg_calc.read.cells import CellValueError, parse_date_text
    from werkzorg_calc.text.issues import reason_text

    try:
        return parse_date_text(text)
    except CellValueError as error:
        words = reason_text(error.code, {}, lang.value)
        raise typer.BadParameter(words, param_hint=option) from None


def parse_amount(
    text: str | None, option: str, lang: Language = Language.nl, *, share: bool = False
) -> "Decimal | None":
    """A number as a ``Decimal`` (``1000``, ``1000.50``, ``1000,50``; a share also ``60%``)."""
    from decimal import Decimal, InvalidOperation

    if text is None:
        return None
    cleaned = text.strip().replace("€", "").replace(" ", "")
    percent = share and cleaned.endswith("%")
    cleaned = cleaned.removesuffix("%") if percent else cleaned
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise _refuse("not_a_number", option, lang) from None
    if not value.is_finite() or value < 0:
        raise _refuse("not_negative", option, lang)
    if percent:
        value /= 100
    if share and value > 1:
        raise _refuse("share_range", option, lang)
    return value


def _household(text: str, lang: Language) -> str:
    from werkzorg_calc.engine.law.residual_benefit import norm_household

    try:
        return norm_household(text)
    except ValueError:
        raise _refuse("household", "--household", lang) from None


def _emit(document: dict[str, object]) -> None:
    import json

    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


DateOption = Annotated[
    str | None,
    typer.Option(
        "--date", metavar="DATUM", help="Datum JJJJ-MM-DD of DD-MM-JJJJ. Standaard: vandaag."
    ),
]


@app.command("residual-benefit")
def residual_benefit_command(
    household: Annotated[
        str,
        typer.Option(
            "--household",
            metavar="HUISHOUDEN",
            help="Huishouden: single of couple (ook alleenstaand, gehuwd, samenwonend).",
        ),
    ],
    net_earnings: Annotated[
        str,
        typer.Option(
            "--net-earnings", metavar="EUR", help="Netto inkomsten uit werk per maand, in euro."
        ),
    ],
    work_month: Annotated[
        int,
        typer.Option(
            "--work-month",
            metavar="K",
            min=1,
            max=600,
            help="Werkmaand (1 = eerste maand met inkomsten).",
        ),
    ],
    day_text: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATUM",
            help="Eerste dag van de uitkeringsmaand, JJJJ-MM-DD of DD-MM-JJJJ. Standaard: vandaag.",
        ),
    ] = None,
    output_format: Format = OutputFormat.tabel,
    lang: LangOption = Language.nl,
    debug: Debug = False,
) -> None:
    """Bijstand naast inkomsten uit werk (Participatiewet art. 31 lid 2 onder n, regel B1).

    Norm naar huishouden en datum, 25% vrijlating tot het maximum in werkmaand 1 tot en met 6.
    Voorbeeld: werkzorg residual-benefit --household alleenstaand --date 2026-01-01
    --net-earnings 1000 --work-month 1
    """
    kind = _household(household, lang)
    day = parse_day(day_text, "--date", lang)
    net = parse_amount(net_earnings, "--net-earnings", lang)
    assert net is not None
    with guard(debug, lang):
        from werkzorg_calc.engine.law.residual_benefit import residual_benefit

        result = residual_benefit(kind, day, net, work_month)
        if output_format is OutputFormat.json:
            from werkzorg_calc.write.law_json import residual_benefit_document

            _emit(residual_benefit_document(result, lang.value))
            return
        from werkzorg_calc.report.law import derivation_view
        from werkzorg_calc.text.formatting import number
        from werkzorg_calc.text.law import law_text

        title = law_text(
            "residual_title",
            lang.value,
            k=work_month,
            amount=number(float(result.benefit_after), 2, lang.value),
        )
        stdout_console().print(derivation_view(result.derivation, title, lang.value))


@app.command("wage-subsidy")
def wage_subsidy_command(
    hours: Annotated[str, typer.Option("--hours", metavar="UREN", help="Gewerkte uren per week.")],
    fulltime_hours: Annotated[
        str,
        typer.Option(
            "--fulltime-hours", metavar="UREN", help="Voltijd uren per week bij deze werkgever."
        ),
    ],
    loonwaarde: Annotated[
        str,
        typer.Option("--loonwaarde", metavar="AANDEEL", help="Loonwaarde als aandeel: 0.6 of 60%."),
    ],
    wml_vb: Annotated[
        str | None,
        typer.Option(
            "--wml-vb",
            metavar="EUR",
            help="WML + vakantiebijslag per voltijdmaand, in euro. Standaard: het WML van --date.",
        ),
    ] = None,
    employer_charges: Annotated[
        str | None,
        typer.Option(
            "--employer-charges",
            metavar="AANDEEL",
            help="Werkgeverslasten als aandeel (0.25). Standaard: de vaste opslag van --date.",
        ),
    ] = None,
    day_text: DateOption = None,
    output_format: Format = OutputFormat.tabel,
    lang: LangOption = Language.nl,
    debug: Debug = False,
) -> None:
    """Loonkostensubsidie per maand (Participatiewet art. 10d, regel W1).

    Loonwaarde, het maximum van 70% van WML+VB, werkgeverslasten en het deeltijddeel.
    Voorbeeld: werkzorg wage-subsidy --hours 32 --fulltime-hours 36 --loonwaarde 0.6
    --wml-vb 2523.96 --employer-charges 0.25
    """
    worked = parse_amount(hours, "--hours", lang)
    fulltime = parse_amount(fulltime_hours, "--fulltime-hours", lang)
    share = parse_amount(loonwaarde, "--loonwaarde", lang, share=True)
    charges = parse_amount(employer_charges, "--employer-charges", lang, share=True)
    given_wml = parse_amount(wml_vb, "--wml-vb", lang)
    assert worked is not None and fulltime is not None and share is not None
    if fulltime == 0:
        raise _refuse("fulltime_positive", "--fulltime-hours", lang)
    if worked > fulltime:
        raise _refuse("hours_max", "--hours", lang)
    if given_wml is not None and given_wml == 0:
        raise _refuse("wml_positive", "--wml-vb", lang)
    day = parse_day(day_text, "--date", lang)
    with guard(debug, lang):
        from werkzorg_calc.engine.law.wage_subsidy import wage_subsidy

        result = wage_subsidy(
            hours=worked,
            fulltime_hours=fulltime,
            loonwaarde=share,
            day=day,
            wml_vb=given_wml,
            employer_charges=charges,
        )
        if output_format is OutputFormat.json:
            from werkzorg_calc.write.law_json import wage_subsidy_document

            _emit(wage_subsidy_document(result, lang.value))
            return
        from werkzorg_calc.report.law import derivation_view
        from werkzorg_calc.text.formatting import number
        from werkzorg_calc.text.law import law_text

        title = law_text(
            "subsidy_title",
            lang.value,
            amount=number(float(result.wage_subsidy_month), 2, lang.value),
        )
        stdout_console().print(derivation_view(result.derivation, title, lang.value))
