"""Shared, dependency-free helpers for the Dossier static-site checks.

Everything here is generic: it knows about HTML, CSS and URLs, not about
Dossier's features. Feature tests (search page, timeline SVG, ...) can reuse
`Site`, `Page` and `parse_html` to find elements without a browser.
"""
from __future__ import annotations

import functools
import os
import posixpath
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO_ROOT = Path(__file__).resolve().parents[2]

HTML_SUFFIXES = (".html", ".htm")
# Files whose `#fragment` targets we can check (ids inside them).
FRAGMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".svg")

# Per-kind folders whose first page the browser tests sample
# (override with DOSSIER_SAMPLE_DIRS="a,b,c").
DEFAULT_SAMPLE_DIRS = ("actors", "countries", "events", "sources", "pages",
                       # the French edition: translated events, untranslated actors
                       "fr/actors", "fr/events")

# <link rel=...> values that do not make the browser fetch anything, so an
# absolute URL there is not a request outside the site.
NON_LOADING_LINK_RELS = {
    "alternate", "author", "bookmark", "canonical", "external", "help",
    "license", "me", "next", "nofollow", "noopener", "noreferrer", "prev",
    "search", "tag", "privacy-policy", "terms-of-service",
}


@functools.cache
def server_only_pages() -> frozenset[str]:
    """Pages a web server shows at any address (the 404 page): they may use
    root-relative URLs ('/assets/x.css'), checked against the site root, and
    are never opened from file://. Each language's edition has its own
    (fr/404.html). Override: DOSSIER_SERVER_ONLY_PAGES."""
    if os.environ.get("DOSSIER_SERVER_ONLY_PAGES"):
        return frozenset(env_list("DOSSIER_SERVER_ONLY_PAGES", ""))
    root = public_dir()
    editions = [d.name for d in root.iterdir() if d.is_dir() and (d / "404.html").is_file()] if root.is_dir() else []
    return frozenset({"404.html"} | {f"{name}/404.html" for name in editions})


def public_dir() -> Path:
    """The generated site: $DOSSIER_PUBLIC, else <repo>/public."""
    env = os.environ.get("DOSSIER_PUBLIC")
    if env:
        return Path(env).expanduser().resolve()
    return (Path(__file__).resolve().parent / ".." / ".." / "public").resolve()


def public_problem(public: Path) -> str | None:
    """Why `public` cannot be checked, or None when it looks like a site."""
    if not public.is_dir():
        return (f"site folder {public} does not exist: build the site first "
                f"or set DOSSIER_PUBLIC to the generated public/ folder")
    if not (public / "index.html").is_file():
        return f"site folder {public} has no index.html"
    return None


def html_files(public: Path) -> list[str]:
    """Every HTML page, as sorted POSIX paths relative to `public`."""
    out = []
    for root, dirs, files in os.walk(public):
        dirs.sort()
        for name in files:
            if name.lower().endswith(HTML_SUFFIXES):
                rel = os.path.relpath(os.path.join(root, name), public)
                out.append(rel.replace(os.sep, "/"))
    return sorted(out)


def env_list(name: str, default: str) -> list[str]:
    raw = os.environ.get(name, default)
    return [x.strip() for x in raw.split(",") if x.strip()]


def parse_sizes(spec: str) -> list[tuple[int, int]]:
    """'375x800,1280x900' -> [(375, 800), (1280, 900)]."""
    sizes = []
    for part in spec.split(","):
        part = part.strip().lower()
        if not part:
            continue
        m = re.fullmatch(r"(\d+)x(\d+)", part)
        if not m:
            raise ValueError(f"bad window size {part!r}, expected WIDTHxHEIGHT")
        sizes.append((int(m.group(1)), int(m.group(2))))
    return sizes


def sample_pages(public: Path) -> list[str]:
    """Pages the browser tests load.

    index.html, every <kind>/index.html at depth 1, and the first page (sorted)
    below each sample folder other than its own index.html.
    DOSSIER_BROWSER_PAGES=all loads every page instead; a comma list of
    relative paths adds those pages.
    """
    if public_problem(public):
        return ["index.html"]  # the `public` fixture reports the problem
    pages = html_files(public)
    extra = os.environ.get("DOSSIER_BROWSER_PAGES", "").strip()
    if extra == "all":
        return pages
    chosen = ["index.html"]
    chosen += [p for p in pages if p.count("/") == 1 and p.endswith("/index.html")]
    for d in env_list("DOSSIER_SAMPLE_DIRS", ",".join(DEFAULT_SAMPLE_DIRS)):
        below = [p for p in pages
                 if p.startswith(d.rstrip("/") + "/") and p != f"{d}/index.html"]
        # prefer a leaf page (one that is not itself a sub-index)
        leaf = [p for p in below if not p.endswith("/index.html")] or below
        if leaf:
            chosen.append(leaf[0])
    chosen += [p.strip() for p in extra.split(",") if p.strip()]
    seen, out = set(), []
    for p in chosen:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


