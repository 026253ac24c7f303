"""werkzorg: the per-case cost-benefit sum of Werk als Beste Zorg, as a Python library.

Typical use (see ``docs/api.md`` and ``examples/analysis.py``)::

    from datetime import date
    import werkzorg_calc as wz

    day = date(2018, 6, 30)
    cases = wz.load_cases("examples/drechtsteden-2018.xlsx", day)
    # or, from a DataFrame you already have: cases = wz.load_frame(frame, day)
    result = wz.calculate(cases, wz.default_parameters(), day, horizon=12)
    result.stakeholders  # savings, costs, net per stakeholder (pandas DataFrame)
    result.cases         # one row per case; result.items: amount per case and line item
    result.target.met    # was the pilot target met?
    result.beyond.settlement.table()  # who should pay whom (S1–S3), one row per party
    result.beyond.welfare.actors      # the welfare view: real effects and transfers per actor

    dear = wz.make_scenario("duur", {"jobcoach_hour_rate": 95.0})
    comparison = wz.compare(cases, wz.default_set(), [dear], day)
    comparison.overview  # one row per key figure, one column per run

Names are imported on first use, so the ``werkzorg`` command starts without loading pandas.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from werkzorg_calc.domain.beyond import (
        Beyond,
        CaseBootstrap,
        IdentityError,
        Payback,
        Plausibility,
        Settlement,
        Welfare,
    )
    from werkzorg_calc.domain.cases import CaseTable, SourceInfo
    from werkzorg_calc.domain.errors import (
        InputError,
        InputIssue,
        OutputError,
        ParameterError,
        ParameterProblem,
        WerkzorgError,
    )
    from werkzorg_calc.domain.legal import LegalTableError
    from werkzorg_calc.domain.parameters import (
        Override,
        Parameters,
        ParameterSet,
        apply_overrides,
        default_parameters,
        default_set,
        parameter_info,
        with_overrides,
    )
    from werkzorg_calc.domain.prices import price_factor
    from werkzorg_calc.domain.result import Money, Result, Totals
    from werkzorg_calc.domain.scenario import Scenario, make_scenario
    from werkzorg_calc.domain.target import TargetResult
    from werkzorg_calc.engine.bootstrap import case_bootstrap
    from werkzorg_calc.engine.calc import calculate
    from werkzorg_calc.engine.cashable import cashable_split
    from werkzorg_calc.engine.compare import Comparison, compare
    from werkzorg_calc.engine.explain import explain_case, explain_item, explanation_to_dict
    from werkzorg_calc.engine.explanation import CaseExplanation, ExplainError, ItemAcrossCases
    from werkzorg_calc.engine.law.derivation import Derivation
    from werkzorg_calc.engine.law.residual_benefit import ResidualBenefit, residual_benefit
    from werkzorg_calc.engine.law.schedule import BenefitSchedule, residual_benefit_schedule
    from werkzorg_calc.engine.law.wage_subsidy import WageSubsidy, wage_subsidy
    from werkzorg_calc.engine.payback import payback
    from werkzorg_calc.engine.provenance import Provenance, build_provenance
    from werkzorg_calc.engine.settlement import settle
    from werkzorg_calc.engine.uncertainty.distributions import (
        DistributionSpec,
        default_distributions,
        make_distributions,
    )
    from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult, sensitivity
    from werkzorg_calc.engine.uncertainty.simulate import (
        SimulationResult,
        TargetBootstrap,
        simulate,
    )
    from werkzorg_calc.engine.welfare import welfare_view
    from werkzorg_calc.read.cases import load_case_files, load_cases
    from werkzorg_calc.read.frame import load_frame
    from werkzorg_calc.read.parameter_files import read_scenario
    from werkzorg_calc.sources.parameters import resolve_parameters
    from werkzorg_calc.sources.uncertainty import resolve_uncertainty
    from werkzorg_calc.text.issues import error_messages, issue_message
    from werkzorg_calc.write.excel.comparison import write_comparison_excel
    from werkzorg_calc.write.excel.summary import write_excel
    from werkzorg_calc.write.excel.uncertainty import (
        write_sensitivity_excel,
        write_simulation_excel,
    )
    from werkzorg_calc.write.html import (
        render_comparison,
        render_result,
        render_simulation,
        write_comparison_html,
        write_html_report,
        write_simulation_html,
    )
    from werkzorg_calc.write.json_document import comparison_to_dict, result_to_dict, result_to_json
    from werkzorg_calc.write.toml_export import export_toml
    from werkzorg_calc.write.uncertainty_json import sensitivity_to_dict, simulation_to_dict

_WHERE = {
    "calculate": ".engine.calc",
    "Beyond": ".domain.beyond",
    "CaseBootstrap": ".domain.beyond",
    "IdentityError": ".domain.beyond",
    "Payback": ".domain.beyond",
    "Plausibility": ".domain.beyond",
    "Settlement": ".domain.beyond",
    "Welfare": ".domain.beyond",
    "case_bootstrap": ".engine.bootstrap",
    "cashable_split": ".engine.cashable",
    "payback": ".engine.payback",
    "settle": ".engine.settlement",
    "welfare_view": ".engine.welfare",
    "Comparison": ".engine.compare",
    "compare": ".engine.compare",
    "InputError": ".domain.errors",
    "InputIssue": ".domain.errors",
    "OutputError": ".domain.errors",
    "ParameterError": ".domain.errors",
    "ParameterProblem": ".domain.errors",
    "error_messages": ".text.issues",
    "issue_message": ".text.issues",
    "WerkzorgError": ".domain.errors",
    "CaseExplanation": ".engine.explanation",
    "ExplainError": ".engine.explanation",
    "ItemAcrossCases": ".engine.explanation",
    "explain_case": ".engine.explain",
    "explain_item": ".engine.explain",
    "explanation_to_dict": ".engine.explain",
    "Derivation": ".engine.law.derivation",
    "ResidualBenefit": ".engine.law.residual_benefit",
    "residual_benefit": ".engine.law.residual_benefit",
    "BenefitSchedule": ".engine.law.schedule",
    "residual_benefit_schedule": ".engine.law.schedule",
    "WageSubsidy": ".engine.law.wage_subsidy",
    "wage_subsidy": ".engine.law.wage_subsidy",
    "write_comparison_excel": ".write.excel.comparison",
    "write_excel": ".write.excel.summary",
    "render_comparison": ".write.html",
    "render_result": ".write.html",
    "render_simulation": ".write.html",
    "write_comparison_html": ".write.html",
    "write_html_report": ".write.html",
    "write_simulation_html": ".write.html",
    "comparison_to_dict": ".write.json_document",
    "result_to_dict": ".write.json_document",
    "result_to_json": ".write.json_document",
    "Scenario": ".domain.scenario",
    "export_toml": ".write.toml_export",
    "make_scenario": ".domain.scenario",
    "read_scenario": ".read.parameter_files",
    "CaseTable": ".domain.cases",
    "SourceInfo": ".domain.cases",
    "load_case_files": ".read.cases",
    "load_cases": ".read.cases",
    "load_frame": ".read.frame",
    "Override": ".domain.parameters",
    "Parameters": ".domain.parameters",
    "ParameterSet": ".domain.parameters",
    "apply_overrides": ".domain.parameters",
    "default_parameters": ".domain.parameters",
    "default_set": ".domain.parameters",
    "parameter_info": ".domain.parameters",
    "with_overrides": ".domain.parameters",
    "LegalTableError": ".domain.legal",
    "price_factor": ".domain.prices",
    "Provenance": ".engine.provenance",
    "build_provenance": ".engine.provenance",
    "Money": ".domain.result",
    "Result": ".domain.result",
    "Totals": ".domain.result",
    "resolve_parameters": ".sources.parameters",
    "TargetResult": ".domain.target",
    "DistributionSpec": ".engine.uncertainty.distributions",
    "default_distributions": ".engine.uncertainty.distributions",
    "make_distributions": ".engine.uncertainty.distributions",
    "sensitivity_to_dict": ".write.uncertainty_json",
    "simulation_to_dict": ".write.uncertainty_json",
    "resolve_uncertainty": ".sources.uncertainty",
    "SensitivityResult": ".engine.uncertainty.sensitivity",
    "sensitivity": ".engine.uncertainty.sensitivity",
    "SimulationResult": ".engine.uncertainty.simulate",
    "TargetBootstrap": ".engine.uncertainty.simulate",
    "simulate": ".engine.uncertainty.simulate",
    "write_sensitivity_excel": ".write.excel.uncertainty",
    "write_simulation_excel": ".write.excel.uncertainty",
}

__all__ = [
    "BenefitSchedule",
    "Beyond",
    "CaseBootstrap",
    "CaseExplanation",
    "CaseTable",
    "Comparison",
    "Derivation",
    "DistributionSpec",
    "ExplainError",
    "IdentityError",
    "InputError",
    "InputIssue",
    "ItemAcrossCases",
    "LegalTableError",
    "Money",
    "OutputError",
    "Override",
    "ParameterError",
    "ParameterProblem",
    "ParameterSet",
    "Parameters",
    "Payback",
    "Plausibility",
    "Provenance",
    "ResidualBenefit",
    "Result",
    "Scenario",
    "SensitivityResult",
    "Settlement",
    "SimulationResult",
    "SourceInfo",
    "TargetBootstrap",
    "TargetResult",
    "Totals",
    "WageSubsidy",
    "Welfare",
    "WerkzorgError",
    "apply_overrides",
    "build_provenance",
    "calculate",
    "case_bootstrap",
    "cashable_split",
    "compare",
    "comparison_to_dict",
    "default_distributions",
    "default_parameters",
    "default_set",
    "error_messages",
    "explain_case",
    "explain_item",
    "explanation_to_dict",
    "export_toml",
    "issue_message",
    "load_case_files",
    "load_cases",
    "load_frame",
    "make_distributions",
    "make_scenario",
    "parameter_info",
    "payback",
    "price_factor",
    "read_scenario",
    "render_comparison",
    "render_result",
    "render_simulation",
    "residual_benefit",
    "residual_benefit_schedule",
    "resolve_parameters",
    "resolve_uncertainty",
    "result_to_dict",
    "result_to_json",
    "sensitivity",
    "sensitivity_to_dict",
    "settle",
    "simulate",
    "simulation_to_dict",
    "wage_subsidy",
    "welfare_view",
    "with_overrides",
    "write_comparison_excel",
    "write_comparison_html",
    "write_excel",
    "write_html_report",
    "write_sensitivity_excel",
    "write_simulation_excel",
    "write_simulation_html",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used (PEP 562)."""
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'werkzorg_calc' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
