"""The report in a real headless Chromium: no console errors, every figure drawn, plotly.js
loaded once (inline, or from a local copy), axis titles on screen, tree labels apart."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from realpolitik.report import gather, render_html
from realpolitik.report.html import plotly_js
from realpolitik.scenario import load_scenario

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = [
    pytest.mark.requires_browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (make browser)",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def data() -> dict:
    from realpolitik.ingest.run import event_series

    series, _, _ = event_series([str(EXAMPLES / "news")], scenario="syria-2020")
    return gather(
        load_scenario("syria-2020"),
        n_runs=20,
        seed=0,
        sections=["forecast", "trajectories", "montecarlo", "network", "escalation"],
        events=series,
    )


FIGURES = ["fig-forecast", "fig-trajectories", "fig-network", "fig-escalation-soleimani"]
FIGURES += ["fig-events"]


def open_report(browser, path: Path, width: int = 1200):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on(
        "console",
        lambda m: (
            problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None
        ),
    )
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-figures-drawn]", state="attached", timeout=60_000)
    return page, problems, requests


def test_report_opens_clean_and_draws_every_figure_with_plotly_once(browser, data, tmp_path):
    out = tmp_path / "r.html"
    out.write_text(render_html(data), encoding="utf-8")
    page, problems, requests = open_report(browser, out)
    assert problems == []
    assert int(page.get_attribute("body", "data-figures-drawn")) == len(FIGURES)
    for fid in FIGURES:
        assert page.get_attribute(f"#{fid}", "data-drawn") == "true", fid
        assert page.locator(f"#{fid} .main-svg").count() >= 1, fid
    # One script element carries plotly.js, and nothing else is fetched.
    n_bundles = page.evaluate(
        "() => Array.from(document.scripts).filter(s => /plotly\\.js v\\d/.test(s.text)).length"
    )
    assert n_bundles == 1
    assert [u for u in requests if not u.startswith("file:")] == []
    # The axis titles are drawn: every panel of the rounds, and the dated news.
    ytitles = page.locator("#fig-trajectories text", has_text="position (0–100)")
    assert ytitles.count() == len(data["trajectories"]["issues"])
    assert page.locator("#fig-trajectories text", has_text=re.compile(r"^round")).count() == 2
    assert "relation score" in page.text_content("#fig-events")
    assert "date (score over" in page.text_content("#fig-events")
    page.close()


_ANNOTATIONS_JS = """(id) => {
  const fig = document.getElementById(id);
  const svg = fig.querySelector(".main-svg").getBoundingClientRect();
  const boxes = Array.from(fig.querySelectorAll(".annotation-text-g")).map((e) => {
    const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });
  return {svg: [svg.left, svg.top, svg.right, svg.bottom], boxes: boxes};
}"""


@pytest.mark.parametrize("width", [1300, 600])
def test_tree_labels_on_screen_do_not_overlap_and_stay_inside(browser, data, tmp_path, width):
    out = tmp_path / "r.html"
    out.write_text(render_html(data), encoding="utf-8")
    page, problems, _ = open_report(browser, out, width)
    found = page.evaluate(_ANNOTATIONS_JS, "fig-escalation-soleimani")
    boxes, svg = found["boxes"], found["svg"]
    assert len(boxes) >= 10
    for k, a in enumerate(boxes):
        assert svg[0] - 0.5 <= a[0] and a[2] <= svg[2] + 0.5, ("outside", a, svg)
        assert svg[1] - 0.5 <= a[1] and a[3] <= svg[3] + 0.5, ("outside", a, svg)
        for b in boxes[k + 1 :]:
            overlap = (
                a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5
            )
            assert not overlap, (width, a, b)
    assert problems == []
    page.close()


def test_report_loads_plotly_from_a_local_copy(browser, data, tmp_path):
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "plotly.min.js").write_text(plotly_js(), encoding="utf-8")
    out = tmp_path / "r.html"
    page_text = render_html(data, plotly="local:vendor/plotly.min.js")
    out.write_text(page_text, encoding="utf-8")
    assert len(page_text) < 1_000_000
    page, problems, requests = open_report(browser, out)
    assert problems == []
    assert int(page.get_attribute("body", "data-figures-drawn")) == len(FIGURES)
    assert page.locator("#fig-network .main-svg").count() >= 1
    assert [u for u in requests if u.endswith("plotly.min.js")] == [
        (tmp_path / "vendor" / "plotly.min.js").as_uri()
    ]
    page.close()
