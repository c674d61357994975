"""Where the money comes from, and through which fund: the fund-flow graph behind the Flows
view's Sankey diagram, its geometry, focus, and "follow a dollar" attribution.

Pure numbers: pandas and numpy only. The UI draws the rectangles and bands computed here.

The money model
===============
The graph has one column per level: revenue (``category`` by default), then the **fund**, then
the spending levels (``department``, optionally ``division`` or ``program``). Every line of the
lens (:func:`budgetbench.core.lens.apply_lens`) lands in exactly one link:

* **Revenue lines** (``direction == "revenue"``, not transfers) are ``category → fund`` links.
* **Expense lines** (not transfers) are ``fund → department`` links, then
  ``department → program`` links when a program level is shown.
* **Budgeted fund-balance lines** (a revenue line whose category or account names fund
  balance, e.g. "Use of Fund Balance", "Transfers from Fund Balance"; an expense line such as
  "Contribution to General Fund reserve", "Provisions for Reserves") are drawn through the two
  balance nodes instead: ``Use of fund balance → fund`` and ``fund → Added to reserves``.
* **Interfund transfers** (``is_transfer``): a transfer in is revenue of the receiving fund and
  a transfer out is an expense of the sending fund. The two halves describe the *same* dollars,
  so they are paired into one ``fund → fund`` band (kind ``transfer``) and never also drawn as
  outside revenue or department spending. Pairing works on the lens's lines (one year and
  phase): first where each side names the other fund ("Transfer to Capital Improvement Fund"
  / "Operating Transfer In - General Fund"), then where one side names the other and the other
  side names no fund, then by equal amounts to the cent between two different funds. What
  cannot be paired keeps its own side, through a pseudo-node: ``Transfers in (fund not
  named) → fund`` or ``fund → Transfers out (fund not named)``. Internal-service charges
  coded as transfers are treated the same way.
* **Net of transfers.** The lens's "net of transfers" drops the transfers and the
  internal-service charges before this module sees the lines, so no band is drawn for them.
  Dropping them leaves funds that look out of balance (a debt-service fund spends money it
  got by transfer); given the dropped lines (``netted``), each fund's net of them is drawn as
  ``From other funds (netted) → fund`` or ``fund → To other funds (netted)``, and only what
  remains counts as fund balance.
* **Balance.** Per fund, inflow = outside revenue + transfers in (+ use of fund balance) and
  outflow = department spending + transfers out (+ added to reserves). Where the fund's lines
  spend more than they bring in, the difference is an explicit ``Use of fund balance → fund``
  link; where they bring in more, an explicit ``fund → Added to reserves`` link. So every fund
  node conserves money, and the gap is shown rather than hidden.
* **Negative amounts** (recoveries, reimbursements, refunds) net within their node pair
  (e.g. all Police lines paid by the General Fund). A pair that is still negative cannot be
  drawn as a band, so it is reflected: a negative ``u → v`` of −x becomes ``Recoveries &
  credits → u`` of +x (when ``u`` is not a revenue node) and ``v → Recoveries & credits`` of
  +x (when ``v`` is not in the last column). Every node still conserves, and the
  signed totals are kept in the links' accounting columns. A negative transfer or balance pair
  is the same flow the other way round (a negative transfer in is a transfer out) and is
  flipped to that side.
* **Blank labels** become "(not stated)"; a fund with no name is "Fund <code>".
* **Folding.** Nodes smaller than ``fold_below`` × the total flow fold into one
  "Other (n)" node per column (when at least two would fold). Transfers between two funds that
  both fold into "Other" disappear from the drawing (they are internal to "Other"); notes say so.

Every link carries signed accounting columns — ``revenue``, ``spending``, ``transfers_in``,
``transfers_out`` (the lens lines each link stands for), ``gap`` (+ use of fund balance, −
added to reserves, computed) and ``netted`` (+/− what "net of transfers" left out of a fund,
when the caller says) — so that :meth:`FlowGraph.totals` equals the line totals to the dollar,
and ``revenue + transfers_in + gap + netted == spending + transfers_out``.

Follow a dollar
===============
:func:`follow_dollar` attributes proportionally: a department's dollar is split among the
funds that pay for it by their share, and each fund's part among that fund's inflows by their
share (transfers from another fund are followed back through that fund, cycles included, by
solving the linear system). The reverse follows a revenue source forward the same way.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from budgetbench.core.i18n import QT_TRANSLATE_NOOP, translate

# Labels of the pseudo-nodes. They stay English in the graph (they are keys);
# :func:`display_label` says them in the interface's language.
NOT_STATED = QT_TRANSLATE_NOOP("flows", "(not stated)")
USE_OF_BALANCE = QT_TRANSLATE_NOOP("flows", "Use of fund balance")
TO_RESERVES = QT_TRANSLATE_NOOP("flows", "Added to reserves")
TRANSFERS_IN = QT_TRANSLATE_NOOP("flows", "Transfers in (fund not named)")
TRANSFERS_OUT = QT_TRANSLATE_NOOP("flows", "Transfers out (fund not named)")
NETTED_IN = QT_TRANSLATE_NOOP("flows", "From other funds (netted)")
NETTED_OUT = QT_TRANSLATE_NOOP("flows", "To other funds (netted)")
CREDITS = QT_TRANSLATE_NOOP("flows", "Recoveries & credits")
PSEUDO_LABELS = frozenset(
    {NOT_STATED, USE_OF_BALANCE, TO_RESERVES, TRANSFERS_IN, TRANSFERS_OUT, NETTED_IN}
    | {NETTED_OUT, CREDITS}
)

#: Node kinds.
SOURCE, FUND, USE, BALANCE, OTHER, TRANSFER, CREDIT = (
    "source",
    "fund",
    "use",
    "balance",
    "other",
    "transfer",
    "credit",
)
#: Link kinds.
NORMAL = "normal"
LINK_TRANSFER = "transfer"
LINK_BALANCE = "balance"
LINK_CREDIT = "credit"

ACCOUNTS = ("revenue", "spending", "transfers_in", "transfers_out", "gap", "netted")

#: The column the fund level is always in.
FUND_COLUMN = 1
#: Level names a caller may use, and the canonical column each reads.
LEVEL_COLUMNS = {
    "category": "category",
    "account_name": "account_name",
    "fund": "fund_name",
    "department": "department",
    "division": "division",
    "program": "program",
}
DEFAULT_LEVELS = ("category", "fund", "department")

_DRAW_RE = re.compile(
    r"\bfund\s+balances?\b|\b(?:use|uses|draw|draws)\s+(?:of|from|on)\s+(?:the\s+)?reserves?\b"
    r"|^\s*reserves?\s*$",
    re.IGNORECASE,
)
_ADD_RE = re.compile(
    r"\bfund\s+balances?\b"
    r"|\b(?:contributions?|provisions?|additions?|transfers?)\s+(?:to|for)\b[^.;]{0,40}?\breserves?\b"
    r"|^\s*reserves?\s*$",
    re.IGNORECASE,
)
_CODE_LABEL_RE = re.compile(r"^Fund \S+$")

#: Pseudo-node kinds in the order they sit at the bottom of a column.
_BOTTOM_ORDER = {OTHER: 1, BALANCE: 2, TRANSFER: 3, CREDIT: 4}


# --------------------------------------------------------------------------------------------
# The graph
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlowNode:
    id: int
    column: int
    label: str
    kind: str
    value: float
    level: str
    #: canonical-column filters that select this node's lines (e.g. ``{"department": "Parks"}``)
    filters: dict
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class FlowGraph:
    """Nodes and links of a Sankey diagram, with their accounting.

    ``nodes`` has one row per node (index = node id): ``column, label, kind, value, level,
    filters, members``. ``links`` has one row per link: ``source, target, value, kind`` and
    the signed accounting columns ``revenue, spending, transfers_in, transfers_out, gap``.
    Link values are positive; a node's value is the larger of its inflow and outflow (equal
    for every node money passes through).
    """

    nodes: pd.DataFrame
    links: pd.DataFrame
    levels: tuple[str, ...] = DEFAULT_LEVELS
    notes: tuple[str, ...] = ()
    #: the node this graph is focused on (see :func:`focus`), or None
    focused: int | None = None
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def n_columns(self) -> int:
        return len(self.levels)

    def __len__(self) -> int:
        return len(self.nodes)

    def node(self, node_id: int) -> FlowNode:
        r = self.nodes.loc[node_id]
        return FlowNode(
            id=int(node_id),
            column=int(r["column"]),
            label=str(r["label"]),
            kind=str(r["kind"]),
            value=float(r["value"]),
            level=str(r["level"]),
            filters=dict(r["filters"]),
            members=tuple(r["members"]),
        )

    def find(self, label: str, column: int | None = None, kind: str | None = None) -> int:
        """The id of the node with this label (and column/kind, when given)."""
        mask = self.nodes["label"] == label
        if column is not None:
            mask &= self.nodes["column"] == column
        if kind is not None:
            mask &= self.nodes["kind"] == kind
        hits = self.nodes.index[mask.to_numpy()]
        if len(hits) == 0:
            raise KeyError(label)
        return int(hits[0])

    def find_key(self, column: int, label: str) -> int | None:
        """The id of a node by column and label, or None (stable across focus and fold)."""
        try:
            return self.find(label, column=column)
        except KeyError:
            return None

    def column_nodes(self, column: int) -> list[int]:
        return [int(i) for i in self.nodes.index[(self.nodes["column"] == column).to_numpy()]]

    def flows(self) -> tuple[np.ndarray, np.ndarray]:
        """(inflow, outflow) of every node, by node id."""
        if "flows" not in self._cache:
            n = len(self.nodes)
            s = self.links["source"].to_numpy(dtype=np.int64)
            t = self.links["target"].to_numpy(dtype=np.int64)
            v = self.links["value"].to_numpy(dtype=float)
            self._cache["flows"] = (
                np.bincount(t, weights=v, minlength=n),
                np.bincount(s, weights=v, minlength=n),
            )
        return self._cache["flows"]

    @property
    def total(self) -> float:
        """All money entering the diagram (sum of the first column)."""
        col0 = (self.nodes["column"] == 0).to_numpy()
        return float(self.nodes["value"].to_numpy()[col0].sum())

    def totals(self) -> dict[str, float]:
        """Signed totals of the lines the links stand for, plus the computed balance."""
        out = {a: float(self.links[a].sum()) for a in ACCOUNTS}
        gap = self.links["gap"].to_numpy()
        out["use_of_fund_balance"] = float(gap[gap > 0].sum())
        out["added_to_reserves"] = float(-gap[gap < 0].sum())
        return out

    def fund_spending_share(self) -> tuple[int | None, float]:
        """The fund paying the most department spending, and its share of that spending."""
        links = self.links
        fund_ids = self.nodes.index[(self.nodes["kind"] == FUND).to_numpy()]
        if len(fund_ids) == 0:
            return None, 0.0
        kinds = self.nodes["kind"].to_numpy()
        cols = self.nodes["column"].to_numpy()
        s = links["source"].to_numpy()
        t = links["target"].to_numpy()
        pays = (
            (links["kind"].to_numpy() == NORMAL)
            & (cols[s] == FUND_COLUMN)
            & np.isin(kinds[s], (FUND, OTHER))
            & np.isin(kinds[t], (USE, OTHER))
            & (cols[t] == FUND_COLUMN + 1)
        )
        if not pays.any():
            return None, 0.0
        by = np.bincount(s[pays], weights=links["value"].to_numpy()[pays], minlength=len(kinds))
        best = int(np.argmax(np.where(kinds == FUND, by, -1)))
        return best, float(by[best] / by.sum())


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def _labels(series: pd.Series) -> np.ndarray:
    """Trimmed text with blanks as "(not stated)", as an object array."""
    codes, uniques = pd.factorize(series.astype("string").fillna(""), sort=False)
    clean = np.array(
        [(" ".join(str(u).split()) or NOT_STATED) for u in uniques] + [NOT_STATED], dtype=object
    )
    return clean[codes]


def _fund_labels(lines: pd.DataFrame) -> tuple[np.ndarray, dict[str, dict]]:
    """Fund label per line (name, else "Fund <code>", else "(not stated)") and its filters."""
    name = lines["fund_name"].astype("string").fillna("").str.strip()
    code = lines["fund_code"].astype("string").fillna("").str.strip()
    pairs = pd.DataFrame({"n": name, "c": code})
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(pairs), sort=False)
    labels, filters = [], {}
    for n, c in uniques:
        n, c = " ".join(str(n).split()), str(c)
        if n:
            label, filt = n, {"fund_name": n}
        elif c:
            label, filt = f"Fund {c}", {"fund_code": c}
        else:
            label, filt = NOT_STATED, {"fund_name": ""}
        labels.append(label)
        filters.setdefault(label, filt)
    return np.array([*labels, NOT_STATED], dtype=object)[codes], filters


def _matches(lines: pd.DataFrame, pattern: re.Pattern) -> np.ndarray:
    """True where the line's category or account name matches ``pattern`` (per distinct text)."""
    out = np.zeros(len(lines), dtype=bool)
    for col in ("category", "account_name"):
        codes, uniques = pd.factorize(lines[col].astype("string").fillna(""), sort=False)
        hit = np.array([bool(pattern.search(str(u))) for u in uniques] + [False])
        out |= hit[codes]
    return out


