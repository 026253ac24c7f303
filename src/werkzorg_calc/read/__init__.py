"""Bytes to cases: the xlsx guard, workbook and CSV readers, cells, checks, privacy, parameters."""
