"""The Pensions view in Spanish: the teaching budget, a shipped preset and the Spanish interface."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from spanish_ui import shown_texts, translated_sources

from budgetbench import paths
from budgetbench.core.pension import Scenario, layers
from budgetbench.io.loader import load_budget
from budgetbench.io.pension_presets import list_presets, load_preset
from budgetbench.ui import i18n
from budgetbench.ui.views.pensions_view import CHARTS, PensionsView, _preset_text


def figure_texts(view: PensionsView) -> list[str]:
    """Every piece of text drawn on the view's charts (titles, axis labels, legends)."""
    out = []
    for key in CHARTS:
        fig = view.chart(key).figure
        if fig._suptitle is not None:
            out.append(fig._suptitle.get_text())
        for ax in fig.axes:
            out += [ax.get_title(loc="left"), ax.get_ylabel()]
            out += [t.get_text() for t in ax.texts]
            if ax.get_legend() is not None:
                out += [t.get_text() for t in ax.get_legend().get_texts()]
    return [t for t in out if t]


@pytest.fixture(scope="module")
def budget():
    return load_budget(paths.teaching_sample())


@pytest.fixture
def view(qtbot, budget):
    v = PensionsView()
    qtbot.addWidget(v)
    v.resize(1280, 720)
    v.show()
    qtbot.waitExposed(v)
    v.set_budget(budget)
    v.select_plan("preset:san-jose-federated")
    yield v
    v.runner.cancel()
    v.wait_idle()


def test_pensions_view_speaks_spanish(qtbot, spanish, view):
    assert QCoreApplication.translate("PensionsView", "General Fund") == "Fondo General"
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert tabs == [
        "&Financiamiento",
        "Lo que paga la ci&udad",
        "Vista de &hipoteca",
        "Ri&esgo",
        "&Desplazamiento",
        "Pro&yecciones honestas",
    ]
    labels = {label.text() for label in view.findChildren(QLabel)}
    assert {"Lo que rinde el fondo", "Quién paga", "&Base:", "Ver el &año:"} <= labels
    assert view.save_button.text() == "&Guardar escenario"
    assert view.returns_combo.itemText(0) == "Lo supuesto, cada año"
    assert view.plan_combo.currentText() == "San José Federated"
    assert view.year_spin.prefix() == "AF"
    assert view.discount_lever.spin.suffix() == "%"
    assert view.period_lever.spin.suffix() == " años"

    # Accessible names of widgets without text of their own are Spanish too.
    assert view.plan_combo.accessibleName() == "Plan de pensiones"
    assert view.return_lever.slider.accessibleName() == "Rendimiento de cada año"
    assert view.compare_table.accessibleName() == "Cifras clave con los dos juegos de supuestos"
    assert view.unit_edit.text() == "estaciones de bomberos"

    # Text composed at run time: the cards, the crowd-out sentences, the chart titles.
    year = view.figures["year"]
    assert view.cards["later"].caption.text() == f"La ciudad paga en el AF{year}"
    assert (
        view.cards["crowd"].caption.text() == f"Parte de los ingresos del Fondo General, AF{year}"
    )
    assert view.crowd_result.text().startswith(f"AF{year}: el Fondo General paga $")
    assert view.chart_title("funded").startswith("Si el fondo gana su 6.625%, el plan está")
    assert view.chart_title("crowd").startswith("Las pensiones se llevan el ")
    view.set_levers({"returns": "constant", "rate": 0.05})
    assert view.chart_title("contrib").startswith("Con rendimientos del 5%, la ciudad paga ")
    assert " más en el AF" in view.chart_title("contrib")
    assert "“Según supone el plan”" in view.chart_title("contrib")
    assert "Frente a “Según supone el plan”: $" in view.crowd_result.text()
    assert "puestos de tiempo completo a $150,000 cada uno" in view.crowd_result.text()

    english = translated_sources("ui.views.pensions_view", "core.pension")
    for key in CHARTS:
        view.tabs.setCurrentIndex(CHARTS.index(key))
        qtbot.waitUntil(lambda key=key: view.chart(key).isVisible())
        left = [t for t in shown_texts(view, combos=True) if t in english]
        assert left == [], f"still in English on the {key} tab: {left}"
    view.draw_all()
    drawn = figure_texts(view)
    assert "Activos ÷ pasivo" in drawn and "Valor de mercado" in drawn
    assert [t for t in drawn if t in english] == []


def test_mortgage_layers_and_presets_are_named_in_spanish(qtbot, spanish, view):
    view.set_levers({"returns": "shock", "shock_year": 2})
    view.tabs.setCurrentIndex(CHARTS.index("mortgage"))
    qtbot.waitUntil(lambda: view.chart("mortgage").isVisible())
    view.draw_all()
    legend = [t.get_text() for t in view.chart("mortgage").figure.axes[0].get_legend().get_texts()]
    assert "Bases no listadas" in legend and "Intereses de la deuda" in legend
    assert any(t.startswith("Nuevas ganancias y pérdidas desde el AF") for t in legend)

    # The engine names the layers it makes in the interface's language.
    plan = load_preset("typical-plan")
    names = set(layers(plan, Scenario(returns="constant", rate=0.04), years=5)["layer"])
    assert {n for n in names if "/" in n} and all(
        n.startswith("Ganancia/pérdida de ") for n in names if "/" in n
    )

    # Every word a shipped preset shows (name, label, notes, base names) has its Spanish.
    for name in list_presets():
        plan = load_preset(name)
        for text in (plan.name, plan.label, plan.notes, *(b.name for b in plan.bases)):
            if text:
                assert _preset_text(text) != text, f"{name}: {text!r} has no Spanish"


def test_numbers_are_typed_the_us_way_in_spanish(qtbot, spanish, view):
    spin = view.discount_lever.spin
    assert spin.text() == "6.625%"
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "5.5")
    spin.interpretText()
    assert view.discount_lever.value() == pytest.approx(0.055)
    assert view.fte_spin.text() == "$150,000"


def test_english_returns_after_spanish(qtbot, qapp, budget):
    i18n.install(qapp, "es")
    i18n.install(qapp, "en")
    view = PensionsView()
    qtbot.addWidget(view)
    view.set_budget(budget)
    assert view.tabs.tabText(0) == "F&unded"
    assert view.year_spin.prefix() == "FY"
    assert view.plan_combo.itemText(0) == "A city in a CalPERS-style pooled plan"
    plan = load_preset("typical-plan")
    names = set(layers(plan, Scenario(returns="constant", rate=0.04), years=5)["layer"])
    assert any(n.endswith(" gain/loss") for n in names)
    view.runner.cancel()
    view.wait_idle()
