"""A parameter set as a commented TOML file a person can edit and pass back with ``--params``."""

from __future__ import annotations

from werkzorg_calc.domain.parameters import ParameterSet, parameter_info


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def export_toml(parameters: ParameterSet) -> str:
    """A commented TOML file with every parameter, ready to edit and pass to ``--params``."""
    info = parameter_info()
    lines = [
        "# werkzorg parameters. Edit a value and pass this file back with --params FILE.",
        "# Each value says its unit, price year, evidence grade (hard / onderbouwd / aanname),",
        "# plausible range and source. Delete a line to keep the package default.",
        "",
    ]
    tables: dict[str, list[str]] = {}
    for key, value in parameters.values.flat().items():
        meta = info[key]
        table, _, name = key.rpartition(".")
        block = tables.setdefault(table, [])
        block.append(f"# {meta.description}")
        detail = f"# {meta.unit}; prijsjaar {meta.price_year}; {meta.evidence}"
        if meta.low or meta.high:
            detail += f"; bereik {meta.low}–{meta.high}"
        block.append(detail)
        source = f"# bron: {meta.source}" + (f" ({meta.url})" if meta.url else "")
        block.append(source)
        origin = parameters.origins.get(key)
        if origin:
            block.append(f"# (afwijkend van de standaard {meta.default or 'leeg'}: {origin})")
        if value is None:
            block.append(f"# {name} = ")
        else:
            block.append(f"{name} = {_toml_value(value)}")
        block.append("")
    lines += tables.pop("", [])
    for table, block in tables.items():
        lines += [f"[{table}]", *block]
    return "\n".join(lines).rstrip() + "\n"
