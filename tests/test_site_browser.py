"""The published demo site in a real browser: headless Chromium (Debian's chromium and
chromium-driver, driven by Selenium) loads it from a local server and reads the 8 July 2014
page, downloads its documents, searches, checks every page with axe-core, and takes the
screenshots in docs/ (rewritten when CLERK_UPDATE_SCREENSHOTS=1). A second site, published
with a canary in every restricted field, is read through the browser too: no canary anywhere.
One browser for the whole module; without chromium the tests skip, unless CLERK_REQUIRE_SERVICES=1."""

from __future__ import annotations

import base64
import json
import os
import shutil
import struct
import threading
import urllib.request
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document

from clerk.cli.publishing import publish_site
from clerk.demo import load_demo
from clerk.services.reports import attach_report
from clerk.storage import Store

from .test_canaries import leaks, plant_demo, site_texts

ROOT = Path(__file__).resolve().parent.parent
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM, DRIVER = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver") or "/usr/bin/chromedriver"
MINUTE_66 = "set the criteria and review process for the Community Trigger"  # a phrase of minute 66
SCREENSHOTS = {"phone": (390, 844), "desktop": (1280, 900)}

if os.environ.get("CLERK_REQUIRE_SERVICES") != "1":  # in CI a missing browser fails the tests
    pytest.importorskip("selenium")
    if not (Path(CHROMIUM).is_file() and Path(DRIVER).is_file()):
        pytest.skip("chromium and chromium-driver are not installed", allow_module_level=True)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _publish(folder: Path, *, planted: bool) -> Path:
    """The demo, a Word report on item B1 (and with ``planted``, canaries in every restricted field), published."""
    store = Store.open(folder / "clerk.db")
    try:
        demo = load_demo(store)
        held = plant_demo(store, demo, folder) if planted else demo.held_meeting_id
        report = Document()
        report.add_paragraph("The Community Trigger criteria, as proposed.")
        report.save(folder / "Community Trigger report.docx")
        attach_report(store, held, "B1", folder / "Community Trigger report.docx")
        publish_site(store, folder / "site")
    finally:
        store.close()
    return folder / "site"


