"""The words of every problem with a run's settings and outputs, and of how a run can end.

Parameters, distributions and scenarios (``PARAMETER_MESSAGES``, with ``{origin}: `` in front),
output files (``OUTPUT_MESSAGES``, ``OUTPUT_REASONS``) and the end of a run (``RUN_ENDINGS``).
"""

from __future__ import annotations

from typing import Final

# Problems with parameters, distributions and scenarios ("{origin}: " goes in front).
PARAMETER_MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "unknown_parameter": ("onbekende parameter '{key}'", "unknown parameter '{key}'"),
    "set_without_equals": (
        "schrijf --set sleutel=waarde",
        "write --set key=value",
    ),
    "params_file_not_found": ("bestand niet gevonden", "file not found"),
    "params_file_not_text": ("niet te lezen als tekst (UTF-8)", "cannot be read as text (UTF-8)"),
    "toml_invalid": (
        "geen geldige TOML (regel {line}, kolom {column})",
        "not valid TOML (line {line}, column {column})",
    ),
    "scenario_name_not_text": ("name moet tekst zijn", "name must be text"),
    "scenario_description_not_text": ("description moet tekst zijn", "description must be text"),
    "scenario_horizon": (
        "horizon moet een geheel aantal maanden van 0 tot 600 zijn",
        "horizon must be a whole number of months from 0 to 600",
    ),
    "scenario_name_repeated": (
        "scenarionaam '{name}' komt vaker voor",
        "scenario name '{name}' appears more than once",
    ),
    "scenario_name_base": (
        "scenarionaam '{name}' komt vaker voor ('basis' is de naam van de uitgangssituatie)",
        "scenario name '{name}' appears more than once ('basis' is the name of the base case)",
    ),
    "parameter_sheet_columns": (
        "kolommen 'parameter' en 'waarde' ontbreken",
        "columns 'parameter' and 'waarde' are missing",
    ),
    "price_year_unknown": (
        "prijsjaar {year}: geen prijsindex (beschikbaar {first}–{last})",
        "price year {year}: no price index (available {first}–{last})",
    ),
    "distribution_field_needed": (
        "geef een veld, bijvoorbeeld uncertainty.{key}.distribution (in TOML: "
        "[uncertainty.{key}] met distribution = ...)",
        "give a field, for example uncertainty.{key}.distribution (in TOML: "
        "[uncertainty.{key}] with distribution = ...)",
    ),
    "distribution_unknown_parameter": (
        "onbekende parameter '{key}' in uncertainty (bekend: {known})",
        "unknown parameter '{key}' in uncertainty (known: {known})",
    ),
    "distribution_unknown_field": (
        "onbekend veld '{field}' bij uncertainty.{key}; gebruik {fields} of justification",
        "unknown field '{field}' at uncertainty.{key}; use {fields} or justification",
    ),
    "distribution_field_unused": (
        "uncertainty.{key}: {field} wordt niet gebruikt bij {kind}",
        "uncertainty.{key}: {field} is not used with {kind}",
    ),
    "distribution_definition": (
        "uncertainty.{key}: {key} is een definitie en verandert geen bedrag; kies "
        "distribution = 'fixed' en speel andere waarden uit als scenario (werkzorg compare)",
        "uncertainty.{key}: {key} is a definition and changes no amount; choose "
        "distribution = 'fixed' and play other values as a scenario (werkzorg compare)",
    ),
    "distribution_no_range": (
        "uncertainty.{key}: geen bereik; geef low en high",
        "uncertainty.{key}: no range; give low and high",
    ),
    "distribution_low_above_high": (
        "uncertainty.{key}: low moet kleiner zijn dan high",
        "uncertainty.{key}: low must be less than high",
    ),
    "distribution_needs_width": (
        "uncertainty.{key}: {kind} vraagt low < high",
        "uncertainty.{key}: {kind} needs low < high",
    ),
    "distribution_range_outside": (
        "uncertainty.{key}: het bereik moet binnen {floor}–{ceiling} liggen",
        "uncertainty.{key}: the range must lie within {floor}–{ceiling}",
    ),
    "distribution_mode_outside": (
        "uncertainty.{key}: mode moet tussen low en high liggen",
        "uncertainty.{key}: mode must lie between low and high",
    ),
    "distribution_sd_positive": (
        "uncertainty.{key}: {kind} vraagt een sd groter dan 0",
        "uncertainty.{key}: {kind} needs an sd greater than 0",
    ),
    "distribution_beta_share": (
        "uncertainty.{key}: beta past alleen bij een aandeel of kans (0–1)",
        "uncertainty.{key}: beta fits only a share or probability (0–1)",
    ),
    "distribution_beta_mean": (
        "uncertainty.{key}: beta vraagt een mean tussen 0 en 1 (niet 0 of 1)",
        "uncertainty.{key}: beta needs a mean between 0 and 1 (not 0 or 1)",
    ),
    "distribution_beta_sd": (
        "uncertainty.{key}: sd moet bij deze mean kleiner zijn dan {limit}",
        "uncertainty.{key}: sd must be less than {limit} at this mean",
    ),
    "distribution_above_one": (
        "uncertainty.{key}: {kind} kan boven 1 uitkomen; kies beta, uniform of triangular",
        "uncertainty.{key}: {kind} can exceed 1; choose beta, uniform or triangular",
    ),
    "distribution_mean_positive": (
        "uncertainty.{key}: {kind} vraagt een mean groter dan 0",
        "uncertainty.{key}: {kind} needs a mean greater than 0",
    ),
}

