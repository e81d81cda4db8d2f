"""Links inside the generated site resolve, and the site loads nothing from outside.

Pages are parsed with html.parser; stylesheets' url()/@import are checked too.
Every problem is listed with the page (or stylesheet), line and URL.
"""
from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

import sitecheck


def test_internal_links_resolve(site, public):
    """Every relative href/src/srcset/... names a file inside public/."""
    broken = []
    checked = 0
    for ref in site.refs:
        if not sitecheck.is_internal(ref.url):
            continue
        checked += 1
        base = site.page(ref.source).base_href if ref.tag != "css" else None
        res = sitecheck.resolve(ref.source, ref.url, public, base)
        if res.error:
            broken.append(f"{ref.where()} -> {res.error}")
    assert checked, "no relative link found at all: is the site empty?"
    assert not broken, sitecheck.report(broken, "broken links")


def test_fragments_exist(site, public):
    """Every '#fragment' names an id (or <a name>) in the page it points to."""
    broken = []
    for ref in site.refs:
        if not sitecheck.is_internal(ref.url) or "#" not in ref.url:
            continue
        base = site.page(ref.source).base_href if ref.tag != "css" else None
        res = sitecheck.resolve(ref.source, ref.url, public, base)
        if res.error or res.fragment is None:
            continue  # a missing file is reported by test_internal_links_resolve
        ids = site.ids_in(res.target)
        if ids is None:
            continue  # not a document kind with ids (e.g. .png#xywh=...)
        if not sitecheck.fragment_ok(res.fragment, ids):
            broken.append(f"{ref.where()} -> no id \"{res.fragment}\" in {res.target}")
    assert not broken, sitecheck.report(broken, "broken fragments")


def test_links_work_from_file_urls(site):
    """Folder URLs ('actors/', '../', './') show a directory listing when the
    site is opened from file://, so in-site links must name the file."""
    bad = []
    server_only = sitecheck.server_only_pages()
    for ref in site.refs:
        if not sitecheck.is_internal(ref.url) or ref.source in server_only:
            continue
        path = urlsplit(ref.url).path
        if path.endswith("/") or posixpath.basename(path) in (".", ".."):
            bad.append(f"{ref.where()} -> use .../index.html")
    assert not bad, sitecheck.report(bad, "folder links that break over file://")


def test_nothing_loaded_from_outside(site):
    """No src/srcset/poster/data, <link> (stylesheet, icon, preload...), <script>,
    SVG <use>/<image> or CSS url()/@import points outside the site."""
    external = []
    for ref in site.refs:
        if ref.attr in ("src", "srcset", "imagesrcset") or ref.loads:
            if sitecheck.is_external(ref.url):
                external.append(f"{ref.where()}")
    assert not external, sitecheck.report(external, "external loads (the site must be self-contained)")


def test_no_base_element_pointing_outside(site):
    """<base href> would re-root every relative URL; it must not leave the site."""
    bad = [f"{p}: <base href=\"{site.page(p).base_href}\">" for p in site.pages
           if site.page(p).base_href is not None
           and not sitecheck.is_internal(site.page(p).base_href)]
    assert not bad, sitecheck.report(bad, "pages with an external <base>")
