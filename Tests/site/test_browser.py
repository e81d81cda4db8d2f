"""Sample pages in headless Chromium, opened from file:// and over HTTP.

For each sample page (see sitecheck.sample_pages), each scheme and each
window size: no SEVERE console entry (uncaught errors, failed loads, CSP
refusals), no request outside the site, and no serious/critical axe-core
violation.
"""
from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from selenium_axe_python import Axe  # PyPI: selenium-axe-python

import sitecheck

AXE_FAILING_IMPACTS = ("serious", "critical")
MAX_NODES_SHOWN = 8


def run_axe(driver) -> list[dict]:
    """Inject axe-core (WebDriver scripts bypass the page's CSP) and return
    its violations. Axe.run() is not used: it pastes Python reprs into JS."""
    Axe(driver).inject()  # axe.min.js bundled with selenium-axe-python
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
           .then(r => done(JSON.stringify(r.violations)),
                 e => done(JSON.stringify({axeError: String(e)})));
    """)
    data = json.loads(result)
    if isinstance(data, dict):
        pytest.fail(f"axe-core failed: {data['axeError']}", pytrace=False)
    driver.get_log("browser")  # drop axe's own noise (see test_page_in_browser)
    return data


def format_violations(violations: list[dict]) -> str:
    out = []
    for v in violations:
        out.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:MAX_NODES_SHOWN]:
            summary = " | ".join(node.get("failureSummary", "").split("\n")[1:]).strip()
            out.append(f"    {', '.join(map(str, node['target']))}: {summary}")
            out.append(f"        {' '.join(node.get('html', '').split())[:160]}")
        if len(v["nodes"]) > MAX_NODES_SHOWN:
            out.append(f"    ... and {len(v['nodes']) - MAX_NODES_SHOWN} more elements")
    return "\n".join(out)


def test_page_in_browser(browser, urls, sample_page, scheme, window_size):
    url = urls.page(scheme, sample_page)
    sitecheck.set_viewport(browser, *window_size)
    sitecheck.load(browser, url)
    problems = []

    # Read the console before axe runs: over file:// axe's own XHR preload of
    # stylesheets is refused by CORS and logged as SEVERE (not the site's fault).
    # Chromium asks an HTTP server for /favicon.ico by itself when a page
    # declares no icon; that 404 is not a request of the site (a declared
    # icon that is missing is caught by test_links).
    implicit_icon = urls.root(scheme) + "favicon.ico "
    severe = [e for e in sitecheck.severe_console_entries(browser)
              if not (scheme == "http" and e.get("message", "").startswith(implicit_icon))]
    if severe:
        problems.append("SEVERE console entries:\n"
                        + "\n".join(f"    {e.get('message', e)}" for e in severe))

    root = urls.root(scheme)
    outside = [u for u in sitecheck.loaded_urls(browser)
               if not u.startswith(root) and not u.startswith(("data:", "blob:", "about:"))]
    if outside:
        problems.append("requests outside the site:\n"
                        + "\n".join(f"    {u}" for u in outside))

    violations = [v for v in run_axe(browser) if v.get("impact") in AXE_FAILING_IMPACTS]
    if violations:
        problems.append(f"{len(violations)} axe-core violations "
                        f"({'/'.join(AXE_FAILING_IMPACTS)}):\n" + format_violations(violations))

    assert not problems, f"{url}\n" + "\n".join(problems)


# Screenshots are a helper for people, not an assertion about the site: this
# test exists only when DOSSIER_SCREENSHOTS names a folder to write them to.
if os.environ.get("DOSSIER_SCREENSHOTS"):
    def test_home_page_screenshots(browser, urls):
        folder = Path(os.environ["DOSSIER_SCREENSHOTS"]).expanduser()
        folder.mkdir(parents=True, exist_ok=True)
        sizes = sitecheck.parse_sizes(
            os.environ.get("DOSSIER_SCREENSHOT_SIZES", "375x800,1280x900"))
        written = []
        for width, height in sizes:
            sitecheck.set_viewport(browser, width, height)
            sitecheck.load(browser, urls.page("file", "index.html"))
            shot = folder / f"home-{width}x{height}.png"
            browser.save_screenshot(str(shot))
            # the whole page, not just the first screen
            size = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
            full = browser.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "scale": 1,
                         "width": max(width, size["width"]),
                         "height": max(height, size["height"])}})
            full_path = folder / f"home-{width}x{height}-full.png"
            full_path.write_bytes(base64.b64decode(full["data"]))
            written += [shot, full_path]
        sitecheck.set_viewport(browser, 1280, 900)
        for f in written:
            assert f.is_file() and f.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f
        print("screenshots:", *written, sep="\n  ")