def _named_funds(texts: np.ndarray, funds: Sequence[str]) -> np.ndarray:
    """For each text, the longest fund label it mentions (or "")."""
    names = sorted(
        {f for f in funds if len(f) >= 4 and f != NOT_STATED and not _CODE_LABEL_RE.match(f)},
        key=len,
        reverse=True,
    )
    if not names or len(texts) == 0:
        return np.full(len(texts), "", dtype=object)
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object), sort=False)
    lookup = {n.lower(): n for n in names}
    rx = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)
    found = []
    for u in uniques:
        hits = [m.group(0).lower() for m in rx.finditer(str(u))]
        found.append(lookup[max(hits, key=len)] if hits else "")
    return np.array([*found, ""], dtype=object)[codes]


def _frame(src_col, src, src_kind, tgt_col, tgt, tgt_kind, kind, value, **acct) -> pd.DataFrame:
    value = np.asarray(value, dtype=float)
    n = len(value)

    def col(x, dtype):
        if np.ndim(x) == 0:
            return np.full(n, x, dtype=dtype)
        return np.asarray(x, dtype=dtype)

    data = {
        "s_col": col(src_col, np.int64),
        "s_label": col(src, object),
        "s_kind": col(src_kind, object),
        "t_col": col(tgt_col, np.int64),
        "t_label": col(tgt, object),
        "t_kind": col(tgt_kind, object),
        "kind": col(kind, object),
        "value": value,
    }
    for a in ACCOUNTS:
        data[a] = col(acct.get(a, 0.0), float)
    return pd.DataFrame(data)


_KEY = ["s_col", "s_label", "s_kind", "t_col", "t_label", "t_kind", "kind"]


