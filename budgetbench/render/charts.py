"""Charts drawn with matplotlib's Agg canvas for exports: where the money comes from and goes,
the flows from revenue through funds to departments, a treemap of spending, and the saved
scenarios. Each chart's title states its point.

Every ``draw_*`` function draws on a given ``Axes`` (the handout lays several out on one
page); :func:`chart_images` renders the set the workbook's Charts sheet shows, as PNGs.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from budgetbench.core.format import short_money
from budgetbench.core.progress import ProgressFn, no_progress
from budgetbench.io.export_xlsx import ChartImage, ScenarioResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from budgetbench.core.budget import Budget
    from budgetbench.core.lens import LensResult

#: Okabe & Ito (2008) colour-blind-safe palette (yellow last: it washes out when printed).
OKABE_ITO = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#56B4E9",
    "#CC79A7",
    "#000000",
    "#F0E442",
)
REVENUE_COLOUR = "#009E73"
EXPENSE_COLOUR = "#0072B2"
TRANSFER_COLOUR = "#CC79A7"
BALANCE_COLOUR = "#999999"
TEXT_COLOUR = "#222222"
#: Bars shown before the rest fold into "Everything else".
TOP_N = 8
#: Flows smaller than this share of the total fold into "Other" in the Sankey.
FOLD_BELOW = 0.03


def new_figure(width_in: float, height_in: float, dpi: int = 100) -> Figure:
    """A figure on an Agg canvas (no pyplot state, no GUI)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def png_bytes(fig: Figure, dpi: int = 100) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()


def default_lens(budget: Budget) -> LensResult:
    """The lines every export chart draws: the budget's default year and phase, net of
    transfers (so no dollar is counted twice), fiduciary funds left out."""
    from budgetbench.core.lens import Lens, apply_lens

    return apply_lens(budget, Lens(net_of_transfers=True))


def _when(result: LensResult) -> str:
    return f"FY{result.fiscal_year} {result.phase}"


def top_groups(
    result: LensResult, direction: str, column: str, n: int = TOP_N
) -> list[tuple[str, float]]:
    """The largest ``column`` groups of ``direction`` lines (most first), the rest as one
    "Everything else" entry."""
    lines = result.lines
    sel = lines[(lines["direction"] == direction).to_numpy()]
    if column == "category":  # a revenue line with no category is named by its account
        labels = (
            sel["category"]
            .astype(str)
            .where(sel["category"].astype(str) != "", sel["account_name"].astype(str))
        )
    else:
        labels = sel[column].astype(str)
    labels = labels.where(labels != "", "(not stated)")
    sums = sel["amount"].groupby(labels.to_numpy()).sum().sort_values(ascending=False)
    sums = sums[sums > 0]
    top = [(str(k), float(v)) for k, v in sums.iloc[:n].items()]
    rest = float(sums.iloc[n:].sum())
    if rest > 0:
        top.append((f"Everything else ({len(sums) - n})", rest))
    return top


def _short(text: str, n: int = 34) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _bars(ax: Axes, items: list[tuple[str, float]], colour: str, title: str) -> None:
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold", color=TEXT_COLOUR, wrap=True)
    if not items:
        ax.text(0.5, 0.5, "No lines to show", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    labels = [_short(k) for k, _ in items][::-1]
    values = [v for _, v in items][::-1]
    y = np.arange(len(items))
    ax.barh(y, values, color=colour, height=0.7)
    ax.set_yticks(y, labels, fontsize=8)
    top = max(values)
    for yi, v in zip(y, values, strict=True):
        ax.text(v + top * 0.01, yi, short_money(v), va="center", fontsize=8, color=TEXT_COLOUR)
    ax.set_xlim(0, top * 1.25)
    ax.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)


def draw_revenue_by_source(ax: Axes, result: LensResult) -> str:
    """Horizontal bars of revenue by category; returns the title."""
    items = top_groups(result, "revenue", "category")
    total = sum(v for _, v in items)
    if items and total > 0:
        name, value = items[0]
        title = f"{_short(name, 40)} brings in {value / total:.0%} of revenue ({_when(result)})"
    else:
        title = f"Where the money comes from ({_when(result)})"
    _bars(ax, items, REVENUE_COLOUR, title)
    return title


