"""End to end in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

The report written by ``realpolitik report`` must draw its plots offline, and the dashboard
must show a different forecast when a shock is switched on.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from realpolitik.cli import app as cli_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.requires_browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (make browser, or "
        "apt-get install -y chromium chromium-driver)",
    ),
]


def png_pixels(data: bytes) -> np.ndarray:
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) to (h, w, c)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    channels = 3 if colour == 2 else 4
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, 1 + width * channels)
    out = np.zeros((height, width * channels), dtype=np.int32)
    prev = np.zeros(width * channels, dtype=np.int32)
    for y in range(height):
        kind, line = raw[y, 0], raw[y, 1:].astype(np.int32)
        row = np.zeros_like(line)
        if kind == 0:
            row = line
        elif kind == 2:
            row = (line + prev) & 0xFF
        else:  # Sub, Average and Paeth depend on the pixel to the left: decode byte by byte
            for x in range(len(line)):
                left = row[x - channels] if x >= channels else 0
                up, up_left = prev[x], prev[x - channels] if x >= channels else 0
                if kind == 1:
                    pred = left
                elif kind == 3:
                    pred = (left + up) // 2
                else:
                    p = left + up - up_left
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                    pred = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                row[x] = (line[x] + pred) & 0xFF
        out[y] = row
        prev = row
    return out.reshape(height, width, channels)[..., :3]


def test_png_decoder_by_hand():
    # A 2 x 1 RGB image written with filter "Sub" on its only row: red, then red + (0, 255, 0).
    row = bytes([1, 255, 0, 0, 0, 255, 0])
    ihdr = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + b"\0\0\0\0"

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(row))
    assert png_pixels(png).tolist() == [[[255, 0, 0], [255, 255, 0]]]


def assert_not_blank(png: bytes, min_colours: int = 20, min_ink: float = 0.01) -> None:
    """The screenshot holds a drawing: many colours and some non-white area."""
    pixels = png_pixels(png)
    colours = np.unique(pixels.reshape(-1, 3), axis=0)
    ink = np.mean(np.any(pixels < 235, axis=-1))
    assert len(colours) >= min_colours, f"only {len(colours)} colours: blank?"
    assert ink >= min_ink, f"only {ink:.2%} of the pixels are not white: blank?"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    import uvicorn

    from realpolitik.server import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_report_renders_plots_offline(browser, tmp_path: Path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli_app, ["report", "syria-2020", "-n", "5", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-figures-drawn]", state="attached", timeout=60_000)
    n_figures = int(page.get_attribute("body", "data-figures-drawn"))
    # forecast, rounds, network and the escalation tree
    assert n_figures == 4
    assert page.locator(".figure .main-svg").count() >= n_figures
    assert page.locator("#fig-network .scatterlayer .trace").count() > 10  # edges and nodes
    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []  # nothing from the network
    png = page.locator("#fig-forecast").screenshot(path=str(tmp_path / "forecast.png"))
    assert_not_blank(png)
    assert_not_blank(page.screenshot(path=str(tmp_path / "report.png")))
    page.close()


def _ready_page(browser, server_url, query: str = "?runs=0"):
    """A dashboard page opened at ``server_url/query`` once its first report is drawn, and the
    list its page errors are collected in."""
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server_url + "/" + query)
    page.wait_for_selector("#report[data-state=ready]", state="attached", timeout=60_000)
    return page, errors


def test_dashboard_shock_changes_forecast(browser, server_url):
    page, errors = _ready_page(browser, server_url)
    cell = '#forecast-table td[data-issue="assad"][data-model="eum"]'
    before = page.text_content(cell)
    page.check('input[data-shock="iran-support-lost"]')
    page.wait_for_selector(
        '#report[data-state=ready][data-shocks="iran-support-lost"]',
        state="attached",
        timeout=60_000,
    )
    after = page.text_content(cell)
    assert float(after.split()[0]) != float(before.split()[0])
    assert "(was " + before.split()[0] + ")" in after  # the baseline is shown beside it
    assert page.locator("#report .main-svg").count() >= 4
    assert_not_blank(page.locator("#fig-forecast").screenshot())
    assert errors == []
    page.close()


# Bounding boxes (left, top, right, bottom) of a drawn figure's legend, x-axis titles and
# plot areas, as the browser lays them out.
_BOXES_JS = """(id) => {
  const fig = document.getElementById(id);
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const all = (sel) => Array.from(fig.querySelectorAll(sel)).map(box);
  return {legend: all(".legend"), xtitles: all("[class*=xtitle]"), plots: all(".nsewdrag"),
          figure: box(fig)};
}"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("width", [1300, 700])
def test_legends_stay_clear_of_axis_titles(browser, tmp_path: Path, width):
    from realpolitik.report import gather, render_html
    from realpolitik.scenario import load_scenario

    # With a shock the forecast legend doubles (each model and its baseline): the longest one.
    data = gather(
        load_scenario("syria-2020"),
        ["iran-support-lost"],
        n_runs=0,
        sections=["forecast", "trajectories"],
    )
    out = tmp_path / "r.html"
    out.write_text(render_html(data), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-figures-drawn]", state="attached", timeout=60_000)
    for fid in ("fig-forecast", "fig-trajectories"):
        boxes = page.evaluate(_BOXES_JS, fid)
        (legend,) = boxes["legend"]
        assert boxes["xtitles"] and boxes["plots"], (fid, boxes)
        for other in boxes["xtitles"] + boxes["plots"]:
            assert not _overlap(legend, other), (fid, width, legend, other)
        fig = boxes["figure"]
        assert fig[1] <= legend[1] and legend[3] <= fig[3] + 1, (fid, "legend outside", boxes)
    page.close()