# --------------------------------------------------------------------------
# HTML parsing


@dataclass
class Ref:
    """One URL found in a page or stylesheet."""
    source: str          # page/stylesheet path relative to public
    line: int
    tag: str             # element name, or 'css' for url()/@import
    attr: str            # attribute name, or 'url'
    url: str
    loads: bool          # True when the browser fetches it on page load
    rel: str = ""        # <link rel> (lower-cased)

    def where(self) -> str:
        return f"{self.source}:{self.line}: <{self.tag} {self.attr}=\"{self.url}\">"


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    line: int


# (tag or '*', attribute) -> does the browser load it when showing the page
_URL_ATTRS: dict[tuple[str, str], bool] = {
    ("a", "href"): False, ("area", "href"): False,
    ("link", "href"): True,   # refined by rel
    ("img", "src"): True, ("script", "src"): True, ("iframe", "src"): True,
    ("frame", "src"): True, ("embed", "src"): True, ("source", "src"): True,
    ("audio", "src"): True, ("video", "src"): True, ("track", "src"): True,
    ("input", "src"): True, ("video", "poster"): True, ("object", "data"): True,
    ("html", "manifest"): True,
    ("form", "action"): False, ("button", "formaction"): False,
    ("input", "formaction"): False,
    ("blockquote", "cite"): False, ("q", "cite"): False,
    ("del", "cite"): False, ("ins", "cite"): False,
    # inline SVG
    ("use", "href"): True, ("use", "xlink:href"): True,
    ("image", "href"): True, ("image", "xlink:href"): True,
    ("feimage", "href"): True, ("feimage", "xlink:href"): True,
    ("script", "xlink:href"): True,
}
_SRCSET_ATTRS = {("img", "srcset"), ("source", "srcset"), ("link", "imagesrcset")}

_CSS_URL_RE = re.compile(
    r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)"""
    r"""|@import\s+(?:"([^"]*)"|'([^']*)')""",
    re.IGNORECASE)
_CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)


def css_urls(text: str, source: str, first_line: int = 1) -> list[Ref]:
    """url(...) and @import "..." references in CSS text."""
    refs = []
    # keep line numbers: blank out comments but keep their newlines
    text = _CSS_COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for m in _CSS_URL_RE.finditer(text):
        url = next((g for g in m.groups() if g is not None), "")
        line = first_line + text.count("\n", 0, m.start())
        refs.append(Ref(source, line, "css", "url", url.strip(), True))
    return refs


def srcset_urls(value: str) -> list[str]:
    """URLs of a srcset attribute ('a.png 1x, b.png 2x')."""
    urls = []
    for cand in re.split(r",\s+|,$", value.strip()):
        cand = cand.strip()
        if cand:
            urls.append(cand.split()[0])
    return urls


