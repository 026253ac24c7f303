"""The method: calculation, comparison, explanation, provenance, uncertainty. Opens no file."""
