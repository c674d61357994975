"""Pictures and printable pages for exports: chart images for the annotated workbook and the
one-page handout PDF.

matplotlib's Agg canvas only (``matplotlib.figure.Figure`` with ``FigureCanvasAgg``, never
pyplot and never Qt), so it runs headless, on a worker thread, and from the command line. The
numbers come from :mod:`budgetbench.core`; this package only draws them.

:func:`budgetbench.render.export.export_file` is the one entry point the window and the
command line call: it picks the export by the file's suffix (.xlsx, .csv, .pdf).
"""
