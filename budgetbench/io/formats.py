"""The file types budgetbench reads. Light on purpose: the window imports it at start-up."""

from __future__ import annotations

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
SUPPORTED_SUFFIXES = EXCEL_SUFFIXES | TEXT_SUFFIXES
