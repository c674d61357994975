"""The one-page handout: what a room takes home after a Budget 101 session.

A single portrait page sized to print on both US Letter and A4 (8.27 × 11 in): where the money
comes from and where it goes, the flows through the funds, and the room's priorities — the
items and themes with the most dots, and how many notes took each stance. Written with
matplotlib's PDF backend (``PdfPages``), no GUI.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from budgetbench.core.priorities import STANCES
from budgetbench.core.progress import BudgetError, ProgressFn, no_progress
from budgetbench.io.export_xlsx import Community, LineIndex, atomic_write
from budgetbench.render.charts import (
    EXPENSE_COLOUR,
    OKABE_ITO,
    TEXT_COLOUR,
    default_lens,
    draw_revenue_by_source,
    draw_sankey,
    draw_spending_by_department,
    new_figure,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from budgetbench.core.budget import Budget
    from budgetbench.io.session import Session

#: Page size in inches: A4's width and Letter's height, so it prints on either unscaled.
PAGE = (8.27, 11.0)
#: Items and themes listed.
TOP_ITEMS = 6
STANCE_COLOURS = {
    "protect": OKABE_ITO[0],
    "increase": OKABE_ITO[2],
    "cut": OKABE_ITO[3],
    "question": OKABE_ITO[1],
    "no stance": "#999999",
}


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _ranked(ax: Axes, title: str, rows: list[tuple[str, int]], unit: str, width: int) -> None:
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontsize=10, fontweight="bold", color=TEXT_COLOUR)
    if not rows:
        ax.text(0, 0.85, "None yet", fontsize=9, color="#666666", transform=ax.transAxes)
        return
    for k, (label, count) in enumerate(rows):
        y = 0.9 - k * 0.15
        ax.text(0.0, y, f"{k + 1}. {_short(label, width)}", fontsize=9, transform=ax.transAxes)
        ax.text(
            1.0,
            y,
            f"{count} {unit}{'s' if count != 1 else ''}",
            fontsize=9,
            ha="right",
            transform=ax.transAxes,
            color=EXPENSE_COLOUR,
        )


def _stances(ax: Axes, community: Community) -> None:
    counts = Counter(a.stance or "no stance" for a in community.annotations)
    labels = [*STANCES, "no stance"]
    values = [counts.get(s, 0) for s in labels]
    total = sum(values)
    ax.set_title(
        f"By stance ({total} notes)",
        loc="left",
        fontsize=10,
        fontweight="bold",
        color=TEXT_COLOUR,
    )
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=[STANCE_COLOURS[s] for s in labels], height=0.65)
    ax.set_yticks(y, [s.capitalize() for s in labels], fontsize=8)
    top = max(values) if any(values) else 1
    for yi, v in zip(y, values, strict=True):
        ax.text(v + top * 0.03, yi, str(v), va="center", fontsize=8)
    ax.set_xlim(0, top * 1.3)
    ax.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)


def write_handout(
    path: str | Path,
    budget: Budget,
    community: Community | Session | None = None,
    *,
    progress: ProgressFn | None = None,
) -> Path:
    """Write the one-page handout PDF for ``budget`` and the room's work to ``path``."""
    from matplotlib.backends.backend_pdf import PdfPages

    from budgetbench import __version__

    progress = progress or no_progress
    out = Path(path)
    if out.suffix.lower() != ".pdf":
        raise BudgetError("a handout is saved as .pdf", path=str(out))
    if not out.parent.is_dir():
        raise BudgetError("the folder does not exist", path=str(out))
    if not len(budget):
        raise BudgetError("the budget has no lines to put on a handout", path=str(out))
    if not isinstance(community, Community):
        community = Community.from_session(community)
    progress(0.05, "Drawing the handout")
    result = default_lens(budget)
    fig = new_figure(*PAGE, dpi=100)
    fig.text(0.04, 0.965, budget.name or "Budget", fontsize=17, fontweight="bold")
    fig.text(
        0.04,
        0.94,
        f"Budget 101: where the money comes from, where it goes, and what this room cares "
        f"about · FY{result.fiscal_year} {result.phase}",
        fontsize=9,
        color="#444444",
    )
    fig.text(
        0.04,
        0.922,
        "Amounts are net of transfers between funds (no dollar is counted twice).",
        fontsize=8,
        color="#666666",
    )
    ax_rev = fig.add_axes((0.25, 0.69, 0.21, 0.17))
    ax_exp = fig.add_axes((0.74, 0.69, 0.21, 0.17))
    for ax, draw, x in (
        (ax_rev, draw_revenue_by_source, 0.04),
        (ax_exp, draw_spending_by_department, 0.53),
    ):
        title = draw(ax, result)
        ax.set_title("", loc="left")
        fig.text(x, 0.875, textwrap.fill(title, 52), fontsize=9, fontweight="bold", va="bottom")
    progress(0.3, "Drawing the flows")
    ax_flow = fig.add_axes((0.02, 0.37, 0.96, 0.29))
    draw_sankey(ax_flow, result, width=1000.0, height=600.0, label_room=(0.25, 0.27))
    ax_flow.title.set_fontsize(10)
    progress(0.6, "Adding the room's priorities")
    fig.text(0.04, 0.335, "What this room cares about", fontsize=13, fontweight="bold")
    t = community.tally()
    index = LineIndex.of(budget, community)
    if t.total:
        items = [
            (index.label(lv, key), dots) for (lv, key), dots in list(t.by_item.items())[:TOP_ITEMS]
        ]
        item_title, unit = "Most dots", "dot"
    else:
        noted = Counter(a.target for a in community.annotations)
        items = [(index.label(lv, key), n) for (lv, key), n in noted.most_common(TOP_ITEMS)]
        item_title, unit = "Most notes", "note"
    themes = list(t.by_theme.items())[:TOP_ITEMS]
    if not themes:
        themes = Counter(tag for a in community.annotations for tag in a.tags).most_common(
            TOP_ITEMS
        )
    ax_items = fig.add_axes((0.04, 0.08, 0.5, 0.23))
    ax_themes = fig.add_axes((0.57, 0.08, 0.2, 0.23))
    ax_stance = fig.add_axes((0.82, 0.1, 0.12, 0.2))
    _ranked(ax_items, item_title, items, unit, 46)
    _ranked(
        ax_themes,
        "Top themes",
        [(str(k), int(v)) for k, v in themes],
        "dot" if t.total else "note",
        22,
    )
    _stances(ax_stance, community)
    source = Path(budget.source_path).name if budget.source_path else budget.name
    fig.text(
        0.04,
        0.025,
        f"Made with budgetbench {__version__} on {date.today():%B %d, %Y} from {source}"
        + (f" (SHA-256 {budget.source_sha256[:12]}…)" if budget.source_sha256 else ""),
        fontsize=7,
        color="#666666",
    )
    progress(0.8, "Writing the PDF")

    def write(fh) -> None:
        with PdfPages(fh, metadata={"Title": f"{budget.name} — Budget 101 handout"}) as pdf:
            pdf.savefig(fig)

    try:
        atomic_write(out, write)
    except OSError as exc:
        raise BudgetError(
            f"cannot write the handout: {exc.strerror or exc}", path=str(out)
        ) from exc
    progress(1.0, "Done")
    return out