def draw_spending_by_department(ax: Axes, result: LensResult) -> str:
    """Horizontal bars of spending by department; returns the title."""
    items = top_groups(result, "expense", "department")
    total = sum(v for _, v in items)
    if items and total > 0:
        name, value = items[0]
        title = f"{_short(name, 40)} is {value / total:.0%} of spending ({_when(result)})"
    else:
        title = f"Where the money goes ({_when(result)})"
    _bars(ax, items, EXPENSE_COLOUR, title)
    return title


def draw_treemap(ax: Axes, result: LensResult) -> str:
    """Spending by department as a squarified treemap; returns the title."""
    import squarify
    from matplotlib.patches import Rectangle

    items = [(k, v) for k, v in top_groups(result, "expense", "department", n=14) if v > 0]
    ax.set_axis_off()
    if not items:
        title = "Spending by department: no spending lines"
        ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
        return title
    total = sum(v for _, v in items)
    title = (
        f"Spending by department: {short_money(total)} in {_when(result)}, "
        f"{_short(items[0][0], 30)} the largest"
    )
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold", color=TEXT_COLOUR)
    w, h = 100.0, 60.0
    sizes = squarify.normalize_sizes([v for _, v in items], w, h)
    rects = squarify.squarify(sizes, 0.0, 0.0, w, h)
    for k, ((label, value), r) in enumerate(zip(items, rects, strict=True)):
        colour = OKABE_ITO[k % 6]
        ax.add_patch(
            Rectangle((r["x"], r["y"]), r["dx"], r["dy"], facecolor=colour, edgecolor="white", lw=2)
        )
        if r["dx"] > 9 and r["dy"] > 5:
            ax.text(
                r["x"] + 1,
                r["y"] + 1.0,
                f"{_short(label, int(r['dx'] * 1.2))}\n{short_money(value)} · {value / total:.0%}",
                fontsize=8,
                va="top",
                ha="left",
                color="white",
                fontweight="bold",
            )
    ax.set_xlim(0, w)
    ax.set_ylim(h, 0)
    return title


def draw_sankey(
    ax: Axes,
    result: LensResult,
    width: float = 1000.0,
    height: float = 560.0,
    label_room: tuple[float, float] = (0.24, 0.22),
) -> str:
    """Revenue → fund → department as a Sankey diagram (geometry from
    :mod:`budgetbench.core.flows`); ``label_room``: shares of the width left of the first and
    right of the last column for labels. Returns the title."""
    from matplotlib.patches import Polygon, Rectangle

    from budgetbench.core import flows

    ax.set_axis_off()
    lines = result.lines
    if not len(lines):
        title = "Money flows: no lines to draw"
        ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
        return title
    graph = flows.fold(flows.build_flows(lines), FOLD_BELOW)
    top, bottom = 0.04 * height, 0.02 * height
    geo = flows.layout(
        graph,
        width,
        height,
        gap=6.0,
        margins=(label_room[0] * width, label_room[1] * width, top, bottom),
        min_height=1.0,
    )
    kinds = graph.nodes["kind"].to_numpy()
    columns = graph.nodes["column"].to_numpy()
    for band in geo.bands:
        if band.kind == flows.LINK_TRANSFER:
            colour = TRANSFER_COLOUR
        elif band.kind in (flows.LINK_BALANCE, flows.LINK_CREDIT):
            colour = BALANCE_COLOUR
        elif columns[band.source] < flows.FUND_COLUMN:
            colour = REVENUE_COLOUR
        else:
            colour = EXPENSE_COLOUR
        ax.add_patch(Polygon(band.polygon(), closed=True, facecolor=colour, alpha=0.35, lw=0))
    labels = graph.nodes["label"].astype(str).to_numpy()
    values = graph.nodes["value"].to_numpy(dtype=float)
    for box in geo.nodes:
        kind = kinds[box.id]
        face = {flows.FUND: "#E8E8E8", flows.OTHER: "#BBBBBB", flows.BALANCE: BALANCE_COLOUR}.get(
            kind, REVENUE_COLOUR if box.column < flows.FUND_COLUMN else EXPENSE_COLOUR
        )
        ax.add_patch(
            Rectangle(
                (box.x0, box.y0),
                box.x1 - box.x0,
                max(box.height, 1.0),
                facecolor=face,
                edgecolor="#555555" if box.label_side == "inside" else "none",
                lw=0.6,
            )
        )
        if box.height < 9:
            continue
        text = f"{_short(labels[box.id], 30)}  {short_money(values[box.id])}"
        if box.label_side == "outside-left":
            ax.text(box.x0 - 4, box.label_y, text, ha="right", va="center", fontsize=7)
        elif box.label_side == "outside-right":
            ax.text(box.x1 + 4, box.label_y, text, ha="left", va="center", fontsize=7)
        else:
            ax.text(
                box.label_x,
                box.label_y,
                _short(labels[box.id], 18) + "\n" + short_money(values[box.id]),
                ha="left",
                va="center",
                fontsize=6.5,
            )
    for x0, x1, level in geo.columns:
        name = {"category": "Revenue", "fund": "Fund"}.get(level, level.replace("_", " ").title())
        ax.text((x0 + x1) / 2, top * 0.6, name, ha="center", va="bottom", fontsize=8, weight="bold")
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    total = float(graph.total) if hasattr(graph, "total") else 0.0
    title = f"Where {short_money(total)} comes from and goes, through the funds ({_when(result)})"
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold", color=TEXT_COLOUR)
    return title


