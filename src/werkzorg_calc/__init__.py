"""werkzorg: the per-case cost-benefit sum of Werk als Beste Zorg, as a Python library.

Typical use::

    from datetime import date
    import werkzorg_calc as wz

    day = date(2018, 6, 30)
    cases = wz.load_cases("examples/drechtsteden-2018.xlsx", day)
    result = wz.calculate(cases, wz.default_parameters(), day, horizon=12)
    result.stakeholders  # savings, costs, net per stakeholder (pandas DataFrame)

Names are imported on first use, so the ``werkzorg`` command starts without loading pandas.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .calc import calculate
    from .errors import InputError, InputIssue, OutputError, ParameterError, WerkzorgError
    from .io.excel_out import write_excel
    from .io.json_out import result_to_dict, result_to_json
    from .io.read import CaseTable, SourceInfo, load_cases
    from .parameters import Parameters, default_parameters, parameter_info, with_overrides
    from .result import Money, Result, Totals
    from .target import TargetResult

__all__ = [
    "CaseTable",
    "InputError",
    "InputIssue",
    "Money",
    "OutputError",
    "ParameterError",
    "Parameters",
    "Result",
    "SourceInfo",
    "TargetResult",
    "Totals",
    "WerkzorgError",
    "calculate",
    "default_parameters",
    "load_cases",
    "parameter_info",
    "result_to_dict",
    "result_to_json",
    "with_overrides",
    "write_excel",
]

_WHERE = {
    "calculate": ".calc",
    "InputError": ".errors",
    "InputIssue": ".errors",
    "OutputError": ".errors",
    "ParameterError": ".errors",
    "WerkzorgError": ".errors",
    "write_excel": ".io.excel_out",
    "result_to_dict": ".io.json_out",
    "result_to_json": ".io.json_out",
    "CaseTable": ".io.read",
    "SourceInfo": ".io.read",
    "load_cases": ".io.read",
    "Parameters": ".parameters",
    "default_parameters": ".parameters",
    "parameter_info": ".parameters",
    "with_overrides": ".parameters",
    "Money": ".result",
    "Result": ".result",
    "Totals": ".result",
    "TargetResult": ".target",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used (PEP 562)."""
    if name in _WHERE:
        value = getattr(import_module(_WHERE[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'werkzorg_calc' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
