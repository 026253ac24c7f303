"""Charts as image files (``--plot``): a tornado, or histograms of the simulated net.

matplotlib is an optional extra (``pip install 'werkzorg-calc[plot]'``); without it the
functions raise ``PlotUnavailableError`` with a Dutch message. Figures are drawn with the
object-oriented API on an Agg canvas, so no display or GUI backend is ever involved.
"""

# matplotlib is optional: it is imported only when a chart is drawn, after checking it exists.
# ruff: noqa: PLC0415

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from werkzorg_calc.domain.errors import WerkzorgError
from werkzorg_calc.engine.uncertainty.display import parameter_value, target_label
from werkzorg_calc.engine.uncertainty.model import TARGETS
from werkzorg_calc.text.formatting import number, percent
from werkzorg_calc.text.labels import Lang, bound_label, text
from werkzorg_calc.write.safe_write import atomic_target, check_target

if TYPE_CHECKING:
    from werkzorg_calc.engine.uncertainty.sensitivity import SensitivityResult
    from werkzorg_calc.engine.uncertainty.simulate import SimulationResult

FORMATS: Final = (".png", ".svg", ".pdf")
INSTALL_HINT: Final = "pip install 'werkzorg-calc[plot]'"
LOW_COLOUR, HIGH_COLOUR = "#4c9be8", "#d9534f"


class PlotUnavailableError(WerkzorgError):
    """matplotlib is not installed, so no chart can be drawn."""

    def __init__(self) -> None:
        super().__init__(
            "--plot heeft matplotlib nodig en dat is niet geïnstalleerd; installeer het met "
            f"{INSTALL_HINT} (of pip install matplotlib) en probeer opnieuw"
        )


class PlotFormatError(WerkzorgError):
    """The chart's file name has an extension matplotlib is not asked to write."""


def plotting_available() -> bool:
    """Whether matplotlib can be imported (checked without importing it)."""
    return importlib.util.find_spec("matplotlib") is not None


def check_plot_target(path: Path, *, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse early: no matplotlib, an unknown extension, or a path that may not be written."""
    if not plotting_available():
        raise PlotUnavailableError
    if path.suffix.lower() not in FORMATS:
        raise PlotFormatError(f"{path}: kies een grafiekbestand op {', '.join(FORMATS)}")
    check_target(path, force=force, inputs=inputs)


def _figure(width: float, height: float) -> Any:
    """A figure on the Agg canvas (Any: matplotlib may be absent when type checking)."""
    if not plotting_available():
        raise PlotUnavailableError
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _euro_axis(axis: Any, lang: Lang) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _: f"€ {number(value, 0, lang)}"))


def _save(figure: Any, path: Path, *, force: bool, inputs: tuple[Path, ...]) -> None:
    check_plot_target(path, force=force, inputs=inputs)
    with atomic_target(path, force=force, inputs=inputs) as temporary:
        figure.savefig(temporary, format=path.suffix.lower().lstrip("."), dpi=150)


def plot_tornado(
    result: SensitivityResult,
    path: Path,
    *,
    force: bool = False,
    inputs: tuple[Path, ...] = (),
    lang: Lang = "nl",
) -> None:
    """A tornado chart of the total net: one bar pair per parameter, largest swing on top."""
    tornado = result.tornado
    rows = len(tornado)
    figure = _figure(9, 1.6 + 0.45 * max(rows, 1))
    axes = figure.add_subplot()
    base = float(result.base_net["total"])
    positions = list(range(rows))[::-1]  # the first row (largest swing) at the top
    labels = [
        f"{key}\n{parameter_value(str(key), low, lang)} – {parameter_value(str(key), high, lang)}"
        for key, low, high in zip(
            tornado.index, tornado["low"].tolist(), tornado["high"].tolist(), strict=True
        )
    ]
    axes.barh(
        positions,
        tornado["change_low"].tolist(),
        left=base,
        color=LOW_COLOUR,
        label=bound_label("low", lang),
    )
    axes.barh(
        positions,
        tornado["change_high"].tolist(),
        left=base,
        color=HIGH_COLOUR,
        alpha=0.8,
        label=bound_label("high", lang),
    )
    axes.axvline(base, color="black", linewidth=1)
    axes.axvline(0, color="grey", linewidth=0.8, linestyle="--")
    axes.set_yticks(positions, labels, fontsize=8)
    _euro_axis(axes.xaxis, lang)
    axes.set_xlabel(text("net", lang) + " " + text("total", lang).lower())
    axes.set_title(text("tornado_title", lang))
    axes.legend(loc="lower right", fontsize=8)
    _save(figure, path, force=force, inputs=inputs)


def plot_histograms(
    result: SimulationResult,
    path: Path,
    *,
    force: bool = False,
    inputs: tuple[Path, ...] = (),
    lang: Lang = "nl",
    bins: int = 40,
) -> None:
    """A histogram of the simulated net for the total and every stakeholder whose net varies."""
    nets = result.nets
    shown = [t for t in TARGETS if t == "total" or float(nets[t].max()) > float(nets[t].min())]
    figure = _figure(9, 2.6 * len(shown))
    axes_list = figure.subplots(len(shown), 1, squeeze=False)[:, 0]
    for axes, target in zip(axes_list, shown, strict=True):
        values = nets[target].to_numpy()
        row = result.statistics(target)
        axes.hist(values, bins=bins, color="#8da0cb", edgecolor="white", zorder=2)
        axes.axvspan(row["p5"], row["p95"], color="#fc8d62", alpha=0.2, zorder=1, label="P5–P95")
        axes.axvline(row["mean"], color="black", linewidth=1.2, zorder=3, label=text("mean", lang))
        axes.axvline(
            row["deterministic"],
            color="black",
            linewidth=1,
            linestyle=":",
            zorder=3,
            label=text("deterministic", lang),
        )
        axes.axvline(0, color="grey", linewidth=0.8, linestyle="--", zorder=3)
        chance = percent(row["chance_positive"], 0, lang)
        axes.set_title(
            f"{target_label(target, lang)}: {text('chance_positive', lang)} {chance}", fontsize=10
        )
        _euro_axis(axes.xaxis, lang)
        axes.set_yticks([])
    axes_list[0].legend(loc="upper right", fontsize=8)
    figure.suptitle(
        text(
            "simulation_table_title", lang, draws=number(result.draws, 0, lang), count=result.draws
        )
        + f" (seed {result.seed})"
    )
    _save(figure, path, force=force, inputs=inputs)
