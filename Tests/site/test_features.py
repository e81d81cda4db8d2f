"""Reader features of the built site: search, timeline and relation
pictures, citations, data exports. Each test fails when its feature breaks."""
import csv
import io
import json

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import sitecheck


def _search(browser, url):
    sitecheck.load(browser, url)
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.ID, "search-status").text.strip() != "")
    return [(a.text, a.get_attribute("href"))
            for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li > a")]


def test_search_finds_nso_group(browser, urls, scheme):
    results = _search(browser, urls.page(scheme, "search/index.html") + "?q=nso")
    titles = [title for title, _ in results]
    assert "NSO Group" in titles, f"search for 'nso' found {titles}"
    href = dict(results)["NSO Group"]
    assert href.endswith("actors/nso-group/index.html")
    assert not sitecheck.severe_console_entries(browser)


def test_french_search_finds_french_words_and_stays_in_french(browser, urls, scheme, public):
    assert (public / "fr" / "search" / "index.html").is_file(), "the report has a French edition"
    results = _search(browser, urls.page(scheme, "fr/search/index.html") + "?q=espion")
    titles = [title for title, _ in results]
    assert any("logiciel espion" in t for t in titles), f"search for 'espion' found {titles}"
    assert all("/fr/" in href for _, href in results), results
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    status = browser.find_element(By.ID, "search-status").text
    expected = f"{len(results)} résultat" + ("s" if len(results) > 1 else "")
    assert status.startswith(expected), f"{status!r} for {len(results)} results"
    assert not sitecheck.severe_console_entries(browser)


def test_search_filters_by_kind_and_country(browser, urls, scheme):
    results = _search(browser, urls.page(scheme, "search/index.html") + "?kind=actor&country=israel")
    titles = [title for title, _ in results]
    assert "NSO Group" in titles
    assert all("/actors/" in href for _, href in results), results
    assert "France" not in titles


def test_search_finds_aliases(browser, urls, scheme):
    # "FLD" is only an alias: no title or summary holds it.
    results = _search(browser, urls.page(scheme, "search/index.html") + "?q=fld")
    assert "Front Line Defenders" in [title for title, _ in results]


def test_search_finds_words_of_the_body_text(browser, urls, scheme):
    # "Nomination" is only in the body of this event: no title, summary or alias holds it.
    results = _search(browser, urls.page(scheme, "search/index.html") + "?q=Nominat")
    hrefs = [href for _, href in results]
    assert len(hrefs) == 1 and hrefs[0].endswith("events/nso-rebranding-plan/index.html"), results
    assert not sitecheck.severe_console_entries(browser)


def test_search_folds_accents_and_shows_more(browser, urls, scheme):
    # Every query word must begin a word of the page; "É" finds "e".
    plain = _search(browser, urls.page(scheme, "search/index.html") + "?q=nso")
    accented = _search(browser, urls.page(scheme, "search/index.html") + "?q=NSÓ")
    assert plain == accented and len(plain) == 50, len(plain)
    assert browser.find_element(By.ID, "search-more").is_displayed()
    browser.find_element(By.ID, "search-more").click()
    WebDriverWait(browser, 10).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results li > a")) > 50)


def test_header_search_box_leads_to_results(browser, urls, scheme):
    sitecheck.load(browser, urls.page(scheme, "index.html"))
    box = browser.find_element(By.ID, "site-search-q")
    box.send_keys("candiru")
    box.submit()
    WebDriverWait(browser, 10).until(lambda d: "search/index.html" in d.current_url)
    WebDriverWait(browser, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li > a"))
    assert "Candiru" in [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li > a")]


def test_search_page_without_javascript_offers_full_indexes(site):
    page = site.page("search/index.html")
    hrefs = {ref.url for ref in page.refs if ref.tag == "a"}
    for kind in ("actors", "countries", "events", "sources"):
        assert f"../{kind}/index.html" in hrefs
    form = page.find("form", id="search-form")
    assert form and "hidden" in form[0].attrs, "the search form is shown only when the script runs"


def _svg_boxes(browser, selector):
    return browser.execute_script("""
        return Array.from(document.querySelectorAll(arguments[0])).map(svg => {
            const r = svg.getBoundingClientRect();
            return {width: r.width, height: r.height, links: svg.querySelectorAll('a').length,
                    labelled: !!svg.getAttribute('aria-labelledby') && ['img', 'group'].includes(svg.getAttribute('role'))};
        });
    """, selector)


def test_timeline_picture_renders_every_event(browser, urls, scheme, site):
    sitecheck.load(browser, urls.page(scheme, "timeline/index.html"))
    boxes = _svg_boxes(browser, "figure.chart svg")
    assert len(boxes) == 1
    events = len([p for p in site.pages if p.startswith("events/") and p != "events/index.html"])
    assert boxes[0]["width"] > 300 and boxes[0]["height"] > 50
    assert boxes[0]["links"] == events
    assert boxes[0]["labelled"]
    assert not sitecheck.severe_console_entries(browser)


def test_relations_pictures_render(browser, urls, scheme):
    for rel in ("relations/index.html", "actors/nso-group/index.html"):
        sitecheck.load(browser, urls.page(scheme, rel))
        boxes = _svg_boxes(browser, "figure.chart svg")
        assert boxes, f"{rel}: no picture"
        assert all(b["width"] > 200 and b["labelled"] for b in boxes), (rel, boxes)
        assert max(b["links"] for b in boxes) >= 5, (rel, boxes)


def test_actor_and_country_pages_show_their_timeline_and_connections(site):
    for rel in ("actors/nso-group/index.html", "countries/israel/index.html"):
        page = site.page(rel)
        assert {"timeline", "relations", "events"} <= page.ids, rel
        assert page.find("svg"), rel


def test_every_event_has_numbered_citations(site):
    events = [p for p in site.pages if p.startswith("events/") and p != "events/index.html"]
    assert events
    for rel in events:
        page = site.page(rel)
        assert "sources" in page.ids, rel
        assert page.find("ol"), rel
        source_links = [r for r in page.refs if r.tag == "a" and "/sources/" in r.url]
        assert source_links, f"{rel}: no citation links to a source page"


def test_citations_lead_to_the_list_and_back(site):
    """Every marker in a body links to an item of the page's numbered list,
    and that item links back to the marker; the report cites per claim."""
    markers = 0
    for rel in site.pages:
        page = site.page(rel)
        anchors = [a for a in page.find("a") if a.attrs.get("id", "").startswith("cite_ref_")]
        backs = {a.attrs.get("href") for a in page.find("a") if a.attrs.get("href", "").startswith("#cite_ref_")}
        for a in anchors:
            markers += 1
            number = a.attrs["id"].split("_")[2]
            assert a.attrs.get("href") == f"#cite_{number}", f"{rel}:{a.line}"
            assert f"cite_{number}" in page.ids, f"{rel}:{a.line}: no list item cite_{number}"
            assert "#" + a.attrs["id"] in backs, f"{rel}: no way back to {a.attrs['id']}"
        assert len(backs) == len(anchors), f"{rel}: back-links to missing citations"
    assert markers, "no page of the report cites a source in its body"


def test_data_exports_match_the_pages(site, public):
    report = json.loads((public / "data/report.json").read_text(encoding="utf-8"))
    assert report["schema"] == "dossier-report/1"
    pages = site.pages
    for kind, folder in (("actor", "actors"), ("country", "countries"), ("event", "events"), ("source", "sources")):
        entities = [e for e in report["entities"] if e["kind"] == kind]
        html = [p for p in pages if p.startswith(folder + "/") and p != f"{folder}/index.html"]
        assert len(entities) == len(html), kind
        for entity in entities:
            assert (public / entity["url"]).is_file(), entity["url"]
        rows = list(csv.DictReader(io.StringIO((public / f"data/{folder}.csv").read_text(encoding="utf-8"))))
        assert [r["slug"] for r in rows] == [e["slug"] for e in entities]
    keys = {f'{e["kind"]}:{e["slug"]}' for e in report["entities"]}
    assert report["relations"]
    for relation in report["relations"]:
        assert relation["from"] in keys and relation["to"] in keys, relation
        assert relation["type"] in {"involves", "belongs-to", "affiliated-with", "links-to", "cites"}


def test_no_feed_or_sitemap_without_base_url(public):
    assert (public / "robots.txt").is_file()
    assert not (public / "feed.xml").exists()
    assert not (public / "sitemap.xml").exists()
