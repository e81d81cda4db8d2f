"""Fixtures for the Dossier static-site checks.

Environment:
  DOSSIER_PUBLIC          generated site folder (default: <repo>/public)
  DOSSIER_CHROMIUM        browser binary       (default: /usr/bin/chromium)
  DOSSIER_CHROMEDRIVER    driver binary        (default: /usr/bin/chromedriver)
  DOSSIER_WINDOW_SIZES    viewports for the browser tests, "WxH,WxH"
                          (default: 1280x900)
  DOSSIER_SCHEMES         how pages are opened: "file,http" (default: both)
  DOSSIER_SAMPLE_DIRS     folders whose first page is sampled
                          (default: actors,countries,events,sources,pages)
  DOSSIER_BROWSER_PAGES   "all", or extra comma-separated pages to load
  DOSSIER_SCREENSHOTS     folder: when set, home-page screenshots are taken
  DOSSIER_SCREENSHOT_SIZES  (default: 375x800,1280x900)
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import urllib.parse
from pathlib import Path

import pytest

import sitecheck

# Selenium must never try to download a driver or a browser (CI has no network
# but the package registries); the paths below are given explicitly.
os.environ.setdefault("SE_OFFLINE", "true")

CHROMIUM = os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("DOSSIER_CHROMEDRIVER", "/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def public() -> Path:
    """The generated site folder (checked to exist and have index.html)."""
    path = sitecheck.public_dir()
    problem = sitecheck.public_problem(path)
    if problem:
        pytest.fail(problem, pytrace=False)
    return path


@pytest.fixture(scope="session")
def site(public) -> sitecheck.Site:
    """Parsed pages of the site (parsed lazily, cached for the session)."""
    return sitecheck.Site(public)


# --------------------------------------------------------------------------
# local HTTP server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="session")
def http_base(public) -> str:
    """Serve `public` on 127.0.0.1 (random port); yields 'http://127.0.0.1:N/'."""
    handler = functools.partial(_QuietHandler, directory=str(public))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class SiteURLs:
    """URLs of the site over file:// or the local HTTP server."""

    def __init__(self, request, public: Path):
        self._request, self._public = request, public

    def root(self, scheme: str) -> str:
        """Prefix of every URL inside the site ('.../public/' or 'http://127.0.0.1:N/')."""
        if scheme == "file":
            return self._public.as_uri() + "/"
        if scheme == "http":
            return self._request.getfixturevalue("http_base")
        raise ValueError(f"unknown scheme {scheme!r}")

    def page(self, scheme: str, rel: str) -> str:
        return self.root(scheme) + urllib.parse.quote(rel)


@pytest.fixture
def urls(request, public) -> SiteURLs:
    """urls.page('file'|'http', 'actors/index.html'), urls.root(scheme)."""
    return SiteURLs(request, public)


# --------------------------------------------------------------------------
# headless Chromium


def _missing_browser() -> str | None:
    for path, pkg in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (os.path.isfile(path) or shutil.which(path)):
            return (f"{path} not found: apt-get install -y {pkg} "
                    f"(or set DOSSIER_CHROMIUM / DOSSIER_CHROMEDRIVER)")
    return None


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session, console logs enabled."""
    problem = _missing_browser()
    if problem:
        pytest.fail(problem, pytrace=False)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--window-size=1280,900",
        "--hide-scrollbars", "--force-device-scale-factor=1",
        # keep Chromium from calling home (no network in CI anyway)
        "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--disable-default-apps",
        "--metrics-recording-only", "--lang=en-US",
        # the site must not reach outside itself; if it tries, the attempt
        # fails locally (and is reported) instead of leaving the machine
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        "--proxy-server=http://127.0.0.1:9",  # loopback bypasses it implicitly
    ):
        opts.add_argument(arg)
    # NB: no --allow-file-access-from-files: pages must work from file://
    # exactly as a reader's browser opens them.
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=opts, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def pytest_generate_tests(metafunc):
    """Parametrize browser tests over sample pages, schemes and window sizes."""
    if "sample_page" in metafunc.fixturenames:
        metafunc.parametrize("sample_page", sitecheck.sample_pages(sitecheck.public_dir()))
    if "scheme" in metafunc.fixturenames:
        schemes = sitecheck.env_list("DOSSIER_SCHEMES", "file,http")
        bad = [s for s in schemes if s not in ("file", "http")]
        if bad:
            raise pytest.UsageError(f"DOSSIER_SCHEMES: unknown {bad}")
        metafunc.parametrize("scheme", schemes)
    if "window_size" in metafunc.fixturenames:
        sizes = sitecheck.parse_sizes(os.environ.get("DOSSIER_WINDOW_SIZES", "1280x900"))
        metafunc.parametrize("window_size", sizes, ids=[f"{w}x{h}" for w, h in sizes])


def pytest_report_header(config):
    path = sitecheck.public_dir()
    problem = sitecheck.public_problem(path)
    if problem:
        return [f"Dossier site: PROBLEM: {problem}"]
    return [f"Dossier site: {path} ({len(sitecheck.html_files(path))} pages)"]
