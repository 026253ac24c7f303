"""The public Python API: no submodule shadows a public name, and the documented code runs.

An analyst met ``wz.compare`` turning into the submodule ``werkzorg_calc.compare`` once another
name had been touched; importing every submodule first and then checking every public name
catches any such shadowing, whatever the order of use.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import werkzorg_calc
from tests.paths import ROOT

_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
_DOCUMENTS = ("README.md", "docs/api.md")


def _all_submodules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(werkzorg_calc.__path__, "werkzorg_calc."):
        if info.name.endswith("__main__"):
            continue  # runs the command line on import
        names.append(info.name)
    return names


def test_no_submodule_shadows_a_public_name() -> None:
    """After importing every submodule, each name in ``__all__`` is a function or class."""
    assert not isinstance(werkzorg_calc.result_to_dict, ModuleType)
    for name in _all_submodules():
        importlib.import_module(name)
    shadowed = []
    for public in werkzorg_calc.__all__:
        value = getattr(werkzorg_calc, public)
        # A function (perhaps cached: lru_cache keeps the name) or a class, by its own name.
        is_named_callable = callable(value) and getattr(value, "__name__", None) == public
        if isinstance(value, ModuleType) or not is_named_callable:
            shadowed.append(public)
    assert shadowed == []
    # A fresh package object, too: the lazy lookup must not return a module either.
    assert callable(werkzorg_calc.compare)
    assert werkzorg_calc.compare.__module__ == "werkzorg_calc.engine.compare"


def test_no_top_level_submodule_has_a_public_name() -> None:
    """The top-level submodules (domain, text, engine, …) share no name with ``__all__``."""
    top = {info.name for info in pkgutil.iter_modules(werkzorg_calc.__path__)}
    assert top & set(werkzorg_calc.__all__) == set()


def _blocks() -> list[tuple[str, int, str]]:
    found = []
    for document in _DOCUMENTS:
        text = (ROOT / document).read_text(encoding="utf-8")
        for number, match in enumerate(_BLOCK.finditer(text), start=1):
            found.append((document, number, match.group(1)))
    return found


def test_the_documents_have_python_blocks() -> None:
    """Guard against the block pattern silently matching nothing."""
    documents = {document for document, _, _ in _blocks()}
    assert documents == set(_DOCUMENTS)


@pytest.mark.parametrize(
    ("document", "number", "code"),
    _blocks(),
    ids=[f"{document}#{number}" for document, number, _ in _blocks()],
)
def test_documented_python_block_runs(
    document: str, number: int, code: str, tmp_path: Path
) -> None:
    """Every ```python block runs in a fresh interpreter from the repository root."""
    script = tmp_path / "block.py"
    script.write_text(code, encoding="utf-8")
    environment = {**os.environ, "WERKZORG_DOC_TMP": str(tmp_path)}
    completed = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=environment,
    )
    assert completed.returncode == 0, f"{document} block {number}:\n{completed.stderr}"
