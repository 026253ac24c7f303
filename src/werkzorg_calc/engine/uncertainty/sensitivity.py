"""One-way sensitivity: each uncertain parameter at its low and high value, and where the net
turns (the break-even or switching value), for the total and for each stakeholder.

The break-even search scans the range on a grid of ``GRID_POINTS`` values, then narrows every
sign change by bisection until the bracket is as small as floating point allows. The net is
linear in most parameters and monotone in the rest (retention and discount enter through the
projection factor), so one crossing is the rule; the grid finds several where they exist, and
the one nearest the parameter's value is reported first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Literal

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from werkzorg_calc.domain.cases import CaseTable
from werkzorg_calc.domain.parameters import Parameters, ParameterSet
from werkzorg_calc.domain.result import Result
from werkzorg_calc.engine.calc import calculate
from werkzorg_calc.engine.uncertainty.distributions import (
    Distribution,
    DistributionSpec,
    default_distributions,
    resolve_distributions,
)
from werkzorg_calc.engine.uncertainty.model import TARGETS, Array, NetModel

GRID_POINTS: Final = 257
BISECTIONS: Final = 64  # halves the bracket below the spacing of floats at the root
BOUNDS: Final = ("low", "high")
Crossing = Literal["crosses", "positive", "negative", "zero"]


@dataclass(frozen=True)
class SensitivityResult:
    """One-way sensitivity of the net, per stakeholder and in total.

    ``base_net``: the net per target (``TARGETS``: the stakeholders, then ``total``) at the
    parameters' own values. ``changes``: one row per (parameter, bound) with the parameter's
    value at that bound and the change in net per target. ``tornado``: one row per parameter,
    largest swing of the total net first: value, low, high, net_low, net_high, change_low,
    change_high, swing. ``break_even``: one row per (parameter, target): ``value`` where the
    net is zero (NaN when it does not cross within the range), ``status`` (``crosses``,
    ``positive`` or ``negative`` throughout, or ``zero`` throughout), ``crossings`` (how
    many), ``others`` (further crossings, if any) and the net at both ends of the range.
    """

    base: Result
    distributions: tuple[Distribution, ...]
    base_net: pd.Series
    changes: pd.DataFrame
    tornado: pd.DataFrame
    break_even: pd.DataFrame

    @property
    def parameters(self) -> list[str]:
        """The parameters varied, largest swing first."""
        return [str(key) for key in self.tornado.index]

    def change(self, key: str, bound: str) -> dict[str, float]:
        """``key``'s value at ``bound`` (``low`` or ``high``) and the change in net per target."""
        row = self.changes.loc[[(key, bound)]].to_dict("records")[0]
        return {str(name): float(value) for name, value in row.items()}

    def crossing(self, key: str, target: str) -> dict[str, Any]:
        """The break-even row of ``key`` for ``target``: value, status, crossings, …"""
        return {
            str(k): v for k, v in self.break_even.loc[[(key, target)]].to_dict("records")[0].items()
        }


def sensitivity(
    cases: CaseTable,
    params: Parameters | ParameterSet | None = None,
    peildatum: date | None = None,
    horizon: int = 0,
    *,
    price_year: int | None = None,
    distributions: dict[str, DistributionSpec] | None = None,
) -> SensitivityResult:
    """Vary each uncertain parameter over its range; find where each net turns.

    A parameter is uncertain when its distribution is not ``fixed``; its range is ``low``–
    ``high`` of its distribution (by default the range in ``parameters.csv``). The other
    arguments are those of ``calculate``. Example::

        result = sensitivity(cases, default_parameters(), date(2018, 6, 30))
        result.tornado          # largest swing of the total net first
        result.break_even.loc["jobcoach_hour_rate"]
    """
    base = calculate(cases, params, peildatum, horizon, price_year=price_year)
    resolved = resolve_distributions(distributions or default_distributions(), base.parameters)
    varied = [item for item in resolved if item.uncertain]
    model = NetModel.from_result(cases, base)
    base_net = pd.Series(model.net(model.values())[0], index=list(TARGETS), name="net")
    changes = _changes(model, varied, base_net)
    return SensitivityResult(
        base=base,
        distributions=resolved,
        base_net=base_net,
        changes=changes,
        tornado=_tornado(changes, varied, base_net),
        break_even=_break_even(model, varied),
    )


def _changes(model: NetModel, varied: Sequence[Distribution], base_net: pd.Series) -> pd.DataFrame:
    """The change in net per target with each parameter at its low and at its high value."""
    index = pd.MultiIndex.from_tuples(
        [(item.key, bound) for item in varied for bound in BOUNDS], names=["parameter", "bound"]
    )
    if not varied:
        return pd.DataFrame(columns=["value", *TARGETS], index=index, dtype="float64")
    values = np.array([getattr(item, bound) for item in varied for bound in BOUNDS])
    nets = _net_varying(model, [item.key for item in varied for _ in BOUNDS], values)
    frame = pd.DataFrame(nets - base_net.to_numpy(), index=index, columns=list(TARGETS))
    frame.insert(0, "value", values)
    return frame


