"""Sensitivity and simulation results → JSON-ready data; amounts stay unrounded.

The documents share the header of ``werkzorg calc --format json`` (peildatum, horizon, sources,
price year, parameters) and add ``kind`` (``sensitivity`` or ``simulation``) and the
distributions used. Schema in ``docs/uncertainty.md``.
"""

from __future__ import annotations

import math
from typing import Any

from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.provenance import Provenance, build_provenance
from werkzorg_calc.engine.uncertainty.distributions import Distribution
from werkzorg_calc.engine.uncertainty.model import TARGETS
from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult
from werkzorg_calc.engine.uncertainty.simulate import SimulationResult

SCHEMA_VERSION = 1


def _number(value: object) -> float | None:
    """JSON has no NaN or infinity: those become null."""
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]  # numpy and pandas scalars convert
    return number if math.isfinite(number) else None


def _distribution(item: Distribution) -> dict[str, Any]:
    return {
        "distribution": item.kind,
        "value": item.value,
        "low": item.low,
        "high": item.high,
        "arguments": item.arguments,
        "justification": item.justification,
        "origin": item.origin,
    }


def _header(base: Result, kind: str, distributions: tuple[Distribution, ...]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": kind,
        "peildatum": base.peildatum.isoformat(),
        "horizon_months": base.horizon,
        "sources": [
            {"file": source.file, "sha256": source.sha256, "sheet": source.sheet}
            for source in base.sources
        ],
        "price_year": base.price_year,
        "parameters": base.parameters.flat(),
        "changed_parameters": base.changed_parameters,
        "parameter_origins": base.parameter_origins,
        "distributions": {item.key: _distribution(item) for item in distributions},
    }


def sensitivity_to_dict(
    result: SensitivityResult, provenance: Provenance | None = None
) -> dict[str, Any]:
    """The document of ``werkzorg sensitivity --format json``, with the run's provenance."""
    tornado = []
    for key, row in zip(result.tornado.index, result.tornado.to_dict("records"), strict=True):
        changes = result.changes.loc[key]
        tornado.append(
            {
                "parameter": str(key),
                **{name: _number(value) for name, value in row.items()},
                "change_by_target": {
                    bound: {target: _number(changes.at[bound, target]) for target in TARGETS}
                    for bound in ("low", "high")
                },
            }
        )
    break_even = []
    for (key, target), row in zip(
        result.break_even.index, result.break_even.to_dict("records"), strict=True
    ):
        break_even.append(
            {
                "parameter": key,
                "target": target,
                "value": _number(row["value"]),
                "status": row["status"],
                "crossings": int(row["crossings"]),
                "other_values": [float(value) for value in row["others"]],
                "net_at_low": _number(row["net_at_low"]),
                "net_at_high": _number(row["net_at_high"]),
            }
        )
    return {
        **_header(result.base, "sensitivity", result.distributions),
        "base_net": {target: _number(result.base_net[target]) for target in TARGETS},
        "tornado": tornado,
        "break_even": break_even,
        "provenance": (
            provenance or build_provenance(result.base, command="sensitivity")
        ).to_dict(),
    }


def simulation_to_dict(
    result: SimulationResult, provenance: Provenance | None = None
) -> dict[str, Any]:
    """The document of ``werkzorg simulate --format json`` (summaries, not every draw).

    ``provenance`` defaults to the base run's, with the draws and seed in its command.
    """
    if provenance is None:
        extra = ["--draws", str(result.draws), "--seed", str(result.seed)]
        provenance = build_provenance(result.base, command="simulate", extra=extra)
    target = result.target
    base_target = result.base.target
    return {
        **_header(result.base, "simulation", result.distributions),
        "draws": result.draws,
        "seed": result.seed,
        "uncertain_parameters": result.uncertain,
        "net": {
            str(name): {column: _number(value) for column, value in row.items()}
            for name, row in zip(
                result.summary.index, result.summary.to_dict("records"), strict=True
            )
        },
        "target": {
            "basis": base_target.basis,
            "participants": base_target.participants,
            "count": base_target.count,
            "share": _number(target.share),
            "bootstrap95": None
            if target.low is None
            else [_number(target.low), _number(target.high)],
            "chance_met": _number(target.chance_met),
            "replicates": target.replicates,
            "target_share": base_target.target_share,
            "target_count": base_target.target_count,
        },
        "provenance": provenance.to_dict(),
    }