# An output file that cannot be written (write/safe_write.py); "{path}" is the file or folder.
OUTPUT_MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "output_is_input": (
        "{path}: dit is het invoerbestand; kies een andere naam voor de uitvoer",
        "{path}: this is the input file; choose another name for the output",
    ),
    "output_is_directory": (
        "{path}: dit is een map; geef een bestandsnaam",
        "{path}: this is a folder; give a file name",
    ),
    "output_exists": (
        "{path} bestaat al; gebruik --force om het te overschrijven",
        "{path} already exists; use --force to overwrite it",
    ),
    "output_folder_missing": (
        "{path}: deze map bestaat niet",
        "{path}: this folder does not exist",
    ),
    "output_folder_not_writable": (
        "{path}: geen schrijfrechten in deze map",
        "{path}: no permission to write in this folder",
    ),
    "output_folder_failed": ("{path}: {reason}", "{path}: {reason}"),
    "output_locked": (
        "{path} kan niet worden geschreven; is het geopend in Excel? Sluit het bestand en "
        "probeer opnieuw",
        "{path} cannot be written; is it open in Excel? Close the file and try again",
    ),
    "output_write_failed": (
        "{path} kan niet worden geschreven: {reason}; er is niets veranderd",
        "{path} cannot be written: {reason}; nothing was changed",
    ),
    "stdout_spool_failed": (
        "de uitvoer kan niet tijdelijk worden bewaard in {path}: {reason}; er is niets "
        "geschreven (gebruik -o bestand.json om naast het doel te schrijven)",
        "the output cannot be held temporarily in {path}: {reason}; nothing was written "
        "(use -o file.json to write beside the target)",
    ),
    "temp_folder_unusable": (
        "{path}: dit is geen map waarin werkzorg tijdelijke bestanden kan schrijven; er is "
        "niets geschreven",
        "{path}: this is not a folder werkzorg can write temporary files in; nothing was written",
    ),
    "stdout_write_failed": (
        "de uitvoer ({path}) kan niet worden geschreven: {reason}",
        "the output ({path}) cannot be written: {reason}",
    ),
    "output_busy": (
        "{path} wordt op dit moment door een andere werkzorg-opdracht geschreven; wacht tot "
        "die klaar is",
        "{path} is being written by another werkzorg run right now; wait until it is done",
    ),
}
OUTPUT_REASONS: Final[dict[str, tuple[str, str]]] = {
    "disk_full": ("de schijf is vol", "the disk is full"),
    "read_only": ("deze map is alleen-lezen", "this folder is read-only"),
    "folder_gone": ("deze map bestaat niet (meer)", "this folder does not exist (any more)"),
    "no_permission": ("geen schrijfrechten", "no permission to write"),
    "quota": ("de schijfruimte (quota) is op", "the disk quota is used up"),
    "write_error": ("schrijffout", "write error"),
}

# How a run can end besides success or a problem with its files (cli/common.py).
RUN_ENDINGS: Final[dict[str, tuple[str, str]]] = {
    "interrupted": (
        "afgebroken (Ctrl-C); er is geen half bestand achtergelaten",
        "interrupted (Ctrl-C); no partial file was left behind",
    ),
    "internal_error": (
        "interne fout: dit is een fout in werkzorg, niet in uw bestand. Draai opnieuw met "
        "--debug en meld de uitvoer (die bevat geen celwaarden).",
        "internal error: this is a bug in werkzorg, not in your file. Run again with --debug "
        "and report the output (it holds no cell values).",
    ),
}