class _PageParser(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.ids: set[str] = set()
        self.refs: list[Ref] = []
        self.elements: list[Element] = []
        self.base_href: str | None = None
        self._style_line: int | None = None
        self._style_buf: list[str] = []
        self._title_buf: list[str] | None = None
        self.title: str | None = None

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        a = {k: (v if v is not None else "") for k, v in attrs}
        self.elements.append(Element(tag, a, line))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag == "base" and "href" in a and self.base_href is None:
            self.base_href = a["href"]
        rel = a.get("rel", "").lower()
        for attr, value in a.items():
            if (tag, attr) in _URL_ATTRS:
                loads = _URL_ATTRS[(tag, attr)]
                if tag == "link":
                    rels = set(rel.split())
                    loads = not rels or not rels <= NON_LOADING_LINK_RELS
                self.refs.append(Ref(self.source, line, tag, attr, value.strip(), loads, rel))
            elif (tag, attr) in _SRCSET_ATTRS:
                for u in srcset_urls(value):
                    self.refs.append(Ref(self.source, line, tag, attr, u, True, rel))
            elif attr == "style" and "url(" in value.lower():
                for r in css_urls(value, self.source, line):
                    r.tag, r.attr = tag, "style"
                    self.refs.append(r)
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            m = re.search(r"url\s*=\s*['\"]?([^'\"]+)", a.get("content", ""), re.I)
            if m:
                self.refs.append(Ref(self.source, line, tag, "content", m.group(1).strip(), False))
        if tag == "style":
            self._style_line, self._style_buf = line, []
        if tag == "title" and self.title is None:
            self._title_buf = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style" and self._style_line is not None:
            self.refs.extend(css_urls("".join(self._style_buf), self.source, self._style_line))
            self._style_line = None
        if tag == "title" and self._title_buf is not None:
            self.title = "".join(self._title_buf).strip()
            self._title_buf = None

    def handle_data(self, data):
        if self._style_line is not None:
            self._style_buf.append(data)
        if self._title_buf is not None:
            self._title_buf.append(data)


@dataclass
class Page:
    path: str                      # relative to public, POSIX
    ids: set[str]
    refs: list[Ref]
    elements: list[Element]
    base_href: str | None
    title: str | None

    def find(self, tag: str, **attrs: str) -> list[Element]:
        """Elements with this tag whose attributes equal the given ones
        (use class_="x" for class; matches one class among several)."""
        out = []
        for el in self.elements:
            if el.tag != tag:
                continue
            ok = True
            for k, v in attrs.items():
                k = k.rstrip("_").replace("_", "-")
                if k == "class":
                    ok = v in el.attrs.get("class", "").split()
                else:
                    ok = el.attrs.get(k) == v
                if not ok:
                    break
            if ok:
                out.append(el)
        return out


def parse_html(text: str, path: str = "<string>") -> Page:
    p = _PageParser(path)
    p.feed(text)
    p.close()
    return Page(path, p.ids, p.refs, p.elements, p.base_href, p.title)


class Site:
    """Parsed view of a generated site, pages parsed lazily and cached."""

    def __init__(self, public: Path):
        self.public = public
        self._pages: dict[str, Page] = {}
        self._ids: dict[str, set[str] | None] = {}

    @cached_property
    def pages(self) -> list[str]:
        return html_files(self.public)

    @cached_property
    def stylesheets(self) -> list[str]:
        out = []
        for root, dirs, files in os.walk(self.public):
            for name in files:
                if name.lower().endswith(".css"):
                    rel = os.path.relpath(os.path.join(root, name), self.public)
                    out.append(rel.replace(os.sep, "/"))
        return sorted(out)

    def read(self, rel: str) -> str:
        return (self.public / rel).read_text(encoding="utf-8", errors="replace")

    def page(self, rel: str) -> Page:
        if rel not in self._pages:
            self._pages[rel] = parse_html(self.read(rel), rel)
        return self._pages[rel]

    def ids_in(self, rel: str) -> set[str] | None:
        """ids in a file, or None when its kind has no checkable fragments."""
        if rel not in self._ids:
            if rel.lower().endswith(HTML_SUFFIXES):
                self._ids[rel] = self.page(rel).ids
            elif rel.lower().endswith(FRAGMENT_SUFFIXES):
                self._ids[rel] = parse_html(self.read(rel), rel).ids
            else:
                self._ids[rel] = None
        return self._ids[rel]

    @cached_property
    def refs(self) -> list[Ref]:
        """Every URL in every page and stylesheet (parsed once)."""
        return self.all_refs()

    def all_refs(self) -> list[Ref]:
        refs = []
        for rel in self.pages:
            refs.extend(self.page(rel).refs)
        for rel in self.stylesheets:
            refs.extend(css_urls(self.read(rel), rel))
        return refs


# --------------------------------------------------------------------------
# URL classification and resolution

def is_external(url: str) -> bool:
    """A URL that leaves the site: any scheme but data:/blob:/about:, or //host."""
    if url.startswith("//"):
        return True
    scheme = urlsplit(url).scheme.lower()
    # a Windows-ish 'c:' would be a scheme too; fine, it is not in-site
    return bool(scheme) and scheme not in ("data", "blob", "about")


def is_internal(url: str) -> bool:
    """Relative URL inside the site (no scheme, not //)."""
    return not url.startswith("//") and not urlsplit(url).scheme


@dataclass
class Resolved:
    target: str | None   # path relative to public (None when broken)
    fragment: str | None
    error: str | None = None


_resolve_cache: dict[tuple, Resolved] = {}
_target_cache: dict[tuple[str, str], str | None] = {}


def _check_target(public: str, target: str) -> str | None:
    """Error for a normalized in-site path, or None when it is a file inside public."""
    key = (public, target)
    if key not in _target_cache:
        full = os.path.join(public, target)
        try:
            st = os.stat(full)
        except OSError:
            err = f"missing file {target}"
        else:
            if stat.S_ISDIR(st.st_mode):
                err = "is a folder (link to its index.html)"
            elif not stat.S_ISREG(st.st_mode):
                err = "not a regular file"
            elif not os.path.realpath(full).startswith(os.path.realpath(public) + os.sep):
                err = "escapes the site folder (symlink)"
            else:
                err = None
        _target_cache[key] = err
    return _target_cache[key]


def resolve(source: str, url: str, public: Path, base_href: str | None = None) -> Resolved:
    """Resolve an in-site URL found in `source` (path relative to public).

    A URL ending in '/' means that folder's index.html. Never leaves `public`.
    """
    base_dir = posixpath.dirname(source)
    same_page = url.startswith(("#", "?")) or url == ""
    root_rel = url.startswith("/") and source in server_only_pages()
    key = (str(public), base_dir, source if same_page else "", root_rel, url, base_href)
    hit = _resolve_cache.get(key)
    if hit is None:
        hit = _resolve_cache[key] = _resolve(source, base_dir, url, str(public), base_href)
    return hit


def _resolve(source: str, base_dir: str, url: str, public: str,
             base_href: str | None) -> Resolved:
    parts = urlsplit(url)
    fragment = unquote(parts.fragment) if "#" in url else None
    path = unquote(parts.path)
    if base_href is not None and is_internal(base_href):
        b = unquote(urlsplit(base_href).path)
        base_dir = posixpath.normpath(posixpath.join(
            base_dir, b if b.endswith("/") else posixpath.dirname(b)))
    if path.startswith("/"):
        if source not in server_only_pages():
            return Resolved(None, fragment,
                            "root-relative URL (resolves to the file system root over file://)")
        base_dir, path = "", path.lstrip("/") or "./"
    if path == "":
        return Resolved(source, fragment)  # same page ('#x', '?q', '')
    joined = posixpath.join(base_dir, path)
    if path.endswith("/") or path in (".", ".."):
        joined = posixpath.join(joined, "index.html")
    target = posixpath.normpath(joined)
    if target == ".." or target.startswith("../") or target.startswith("/"):
        return Resolved(None, fragment, "escapes the site folder")
    err = _check_target(public, target)
    if err:
        return Resolved(None, fragment, err)
    return Resolved(target, fragment)


def fragment_ok(fragment: str, ids: set[str]) -> bool:
    # '' and 'top' scroll to the top per the HTML spec; text fragments are not ids
    return fragment in ("",) or fragment in ids or fragment.lower() == "top" \
        or fragment.startswith(":~:")


def report(lines: list[str], what: str, limit: int = 300) -> str:
    head = f"{len(lines)} {what}:"
    body = lines[:limit]
    more = [f"... and {len(lines) - limit} more"] if len(lines) > limit else []
    return "\n".join([head, *("  " + x for x in body), *more])


# --------------------------------------------------------------------------
# browser helpers (take a selenium WebDriver; no selenium import needed here)

def set_viewport(driver, width: int, height: int) -> None:
    """Exact CSS viewport; below 600px wide it is emulated as a phone."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1,
        "mobile": width < 600,
    })


def load(driver, url: str) -> None:
    """Open `url`, wait for the load event and let it settle a little."""
    driver.get_log("browser")  # drop entries left by the previous page
    driver.get(url)
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const settle = () => requestAnimationFrame(() => setTimeout(done, 100));
        if (document.readyState === 'complete') settle();
        else addEventListener('load', settle, {once: true});
    """)


def severe_console_entries(driver) -> list[dict]:
    """SEVERE browser-log entries since the last call (errors, failed loads, CSP)."""
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def loaded_urls(driver) -> list[str]:
    """Document URL plus every resource the page fetched (Resource Timing)."""
    return driver.execute_script("""
        return [location.href].concat(
            performance.getEntriesByType('resource').map(e => e.name));
    """)
