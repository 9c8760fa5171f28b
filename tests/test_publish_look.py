"""The published site in the council's own look: a committee's stylesheet, header and footer,
set with ``clerk committee``, on every page of the site; the search that needs no server."""

from __future__ import annotations

import json
import re

from clerk.cli import main
from clerk.services.committees import find_committee

from .test_publish_site import Page, headings_in_order, page

HEADER = '<div class="kcc-header"><a href="https://www.kent.gov.uk/">Kent County Council</a></div>'
FOOTER = '<p class="kcc-footer">© Kent County Council · <a href="https://www.kent.gov.uk/about-this-website">About this website</a></p>'
STYLESHEET = "https://www.kent.gov.uk/assets/site.css"


def test_the_councils_stylesheet_header_and_footer_are_on_every_page(store, demo, tmp_path, capsys):
    db, out = str(store.target.path), tmp_path / "site"
    (tmp_path / "header.html").write_text(HEADER + "\n", encoding="utf-8")
    (tmp_path / "footer.html").write_text(FOOTER, encoding="utf-8")
    given = ["--site-stylesheet", STYLESHEET, "--site-header", str(tmp_path / "header.html")]
    assert (
        main(
            ["--db", db, "committee", "Kent Community Safety Partnership", *given, "--site-footer", str(tmp_path / "footer.html")]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert f"Published site's stylesheet: {STYLESHEET}" in said and f"header: {len(HEADER)} characters of HTML" in said
    kcsp = find_committee(store, "Kent Community Safety Partnership")
    assert (kcsp.site_stylesheet, kcsp.site_header, kcsp.site_footer) == (STYLESHEET, HEADER, FOOTER)
    assert main(["--db", db, "publish", "--out", str(out)]) == 0
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 6 and out / "index.html" in pages and out / "search" / "index.html" in pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        ours = re.search(r'<link rel="stylesheet" href="[./]*style\.css">\n<link rel="stylesheet" href="(.*?)">', html)
        assert ours and ours.group(1) == STYLESHEET, path  # the council's after clerk's: its rules win
        assert html.index(HEADER) < html.index('<header class="site">') < html.index("<main")
        assert html.index('<footer class="site">') < html.index(FOOTER)
        assert headings_in_order(Page(html)), path
    # cleared with "": clerk's own look again
    assert main(["--db", db, "committee", "1", "--site-stylesheet", "", "--site-header", "", "--site-footer", ""]) == 0
    assert main(["--db", db, "publish", "--out", str(out)]) == 0
    html = (out / "kcsp/2014-07-08/index.html").read_text(encoding="utf-8")
    assert STYLESHEET not in html and HEADER not in html and FOOTER not in html


def test_a_header_file_that_cannot_be_read_is_a_plain_message(store, demo, tmp_path, capsys):
    db = str(store.target.path)
    assert main(["--db", db, "committee", "1", "--site-header", str(tmp_path / "missing.html")]) == 2
    err = capsys.readouterr().err
    assert "--site-header: clerk cannot read" in err and "missing.html" in err and "give a file of HTML." in err
    (tmp_path / "latin1.html").write_bytes("<p>Caf\xe9</p>".encode("latin-1"))
    assert main(["--db", db, "committee", "1", "--site-footer", str(tmp_path / "latin1.html")]) == 2
    assert "it is not UTF-8 text" in capsys.readouterr().err
    assert find_committee(store, "1").site_footer == ""  # nothing changed


def test_the_search_index_holds_every_published_minute_and_the_page_lists_them(store, demo, tmp_path):
    out = tmp_path / "site"
    assert main(["--db", str(store.target.path), "publish", "--out", str(out)]) == 0
    script = (out / "search/index.js").read_text(encoding="utf-8")
    assert script.startswith("window.clerkSearchIndex = [\n") and script.endswith("];\n")
    entries = json.loads(script.removeprefix("window.clerkSearchIndex = ").rstrip(";\n"))
    urls = [e[0] for e in entries]
    assert [u for u in urls if u.startswith("kcsp/2014-07-08/#minute")] == [f"kcsp/2014-07-08/#minute-{n}" for n in range(64, 75)]
    assert "kcsp/2014-10-14/#item-a1" in urls  # the next meeting's published agenda, item by item
    m66 = entries[urls.index("kcsp/2014-07-08/#minute-66")]
    assert m66[1] == "66. Community Trigger Criteria & Review Process in Kent (Item B1)"
    assert "Community Trigger" in m66[3] and "\n" not in m66[3]
    listed = page(out, "search/index.html")  # without JavaScript: a list of links to every entry
    assert {f"../{u}" for u in urls} <= set(listed.links) and "form" in listed.tags
    for rel in ("index.html", "kcsp/2014-07-08/index.html"):
        html = (out / rel).read_text(encoding="utf-8")
        assert 'role="search"' in html and 'method="get"' in html and "search/" in html
    css = (out / "style.css").read_text(encoding="utf-8")
    assert "@media print" in css and ".search" in css.split("@media print", 1)[1]  # no search form on paper
