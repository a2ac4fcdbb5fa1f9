"""Regenerate the README's screenshots (``make screenshots``) from the real report and dashboard.

Writes the built-in scenario's report with ``realpolitik report`` (200 Monte Carlo runs, seed
0, and the example news folder for the relations over time), opens it in headless Chromium
(Debian's ``/usr/bin/chromium``, driven by Playwright as in ``tests/server/test_browser.py``)
and photographs its figures; then starts the dashboard on a free local port, switches a shock
on and photographs the page. Nothing is downloaded: the report inlines plotly.js.

    python .ci/screenshots.py [--out docs/img]
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

#: The report's figures photographed: element id -> file name.
REPORT_SHOTS = {
    "fig-network": "report.png",
    "fig-trajectories": "report-rounds.png",
    "fig-escalation-soleimani": "report-tree.png",
    "fig-events": "report-events.png",
}


def write_report(path: Path) -> None:
    """Write the built-in scenario's report, with the example news, to ``path``."""
    from realpolitik.cli import app

    args = ["report", "syria-2020", "-n", "200", "--seed", "0", "-o", str(path)]
    args += ["--events", str(ROOT / "examples" / "news")]
    result = CliRunner().invoke(app, args)
    if result.exit_code != 0:
        sys.exit(f"realpolitik report failed:\n{result.output}")


def serve() -> tuple[str, object]:
    """Start the dashboard on a free local port; return its URL and the server."""
    import uvicorn

    from realpolitik.server import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline:
            sys.exit("the dashboard did not start")
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def main() -> None:
    """Photograph the report's figures and the dashboard into ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    out = parser.parse_args().out
    if not CHROMIUM.exists():
        sys.exit("needs Debian's chromium at /usr/bin/chromium: run `make browser` first")
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        report = Path(tmp) / "report.html"
        write_report(report)
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900}, device_scale_factor=1)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(report.as_uri())
        page.wait_for_selector("body[data-figures-drawn]", state="attached", timeout=120_000)
        for element, name in REPORT_SHOTS.items():
            if page.locator(f"#{element}").count() == 0:
                sys.exit(f"the report has no figure #{element}")
            # A fixed-size figure (the tree) scrolls in the page; photograph all of it.
            page.evaluate(
                "(id) => { const e = document.getElementById(id);"
                " if (e.classList.contains('fixed')) { e.style.width = 'max-content'; } }",
                element,
            )
            page.locator(f"#{element}").screenshot(path=str(out / name))
            print(f"wrote {out / name}")
        page.close()

        url, server = serve()
        page = browser.new_page(viewport={"width": 1300, "height": 900}, device_scale_factor=1)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url + "/")
        page.wait_for_selector("#report[data-state=ready]", state="attached", timeout=120_000)
        page.check('input[data-shock="iran-support-lost"]')
        page.wait_for_selector(
            '#report[data-state=ready][data-shocks="iran-support-lost"]',
            state="attached",
            timeout=120_000,
        )
        page.screenshot(path=str(out / "dashboard.png"))
        print(f"wrote {out / 'dashboard.png'}")
        server.should_exit = True  # type: ignore[attr-defined]
        browser.close()
    if errors:
        sys.exit("errors in the page: " + "; ".join(errors))


if __name__ == "__main__":
    main()
