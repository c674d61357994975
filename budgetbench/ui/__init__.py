"""The PySide6 interface: a thin layer over :mod:`budgetbench.core` and :mod:`budgetbench.io`."""