# --- the dashboard's states: running, capped, named, numbered, stale ------------------------
TOY = """title: Toy
actors:
  - {id: a, name: A, capability: 1}
  - {id: b, name: B, capability: 3}
issues:
  - id: x
    title: X
    positions:
      a: {position: 0, salience: 1}
      b: {position: 100, salience: 1}
"""


def _upload(page, name: str, text: str) -> None:
    page.set_input_files(
        "#upload", files=[{"name": name, "mimeType": "text/yaml", "buffer": text.encode()}]
    )


def test_the_address_presets_scenario_runs_and_seed(browser, server_url):
    page, errors = _ready_page(browser, server_url, "?scenario=syria-2020&runs=0&seed=7")
    assert page.input_value("#builtin") == "syria-2020"
    assert page.input_value("#runs") == "0" and page.input_value("#seed") == "7"
    assert "Monte Carlo" not in page.text_content("#report")  # no runs asked for: none made
    # A value that is not a whole number is ignored (the form keeps its default); a name that
    # is not a built-in scenario is said, and the first built-in is shown.
    page.goto(server_url + "/?scenario=atlantis&runs=0&seed=x")
    page.locator("#status", has_text="no built-in scenario named atlantis").wait_for(timeout=60_000)
    assert page.input_value("#builtin") == "syria-2020"
    assert page.input_value("#runs") == "0" and page.input_value("#seed") == "0"
    assert errors == []
    page.close()


def test_dashboard_running_indicator_and_cancel(browser, server_url):
    page, errors = _ready_page(browser, server_url)
    assert not page.is_visible("#running")
    before = page.inner_html("#report")
    held: list[object] = []
    page.route("**/api/report", lambda route: held.append(route))  # hold the answer back
    page.click("#run")
    page.wait_for_selector("#running", state="visible", timeout=10_000)
    assert page.get_attribute("#report", "data-state") == "running"
    first = float(page.text_content("#elapsed").split()[0])
    page.wait_for_timeout(700)
    later = float(page.text_content("#elapsed").split()[0])
    assert later >= first + 0.5  # the elapsed time counts up while the run is in flight
    assert held  # the request is in flight
    page.click("#cancel")
    assert not page.is_visible("#running")
    assert page.get_attribute("#report", "data-state") == "cancelled"
    assert "stale" in page.get_attribute("#report", "class")
    assert page.is_visible("#stale") and "Cancelled." in page.text_content("#stale")
    assert page.inner_html("#report") == before  # the old results stay, marked
    page.unroute("**/api/report")
    # The page is still usable: the next run replaces the stale results.
    page.fill("#runs", "0")
    page.click("#run")
    page.wait_for_selector("#report[data-state=ready]", state="attached", timeout=60_000)
    assert not page.is_visible("#stale")
    assert "stale" not in (page.get_attribute("#report", "class") or "")
    assert errors == []
    page.close()


