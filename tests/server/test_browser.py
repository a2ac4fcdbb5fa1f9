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
    result = CliRunner().invoke(cli_app, ["report", "syria-2020", "-n", "50", "-o", str(out)])
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


def test_dashboard_shock_changes_forecast(browser, server_url):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server_url + "/")
    page.wait_for_selector("#report[data-state=ready]", state="attached", timeout=60_000)
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