@pytest.fixture(scope="module")
def web(tmp_path_factory) -> Iterator[SimpleNamespace]:
    """Both sites served from one local server, and one headless Chromium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    home = tmp_path_factory.mktemp("home")
    served = tmp_path_factory.mktemp("served")
    with pytest.MonkeyPatch.context() as mp:
        for name, value in (("CLERK_DATA_DIR", home / "data"), ("CLERK_CONFIG_DIR", home / "config"), ("HOME", home)):
            mp.setenv(name, str(value))
        mp.delenv("CLERK_DATABASE_URL", raising=False)
        for name, planted in (("demo", False), ("planted", True)):
            (served / name).mkdir()
            _publish(served / name, planted=planted)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(flag)
    options.add_argument("--window-size=1280,900")
    browser = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    browser.set_script_timeout(60)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        yield SimpleNamespace(browser=browser, demo=base + "demo/site/", planted=base + "planted/site/", served=served)
    finally:
        browser.quit()
        server.shutdown()
        server.server_close()


def _open(web: SimpleNamespace, url: str) -> None:
    web.browser.get(url)
    assert web.browser.execute_script("return document.readyState") == "complete"


def _texts(web: SimpleNamespace, css: str) -> list[str]:
    from selenium.webdriver.common.by import By

    return [" ".join(e.text.split()) for e in web.browser.find_elements(By.CSS_SELECTOR, css)]


def test_the_8_july_page_lists_minutes_64_to_74_with_their_decisions(web):
    _open(web, web.demo + "kcsp/2014-07-08/")
    headings = _texts(web, "section.minute > .minute-heading")
    assert [h.split(".")[0] for h in headings] == [str(n) for n in range(64, 75)]
    assert "66. Community Trigger Criteria & Review Process in Kent (Item B1)" in headings
    assert "67. Kent Community Safety Agreement - Development of a New Agreement and Performance Update (Item B2)" in headings
    resolutions = _texts(web, "#minute-67 .resolution, #minute-67 p")
    assert any("It was agreed that the Kent Community Safety Agreement for 2014-17 be approved." in r for r in resolutions)
    body = " ".join(web.browser.find_element("tag name", "main").text.split())
    assert "Exempt under paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972." in body
    assert "Tuesday, 8 July 2014" in web.browser.title


def test_the_agendas_documents_download(web):
    from selenium.webdriver.common.by import By

    _open(web, web.demo + "kcsp/2014-07-08/")
    links = {a.text: a.get_attribute("href") for a in web.browser.find_elements(By.CSS_SELECTOR, "a[download]")}
    assert {"Agenda (Word document)", "Notes, public version (Word document)"} <= set(links), links
    report = next(href for href in links.values() if href.endswith("b1-community-trigger-report.docx"))
    texts = {}
    for label, href in links.items():
        with urllib.request.urlopen(href, timeout=30) as response:
            assert response.status == 200, label
            data = response.read()
        if href.endswith(".docx"):
            texts[href] = "\n".join(p.text for p in Document(BytesIO(data)).paragraphs)
    assert "The Community Trigger criteria, as proposed." in texts[report]
    assert any("Community Trigger Criteria" in t for t in texts.values())
    _open(web, web.demo + "kcsp/2014-10-14/")  # the next meeting's published agenda, with its own
    assert "Agenda (Word document)" in _texts(web, "a[download]")


def test_search_finds_a_phrase_of_minute_66(web):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    _open(web, web.demo + "kcsp/2014-07-08/")
    box = web.browser.find_element(By.ID, "site-search")  # the form every page has
    box.send_keys(f'"{MINUTE_66}"')
    box.submit()
    WebDriverWait(web.browser, 30).until(lambda b: b.find_elements(By.ID, "search-heading"))
    assert _texts(web, "#search-heading") == [f'1 result for “"{MINUTE_66}"”']
    first = web.browser.find_element(By.CSS_SELECTOR, ".search-results a")
    assert first.get_attribute("href").endswith("kcsp/2014-07-08/#minute-66")
    assert "66. Community Trigger Criteria" in first.text
    assert MINUTE_66.lower() in " ".join(_texts(web, ".search-results mark")).lower()
    assert web.browser.find_element(By.ID, "search-all").get_attribute("hidden") is not None
    _open(web, web.demo + "search/?q=Community+Trigger")  # every minute and item that says it
    hits = [a.get_attribute("href").split("/site/")[1] for a in web.browser.find_elements(By.CSS_SELECTOR, ".search-results a")]
    assert hits[0] == "kcsp/2014-07-08/#minute-66" and len(hits) == len(set(hits))
    first = web.browser.find_element(By.CSS_SELECTOR, ".search-results a")
    first.click()
    WebDriverWait(web.browser, 30).until(lambda b: b.current_url.endswith("#minute-66"))


def test_without_javascript_the_search_page_lists_everything(web):
    from selenium.webdriver.common.by import By

    web.browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        _open(web, web.demo + "search/?q=Community+Trigger")
        assert web.browser.find_elements(By.CSS_SELECTOR, ".search-results") == []
        listed = {a.text: a.get_attribute("href") for a in web.browser.find_elements(By.CSS_SELECTOR, "#search-all a")}
        assert listed["66. Community Trigger Criteria & Review Process in Kent (Item B1)"].endswith("kcsp/2014-07-08/#minute-66")
        assert "Item A1. Apologies" in listed  # the next meeting's agenda
    finally:
        web.browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_no_canary_anywhere_in_the_published_site(web):
    """Through the browser: each page's text and source, and the search; from the server: every file."""
    from selenium.webdriver.common.by import By

    site = web.served / "planted" / "site"
    texts = site_texts(site)
    assert "search/index.js" in texts and "feed.atom" in texts and "kcsp/2014-07-08/notes.docx" in texts
    assert {name: leaks(text) for name, text in texts.items() if leaks(text)} == {}
    for rel in sorted(texts):
        with urllib.request.urlopen(web.planted + rel, timeout=30) as response:
            raw = response.read()
        assert rel.endswith((".docx", ".pdf")) or leaks(raw.decode("utf-8", "replace")) == [], rel
        if rel.endswith("index.html"):
            _open(web, web.planted + rel)
            shown = web.browser.find_element(By.TAG_NAME, "body").text + web.browser.page_source
            assert leaks(shown) == [], rel
    _open(web, web.planted + "search/?q=canary")
    assert _texts(web, "#search-heading") == ["0 results for “canary”"]
    _open(web, web.planted + "search/?q=Staffing+matter")  # the test has teeth: the restricted title is public
    assert _texts(web, "#search-heading")[0].startswith(("1 result", "2 results"))


