"""werkzorg: the per-case cost-benefit sum of Werk als Beste Zorg, as a Python library.

Typical use (see ``docs/api.md`` and ``examples/analysis.py``)::

    from datetime import date
    import werkzorg_calc as wz

    day = date(2018, 6, 30)
    cases = wz.load_cases("examples/drechtsteden-2018.xlsx", day)
    result = wz.calculate(cases, wz.default_parameters(), day, horizon=12)
    result.stakeholders  # savings, costs, net per stakeholder (pandas DataFrame)
    result.cases         # one row per case; result.items: amount per case and line item
    result.target.met    # was the pilot target met?

    dear = wz.make_scenario("duur", {"jobcoach_hour_rate": 95.0})
    comparison = wz.compare(cases, wz.default_set(), [dear], day)
    comparison.overview  # one row per key figure, one column per run

Names are imported on first use, so the ``werkzorg`` command starts without loading pandas.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .calc import calculate
    from .compare import Comparison, compare
    from .errors import InputError, InputIssue, OutputError, ParameterError, WerkzorgError
    from .explain import (
        CaseExplanation,
        ExplainError,
        ItemAcrossCases,
        explain_case,
        explain_item,
        explanation_to_dict,
    )
    from .io.excel_out import write_comparison_excel, write_excel
    from .io.excel_uncertainty import write_sensitivity_excel, write_simulation_excel
    from .io.json_out import comparison_to_dict, result_to_dict, result_to_json
    from .io.parameter_files import Scenario, export_toml, make_scenario, read_scenario
    from .io.read import CaseTable, SourceInfo, load_case_files, load_cases
    from .parameters import (
        Override,
        Parameters,
        ParameterSet,
        apply_overrides,
        default_parameters,
        default_set,
        parameter_info,
        with_overrides,
    )
    from .prices import price_factor
    from .provenance import Provenance, build_provenance
    from .result import Money, Result, Totals
    from .session import resolve_parameters
    from .target import TargetResult
    from .uncertainty.distributions import (
        DistributionSpec,
        default_distributions,
        make_distributions,
    )
    from .uncertainty.documents import sensitivity_to_dict, simulation_to_dict
    from .uncertainty.inputs import resolve_uncertainty
    from .uncertainty.sensitivity import SensitivityResult, sensitivity
    from .uncertainty.simulate import SimulationResult, TargetBootstrap, simulate

_WHERE = {
    "calculate": ".calc",
    "Comparison": ".compare",
    "compare": ".compare",
    "InputError": ".errors",
    "InputIssue": ".errors",
    "OutputError": ".errors",
    "ParameterError": ".errors",
    "WerkzorgError": ".errors",
    "CaseExplanation": ".explain",
    "ExplainError": ".explain",
    "ItemAcrossCases": ".explain",
    "explain_case": ".explain",
    "explain_item": ".explain",
    "explanation_to_dict": ".explain",
    "write_comparison_excel": ".io.excel_out",
    "write_excel": ".io.excel_out",
    "comparison_to_dict": ".io.json_out",
    "result_to_dict": ".io.json_out",
    "result_to_json": ".io.json_out",
    "Scenario": ".io.parameter_files",
    "export_toml": ".io.parameter_files",
    "make_scenario": ".io.parameter_files",
    "read_scenario": ".io.parameter_files",
    "CaseTable": ".io.read",
    "SourceInfo": ".io.read",
    "load_case_files": ".io.read",
    "load_cases": ".io.read",
    "Override": ".parameters",
    "Parameters": ".parameters",
    "ParameterSet": ".parameters",
    "apply_overrides": ".parameters",
    "default_parameters": ".parameters",
    "default_set": ".parameters",
    "parameter_info": ".parameters",
    "with_overrides": ".parameters",
    "price_factor": ".prices",
    "Provenance": ".provenance",
    "build_provenance": ".provenance",
    "Money": ".result",
    "Result": ".result",
    "Totals": ".result",
    "resolve_parameters": ".session",
    "TargetResult": ".target",
    "DistributionSpec": ".uncertainty.distributions",
    "default_distributions": ".uncertainty.distributions",
    "make_distributions": ".uncertainty.distributions",
    "sensitivity_to_dict": ".uncertainty.documents",
    "simulation_to_dict": ".uncertainty.documents",
    "resolve_uncertainty": ".uncertainty.inputs",
    "SensitivityResult": ".uncertainty.sensitivity",
    "sensitivity": ".uncertainty.sensitivity",
    "SimulationResult": ".uncertainty.simulate",
    "TargetBootstrap": ".uncertainty.simulate",
    "simulate": ".uncertainty.simulate",
    "write_sensitivity_excel": ".io.excel_uncertainty",
    "write_simulation_excel": ".io.excel_uncertainty",
}

__all__ = [
    "CaseExplanation",
    "CaseTable",
    "Comparison",
    "DistributionSpec",
    "ExplainError",
    "InputError",
    "InputIssue",
    "ItemAcrossCases",
    "Money",
    "OutputError",
    "Override",
    "ParameterError",
    "ParameterSet",
    "Parameters",
    "Provenance",
    "Result",
    "Scenario",
    "SensitivityResult",
    "SimulationResult",
    "SourceInfo",
    "TargetBootstrap",
    "TargetResult",
    "Totals",
    "WerkzorgError",
    "apply_overrides",
    "build_provenance",
    "calculate",
    "compare",
    "comparison_to_dict",
    "default_distributions",
    "default_parameters",
    "default_set",
    "explain_case",
    "explain_item",
    "explanation_to_dict",
    "export_toml",
    "load_case_files",
    "load_cases",
    "make_distributions",
    "make_scenario",
    "parameter_info",
    "price_factor",
    "read_scenario",
    "resolve_parameters",
    "resolve_uncertainty",
    "result_to_dict",
    "result_to_json",
    "sensitivity",
    "sensitivity_to_dict",
    "simulate",
    "simulation_to_dict",
    "with_overrides",
    "write_comparison_excel",
    "write_excel",
    "write_sensitivity_excel",
    "write_simulation_excel",
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