def draw_scenarios(ax: Axes, results: Sequence[ScenarioResult], kind: str) -> str:
    """One line per saved scenario of ``kind``: the employer's pension contribution, or the
    General Fund's structural gap, by year; returns the title."""
    from matplotlib.ticker import FuncFormatter

    column = "Employer contribution" if kind == "pension" else "Structural gap"
    chosen = [r for r in results if r.kind == kind and column in r.table.columns]
    for k, r in enumerate(chosen):
        t = r.table
        ax.plot(
            t["Fiscal year"].astype(int),
            t[column].astype(float),
            color=OKABE_ITO[k % len(OKABE_ITO)],
            lw=2.2,
            label=_short(r.name, 40),
        )
    if kind == "pension":
        title = "What the city pays into the pension plan, by scenario"
    else:
        title = "The General Fund's structural gap (spending above ongoing revenue), by scenario"
        ax.axhline(0, color="#555555", lw=0.8)
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold", color=TEXT_COLOUR)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: short_money(v)))
    ax.grid(axis="y", color="#DDDDDD", lw=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if chosen:
        ax.legend(fontsize=8, frameon=False)
    return title


def chart_images(
    budget: Budget,
    scenarios: Sequence[ScenarioResult] = (),
    *,
    progress: ProgressFn | None = None,
    dpi: int = 100,
) -> list[ChartImage]:
    """The Charts sheet's pictures: the flows, the treemap, revenue and spending bars, and a
    chart per kind of saved scenario. Empty when the budget has no lines."""
    progress = progress or no_progress
    if not len(budget):
        return []
    result = default_lens(budget)
    images: list[ChartImage] = []
    jobs = [
        ("sankey", (11.0, 6.2)),
        ("treemap", (10.0, 6.0)),
        ("revenue", (8.0, 4.2)),
        ("spending", (8.0, 4.2)),
    ]
    for kind in ("pension", "forecast"):
        if any(r.kind == kind and len(r.table) for r in scenarios):
            jobs.append((kind, (9.0, 4.5)))
    for k, (name, (w, h)) in enumerate(jobs):
        progress(k / len(jobs), f"Drawing the charts ({k + 1} of {len(jobs)})")
        fig = new_figure(w, h, dpi)
        ax = fig.add_subplot(1, 1, 1)
        if name == "sankey":
            title = draw_sankey(ax, result)
        elif name == "treemap":
            title = draw_treemap(ax, result)
        elif name == "revenue":
            title = draw_revenue_by_source(ax, result)
        elif name == "spending":
            title = draw_spending_by_department(ax, result)
        else:
            title = draw_scenarios(ax, scenarios, name)
        fig.tight_layout()
        images.append(ChartImage(title, png_bytes(fig, dpi), int(w * dpi), int(h * dpi)))
    progress(1.0, "Charts drawn")
    return images