def test_the_meeting_page_prints_without_its_navigation(web):
    """On paper (the print stylesheet): no links bar, search form or footer; the minutes in black."""
    _open(web, web.demo + "kcsp/2014-07-08/")
    web.browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = web.browser.execute_script(
            "const seen = s => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none');"
            "return {crumbs: seen('.crumbs'), search: seen('form.search'), footer: seen('footer.site'),"
            " minutes: seen('section.minute'), ink: getComputedStyle(document.querySelector('#minute-66 p')).color};"
        )
        pdf = web.browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})  # A4
    finally:
        web.browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == {"crumbs": False, "search": False, "footer": False, "minutes": True, "ink": "rgb(0, 0, 0)"}
    assert base64.b64decode(pdf["data"]).startswith(b"%PDF")


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.mark.parametrize(
    "rel",
    ["", "kcsp/", "kcsp/2014-07-08/", "kcsp/2014-10-14/", "kcsp/attendance/", "kcsp/decisions/", "search/?q=Community+Trigger"],
)
def test_axe_finds_no_serious_accessibility_problem(web, rel):
    _open(web, web.demo + rel)
    bad = _serious(_axe(web))
    assert bad == [], bad


def test_axe_has_teeth(web):
    """Pale text and an image with no alternative, added to a page, are what the check above catches."""
    _open(web, web.demo)
    web.browser.execute_script(
        "const p = document.createElement('p'); p.style.color = '#bbb'; p.textContent = 'Pale words';"
        "const img = document.createElement('img'); img.src = 'style.css';"
        "document.querySelector('main').append(p, img);"
    )
    assert {rule for rule, _impact, _nodes in _serious(_axe(web))} == {"color-contrast", "image-alt"}


def _serious(violations: list[dict]) -> list[tuple[str, str, list]]:
    found = [(v["id"], v["impact"], [n["target"] for n in v.get("nodes", [])][:3]) for v in violations]
    return [f for f in found if f[1] in ("serious", "critical")]


def _axe(web: SimpleNamespace) -> list[dict]:
    """axe-core's violations of WCAG 2.2 A and AA (and its best practices) on the page open."""
    web.browser.execute_script(AXE.read_text(encoding="utf-8"))
    found = web.browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(JSON.stringify({version: axe.version, rules: r.passes.length + r.violations.length,"
        " violations: r.violations})), e => done(JSON.stringify({error: String(e)})));",
        AXE_TAGS,
    )
    result = json.loads(found)
    assert result.get("version", "").startswith("4.") and result["rules"] > 20, result  # axe ran, and checked
    violations: list[dict] = result["violations"]
    return violations


def test_screenshots_of_the_meeting_page_at_phone_and_desktop_widths(web, tmp_path):
    """docs/site-meeting-phone.png and docs/site-meeting-desktop.png are these (CLERK_UPDATE_SCREENSHOTS=1 rewrites them)."""
    keep = os.environ.get("CLERK_UPDATE_SCREENSHOTS") == "1"
    try:
        for name, (width, height) in SCREENSHOTS.items():
            web.browser.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": name == "phone"},
            )
            _open(web, web.demo + "kcsp/2014-07-08/")
            widest = web.browser.execute_script("return document.documentElement.scrollWidth")
            assert widest <= width, f"the page scrolls sideways at {width} pixels: {widest}"
            path = (ROOT / "docs" if keep else tmp_path) / f"site-meeting-{name}.png"
            path.parent.mkdir(exist_ok=True)
            assert web.browser.save_screenshot(str(path))
            png = path.read_bytes()
            assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (width, height)
    finally:
        web.browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