def _group(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return frame
    return frame.groupby(_KEY, sort=False, observed=True)[["value", *ACCOUNTS]].sum().reset_index()


def _pair_transfers(
    tin: pd.DataFrame, tout: pd.DataFrame, funds: Sequence[str], right: int
) -> pd.DataFrame:
    """Pair transfer-in and transfer-out lines into fund → fund bands (see the module docs)."""
    sides = []
    for frame, side, acct in ((tin, "in", "transfers_in"), (tout, "out", "transfers_out")):
        if frame.empty:
            continue
        ctr = _named_funds(frame["text"].to_numpy(), funds)
        own = frame["fund"].to_numpy()
        ctr = np.where(ctr == own, "", ctr)
        sides.append(
            pd.DataFrame(
                {"fund": own, "ctr": ctr, "side": side, "acct": acct, "amount": frame["amount"]}
            )
        )
    if not sides:
        return _frame(0, [], SOURCE, 0, [], FUND, LINK_TRANSFER, [])
    g = (
        pd.concat(sides, ignore_index=True)
        .groupby(["fund", "ctr", "side", "acct"], sort=False)["amount"]
        .sum()
        .reset_index()
    )
    g = g[g["amount"].abs() > 1e-9]
    # A negative transfer in is a transfer out (and the reverse): flip it, keep its accounting.
    neg = g["amount"].to_numpy() < 0
    g = g.assign(
        side=np.where(neg, np.where(g["side"] == "in", "out", "in"), g["side"]),
        sign=np.where(neg, -1.0, 1.0),
        amount=g["amount"].abs(),
    )
    groups = g.to_dict("records")  # one record per fund and counterpart: a few hundred at most
    outs = [r for r in groups if r["side"] == "out"]
    ins = [r for r in groups if r["side"] == "in"]
    rows: list[tuple] = []

    def match(o: dict, i: dict) -> None:
        m = min(o["amount"], i["amount"])
        if m <= 0 or o["fund"] == i["fund"]:
            return
        o["amount"] -= m
        i["amount"] -= m
        acct = dict.fromkeys(ACCOUNTS, 0.0)
        acct[o["acct"]] += o["sign"] * m
        acct[i["acct"]] += i["sign"] * m
        rows.append((o["fund"], FUND, i["fund"], FUND, LINK_TRANSFER, m, acct))

    by_fund_in: dict[str, list[dict]] = {}
    for i in ins:
        by_fund_in.setdefault(i["fund"], []).append(i)
    by_fund_out: dict[str, list[dict]] = {}
    for o in outs:
        by_fund_out.setdefault(o["fund"], []).append(o)
    # 1. each side names the other; 2. one side names the other, the other names nobody
    for o in outs:
        for i in by_fund_in.get(o["ctr"], []):
            if i["ctr"] == o["fund"]:
                match(o, i)
    for o in outs:
        for i in by_fund_in.get(o["ctr"], []):
            if i["ctr"] == "" and o["amount"] > 0:
                match(o, i)
    for i in ins:
        for o in by_fund_out.get(i["ctr"], []):
            if o["ctr"] == "" and i["amount"] > 0:
                match(o, i)
    # 3. equal amounts, to the cent, between two funds that name nobody
    pending: dict[int, list[dict]] = {}
    for i in ins:
        if i["ctr"] == "" and i["amount"] > 0:
            pending.setdefault(round(i["amount"] * 100), []).append(i)
    for o in sorted(outs, key=lambda r: -r["amount"]):
        if o["ctr"] != "" or o["amount"] <= 0:
            continue
        for i in pending.get(round(o["amount"] * 100), []):
            if i["amount"] > 0 and i["fund"] != o["fund"]:
                match(o, i)
                break
    # 4. what is left keeps its own side, through a pseudo-node
    for o in outs:
        if o["amount"] > 1e-9:
            acct = dict.fromkeys(ACCOUNTS, 0.0)
            acct[o["acct"]] = o["sign"] * o["amount"]
            rows.append((o["fund"], FUND, TRANSFERS_OUT, TRANSFER, NORMAL, o["amount"], acct))
    for i in ins:
        if i["amount"] > 1e-9:
            acct = dict.fromkeys(ACCOUNTS, 0.0)
            acct[i["acct"]] = i["sign"] * i["amount"]
            rows.append((TRANSFERS_IN, TRANSFER, i["fund"], FUND, NORMAL, i["amount"], acct))
    if not rows:
        return _frame(0, [], SOURCE, 0, [], FUND, LINK_TRANSFER, [])
    src = [r[0] for r in rows]
    tgt = [r[2] for r in rows]
    s_kind = [r[1] for r in rows]
    t_kind = [r[3] for r in rows]
    s_col = [0 if k == TRANSFER else FUND_COLUMN for k in s_kind]
    t_col = [right if k == TRANSFER else FUND_COLUMN for k in t_kind]
    acct = {a: [r[6][a] for r in rows] for a in ACCOUNTS}
    return _frame(
        s_col, src, s_kind, t_col, tgt, t_kind, [r[4] for r in rows], [r[5] for r in rows], **acct
    )


def build_flows(
    lines: pd.DataFrame,
    levels: Sequence[str] = DEFAULT_LEVELS,
    fold_below: float = 0.0,
    netted: pd.DataFrame | None = None,
) -> FlowGraph:
    """The flow graph of ``lines`` (canonical lines, normally ``apply_lens(...).lines``).

    ``levels``: the revenue level, ``"fund"``, then one or more spending levels.
    ``fold_below``: nodes under this share of the total flow fold into "Other (n)".
    ``netted``: the lines a "net of transfers" lens left out (transfers, internal-service
    charges). Each fund's net of them is drawn as "From/To other funds (netted)", so that
    only a real difference between revenue and spending shows as fund balance.
    """
    levels = tuple(levels)
    if len(levels) < 3 or levels[FUND_COLUMN] != "fund":
        raise ValueError("levels must be (revenue level, 'fund', spending level, ...)")
    unknown = [lv for lv in levels if lv not in LEVEL_COLUMNS]
    if unknown:
        raise ValueError(f"unknown level(s): {', '.join(unknown)}")
    right = FUND_COLUMN + 1
    last = len(levels) - 1

    amount = lines["amount"].to_numpy(dtype=float)
    revenue = (lines["direction"] == "revenue").to_numpy(dtype=bool)
    transfer = lines["is_transfer"].to_numpy(dtype=bool)
    fund, fund_filters = _fund_labels(lines)
    draw = revenue & _matches(lines, _DRAW_RE)
    add = ~revenue & _matches(lines, _ADD_RE)
    parts: list[pd.DataFrame] = []

    # revenue → fund
    m = revenue & ~transfer & ~draw
    src = _labels(lines[LEVEL_COLUMNS[levels[0]]])
    parts.append(
        _frame(0, src[m], SOURCE, FUND_COLUMN, fund[m], FUND, NORMAL, amount[m], revenue=amount[m])
    )
    # fund → first spending level → ... (spending is accounted once, on the fund → level link)
    m = ~revenue & ~transfer & ~add
    prev_label, prev_col, prev_kind = fund[m], FUND_COLUMN, FUND
    for col in range(right, last + 1):
        lab = _labels(lines[LEVEL_COLUMNS[levels[col]]])[m]
        acct = {"spending": amount[m]} if col == right else {}
        parts.append(
            _frame(prev_col, prev_label, prev_kind, col, lab, USE, NORMAL, amount[m], **acct)
        )
        prev_label, prev_col, prev_kind = lab, col, USE
    # budgeted fund balance
    for mask, is_draw in ((draw, True), (add, False)):
        if not mask.any():
            continue
        acct_name = (
            "transfers_in" if is_draw else "transfers_out",
            "revenue" if is_draw else "spending",
        )
        acct = {
            acct_name[0]: np.where(transfer[mask], amount[mask], 0.0),
            acct_name[1]: np.where(transfer[mask], 0.0, amount[mask]),
        }
        if is_draw:
            parts.append(
                _frame(
                    0,
                    USE_OF_BALANCE,
                    BALANCE,
                    FUND_COLUMN,
                    fund[mask],
                    FUND,
                    LINK_BALANCE,
                    amount[mask],
                    **acct,
                )
            )
        else:
            parts.append(
                _frame(
                    FUND_COLUMN,
                    fund[mask],
                    FUND,
                    right,
                    TO_RESERVES,
                    BALANCE,
                    LINK_BALANCE,
                    amount[mask],
                    **acct,
                )
            )
    # interfund transfers
    text = (
        lines["account_name"].astype("string").fillna("")
        + " | "
        + lines["category"].astype("string").fillna("")
    ).to_numpy(dtype=object)
    tin_m = revenue & transfer & ~draw
    tout_m = ~revenue & transfer & ~add
    tin = pd.DataFrame({"fund": fund[tin_m], "text": text[tin_m], "amount": amount[tin_m]})
    tout = pd.DataFrame({"fund": fund[tout_m], "text": text[tout_m], "amount": amount[tout_m]})
    parts.append(_pair_transfers(tin, tout, pd.unique(fund).tolist(), right))

    if netted is not None and len(netted):
        parts.append(_netted_links(netted, right))
        fund_filters = {**_fund_labels(netted)[1], **fund_filters}
    links = _group(pd.concat([p for p in parts if len(p)], ignore_index=True))
    links = _reflect_negatives(links, last)
    links = _add_gaps(links, right)
    links = links[links["value"] > 1e-9].reset_index(drop=True)
    graph = _assemble(links, levels, fund_filters)
    if fold_below > 0:
        graph = fold(graph, fold_below)
    return graph


def _reflect_negatives(links: pd.DataFrame, last: int) -> pd.DataFrame:
    """Pairs that stay negative after netting: flipped (transfers, balance) or reflected."""
    if links.empty:
        return links
    neg = links["value"].to_numpy() < -1e-9
    if not neg.any():
        return links
    keep = links[~neg]
    bad = links[neg]
    extra = []
    # budgeted fund balance: a negative draw is an addition to reserves, and the reverse
    flip = (bad["kind"] == LINK_BALANCE).to_numpy()
    fl = bad[flip]
    if len(fl):
        draw = (fl["s_kind"] == BALANCE).to_numpy()
        fund = np.where(draw, fl["t_label"], fl["s_label"])
        swap = fl.copy()
        swap["value"] = -fl["value"].to_numpy()
        swap["s_col"] = np.where(draw, FUND_COLUMN, 0)
        swap["s_label"] = np.where(draw, fund, USE_OF_BALANCE)
        swap["s_kind"] = np.where(draw, FUND, BALANCE)
        swap["t_col"] = np.where(draw, FUND_COLUMN + 1, FUND_COLUMN)
        swap["t_label"] = np.where(draw, TO_RESERVES, fund)
        swap["t_kind"] = np.where(draw, BALANCE, FUND)
        extra.append(swap)
    rf = bad[~flip]
    if len(rf):
        x = -rf["value"].to_numpy()
        zero = np.zeros(len(rf))
        acct = {a: rf[a].to_numpy() for a in ACCOUNTS}
        s_col = rf["s_col"].to_numpy()
        t_col = rf["t_col"].to_numpy()
        # credit → u carries the accounting; v → credit (if v passes money on) carries none
        has_src = s_col > 0
        extra.append(
            _frame(
                s_col[has_src] - 1,
                CREDITS,
                CREDIT,
                s_col[has_src],
                rf["s_label"].to_numpy()[has_src],
                rf["s_kind"].to_numpy()[has_src],
                LINK_CREDIT,
                x[has_src],
                **{a: v[has_src] for a, v in acct.items()},
            )
        )
        has_sink = t_col < last
        # accounting sits on the sink side when there is no source side (revenue refunds)
        extra.append(
            _frame(
                t_col[has_sink],
                rf["t_label"].to_numpy()[has_sink],
                rf["t_kind"].to_numpy()[has_sink],
                t_col[has_sink] + 1,
                CREDITS,
                CREDIT,
                LINK_CREDIT,
                x[has_sink],
                **{
                    a: np.where(has_src[has_sink], zero[has_sink], v[has_sink])
                    for a, v in acct.items()
                },
            )
        )
        lost = ~has_src & ~has_sink  # cannot happen with three or more columns
        if lost.any():
            raise ValueError("a negative link has nowhere to go")
    return _group(pd.concat([keep, *extra], ignore_index=True))


def _netted_links(netted: pd.DataFrame, right: int) -> pd.DataFrame:
    """Per fund, what the left-out lines brought in (+) or paid out (−)."""
    fund, _ = _fund_labels(netted)
    sign = np.where((netted["direction"] == "revenue").to_numpy(), 1.0, -1.0)
    net = pd.Series(netted["amount"].to_numpy(dtype=float) * sign).groupby(fund).sum()
    net = net[net.abs() > 1e-6]
    into = net[net > 0]
    out = net[net < 0]
    return pd.concat(
        [
            _frame(
                0,
                NETTED_IN,
                TRANSFER,
                FUND_COLUMN,
                into.index.to_numpy(dtype=object),
                FUND,
                NORMAL,
                into.to_numpy(),
                netted=into.to_numpy(),
            ),
            _frame(
                FUND_COLUMN,
                out.index.to_numpy(dtype=object),
                FUND,
                right,
                NETTED_OUT,
                TRANSFER,
                NORMAL,
                -out.to_numpy(),
                netted=out.to_numpy(),
            ),
        ],
        ignore_index=True,
    )


def _add_gaps(links: pd.DataFrame, right: int) -> pd.DataFrame:
    """Use of fund balance / added to reserves, where a fund's lines do not balance."""
    if links.empty:
        return links
    v = links["value"].to_numpy()
    into = (links["t_kind"] == FUND).to_numpy()
    outof = (links["s_kind"] == FUND).to_numpy()
    inflow = pd.Series(v[into]).groupby(links["t_label"].to_numpy()[into]).sum()
    outflow = pd.Series(v[outof]).groupby(links["s_label"].to_numpy()[outof]).sum()
    diff = outflow.reindex(inflow.index.union(outflow.index), fill_value=0.0).sub(
        inflow, fill_value=0.0
    )
    diff = diff[diff.abs() > 1e-6]
    use = diff[diff > 0]
    res = -diff[diff < 0]
    parts = [links]
    if len(use):
        parts.append(
            _frame(
                0,
                USE_OF_BALANCE,
                BALANCE,
                FUND_COLUMN,
                use.index.to_numpy(dtype=object),
                FUND,
                LINK_BALANCE,
                use.to_numpy(),
                gap=use.to_numpy(),
            )
        )
    if len(res):
        parts.append(
            _frame(
                FUND_COLUMN,
                res.index.to_numpy(dtype=object),
                FUND,
                right,
                TO_RESERVES,
                BALANCE,
                LINK_BALANCE,
                res.to_numpy(),
                gap=-res.to_numpy(),
            )
        )
    return _group(pd.concat(parts, ignore_index=True))


def _assemble(links: pd.DataFrame, levels: tuple[str, ...], fund_filters: dict) -> FlowGraph:
    """Node table from the link endpoints; links re-keyed to node ids."""
    ends = pd.concat(
        [
            links[["s_col", "s_label", "s_kind"]].set_axis(["column", "label", "kind"], axis=1),
            links[["t_col", "t_label", "t_kind"]].set_axis(["column", "label", "kind"], axis=1),
        ],
        ignore_index=True,
    )
    key = pd.MultiIndex.from_frame(ends)
    codes, uniques = pd.factorize(key, sort=False)
    nodes = pd.DataFrame(list(uniques), columns=["column", "label", "kind"])
    n_links = len(links)
    src = codes[:n_links]
    tgt = codes[n_links:]
    out = pd.DataFrame(
        {
            "source": src.astype(np.int64),
            "target": tgt.astype(np.int64),
            "value": links["value"].to_numpy(),
            "kind": links["kind"].to_numpy(dtype=object),
            **{a: links[a].to_numpy() for a in ACCOUNTS},
        }
    )
    n = len(nodes)
    inflow = np.bincount(out["target"], weights=out["value"], minlength=n)
    outflow = np.bincount(out["source"], weights=out["value"], minlength=n)
    nodes["value"] = np.maximum(inflow, outflow)
    level_names = [
        levels[c] if k in (SOURCE, FUND, USE) else ""
        for c, k in zip(nodes["column"], nodes["kind"], strict=True)
    ]
    nodes["level"] = level_names
    nodes["filters"] = [
        _filters(lv, lab, k, fund_filters)
        for lv, lab, k in zip(level_names, nodes["label"], nodes["kind"], strict=True)
    ]
    nodes["members"] = [()] * n
    nodes["column"] = nodes["column"].astype(np.int64)
    return FlowGraph(nodes=nodes, links=out, levels=levels)


def _filters(level: str, label: str, kind: str, fund_filters: dict[str, dict]) -> dict:
    if kind not in (SOURCE, FUND, USE):
        return {}
    value = "" if label == NOT_STATED else label
    if level == "fund":
        return dict(fund_filters.get(label, {"fund_name": value}))
    out = {LEVEL_COLUMNS[level]: value}
    if kind == SOURCE:
        out["direction"] = "revenue"
    return out


# --------------------------------------------------------------------------------------------
# Folding and focus
# --------------------------------------------------------------------------------------------


def fold(graph: FlowGraph, fold_below: float, keep: Collection[tuple[int, str]] = ()) -> FlowGraph:
    """Nodes under ``fold_below`` × the total flow fold into one "Other (n)" per column.

    ``keep``: (column, label) of nodes that stay on their own whatever their size.
    """
    nodes = graph.nodes
    if fold_below <= 0 or nodes.empty:
        return graph
    threshold = fold_below * graph.total
    small = (nodes["value"].to_numpy() < threshold) & nodes["kind"].isin(
        [SOURCE, FUND, USE]
    ).to_numpy()
    cols = nodes["column"].to_numpy()
    if keep:
        kept = {(int(c), str(lab)) for c, lab in keep}
        small &= np.array(
            [(int(c), str(lab)) not in kept for c, lab in zip(cols, nodes["label"], strict=True)]
        )
    counts = np.bincount(cols[small], minlength=graph.n_columns)
    small &= counts[cols] >= 2
    if not small.any():
        return graph
    new_nodes = nodes[~small].copy()
    mapping = np.full(len(nodes), -1, dtype=np.int64)
    mapping[~small] = np.arange(len(new_nodes))
    others = []
    notes = list(graph.notes)
    for col in np.unique(cols[small]):
        members = nodes[small & (cols == col)]
        new_id = len(new_nodes) + len(others)
        mapping[members.index.to_numpy()] = new_id
        level = graph.levels[col]
        column_name = LEVEL_COLUMNS[level]
        values = ["" if lab == NOT_STATED else lab for lab in members["label"]]
        filt = {"fund_name" if level == "fund" else column_name: values}
        others.append(
            {
                "column": int(col),
                "label": f"Other ({len(members)})",
                "kind": OTHER,
                "value": 0.0,
                "level": level,
                "filters": filt,
                "members": tuple(members.sort_values("value", ascending=False)["label"]),
            }
        )
    new_nodes = pd.concat([new_nodes, pd.DataFrame(others)], ignore_index=True)
    links = graph.links.copy()
    links["source"] = mapping[links["source"].to_numpy()]
    links["target"] = mapping[links["target"].to_numpy()]
    loop = links["source"] == links["target"]
    if loop.any():
        hidden = float(links.loc[loop, "value"].sum())
        notes.append(f"transfers between funds folded into Other: {hidden:.2f}")
    links = links[~loop]
    links = (
        links.groupby(["source", "target", "kind"], sort=False)[["value", *ACCOUNTS]]
        .sum()
        .reset_index()[["source", "target", "value", "kind", *ACCOUNTS]]
    )
    return _rebuilt(graph, new_nodes, links, notes=tuple(notes))


def _rebuilt(
    graph: FlowGraph,
    nodes: pd.DataFrame,
    links: pd.DataFrame,
    notes: tuple[str, ...] | None = None,
    focused: int | None = None,
) -> FlowGraph:
    """A graph with node values recomputed from ``links`` (nodes without links dropped)."""
    n = len(nodes)
    s = links["source"].to_numpy(dtype=np.int64)
    t = links["target"].to_numpy(dtype=np.int64)
    v = links["value"].to_numpy(dtype=float)
    inflow = np.bincount(t, weights=v, minlength=n)
    outflow = np.bincount(s, weights=v, minlength=n)
    keep = (inflow > 0) | (outflow > 0)
    if focused is not None:
        keep[focused] = True
    remap = np.full(n, -1, dtype=np.int64)
    remap[keep] = np.arange(int(keep.sum()))
    nodes = nodes[keep].reset_index(drop=True)
    nodes["value"] = np.maximum(inflow, outflow)[keep]
    links = links.assign(source=remap[s], target=remap[t]).reset_index(drop=True)
    return FlowGraph(
        nodes=nodes,
        links=links,
        levels=graph.levels,
        notes=graph.notes if notes is None else notes,
        focused=None if focused is None else int(remap[focused]),
    )


def _link_arrays(graph: FlowGraph):
    links = graph.links
    return (
        links["source"].to_numpy(dtype=np.int64),
        links["target"].to_numpy(dtype=np.int64),
        links["value"].to_numpy(dtype=float),
    )


def _solve(matrix: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = np.eye(len(b)) - matrix
    try:
        return np.linalg.solve(a, b)
    except np.linalg.LinAlgError:  # a closed loop of transfers with no outside money
        return np.linalg.lstsq(a, b, rcond=None)[0]


def upstream(graph: FlowGraph, node: int) -> np.ndarray:
    """Per link, the part of ``node``'s inflow it carries (proportional attribution)."""
    s, t, v = _link_arrays(graph)
    n = len(graph.nodes)
    inflow, _ = graph.flows()
    if inflow[node] <= 0:
        return np.zeros(len(v))
    share = np.divide(v, inflow[t], out=np.zeros_like(v), where=inflow[t] > 0)
    matrix = np.zeros((n, n))
    np.add.at(matrix, (s, t), share)
    matrix[node, :] = 0.0  # the node's own outflows do not feed back into it
    b = np.zeros(n)
    b[node] = inflow[node]
    y = _solve(matrix, b)
    amounts = y[t] * share
    amounts[s == node] = 0.0
    return np.clip(amounts, 0.0, v)


def downstream(graph: FlowGraph, node: int) -> np.ndarray:
    """Per link, the part of ``node``'s outflow it carries (proportional attribution)."""
    s, t, v = _link_arrays(graph)
    n = len(graph.nodes)
    _, outflow = graph.flows()
    if outflow[node] <= 0:
        return np.zeros(len(v))
    share = np.divide(v, outflow[s], out=np.zeros_like(v), where=outflow[s] > 0)
    matrix = np.zeros((n, n))
    np.add.at(matrix, (t, s), share)
    matrix[node, :] = 0.0
    b = np.zeros(n)
    b[node] = outflow[node]
    z = _solve(matrix, b)
    amounts = z[s] * share
    amounts[t == node] = 0.0
    return np.clip(amounts, 0.0, v)


def through(graph: FlowGraph, node: int) -> np.ndarray:
    """Per link, the money that flows through ``node`` (its inflow's sources and its outflow's
    uses, attributed proportionally)."""
    return np.minimum(
        upstream(graph, node) + downstream(graph, node), graph.links["value"].to_numpy()
    )


def focus(graph: FlowGraph, node: int) -> FlowGraph:
    """Only the flows through ``node``, at their attributed amounts (each node still conserves)."""
    amounts = through(graph, node)
    keep = amounts > 1e-9
    links = graph.links[keep].copy()
    ratio = amounts[keep] / links["value"].to_numpy()
    for a in ACCOUNTS:
        links[a] = links[a].to_numpy() * ratio
    links["value"] = amounts[keep]
    return _rebuilt(graph, graph.nodes.copy(), links, focused=node)


def carry(amounts: np.ndarray, source: FlowGraph, target: FlowGraph) -> np.ndarray:
    """Per-link ``amounts`` on ``source`` re-expressed on ``target``, a folded and/or focused
    version of it: nodes match by (column, label), or by the "Other (n)" that holds them."""
    nodes = target.nodes
    where: dict[tuple[int, str], int] = {}
    for node_id, col, label, members in zip(
        nodes.index, nodes["column"], nodes["label"], nodes["members"], strict=True
    ):
        where[(int(col), str(label))] = int(node_id)
        for member in members:
            where.setdefault((int(col), str(member)), int(node_id))
    src_nodes = source.nodes
    mapped = np.array(
        [
            where.get((int(c), str(lab)), -1)
            for c, lab in zip(src_nodes["column"], src_nodes["label"], strict=True)
        ],
        dtype=np.int64,
    )
    s, t, _ = _link_arrays(source)
    ms, mt = mapped[s], mapped[t]
    kinds = source.links["kind"].to_numpy()
    index = {
        (int(a), int(b), str(k)): i
        for i, (a, b, k) in enumerate(
            zip(target.links["source"], target.links["target"], target.links["kind"], strict=True)
        )
    }
    out = np.zeros(len(target.links))
    for k in np.flatnonzero(np.asarray(amounts) > 0):  # the attributed links only
        i = index.get((int(ms[k]), int(mt[k]), str(kinds[k])))
        if i is not None and ms[k] >= 0 and mt[k] >= 0:
            out[i] += amounts[k]
    return np.minimum(out, target.links["value"].to_numpy())


# --------------------------------------------------------------------------------------------
# Follow a dollar
# --------------------------------------------------------------------------------------------

# Sentence frames, in English; :func:`sentence_templates` says them in the interface's language.
TEMPLATES: dict[str, str] = {
    "from_lead": QT_TRANSLATE_NOOP(
        "flows", "Of every $1 {who} spends, {cents} comes from {fund}{breakdown}."
    ),
    "from_next": QT_TRANSLATE_NOOP("flows", "{cents} comes from {fund}{breakdown}."),
    "from_lead_pseudo": QT_TRANSLATE_NOOP(
        "flows", "Of every $1 {who}, {cents} comes from {fund}{breakdown}."
    ),
    "from_rest": QT_TRANSLATE_NOOP("flows", "The other {cents} comes from {n} smaller funds."),
    "of_which": QT_TRANSLATE_NOOP("flows", ", of which {items}"),
    "item_first": QT_TRANSLATE_NOOP("flows", "{cents} is {label}"),
    "item": QT_TRANSLATE_NOOP("flows", "{cents} {label}"),
    "transferred": QT_TRANSLATE_NOOP("flows", "transferred from {fund}"),
    "traced": QT_TRANSLATE_NOOP(
        "flows", "Traced back through transfers, that dollar is raised as {items}."
    ),
    "to_lead": QT_TRANSLATE_NOOP(
        "flows", "Of every $1 of {what}, {cents} goes to {fund}{breakdown}."
    ),
    "to_next": QT_TRANSLATE_NOOP("flows", "{cents} goes to {fund}{breakdown}."),
    "to_rest": QT_TRANSLATE_NOOP("flows", "The other {cents} goes to {n} smaller funds."),
    "which_spends": QT_TRANSLATE_NOOP("flows", ", which spends it on {items}"),
    "on_item": QT_TRANSLATE_NOOP("flows", "{label} ({cents})"),
    "transfer_to": QT_TRANSLATE_NOOP("flows", "a transfer to {fund}"),
    "ends_up": QT_TRANSLATE_NOOP("flows", "After transfers, it ends up with {items}."),
    "fund_in": QT_TRANSLATE_NOOP("flows", "Of every $1 that comes into {who}, {items}."),
    "fund_out": QT_TRANSLATE_NOOP("flows", "Of every $1 it pays out, {items}."),
    "goes_item": QT_TRANSLATE_NOOP("flows", "{cents} goes to {label}"),
    "goes_item_next": QT_TRANSLATE_NOOP("flows", "{cents} to {label}"),
    "other_sources": QT_TRANSLATE_NOOP("flows", "other sources"),
    "other_uses": QT_TRANSLATE_NOOP("flows", "other uses"),
    "and": QT_TRANSLATE_NOOP("flows", " and "),
    "comma": QT_TRANSLATE_NOOP("flows", ", "),
    "cents": QT_TRANSLATE_NOOP("flows", "{n}¢"),
    "dept_who": QT_TRANSLATE_NOOP("flows", "the {label} department"),
    "program_who": QT_TRANSLATE_NOOP("flows", "the {label} program"),
    "fund_who": QT_TRANSLATE_NOOP("flows", "the {label}"),
    "fund_who_plain": QT_TRANSLATE_NOOP("flows", "the {label} fund"),
    "plain_who": QT_TRANSLATE_NOOP("flows", "{label}"),
}


def sentence_templates() -> dict[str, str]:
    """The sentence frames in the interface's language."""
    return {key: translate("flows", text) for key, text in TEMPLATES.items()}


def shown_label(label: str) -> str:
    """A node label as people read it: pseudo-node names in the interface's language, names
    from the budget as they are."""
    return translate("flows", label) if label in PSEUDO_LABELS else label


def display_label(graph: FlowGraph, node: int) -> str:
    """How ``node`` is named on the chart and in sentences: "Other (12)", "Fund 110", "Use of
    fund balance" (in the interface's language), or its name in the budget."""
    nodes = graph.nodes
    label = str(nodes.at[node, "label"])
    kind = nodes.at[node, "kind"]
    if kind == OTHER:
        count = len(nodes.at[node, "members"] or ())
        return translate("flows", "Other ({n})").format(n=count)
    if kind == FUND:
        code = (nodes.at[node, "filters"] or {}).get("fund_code")
        if isinstance(code, str) and label == f"Fund {code}":
            return translate("flows", "Fund {code}").format(code=code)
    return shown_label(label)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def cents(amounts: Sequence[float], total_cents: int = 100) -> list[int]:
    """Whole cents proportional to ``amounts``, adding up to ``total_cents`` (largest remainder)."""
    a = np.clip(np.asarray(amounts, dtype=float), 0.0, None)
    if len(a) == 0 or a.sum() <= 0:
        return [0] * len(a)
    exact = a / a.sum() * total_cents
    base = np.floor(exact).astype(int)
    short = total_cents - int(base.sum())
    order = np.argsort(-(exact - base), kind="stable")
    base[order[:short]] += 1
    return [int(x) for x in base]


@dataclass
class Attribution:
    """Where one node's dollar comes from (``upstream``) and goes to (``downstream``)."""

    graph: FlowGraph
    node: int
    #: per link, the amount attributed to the node (its sources, resp. its uses)
    upstream: np.ndarray
    downstream: np.ndarray

    @property
    def links(self) -> np.ndarray:
        """Per link, the attributed amount (for highlighting the paths)."""
        return np.minimum(self.upstream + self.downstream, self.graph.links["value"].to_numpy())

    @property
    def direction(self) -> str:
        inflow, outflow = self.graph.flows()
        has_in, has_out = inflow[self.node] > 0, outflow[self.node] > 0
        if has_in and has_out and self.graph.nodes.at[self.node, "column"] == FUND_COLUMN:
            return "both"
        return "from" if has_in else "to"

    # -- the numbers ---------------------------------------------------------------------
    def funds(self) -> list[tuple[int, float]]:
        """(fund node, amount) that pay for the node (from) or receive it (to), largest first."""
        g = self.graph
        s, t, _ = _link_arrays(g)
        kinds = g.nodes["kind"].to_numpy()
        cols = g.nodes["column"].to_numpy()
        n = len(kinds)
        if self.direction == "from":
            # paid directly: fund → non-fund links on the node's side of the diagram
            sel = (cols[s] == FUND_COLUMN) & (cols[t] > FUND_COLUMN) & (self.upstream > 0)
            amounts = np.bincount(s[sel], weights=self.upstream[sel], minlength=n)
        else:
            sel = (cols[t] == FUND_COLUMN) & (cols[s] < FUND_COLUMN) & (self.downstream > 0)
            amounts = np.bincount(t[sel], weights=self.downstream[sel], minlength=n)
        order = np.argsort(-amounts, kind="stable")
        return [(int(i), float(amounts[i])) for i in order if amounts[i] > 1e-9]

    def fund_inflows(self, fund: int) -> list[tuple[int, int, float]]:
        """(link, source node, share of the fund's inflow) for a fund node, largest first."""
        g = self.graph
        s, t, v = _link_arrays(g)
        inflow, _ = g.flows()
        idx = np.flatnonzero(t == fund)
        shares = v[idx] / inflow[fund] if inflow[fund] > 0 else np.zeros(len(idx))
        order = np.argsort(-shares, kind="stable")
        return [(int(idx[k]), int(s[idx[k]]), float(shares[k])) for k in order]

    def fund_outflows(self, fund: int) -> list[tuple[int, int, float]]:
        g = self.graph
        s, t, v = _link_arrays(g)
        _, outflow = g.flows()
        idx = np.flatnonzero(s == fund)
        shares = v[idx] / outflow[fund] if outflow[fund] > 0 else np.zeros(len(idx))
        order = np.argsort(-shares, kind="stable")
        return [(int(idx[k]), int(t[idx[k]]), float(shares[k])) for k in order]

    def origins(self) -> list[tuple[int, float]]:
        """Where the dollar is ultimately raised (first-column nodes), after transfers."""
        g = self.graph
        s, _, _ = _link_arrays(g)
        cols = g.nodes["column"].to_numpy()
        sel = (cols[s] == 0) & (self.upstream > 0)
        amounts = np.bincount(s[sel], weights=self.upstream[sel], minlength=len(cols))
        order = np.argsort(-amounts, kind="stable")
        return [(int(i), float(amounts[i])) for i in order if amounts[i] > 1e-9]

    def destinations(self) -> list[tuple[int, float]]:
        """Where the dollar ends up in the column after the funds, after transfers."""
        g = self.graph
        _, t, _ = _link_arrays(g)
        cols = g.nodes["column"].to_numpy()
        sel = (cols[t] == FUND_COLUMN + 1) & (self.downstream > 0)
        amounts = np.bincount(t[sel], weights=self.downstream[sel], minlength=len(cols))
        order = np.argsort(-amounts, kind="stable")
        return [(int(i), float(amounts[i])) for i in order if amounts[i] > 1e-9]

    # -- the words -----------------------------------------------------------------------
    def sentences(
        self,
        templates: dict[str, str] | None = None,
        label: dict[str, str] | None = None,
        max_items: int = 3,
        max_funds: int = 4,
    ) -> list[str]:
        """The attribution in plain words and cents, in the interface's language (or that of
        ``templates``, which override frames of :data:`TEMPLATES`).

        ``label`` maps node labels to other display labels (by default pseudo-nodes are named
        by :func:`display_label`).
        """
        tp = {**sentence_templates(), **(templates or {})}
        names = label or {}
        d = self.direction
        if d == "from":
            out = self._from_sentences(tp, names, max_items, max_funds)
        elif d == "to":
            out = self._to_sentences(tp, names, max_items, max_funds)
        else:
            out = self._fund_sentences(tp, names, max_items)
        return [_capital(text) for text in out]

    def _name(self, node: int, names: dict) -> str:
        raw = str(self.graph.nodes.at[node, "label"])
        lab = names.get(raw) or display_label(self.graph, node)
        if self.graph.nodes.at[node, "kind"] in (BALANCE, TRANSFER, CREDIT) and lab:
            lab = lab[0].lower() + lab[1:]  # "use of fund balance", mid-sentence
        return lab

    def who(self, node: int, tp: dict | None = None, names: dict | None = None) -> str:
        """How a sentence names a node: "the Parks department", "the General Fund"."""
        return node_phrase(self.graph, node, tp, names)

    def _join(self, items: list[str], tp: dict) -> str:
        if len(items) <= 1:
            return "".join(items)
        return tp["comma"].join(items[:-1]) + tp["and"] + items[-1]

    def _items(
        self,
        parts: list[tuple[str, float]],
        total_cents: int,
        tp: dict,
        max_items: int,
        rest_label: str,
        first_key: str,
        next_key: str,
    ) -> str:
        """ "31¢ is property tax, 12¢ sales tax and 19¢ other sources"."""
        head = parts[:max_items]
        tail = sum(a for _, a in parts[max_items:])
        labels = [lab for lab, _ in head]
        amounts = [a for _, a in head]
        if tail > 0:
            labels.append(rest_label)
            amounts.append(tail)
        cs = cents(amounts, total_cents)
        kept = [(lab, c) for lab, c in zip(labels, cs, strict=True) if c > 0]
        items = []
        for k, (lab, c) in enumerate(kept):
            key = first_key if k == 0 else next_key
            items.append(tp[key].format(cents=tp["cents"].format(n=c), label=lab))
        return self._join(items, tp)

    def _inflow_parts(self, fund: int, names: dict, tp: dict) -> list[tuple[str, float]]:
        kinds = self.graph.links["kind"].to_numpy()
        parts = []
        for link, src, share in self.fund_inflows(fund):
            lab = self._name(src, names)
            if kinds[link] == LINK_TRANSFER:
                lab = tp["transferred"].format(fund=self.who(src, tp, names))
            parts.append((lab, share))
        return parts

    def _outflow_parts(self, fund: int, names: dict, tp: dict) -> list[tuple[str, float]]:
        kinds = self.graph.links["kind"].to_numpy()
        parts = []
        for link, tgt, share in self.fund_outflows(fund):
            lab = self._name(tgt, names)
            if kinds[link] == LINK_TRANSFER:
                lab = tp["transfer_to"].format(fund=self.who(tgt, tp, names))
            parts.append((lab, share))
        return parts

    def _from_sentences(self, tp, names, max_items, max_funds) -> list[str]:
        funds = self.funds()
        if not funds:
            return []
        head = funds[:max_funds]
        rest = funds[max_funds:]
        amounts = [a for _, a in head] + ([sum(a for _, a in rest)] if rest else [])
        cs = cents(amounts)
        out = []
        for (fund, _), c in zip(head, cs, strict=False):
            if c <= 0:
                continue
            parts = self._inflow_parts(fund, names, tp)
            breakdown = ""
            if self.graph.nodes.at[fund, "kind"] in (FUND, OTHER) and parts:
                items = self._items(
                    parts, c, tp, max_items, tp["other_sources"], "item_first", "item"
                )
                if items:
                    breakdown = tp["of_which"].format(items=items)
            key = "from_lead" if not out else "from_next"
            if not out and self.graph.nodes.at[self.node, "kind"] in (BALANCE, TRANSFER, CREDIT):
                key = "from_lead_pseudo"
            out.append(
                tp[key].format(
                    who=self.who(self.node, tp, names),
                    cents=tp["cents"].format(n=c),
                    fund=self.who(fund, tp, names),
                    breakdown=breakdown,
                )
            )
        if rest and cs[-1] > 0:
            out.append(tp["from_rest"].format(cents=tp["cents"].format(n=cs[-1]), n=len(rest)))
        kinds = self.graph.links["kind"].to_numpy()
        if ((kinds == LINK_TRANSFER) & (self.upstream > 1e-9)).any():
            origins = [(self._name(i, names), a) for i, a in self.origins()]
            items = self._items(origins, 100, tp, max_items, tp["other_sources"], "item", "item")
            if items:
                out.append(tp["traced"].format(items=items))
        return out

    def _to_sentences(self, tp, names, max_items, max_funds) -> list[str]:
        funds = self.funds()
        if not funds:
            return []
        head = funds[:max_funds]
        rest = funds[max_funds:]
        amounts = [a for _, a in head] + ([sum(a for _, a in rest)] if rest else [])
        cs = cents(amounts)
        out = []
        for (fund, _), c in zip(head, cs, strict=False):
            if c <= 0:
                continue
            parts = self._outflow_parts(fund, names, tp)
            breakdown = ""
            if parts:
                items = self._on_items(parts, c, tp, max_items)
                if items:
                    breakdown = tp["which_spends"].format(items=items)
            key = "to_lead" if not out else "to_next"
            out.append(
                tp[key].format(
                    what=self._name(self.node, names),
                    cents=tp["cents"].format(n=c),
                    fund=self.who(fund, tp, names),
                    breakdown=breakdown,
                )
            )
        if rest and cs[-1] > 0:
            out.append(tp["to_rest"].format(cents=tp["cents"].format(n=cs[-1]), n=len(rest)))
        kinds = self.graph.links["kind"].to_numpy()
        if ((kinds == LINK_TRANSFER) & (self.downstream > 1e-9)).any():
            dest = [(self._name(i, names), a) for i, a in self.destinations()]
            items = self._on_items(dest, 100, tp, max_items)
            if items:
                out.append(tp["ends_up"].format(items=items))
        return out

    def _on_items(self, parts, total_cents, tp, max_items) -> str:
        head = parts[:max_items]
        tail = sum(a for _, a in parts[max_items:])
        labels = [lab for lab, _ in head] + ([tp["other_uses"]] if tail > 0 else [])
        amounts = [a for _, a in head] + ([tail] if tail > 0 else [])
        cs = cents(amounts, total_cents)
        items = [
            tp["on_item"].format(label=lab, cents=tp["cents"].format(n=c))
            for lab, c in zip(labels, cs, strict=True)
            if c > 0
        ]
        return self._join(items, tp)

    def _fund_sentences(self, tp, names, max_items) -> list[str]:
        who = self.who(self.node, tp, names)
        ins = self._inflow_parts(self.node, names, tp)
        outs = self._outflow_parts(self.node, names, tp)
        out = []
        items = self._items(ins, 100, tp, max_items + 1, tp["other_sources"], "item_first", "item")
        if items:
            out.append(tp["fund_in"].format(who=who, items=items))
        items = self._items(
            outs, 100, tp, max_items + 1, tp["other_uses"], "goes_item", "goes_item_next"
        )
        if items:
            out.append(tp["fund_out"].format(items=items))
        return out


def node_phrase(
    graph: FlowGraph, node: int, templates: dict | None = None, names: dict | None = None
) -> str:
    """How a sentence names a node: "the Parks department", "the General Fund" (in the
    interface's language, or that of ``templates``)."""
    tp = {**sentence_templates(), **(templates or {})}
    raw = str(graph.nodes.at[node, "label"])
    lab = (names or {}).get(raw) or display_label(graph, node)
    kind = graph.nodes.at[node, "kind"]
    level = graph.nodes.at[node, "level"]
    low = raw.lower()
    if kind == FUND:
        if low.startswith("fund "):
            return tp["plain_who"].format(label=lab)
        return tp["fund_who" if "fund" in low else "fund_who_plain"].format(label=lab)
    if kind == USE and level == "department" and "depart" not in low and raw != NOT_STATED:
        return tp["dept_who"].format(label=lab)
    if kind == USE and level == "program" and "program" not in low and raw != NOT_STATED:
        return tp["program_who"].format(label=lab)
    return tp["plain_who"].format(label=lab)


def follow_dollar(graph: FlowGraph, node: int) -> Attribution:
    """Attribute ``node``'s dollar: to the funds and sources that pay for it (a department,
    program, reserve…), to where it goes (a revenue source), or both (a fund)."""
    return Attribution(
        graph=graph,
        node=int(node),
        upstream=upstream(graph, node),
        downstream=downstream(graph, node),
    )


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------


def conservation_errors(graph: FlowGraph, tolerance: float = 0.5) -> list[str]:
    """What breaks conservation, in words (empty when every node balances to ``tolerance``).

    Every fund and every node with both inflow and outflow must balance; a node with only
    outflow must sit left of the funds (or be a pseudo-source), one with only inflow right of
    them; node values must equal their links; the signed accounting must balance overall.
    """
    errors = []
    nodes = graph.nodes
    inflow, outflow = graph.flows()
    values = nodes["value"].to_numpy()
    kinds = nodes["kind"].to_numpy()
    cols = nodes["column"].to_numpy()
    labels = nodes["label"].to_numpy()
    v = graph.links["value"].to_numpy()
    if (v <= 0).any():
        errors.append(f"{int((v <= 0).sum())} link(s) with a value that is not positive")
    for i in range(len(nodes)):
        through = kinds[i] == FUND or (inflow[i] > tolerance and outflow[i] > tolerance)
        if through and abs(inflow[i] - outflow[i]) > tolerance:
            errors.append(
                f"{labels[i]} (column {cols[i]}): "
                f"inflow {inflow[i]:,.2f} != outflow {outflow[i]:,.2f}"
            )
        if abs(values[i] - max(inflow[i], outflow[i])) > tolerance:
            errors.append(f"{labels[i]}: value {values[i]:,.2f} differs from its links")
        starts = outflow[i] > tolerance and inflow[i] <= tolerance
        ends = inflow[i] > tolerance and outflow[i] <= tolerance
        if starts and cols[i] >= FUND_COLUMN and kinds[i] not in (BALANCE, TRANSFER, CREDIT, FUND):
            errors.append(f"{labels[i]} (column {cols[i]}) starts money right of column 0")
        if ends and cols[i] <= FUND_COLUMN and kinds[i] != FUND:
            errors.append(f"{labels[i]} (column {cols[i]}) ends money left of the funds")
    t = graph.totals()
    lhs = t["revenue"] + t["transfers_in"] + t["gap"] + t["netted"]
    rhs = t["spending"] + t["transfers_out"]
    if abs(lhs - rhs) > tolerance:
        errors.append(
            f"revenue + transfers in + gap {lhs:,.2f} != spending + transfers out {rhs:,.2f}"
        )
    sources = values[(inflow <= tolerance)].sum()
    sinks = values[(outflow <= tolerance)].sum()
    if abs(sources - sinks) > tolerance * max(1, len(nodes)):
        errors.append(f"money in {sources:,.2f} != money out {sinks:,.2f}")
    return errors


# --------------------------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NodeBox:
    """A node's rectangle (y grows downward) and where its label goes."""

    id: int
    column: int
    x0: float
    y0: float
    x1: float
    y1: float
    #: "outside-left", "outside-right" (edge columns) or "inside" (a middle column's box)
    label_side: str
    label_x: float
    label_y: float
    #: room for the label: height (the node plus half the gaps around it) and width
    label_height: float
    label_width: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def center(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Band:
    """One link: a bezier band between two nodes, or a loop (a transfer within a column)."""

    link: int
    source: int
    target: int
    kind: str
    value: float
    thickness: float
    #: top edge at the source (x0, y0) and at the target (x1, y1)
    x0: float
    y0: float
    x1: float
    y1: float
    #: for a loop, the closed outline (N × 2); None for a bezier band
    outline: np.ndarray | None = None
    #: for a loop, the centre line its outline is drawn around (N × 2)
    centerline: np.ndarray | None = None
    #: where a loop's label can go (on its lowest run), else None
    label_at: tuple[float, float] | None = None

    @property
    def is_loop(self) -> bool:
        return self.outline is not None

    def control_points(self, thickness: float | None = None, offset: float = 0.0):
        """Cubic bezier control points of the top and bottom edges (each 4 × 2)."""
        t = self.thickness if thickness is None else thickness
        xm = (self.x0 + self.x1) / 2
        top = np.array(
            [
                (self.x0, self.y0 + offset),
                (xm, self.y0 + offset),
                (xm, self.y1 + offset),
                (self.x1, self.y1 + offset),
            ]
        )
        bottom = top + np.array([0.0, t])
        return top, bottom

    def polygon(self, samples: int = 24, thickness: float | None = None) -> np.ndarray:
        """The band's outline as a polygon (for hit tests and plain drawing)."""
        if self.outline is not None:
            if thickness is None or self.centerline is None:
                return self.outline
            return _thicken(self.centerline, thickness)
        top, bottom = self.control_points(thickness)
        u = np.linspace(0.0, 1.0, samples)[:, None]
        basis = np.hstack([(1 - u) ** 3, 3 * u * (1 - u) ** 2, 3 * u**2 * (1 - u), u**3])
        return np.vstack([basis @ top, (basis @ bottom)[::-1]])


@dataclass
class SankeyGeometry:
    width: float
    height: float
    nodes: list[NodeBox]
    bands: list[Band]
    #: per column: (x0, x1, level) of its nodes
    columns: list[tuple[float, float, str]]
    #: pixels (units) per dollar
    scale: float
    #: the area under the fund column where transfer loops run, or None
    lane: tuple[float, float, float, float] | None = None
    by_id: dict[int, NodeBox] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {b.id: b for b in self.nodes}
        if self.nodes:
            self._boxes = np.array([(b.x0, b.y0, b.x1, b.y1) for b in self.nodes])
        else:
            self._boxes = np.zeros((0, 4))

    def node_at(self, x: float, y: float, slack: float = 2.0) -> int | None:
        """The node under (x, y), with ``slack`` units of grace for thin nodes."""
        b = self._boxes
        if len(b) == 0:
            return None
        inside = (
            (b[:, 0] - slack <= x)
            & (x <= b[:, 2] + slack)
            & (b[:, 1] - slack <= y)
            & (y <= b[:, 3] + slack)
        )
        hits = np.flatnonzero(inside)
        if len(hits) == 0:
            return None
        if len(hits) > 1:  # the nearest centre wins
            cy = (b[hits, 1] + b[hits, 3]) / 2
            hits = hits[[int(np.argmin(np.abs(cy - y)))]]
        return self.nodes[int(hits[0])].id

    def band_at(self, x: float, y: float) -> int | None:
        """The link whose band covers (x, y); the thinnest wins where bands overlap."""
        best, best_t = None, np.inf
        for band in self.bands:
            if band.is_loop:
                poly = band.outline
                if not (poly[:, 0].min() <= x <= poly[:, 0].max()):
                    continue
            else:
                if not (min(band.x0, band.x1) <= x <= max(band.x0, band.x1)):
                    continue
                if band.x1 == band.x0:
                    continue
                u = _bezier_u(band, x)
                y_top = _bezier_y(band, u)
                if not (y_top <= y <= y_top + band.thickness):
                    continue
                if band.thickness < best_t:
                    best, best_t = band.link, band.thickness
                continue
            if _inside(poly, x, y) and band.thickness < best_t:
                best, best_t = band.link, band.thickness
        return best


def _bezier_u(band: Band, x: float) -> float:
    # x(u) = x0 + (x1 - x0) * (1.5u - 1.5u^2 + u^3) for control points at the midpoint
    s = (x - band.x0) / (band.x1 - band.x0)
    u = s
    for _ in range(8):
        f = 1.5 * u - 1.5 * u * u + u**3 - s
        u = min(1.0, max(0.0, u - f / (1.5 - 3 * u + 3 * u * u)))
    return u


def _bezier_y(band: Band, u: float) -> float:
    h = 3 * u * u - 2 * u**3
    return band.y0 + (band.y1 - band.y0) * h


def _inside(poly: np.ndarray, x: float, y: float) -> bool:
    xs, ys = poly[:, 0], poly[:, 1]
    xj, yj = np.roll(xs, 1), np.roll(ys, 1)
    cross = ((ys > y) != (yj > y)) & (
        x < (xj - xs) * (y - ys) / np.where(yj == ys, 1e-12, yj - ys) + xs
    )
    return bool(np.count_nonzero(cross) % 2)


def _order(graph: FlowGraph) -> list[list[int]]:
    """Node order in each column: funds by size, others by the barycentre of their links
    (fewer crossings), pseudo-nodes at the bottom."""
    nodes = graph.nodes
    cols = nodes["column"].to_numpy()
    kinds = nodes["kind"].to_numpy()
    values = nodes["value"].to_numpy()
    s, t, v = _link_arrays(graph)
    ltype = graph.links["kind"].to_numpy()
    normal = ltype != LINK_TRANSFER
    n = len(nodes)
    pos = np.zeros(n)
    orders: list[list[int]] = [[] for _ in range(graph.n_columns)]
    bottom = np.array([_BOTTOM_ORDER.get(k, 0) for k in kinds])

    def place(col: int, key: np.ndarray) -> None:
        ids = np.flatnonzero(cols == col)
        order = ids[np.lexsort((-values[ids], key[ids], bottom[ids]))]
        orders[col] = [int(i) for i in order]
        # centre of each node in "value space", for the next column's barycentres
        vals = values[order]
        pos[order] = np.cumsum(vals) - vals / 2

    place(FUND_COLUMN, np.zeros(n))

    def bary(col: int, other_col: int, by_source: bool) -> np.ndarray:
        if by_source:  # links other_col → col
            sel = normal & (cols[s] == other_col) & (cols[t] == col)
            num = np.bincount(t[sel], weights=v[sel] * pos[s[sel]], minlength=n)
            den = np.bincount(t[sel], weights=v[sel], minlength=n)
        else:  # links col → other_col
            sel = normal & (cols[t] == other_col) & (cols[s] == col)
            num = np.bincount(s[sel], weights=v[sel] * pos[t[sel]], minlength=n)
            den = np.bincount(s[sel], weights=v[sel], minlength=n)
        return np.divide(num, den, out=np.zeros(n), where=den > 0)

    for col in range(FUND_COLUMN - 1, -1, -1):
        place(col, bary(col, col + 1, by_source=False))
    for col in range(FUND_COLUMN + 1, graph.n_columns):
        place(col, bary(col, col - 1, by_source=True))
    return orders


def layout(
    graph: FlowGraph,
    width: float,
    height: float,
    gap: float = 8.0,
    *,
    margins: tuple[float, float, float, float] | None = None,
    node_width: float | None = None,
    box_width: float | None = None,
    min_height: float = 0.0,
    loop_gap: float = 4.0,
) -> SankeyGeometry:
    """Rectangles for the nodes and bands for the links, in a ``width`` × ``height`` area
    (y grows downward). ``margins`` (left, right, top, bottom) leave room for the edge
    columns' labels and the column headings; ``gap`` separates nodes in a column. Edge
    columns are thin bars labelled outside; middle columns are boxes labelled inside.
    Heights are proportional to money (``min_height`` lifts the thinnest nodes)."""
    ncol = graph.n_columns
    left, right_m, top, bottom = margins or (0.2 * width, 0.2 * width, 0.06 * height, 0.02 * height)
    bar = node_width if node_width is not None else max(6.0, 0.012 * width)
    n_mid = ncol - 2
    box = box_width if box_width is not None else (0.13 if n_mid <= 1 else 0.10) * width
    widths = [bar] + [box] * n_mid + [bar]
    span = width - left - right_m
    col_gap = max(0.0, (span - sum(widths)) / max(1, ncol - 1))
    x0s = [left]
    for w in widths[:-1]:
        x0s.append(x0s[-1] + w + col_gap)
    orders = _order(graph)
    values = graph.nodes["value"].to_numpy()
    s, t, v = _link_arrays(graph)
    ltype = graph.links["kind"].to_numpy()
    is_loop = (ltype == LINK_TRANSFER) & (
        graph.nodes["column"].to_numpy()[s] == graph.nodes["column"].to_numpy()[t]
    )
    loop_value = float(v[is_loop].sum())
    n_loops = int(is_loop.sum())
    avail = max(1.0, height - top - bottom)

    # one scale for every column: the tightest column decides
    gap_eff = gap
    most = max((len(o) for o in orders), default=1)
    if most > 1 and gap * (most - 1) > 0.4 * avail:
        gap_eff = 0.4 * avail / (most - 1)
    scale = np.inf
    for col, order in enumerate(orders):
        if not order:
            continue
        total = float(values[order].sum())
        fixed = gap_eff * (len(order) - 1) + min_height * len(order)
        if col == FUND_COLUMN and n_loops:
            total += loop_value
            fixed += loop_gap * (n_loops + 1)
        if total > 0:
            scale = min(scale, max(0.0, avail - fixed) / total)
    if not np.isfinite(scale):
        scale = 0.0

    boxes: dict[int, NodeBox] = {}
    y_center: dict[int, float] = {}
    fund_bottom = top
    for col, order in enumerate(orders):
        heights = np.maximum(values[order] * scale, min_height) if order else np.zeros(0)
        used = float(heights.sum()) + gap_eff * max(0, len(order) - 1)
        room = avail
        if col == FUND_COLUMN and n_loops:
            room -= loop_value * scale + loop_gap * (n_loops + 1)
        y = top + max(0.0, (room - used) / 2)
        x0 = x0s[col]
        x1 = x0 + widths[col]
        edge = col in (0, ncol - 1)
        for nid, h in zip(order, heights, strict=True):
            if col == 0:
                side, lx, lw = "outside-left", x0 - 0.5 * gap_eff - 2, left - 4
            elif col == ncol - 1:
                side, lx, lw = "outside-right", x1 + 0.5 * gap_eff + 2, right_m - 4
            else:
                side, lx, lw = "inside", x0 + 4, widths[col] - 8
            boxes[nid] = NodeBox(
                id=nid,
                column=col,
                x0=x0,
                y0=y,
                x1=x1,
                y1=y + h,
                label_side=side,
                label_x=lx,
                label_y=y + h / 2,
                label_height=h + (gap_eff if edge else 0.0),
                label_width=lw,
            )
            y_center[nid] = y + h / 2
            y += h + gap_eff
        if col == FUND_COLUMN and order:
            fund_bottom = max(b.y1 for b in (boxes[i] for i in order))

    # stack links on each node's edges
    thickness = v * scale
    n_links = len(v)
    out_y = np.zeros(n_links)
    in_y = np.zeros(n_links)
    tc = np.array([y_center.get(int(i), 0.0) for i in t])
    sc = np.array([y_center.get(int(i), 0.0) for i in s])
    big = 1e12
    # out-edges: by target height, loops at the bottom (ordered by the receiver's height)
    order_out = np.lexsort((tc, is_loop.astype(int), s))
    _stack(order_out, s, thickness, boxes, out_y)
    loops = np.flatnonzero(is_loop)
    # outermost loop = the one leaving highest
    loops = loops[np.argsort(out_y[loops], kind="stable")]
    rank = np.full(n_links, big)
    rank[loops] = np.arange(len(loops))
    order_in = np.lexsort((np.where(is_loop, rank, sc), is_loop.astype(int), t))
    _stack(order_in, t, thickness, boxes, in_y)

    bands: list[Band] = []
    lane = None
    offsets: dict[int, tuple[float, float]] = {}
    squeeze = 1.0
    if len(loops):
        fx0 = x0s[FUND_COLUMN]
        fx1 = fx0 + widths[FUND_COLUMN]
        room_side = 0.45 * col_gap
        # innermost (last) loop nearest the column; lanes go downward outward
        lane_y = fund_bottom + loop_gap
        r = loop_gap * 2
        for k in loops[::-1]:
            offsets[int(k)] = (r, lane_y)
            r += thickness[k] + loop_gap
            lane_y += thickness[k] + loop_gap
        squeeze = min(1.0, room_side / r) if r > 0 else 1.0
        lane = (fx0 - r * squeeze, fund_bottom, fx1 + r * squeeze, lane_y)
    for k in range(n_links):
        sb, tb = boxes.get(int(s[k])), boxes.get(int(t[k]))
        if sb is None or tb is None:
            continue
        if is_loop[k]:
            r_k, lane_k = offsets[int(k)]
            r_k *= squeeze
            outline, centerline = _loop_outline(
                fx1, out_y[k], fx0, in_y[k], lane_k, thickness[k], r_k, max(0.5, loop_gap * squeeze)
            )
            bands.append(
                Band(
                    link=k,
                    source=int(s[k]),
                    target=int(t[k]),
                    kind=str(ltype[k]),
                    value=float(v[k]),
                    thickness=float(thickness[k]),
                    x0=fx1,
                    y0=float(out_y[k]),
                    x1=fx0,
                    y1=float(in_y[k]),
                    outline=outline,
                    centerline=centerline,
                    label_at=((fx0 + fx1) / 2, lane_k + thickness[k] / 2),
                )
            )
        else:
            bands.append(
                Band(
                    link=k,
                    source=int(s[k]),
                    target=int(t[k]),
                    kind=str(ltype[k]),
                    value=float(v[k]),
                    thickness=float(thickness[k]),
                    x0=sb.x1,
                    y0=float(out_y[k]),
                    x1=tb.x0,
                    y1=float(in_y[k]),
                )
            )
    columns = [(x0s[c], x0s[c] + widths[c], graph.levels[c]) for c in range(ncol)]
    node_list = [boxes[i] for order in orders for i in order]
    return SankeyGeometry(
        width=width,
        height=height,
        nodes=node_list,
        bands=bands,
        columns=columns,
        scale=float(scale),
        lane=lane,
    )


def _stack(order, ends, thickness, boxes, out) -> None:
    """Stack bands down a node's edge, in ``order`` (grouped by node); a node lifted by
    ``min_height`` centres its bands."""
    ends_o = ends[order]
    th = thickness[order]
    if len(order) == 0:
        return
    starts = np.r_[True, ends_o[1:] != ends_o[:-1]]
    group = np.cumsum(starts) - 1
    cum = np.cumsum(th)
    first = np.flatnonzero(starts)
    offset_in_group = cum - th - (cum[first] - th[first])[group]
    totals = np.bincount(group, weights=th)
    tops = np.array([boxes[int(e)].y0 if int(e) in boxes else 0.0 for e in ends_o[first]])
    heights = np.array(
        [boxes[int(e)].y1 - boxes[int(e)].y0 if int(e) in boxes else 0.0 for e in ends_o[first]]
    )
    pad = np.maximum(0.0, (heights - totals) / 2)
    out[order] = (tops + pad)[group] + offset_in_group


def _loop_outline(
    xr: float, ye: float, xl: float, yi: float, lane: float, t: float, r: float, corner: float
) -> tuple[np.ndarray, np.ndarray]:
    """Closed outline of a transfer loop: out of a fund's right edge at ``ye``, down to the
    lane under the column, left, up, and into a fund's left edge at ``yi`` (thickness ``t``)."""
    h = t / 2
    xa = xr + r + h  # right run
    xb = xl - r - h  # left run
    yc = lane + h  # lane centre
    pts = [(xr, ye + h), (xa, ye + h), (xa, yc), (xb, yc), (xb, yi + h), (xl, yi + h)]
    center = _rounded(np.array(pts, dtype=float), radius=h + corner)
    return _thicken(center, t), center


def _rounded(pts: np.ndarray, radius: float, steps: int = 8) -> np.ndarray:
    """A polyline with its corners rounded by arcs of (up to) ``radius``."""
    out = [pts[0]]
    for i in range(1, len(pts) - 1):
        p0, p1, p2 = pts[i - 1], pts[i], pts[i + 1]
        d0 = p1 - p0
        d1 = p2 - p1
        l0 = float(np.hypot(*d0))
        l1 = float(np.hypot(*d1))
        if l0 < 1e-9 or l1 < 1e-9:
            continue
        rr = min(radius, l0 / 2, l1 / 2)
        a = p1 - d0 / l0 * rr
        b = p1 + d1 / l1 * rr
        u = np.linspace(0.0, 1.0, steps)[:, None]
        out.extend((1 - u) ** 2 * a + 2 * u * (1 - u) * p1 + u**2 * b)  # quadratic arc
    out.append(pts[-1])
    return np.array(out)


def _thicken(center: np.ndarray, t: float) -> np.ndarray:
    """A closed outline ``t`` wide around a polyline."""
    d = np.gradient(center, axis=0)
    norm = np.hypot(d[:, 0], d[:, 1])
    norm[norm == 0] = 1.0
    normal = np.column_stack([-d[:, 1], d[:, 0]]) / norm[:, None]
    a = center + normal * t / 2
    b = center - normal * t / 2
    return np.vstack([a, b[::-1]])


def spread_labels(
    centers: Sequence[float], heights: Sequence[float], lo: float, hi: float, pad: float = 0.0
) -> np.ndarray:
    """Label centres moved the least so that labels of ``heights`` do not overlap and stay
    within [``lo``, ``hi``] (in the order of ``centers``). When they cannot all fit, they
    start at ``lo`` and the caller should drop some."""
    c = np.asarray(centers, dtype=float)
    h = np.asarray(heights, dtype=float)
    if len(c) == 0:
        return c.copy()
    order = np.argsort(c, kind="stable")
    top = c[order] - h[order] / 2
    hh = h[order]
    top[0] = max(top[0], lo)
    for i in range(1, len(top)):  # push down
        top[i] = max(top[i], top[i - 1] + hh[i - 1] + pad)
    if top[-1] + hh[-1] > hi:
        top[-1] = hi - hh[-1]
        for i in range(len(top) - 2, -1, -1):  # push back up
            top[i] = min(top[i], top[i + 1] - hh[i] - pad)
        if top[0] < lo:  # too many: stack from the top
            top[0] = lo
            for i in range(1, len(top)):
                top[i] = max(top[i], top[i - 1] + hh[i - 1] + pad)
    out = np.empty_like(c)
    out[order] = top + hh / 2
    return out