def test_dashboard_says_when_it_caps_the_runs(browser, server_url):
    page, errors = _ready_page(browser, server_url)
    assert not page.is_visible("#notices")
    page.fill("#runs", "1500")
    _upload(page, "toy.yaml", TOY)
    page.wait_for_selector("#notices", state="visible", timeout=120_000)
    page.wait_for_selector("#report[data-state=ready]", state="attached", timeout=120_000)
    notice = page.text_content("#notices")
    assert "Monte Carlo runs capped at 1,000 (asked for 1,500)" in notice
    assert "1000 Monte Carlo runs" in page.text_content("#report")
    page.fill("#runs", "20")
    page.click("#run")
    # (the page's Content-Security-Policy forbids wait_for_function's eval: wait on a locator)
    page.locator("#report", has_text="20 Monte Carlo runs").wait_for(timeout=60_000)
    page.wait_for_selector("#report[data-state=ready]", state="attached", timeout=60_000)
    assert not page.is_visible("#notices")  # at or below the cap: no notice
    assert errors == []
    page.close()


def test_dashboard_names_the_file_and_numbers_its_lines(browser, server_url):
    page, errors = _ready_page(browser, server_url)
    # 40 comment lines first, so that the bad line (b's capability) is below the fold.
    text = "".join(f"# note {k}\n" for k in range(40)) + TOY.replace(
        "capability: 3", "capability: -3"
    )
    bad_line = 1 + text.splitlines().index("  - {id: b, name: B, capability: -3}")
    assert bad_line == 44
    _upload(page, "jcpoa (1).yaml", text)
    page.wait_for_selector("#problems li", timeout=60_000)
    assert "jcpoa (1).yaml" in page.text_content("#filename")
    problems = page.locator("#problems li").all_text_contents()
    assert problems and all(p.startswith("jcpoa (1).yaml:") for p in problems), problems
    assert "upload.yaml" not in page.text_content("#status") + " ".join(problems)
    assert "jcpoa (1).yaml has problems" in page.text_content("#status")
    cited = int(problems[0].split(":")[1])
    assert cited == bad_line
    # One gutter row per line, numbered 1..n (the empty line after the last newline too, where
    # the cursor can go); the cited row is marked.
    rows = page.locator("#gutter span").all_text_contents()
    assert rows == [str(k) for k in range(1, len(text.split("\n")) + 1)]
    assert page.get_attribute(f'#gutter span[data-line="{cited}"]', "class") == "problem"
    # The link selects the line it cites and scrolls it into view, the gutter alongside.
    page.click("#problems button.goto")
    geo = page.evaluate(
        """(n) => {
      const ed = document.getElementById('editor');
      const row = document.querySelector('#gutter span[data-line="' + n + '"]').getBoundingClientRect();
      const box = ed.getBoundingClientRect();
      const cs = getComputedStyle(ed);
      const lineTop = box.top + ed.clientTop + parseFloat(cs.paddingTop)
        + (n - 1) * parseFloat(cs.lineHeight) - ed.scrollTop;
      const sel = ed.value.slice(ed.selectionStart, ed.selectionEnd);
      const before = ed.value.slice(0, ed.selectionStart).split('\\n').length;
      return {rowTop: row.top, lineTop: lineTop, boxTop: box.top, boxBottom: box.bottom,
              scroll: ed.scrollTop, sel: sel, selLine: before};
    }""",
        cited,
    )
    assert geo["selLine"] == cited and geo["sel"] == "  - {id: b, name: B, capability: -3}"
    assert geo["scroll"] > 0  # line 44 was below the fold
    assert abs(geo["rowTop"] - geo["lineTop"]) <= 1, geo  # gutter row N beside line N
    assert geo["boxTop"] <= geo["rowTop"] < geo["boxBottom"], geo  # and in view
    assert errors == []
    page.close()


def test_dashboard_marks_stale_results_after_a_failed_run(browser, server_url):
    page, errors = _ready_page(browser, server_url)
    good = page.input_value("#editor")
    assert not page.is_visible("#stale")
    page.fill("#editor", good + "\nbogus_key: 1\n")
    page.click("#run")
    page.wait_for_selector("#report[data-state=error]", state="attached", timeout=60_000)
    assert page.is_visible("#stale")
    banner = page.text_content("#stale")
    assert banner.startswith("The last run failed: ")
    assert "do not match the editor" in banner
    assert "stale" in page.get_attribute("#report", "class")
    assert page.locator("#report .main-svg").count() >= 1  # kept, but marked
    assert any("bogus_key" in p for p in page.locator("#problems li").all_text_contents())
    # The gutter follows the edit: one row per line of the new text.
    assert page.locator("#gutter span").count() == len((good + "\nbogus_key: 1\n").split("\n"))
    page.fill("#editor", good)
    page.fill("#runs", "0")
    page.click("#run")
    page.wait_for_selector("#report[data-state=ready]", state="attached", timeout=60_000)
    assert not page.is_visible("#stale")
    assert "stale" not in (page.get_attribute("#report", "class") or "")
    assert errors == []
    page.close()