def _net_varying(model: NetModel, keys: Sequence[str], values: Array) -> Array:
    """The net (rows as ``keys``) with parameter ``keys[i]`` at ``values[i]``, others at base."""
    names = np.asarray(keys, dtype=object)
    columns = {key: np.repeat(array, len(keys)) for key, array in model.values().items()}
    for key in set(keys):
        columns[key] = np.where(names == key, values, columns[key])
    return model.net(columns)


def _tornado(
    changes: pd.DataFrame, varied: Sequence[Distribution], base_net: pd.Series
) -> pd.DataFrame:
    total = float(base_net["total"])
    by_bound = changes["total"].to_numpy(dtype=np.float64).reshape(len(varied), len(BOUNDS))
    rows = []
    for item, (change_low, change_high) in zip(varied, by_bound.tolist(), strict=True):
        rows.append(
            {
                "parameter": item.key,
                "value": item.value,
                "low": item.low,
                "high": item.high,
                "net_low": total + change_low,
                "net_high": total + change_high,
                "change_low": change_low,
                "change_high": change_high,
                "swing": abs(change_high - change_low),
            }
        )
    columns = ["value", "low", "high", "net_low", "net_high", "change_low", "change_high", "swing"]
    if not rows:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="parameter"), dtype="float64")
    frame = pd.DataFrame(rows).set_index("parameter")
    return frame.sort_values("swing", ascending=False, kind="stable")


def _break_even(model: NetModel, varied: Sequence[Distribution]) -> pd.DataFrame:
    """For each parameter and target: where the net is zero within the range, if anywhere."""
    index = pd.MultiIndex.from_tuples(
        [(item.key, target) for item in varied for target in TARGETS],
        names=["parameter", "target"],
    )
    columns = ["value", "status", "crossings", "others", "net_at_low", "net_at_high"]
    if not varied:
        return pd.DataFrame(columns=columns, index=index)
    grids = np.stack([np.linspace(item.low, item.high, GRID_POINTS) for item in varied])
    keys = [item.key for item in varied for _ in range(GRID_POINTS)]
    nets = _net_varying(model, keys, grids.ravel()).reshape(len(varied), GRID_POINTS, -1)
    roots = _roots(model, varied, grids, nets)
    rows = []
    for p, item in enumerate(varied):
        for t, _target in enumerate(TARGETS):
            found = sorted(roots.get((p, t), []), key=lambda x: (abs(x - item.value), x))
            curve = nets[p, :, t]
            status: Crossing
            if found:
                status = "crosses"
            elif not curve.any():
                status = "zero"
            else:
                status = "positive" if curve.max() > 0 else "negative"
            rows.append(
                {
                    "value": found[0] if found else np.nan,
                    "status": status,
                    "crossings": len(found),
                    "others": tuple(found[1:]),
                    "net_at_low": float(curve[0]),
                    "net_at_high": float(curve[-1]),
                }
            )
    return pd.DataFrame(rows, index=index, columns=columns)


def _roots(
    model: NetModel,
    varied: Sequence[Distribution],
    grids: NDArray[np.float64],
    nets: NDArray[np.float64],
) -> dict[tuple[int, int], list[float]]:
    """Every zero of every (parameter, target) curve: grid points that are exactly zero, and
    sign changes between neighbours narrowed by bisection, all brackets at once."""
    signs = np.sign(nets)
    roots: dict[tuple[int, int], list[float]] = {}
    flat = np.all(nets == 0, axis=1)  # a net that is zero throughout the range has no crossing
    for p, g, t in zip(*np.nonzero(signs == 0), strict=True):
        # a zero at a grid point, counted once for a run of zeros
        if not flat[p, t] and (g == 0 or signs[p, g - 1, t] != 0):
            roots.setdefault((int(p), int(t)), []).append(float(grids[p, g]))
    p_index, g_index, t_index = np.nonzero(signs[:, :-1, :] * signs[:, 1:, :] < 0)
    if len(p_index) == 0:
        return roots
    low = grids[p_index, g_index].copy()
    high = grids[p_index, g_index + 1].copy()
    low_sign = signs[p_index, g_index, t_index]
    keys = [varied[int(p)].key for p in p_index]
    rows = np.arange(len(p_index))
    for _ in range(BISECTIONS):
        middle = (low + high) / 2
        sign = np.sign(_net_varying(model, keys, middle)[rows, t_index])
        zero, same = sign == 0, sign == low_sign
        low = np.where(same | zero, middle, low)
        high = np.where(~same | zero, middle, high)
    for p, t, a, b in zip(p_index, t_index, low, high, strict=True):
        roots.setdefault((int(p), int(t)), []).append(float((a + b) / 2))
    return roots
