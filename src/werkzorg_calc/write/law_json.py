"""The law commands' JSON documents: English keys, amounts as numbers, notes in words."""

from __future__ import annotations

from collections.abc import Sequence

from werkzorg_calc.domain.legal import LegalRow
from werkzorg_calc.engine.law.derivation import Derivation
from werkzorg_calc.engine.law.residual_benefit import ResidualBenefit
from werkzorg_calc.engine.law.wage_subsidy import WageSubsidy
from werkzorg_calc.text.formatting import show_date
from werkzorg_calc.text.labels import Lang
from werkzorg_calc.text.law import law_text, left_out_note


def _common(derivation: Derivation, lang: Lang) -> dict[str, object]:
    warnings = [
        {
            "code": "legal_row_unverified",
            "message": law_text(
                "unverified",
                lang,
                name=row.key,
                start=show_date(row.valid_from, lang),
                end=show_date(row.valid_to, lang),
                line=row.line,
            ),
        }
        for row in derivation.unverified_rows
    ]
    return {
        "rule": derivation.rule,
        "article": derivation.article,
        "derivation": derivation.to_dict(),
        "left_out": list(derivation.left_out),
        "notes": [left_out_note(derivation.left_out, lang)],
        "warnings": warnings,
    }


def residual_benefit_document(result: ResidualBenefit, lang: Lang = "nl") -> dict[str, object]:
    """``werkzorg residual-benefit --format json``."""
    return {
        "household": result.household,
        "date": result.day.isoformat(),
        "net_earnings": float(result.net_earnings),
        "work_month": result.work_month,
        "norm": float(result.norm),
        "disregard": float(result.disregard),
        "benefit_after": float(result.benefit_after),
        **_common(result.derivation, lang),
    }


def wage_subsidy_document(result: WageSubsidy, lang: Lang = "nl") -> dict[str, object]:
    """``werkzorg wage-subsidy --format json``."""
    return {
        "hours": float(result.hours),
        "fulltime_hours": float(result.fulltime_hours),
        "loonwaarde": float(result.loonwaarde),
        "date": result.day.isoformat(),
        "wml_vb": float(result.wml_vb),
        "employer_charges": float(result.employer_charges),
        "loonwaarde_eur": float(result.loonwaarde_eur),
        "base": float(result.base),
        "wage_subsidy_month": float(result.wage_subsidy_month),
        **_common(result.derivation, lang),
    }


def norms_document(rows: Sequence[LegalRow]) -> list[dict[str, object]]:
    """``werkzorg norms --format json``: one object per row, unverified ones flagged."""
    return [
        {
            "key": row.key,
            "valid_from": row.valid_from.isoformat(),
            "valid_to": row.valid_to.isoformat(),
            "value": None if row.value is None else float(row.value),
            "unit": row.unit,
            "verified": row.verified,
            "unverified": not row.usable_as_verified,
            "source": row.source,
            "line": row.line,
        }
        for row in rows
    ]
