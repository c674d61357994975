"""The Budget 101 tour and glossary files, a trainer's copy merged over them, and needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetbench.core import tour
from budgetbench.core.progress import BudgetError
from budgetbench.io.loader import load_budget

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_budgets"
PRESETS = ["calpers-city", "san-jose-federated", "san-jose-police-fire", "typical-plan"]


@pytest.fixture(scope="module")
def sycamore():
    return load_budget(SAMPLES / "sycamore_springs_teaching.csv")


@pytest.fixture
def one_fund(tmp_path):
    path = tmp_path / "one_fund.csv"
    path.write_text(
        "Fund,Department,Type,Category,Description,FY2024-25 Adopted\n"
        "100 - General Fund,Police,Expense,Salaries,Police salaries,5000000\n"
        "100 - General Fund,Fire,Expense,Salaries,Fire salaries,3000000\n"
        "100 - General Fund,Non-Departmental,Revenue,Property Tax,Property tax,6000000\n",
        encoding="utf-8",
    )
    return load_budget(path)


def _raw(lang: str) -> dict:
    return json.loads((ROOT / "resources" / "tour" / f"{lang}.json").read_text(encoding="utf-8"))


# --- the shipped files ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", tour.LANGUAGES)
def test_every_shipped_step_has_every_field(lang):
    raw = _raw(lang)["steps"]
    steps = tour.load_tour(lang, use_user_copy=False).steps
    assert len(steps) == len(raw) >= 20
    for item, step in zip(raw, steps, strict=True):
        assert set(item) == set(tour.STEP_FIELDS), step.id
        for name in tour.TEXT_FIELDS:
            assert getattr(step, name).strip(), (lang, step.id, name)
        assert step.question.endswith("?"), step.id
        assert step.action["view"] in tour.VIEWS
        assert step.sources, step.id
        assert isinstance(item["needs"], list)


def test_both_languages_have_the_same_steps_in_the_same_order():
    en, es = (tour.load_tour(lang, use_user_copy=False).steps for lang in ("en", "es"))
    assert [s.id for s in en] == [s.id for s in es]
    assert en[0].id == "what-is-a-budget" and en[-1].id == "community-priorities"
    for a, b in zip(en, es, strict=True):
        # what a step shows does not depend on the language; only the words do
        assert (a.action, a.needs, a.sources) == (b.action, b.needs, b.sources), a.id
        assert a.title != b.title, a.id  # translated, not copied


def test_both_glossaries_define_the_same_terms():
    en, es = tour.load_glossary("en"), tour.load_glossary("es")
    assert len(en) >= 50
    assert list(en.terms) == list(es.terms)
    for term_id, term in en.terms.items():
        assert term.definition and es.terms[term_id].definition
        assert term.see_also == es.terms[term_id].see_also


def test_every_tour_step_mentions_a_glossary_term():
    for lang in tour.LANGUAGES:
        g = tour.load_glossary(lang)
        for step in tour.load_tour(lang, use_user_copy=False).steps:
            assert g.mentions(f"{step.title}. {step.explanation} {step.question}"), (lang, step.id)


# --- the glossary ---------------------------------------------------------------------------


def test_mentions_prefer_the_longer_term_and_link_each_once():
    g = tour.load_glossary("en")
    text = "The General Fund is one fund. The General Fund pays; a special revenue fund cannot."
    found = [(text[a:b], term_id) for a, b, term_id in g.mentions(text)]
    assert found == [
        ("General Fund", "general-fund"),
        ("fund", "fund"),
        ("special revenue fund", "special-revenue-fund"),
    ]


def test_mentions_match_whole_words_only():
    g = tour.load_glossary("en")
    assert g.mentions("refunds and refunding") == []


def test_search_matches_names_first_then_definitions_ignoring_accents():
    g = tour.load_glossary("es")
    names = [t.id for t in g.search("asignacion")]
    assert names[0] == "appropriation"
    by_definition = [t.id for t in g.search("jubilados")]
    assert "opeb" in by_definition and "fiduciary-fund" in by_definition
    assert [t.id for t in g.search("zzzz")] == []
    assert len(g.search("")) == len(g)


def test_a_broken_glossary_is_refused_with_its_place():
    with pytest.raises(BudgetError, match="see_also"):
        tour.parse_glossary(
            {"format": "budgetbench-glossary", "terms": {"a": {"term": "A", "definition": "x",
                                                               "see_also": ["b"]}}},
            "g.json",
        )  # fmt: skip


# --- a trainer's copy -----------------------------------------------------------------------


def _step(step_id: str, title: str = "T", view: str = "explore") -> tour.Step:
    return tour.Step(step_id, title, "E", "Q?", {"view": view})


SHIPPED = [_step("a", "A"), _step("b", "B"), _step("c", "C")]


def test_the_copy_orders_edits_and_deletes():
    doc = {
        "shipped_ids": ["a", "b", "c"],
        "steps": [{"id": "c", "title": "C, reworded"}, {"id": "a"}],
    }
    steps = tour.merge_steps(SHIPPED, doc, "copy.json")
    assert [(s.id, s.title) for s in steps] == [("c", "C, reworded"), ("a", "A")]
    assert steps[0].question == "Q?" and steps[0].action == {"view": "explore"}


def test_steps_shipped_after_the_copy_was_made_still_appear():
    shipped = [*SHIPPED[:2], _step("new", "New"), SHIPPED[2]]
    doc = {"shipped_ids": ["a", "b", "c"], "steps": [{"id": "b"}, {"id": "a"}]}
    steps = tour.merge_steps(shipped, doc, "copy.json")
    assert [s.id for s in steps] == ["b", "new", "a"]


def test_a_new_step_needs_its_text_and_a_known_view():
    doc = {"steps": [{"id": "mine", "title": "Mine", "action": {"view": "explore"}}]}
    with pytest.raises(BudgetError, match=r"copy\.json.*mine.*question"):
        tour.merge_steps(SHIPPED, doc, "copy.json")
    doc["steps"][0].update(question="Why?", action={"view": "charts"})
    with pytest.raises(BudgetError, match="view"):
        tour.merge_steps(SHIPPED, doc, "copy.json")


@pytest.mark.parametrize(
    ("action", "words"),
    [
        ({"view": "explore", "zoom": 2}, "unknown action key"),
        ({"view": "data", "pension_preset": "x"}, "does not apply to the data view"),
        ({"view": "flows", "lens": {"net_of_transfers": "yes"}}, "true or false"),
        ({"view": "explore", "select": {"fund_type": "general fund"}}, "fund_type"),
        ({"view": "tradeoffs", "chart": "funded"}, "chart"),
    ],
)
def test_actions_are_checked_against_the_vocabulary(action, words):
    with pytest.raises(BudgetError, match=words):
        tour.validate_action(action, "tour.json")


def test_unknown_needs_are_refused():
    with pytest.raises(BudgetError, match="unknown need"):
        tour.validate_needs(["several_fund"], "tour.json")
    assert tour.validate_needs(["fund_type:enterprise", "transfers"], "x") == (
        "fund_type:enterprise",
        "transfers",
    )


def test_a_broken_copy_falls_back_to_the_shipped_tour():
    path = tour.user_tour_path("en")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"steps": [ {"id": "x", ', encoding="utf-8")
    loaded = tour.load_tour("en")
    assert loaded.user_file is None
    assert "not valid JSON" in loaded.problem and str(path) in loaded.problem
    assert [s.id for s in loaded.steps] == [s.id for s in tour.load_shipped_steps("en")]


def test_append_a_step_round_trip():
    step = tour.Step(
        tour.new_step_id("Our parks' parcel tax", ["x"]),
        "Our parks' parcel tax",
        "",
        "What if it expires?",
        {"view": "explore", "select": {"fund": "Measure P Parks Parcel Tax"}},
    )
    assert step.id == "our-parks-parcel-tax"
    path = tour.append_step("es", step)
    assert path == tour.user_tour_path("es")
    loaded = tour.load_tour("es")
    assert loaded.user_file == path and not loaded.problem
    assert loaded.steps[-1] == step
    assert len(loaded.steps) == len(tour.load_shipped_steps("es")) + 1
    with pytest.raises(BudgetError, match="already in the tour"):
        tour.append_step("es", step)
    assert tour.new_step_id("Our parks' parcel tax", [s.id for s in loaded.steps]).endswith("-2")


# --- needs ----------------------------------------------------------------------------------


def test_the_teaching_sample_has_what_every_step_needs_but_a_fiduciary_fund(sycamore):
    lacking = {
        s.id: tour.missing_needs(s, sycamore, pension_presets=PRESETS)
        for s in tour.load_tour("en", use_user_copy=False).steps
    }
    assert {k: v for k, v in lacking.items() if v} == {
        "fund-fiduciary": ["a fiduciary fund (such as a pension trust)"]
    }


def test_a_one_fund_budget_lacks_funds_and_transfers(one_fund):
    steps = {s.id: s for s in tour.load_tour("en", use_user_copy=False).steps}
    assert tour.missing_needs(steps["transfers"], one_fund) == [
        "transfers between funds",
        "more than one fund",
    ]
    assert "actual figures beside a budget" in tour.missing_needs(
        steps["budget-vs-actual"], one_fund
    )
    assert tour.missing_needs(steps["fund-general"], one_fund) == []
    assert tour.missing_needs(steps["ca-prop13"], one_fund) == []  # it has a "Property Tax"


def test_selected_values_and_plans_must_exist(one_fund):
    step = tour.Step("s", "S", "", "Q?", {"view": "explore", "select": {"department": "Libraries"}})
    assert tour.missing_needs(step, one_fund) == ["a department “Libraries”"]
    plan = tour.Step("p", "P", "", "Q?", {"view": "pensions", "pension_preset": "nowhere"})
    assert tour.missing_needs(plan, one_fund, pension_presets=PRESETS) == [
        "the pension plan “nowhere”"
    ]
    assert tour.missing_needs(plan, None) == []
