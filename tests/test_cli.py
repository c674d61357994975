"""The command line, run as a user runs it: a separate process, exit codes, stdout and stderr."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from budgetbench import __version__


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "budgetbench", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_version():
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"budgetbench {__version__}"


def test_summary_json_shape_and_figures(realdata):
    out = run("summary", str(realdata("oakland/FY19-20__adopted.csv")), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["lines"] == 19_456
    assert set(data["report"]) >= {"source", "lines", "mapping", "skipped", "warnings"}
    totals = {(t["fiscal_year"], t["phase"], t["direction"]): t["amount"] for t in data["totals"]}
    assert totals == {
        (2020, "adopted", "expense"): 1_656_222_651,
        (2020, "adopted", "revenue"): 1_656_222_651,
    }


def test_summary_by_any_canonical_column(realdata):
    out = run("summary", str(realdata("dc/budget.csv")), "--by", "fund_name", "--json")
    assert out.returncode == 0, out.stderr
    funds = {t["fund_name"] for t in json.loads(out.stdout)["totals"]}
    assert funds == {"General Fund", "Intra-District Funds", "Federal Resources"}


def test_summary_table_text(realdata):
    out = run("summary", str(realdata("oakland/FY19-20__adopted.csv")), "--by", "direction")
    assert out.returncode == 0, out.stderr
    assert "1,656,222,651.00" in out.stdout
    assert "Import report" in out.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("summary", "no/such/file.xlsx"), "does not exist"),
        (("summary", "pyproject.toml"), "unsupported file type"),
        (("summary", "README.md", "--by", "nonsense"), "unknown column nonsense"),
        (("--size", "huge"), "size must look like"),
        (("no/such/budget.csv",), "does not exist"),
    ],
)
def test_user_errors_exit_2_with_one_line(args, needle):
    out = run(*args)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert needle in lines[0]
    assert "Traceback" not in out.stderr


def test_bad_file_contents_exit_2(tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"this is not a workbook")
    html = tmp_path / "report.csv"
    html.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    for path, needle in ((junk, "not really an Excel workbook"), (html, "web page")):
        out = run("summary", str(path))
        assert out.returncode == 2
        assert needle in out.stderr and str(path.name) in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1


def test_screenshot_writes_a_non_blank_png(tmp_path, realdata):
    from PySide6.QtGui import QImage

    png = tmp_path / "shot.png"
    out = run("--screenshot", str(png), "--size", "1024x768", str(realdata("dc/budget.csv")))
    assert out.returncode == 0, out.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1024, 768)
    colours = {image.pixel(x, y) for x in range(0, 1024, 37) for y in range(0, 768, 29)}
    assert len(colours) > 5  # a rendered window, not a blank frame


@pytest.mark.parametrize(
    ("view", "select"), [("explore", "Police"), ("flows", "fund_name=General Fund")]
)
def test_screenshot_of_each_view(tmp_path, view, select):
    from PySide6.QtGui import QImage

    png = tmp_path / f"{view}.png"
    out = run("--screenshot", str(png), "--view", view, "--select", select, "--size", "1024x768")
    assert out.returncode == 0, out.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1024, 768)


def test_screenshot_of_a_tour_step_in_presenter_mode_in_spanish(tmp_path):
    from PySide6.QtGui import QImage

    png = tmp_path / "step.png"
    out = run(
        "--screenshot", str(png), "--presenter", "--size", "1024x768", "--lang", "es",
        "--tour-step", "20",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1024, 768)  # the whole (full) screen
    colours = {image.pixel(x, y) for x in range(0, 1024, 37) for y in range(0, 768, 29)}
    assert len(colours) > 5


def test_tour_step_must_exist(tmp_path):
    out = run("--screenshot", str(tmp_path / "x.png"), "--tour-step", "99")
    assert out.returncode == 2 and "--tour-step: choose 1 to" in out.stderr


def test_screenshot_select_must_name_something(tmp_path):
    out = run("--screenshot", str(tmp_path / "x.png"), "--view", "explore", "--select", "Nowhere")
    assert out.returncode == 2
    assert "no department, fund or category is called 'Nowhere'" in out.stderr


def test_output_cut_short_by_the_reader_is_not_an_error():
    """`budgetbench summary ... | head -3`: the reader stops early. The output is far larger
    than a pipe holds, so the writer does meet the closed pipe."""
    big = "sample_budgets/alder_valley_county_fy26.xlsx"
    by = "fiscal_year,fund_name,department,account_code,account_name"
    proc = subprocess.Popen(
        [sys.executable, "-m", "budgetbench", "summary", big, "--by", by],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "internal error" not in err and "Traceback" not in err
