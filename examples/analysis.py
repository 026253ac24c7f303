"""An analyst's script: the example cases, three what-ifs, and where the money lands.

Run from the repository root::

    python examples/analysis.py

It answers three questions an analyst gets asked about the Drechtsteden pilot:
what if the jobcoach costs EUR 95 an hour, what if only 70% keep their job a year
(looking five years ahead), and what if the care provider pays the counsellor?
Then: how sure are we (a tornado, break-even values and a Monte Carlo simulation)?
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

import werkzorg_calc as wz

EXAMPLE = Path(__file__).parent / "drechtsteden-2018.xlsx"
PEILDATUM = date(2018, 6, 30)


def main() -> None:
    """Calculate the base, compare three scenarios and print the tables."""
    cases = wz.load_cases(EXAMPLE, PEILDATUM)
    base = wz.resolve_parameters([EXAMPLE])  # defaults plus the workbook's Parameters sheet
    result = wz.calculate(cases, base, PEILDATUM, by="gemeente")

    print("Target:", "met" if result.target.met else "not met")
    print(f"  {result.target.durable} of {result.target.participants} durably at work")
    print("\nPer stakeholder (EUR):")
    print(result.stakeholders[["savings", "costs", "net"]].round(2).to_string())
    groups = result.groups
    assert groups is not None  # calculated with by="gemeente"
    print("\nPer municipality:")
    print(groups[["participants", "durable", "net"]].round(2).to_string())

    # The five cases with the largest savings, and which line items made them.
    top = result.cases.nlargest(5, "savings").index
    print("\nLargest savings, per line item (EUR):")
    print(pd.concat([result.cases.loc[top, ["case_id"]], result.items.loc[top]], axis=1).round(2))

    scenarios = [
        wz.make_scenario(
            "jobcoach-95",
            {"jobcoach_hour_rate": 95.0},
            "The jobcoach costs EUR 95 an hour instead of 89.02.",
        ),
        wz.make_scenario(
            "behoud-70",
            {"retention_per_year": 0.70},
            "Only 70% keep their job a year; five years ahead.",
            horizon=60,
        ),
        wz.make_scenario(
            "ggz-betaalt",
            {"payers.counselling": "care_provider"},
            "The care provider pays the trajectory counsellor.",
        ),
    ]
    comparison = wz.compare(cases, base, scenarios, PEILDATUM)
    print("\nScenarios side by side (EUR):")
    print(comparison.overview.to_string())
    print("\nDifference from the base (EUR):")
    print(comparison.differences.round(2).to_string())

    # The same document the command line writes with --format json.
    document = wz.comparison_to_dict(comparison)
    print("\nScenarios in the JSON document:", [s["name"] for s in document["scenarios"]])

    # How sure are we? Each uncertain parameter at the ends of its range, twelve months ahead,
    # and where each party's net turns (NaN: it does not turn within the range).
    sensitivity = wz.sensitivity(cases, base, PEILDATUM, horizon=12)
    print("\nTornado, change in the total net (EUR):")
    print(sensitivity.tornado[["low", "high", "change_low", "change_high"]].round(2).to_string())
    turns = sensitivity.break_even.xs("deadweight", level="parameter")
    print("\nDeadweight at which each net becomes zero:")
    print(turns[["value", "status"]].to_string())

    # All of them drawn together, 10,000 times; the same seed gives the same numbers.
    simulation = wz.simulate(cases, base, PEILDATUM, horizon=12, draws=10_000, seed=42)
    print("\nSimulated net (EUR) and the chance it is positive:")
    print(simulation.summary[["mean", "p5", "p50", "p95", "chance_positive"]].round(2).to_string())
    target = simulation.target
    print(f"Target share {target.share:.0%}, bootstrap 95% {target.low:.0%}-{target.high:.0%}")


if __name__ == "__main__":
    main()
