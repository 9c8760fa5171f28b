"""``clerk publish``: the public record as a static website, from a real demo database. The pages
are read back as a browser would get them (parsed HTML), the calendars with icalendar, the Atom
feed with xml.etree; a second publish rewrites nothing, and a changed minute only its pages."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import signal
import subprocess
import sys
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from icalendar import Calendar

from clerk.cli import main
from clerk.cli.publishing import publish_site
from clerk.services import content

from .helpers import minutes_of

ATOM = "{http://www.w3.org/2005/Atom}"
ROOT = Path(__file__).resolve().parent.parent


class Page(HTMLParser):
    """A page as a reader meets it: its text, headings (level, text), links and landmarks."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self._heading: int | None = None
        self._said: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading, self._said = int(tag[1]), []
        if tag == "a":
            self.links.append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, " ".join("".join(self._said).split())))
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            self._said.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def page(site: Path, rel: str) -> Page:
    return Page((site / rel).read_text(encoding="utf-8"))


def headings_in_order(p: Page) -> bool:
    """One h1, first; no level skipped on the way down."""
    levels = [level for level, _ in p.headings]
    return levels[:1] == [1] and levels.count(1) == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))


@pytest.fixture
def site(store, demo, tmp_path):
    out = tmp_path / "site"
    assert main(["--db", str(store.target.path), "publish", "--out", str(out)]) == 0
    return out


def test_clerk_demo_then_publish_writes_the_site(tmp_path, capsys):
    db, out = str(tmp_path / "clerk.db"), tmp_path / "site"
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "publish", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert re.search(r"Published \d+ files to .*site \(\d+ written, 0 unchanged\)", said)
    index = page(out, "index.html")
    assert "kcsp/" in index.links and "Kent Community Safety Partnership" in index.words
    held = page(out, "kcsp/2014-07-08/index.html")
    numbers = [int(m.group(1)) for _, h in held.headings if (m := re.match(r"(\d+)\. ", h))]
    assert sorted(numbers) == list(range(64, 75))
    assert (5, "66. Community Trigger Criteria & Review Process in Kent (Item B1)") in held.headings
    assert "It was agreed that the Kent Community Safety Agreement for 2014-17 be approved." in held.words
    assert "Exempt under paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972." in held.words
    assert "Apologies Mr P M Hill, OBE" in held.words and "Venue Medway Room, Sessions House" in held.words
    assert {"agenda.docx", "notes.docx"} <= set(held.links)
    nxt = page(out, "kcsp/2014-10-14/index.html")
    assert [h for _, h in nxt.headings if re.match(r"[A-D]\d*\. ", h)] == [
        "A. Committee Business",
        "A1. Apologies",
        "A2. Declarations of Interest",
        "A3. Notes of meeting held on 8 July 2014",
        "C. Matters for Information",
        "C1. Date of next meeting",
    ]
    assert "../2014-07-08/" in nxt.links and "Notes of the meeting held on 8 July 2014" in nxt.words
    assert "Agenda published on Monday, 6 October 2014." in nxt.words and (out / "kcsp/2014-10-14/agenda.docx").is_file()
    for rel in ("meetings.ics", "kcsp/meetings.ics"):
        events = Calendar.from_ical((out / rel).read_bytes()).walk("VEVENT")
        assert [str(e["SUMMARY"]) for e in events] == ["Kent Community Safety Partnership"] * 2
    for rel in ("feed.atom", "kcsp/feed.atom"):
        feed = ET.parse(out / rel).getroot()
        titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
        assert titles == [
            "Kent Community Safety Partnership: agenda for 14 October 2014",
            "Kent Community Safety Partnership: notes for 8 July 2014",
            "Kent Community Safety Partnership: agenda for 8 July 2014",
        ]
        assert all(e.findtext(f"{ATOM}id").startswith("urn:uuid:") for e in feed.iter(f"{ATOM}entry"))


def test_the_committee_pages(site):
    committee = page(site, "kcsp/index.html")
    assert "Forthcoming meetings" in committee.words and "2014-07-08/" in committee.links
    assert "Mr P M Hill, OBE Chairman" in committee.words
    attendance = page(site, "kcsp/attendance/index.html")
    assert "2014/15" in [h for _, h in attendance.headings] and "Mr P M Hill, OBE Chairman 1 0 1" in attendance.words
    decisions = page(site, "kcsp/decisions/index.html")
    assert [h for _, h in decisions.headings][2:] == [
        "66. Community Trigger Criteria & Review Process in Kent",
        "67. Kent Community Safety Agreement - Development of a New Agreement and Performance Update",
    ]
    assert "../2014-07-08/#minute-66" in decisions.links


def test_the_pages_are_semantic(site):
    for path in sorted(site.rglob("*.html")):
        p = Page(path.read_text(encoding="utf-8"))
        assert headings_in_order(p), (path, p.headings)
        assert {"header", "main", "footer", "nav"} <= set(p.tags) or (path.name == "index.html" and path.parent == site)
        assert "script" not in p.tags or path == site / "search" / "index.html"  # the search's, and no other
        html = path.read_text(encoding="utf-8")
        assert '<html lang="en-GB">' in html and html.count("<th") >= html.count("<table")


def test_a_second_publish_rewrites_nothing_and_a_changed_minute_only_its_pages(store, demo, site):
    again = publish_site(store, site)
    assert again.result.written == [] and again.result.removed == [] and again.result.unchanged == 17
    feed_before = (site / "feed.atom").read_text()
    m66 = next(m for m in minutes_of(store, demo.held_meeting_id) if m.number == 66)
    content.set_body(store, m66.id, "The progress was reported.\n\nRESOLVED that the progress be noted.")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    changed = publish_site(store, site, now=later).result
    assert sorted(changed.written) == [
        "feed.atom",
        "kcsp/2014-07-08/index.html",
        "kcsp/2014-07-08/notes.docx",
        "kcsp/decisions/index.html",
        "kcsp/feed.atom",
        "search/index.js",
    ]
    html = (site / "kcsp/2014-07-08/index.html").read_text()
    assert "<strong>RESOLVED</strong> that the progress be noted." in html
    assert "RESOLVED that the progress be noted." in page(site, "kcsp/decisions/index.html").words
    before, after = (ET.fromstring(t) for t in (feed_before, (site / "feed.atom").read_text()))
    ids = [[e.findtext(f"{ATOM}id") for e in f.iter(f"{ATOM}entry")] for f in (before, after)]
    assert ids[0] == ids[1]  # stable ids
    updated = [[e.findtext(f"{ATOM}updated") for e in f.iter(f"{ATOM}entry")] for f in (before, after)]
    assert [updated[0][n] for n in (0, 2)] == [updated[1][n] for n in (0, 2)]  # the agendas did not change
    assert updated[1][1] == later.replace(microsecond=0).isoformat().replace("+00:00", "Z") != updated[0][1]  # the notes did
    assert after.findtext(f"{ATOM}updated") == updated[1][1]
    assert publish_site(store, site).result.written == []


def test_from_a_date_and_what_is_no_longer_published_is_removed(store, demo, site, capsys):
    (site / "council-notice.html").write_text("not clerk's")
    db = str(store.target.path)
    assert main(["--db", db, "publish", "--out", str(site), "--from", "2014-10-01"]) == 0
    assert not (site / "kcsp/2014-07-08").exists() and (site / "kcsp/2014-10-14/index.html").is_file()
    assert (site / "council-notice.html").read_text() == "not clerk's"  # never a file clerk did not write
    assert "removed" in capsys.readouterr().out
    assert main(["--db", db, "publish", "--out", str(site), "--committee", "Nonesuch"]) == 2
    assert "No committee is called 'Nonesuch'." in capsys.readouterr().err
    (site / "kcsp" / "2014-10-14").rename(site / "moved")
    (site / "kcsp" / "2014-10-14").write_text("a file where the meeting's folder goes")
    assert main(["--db", db, "publish", "--out", str(site)]) == 2
    err = capsys.readouterr().err
    assert "clerk cannot write the site at" in err and "choose another --out folder." in err


def test_a_second_committee_gets_its_own_folder(store, demo, tmp_path):
    from clerk.demo import load_numbered_demo

    load_numbered_demo(store)
    out = tmp_path / "site"
    publish_site(store, out)
    assert {"kcsp/", "kcsp-2025/"} <= set(page(out, "index.html").links)
    # its 25 March 2025 agenda is a draft: councils put only published agendas online
    draft = page(out, "kcsp-2025/2025-03-25/index.html")
    assert "1. Introduction" not in [h for _, h in draft.headings] and "agenda.docx" not in draft.links
    publish_site(store, out, drafts=True)  # `clerk publish --drafts`
    shown = page(out, "kcsp-2025/2025-03-25/index.html")
    assert "1. Introduction" in [h for _, h in shown.headings] and "Draft agenda: not yet published" in shown.words
    only = publish_site(store, out, committee="(2025)").result
    assert not (out / "kcsp").exists() and "kcsp/index.html" in only.removed


def test_serve_prints_its_address_and_stops_on_ctrl_c(store, demo, tmp_path):
    out = tmp_path / "site"
    proc = subprocess.Popen(
        [sys.executable, "-m", "clerk.cli", "--db", str(store.target.path), "publish", "--out", str(out), "--serve"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        line = ""
        while "Serving" not in line:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
        address = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        with urllib.request.urlopen(address + "kcsp/2014-07-08/", timeout=30) as response:
            assert response.status == 200 and b"Agenda and minutes" in response.read()
        proc.send_signal(signal.SIGINT)
        out_text, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "Stopped serving." in out_text


def test_signed_notes_say_so_and_a_meeting_that_cannot_be_published_is_named(store, demo, tmp_path, capsys):
    from clerk.services.signoff import approve_previous

    out, db = tmp_path / "site", str(store.target.path)
    approve_previous(store, demo.next_meeting_id)
    assert main(["--db", db, "publish", "--out", str(out)]) == 0
    held = page(out, "kcsp/2014-07-08/index.html").words
    assert "Approved as a correct record on 14 October 2014." in held and "Signed on" in held
    # a restricted minute with no Schedule 12A paragraph cannot be published: its notes are left out, by name
    from clerk.services import meetings, minutes

    meetings.set_status(store, demo.next_meeting_id, "in_progress")
    taken = minutes.add_minute(store, demo.next_meeting_id, "Staffing", at=0)
    content.update_minute(store, taken.id, restricted=True)
    meetings.set_status(store, demo.next_meeting_id, "held")
    capsys.readouterr()
    assert main(["--db", db, "publish", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Left out: Kent Community Safety Partnership, Tuesday, 14 October 2014: Minute 75 (Staffing) is restricted" in err
    assert "75. Staffing" not in page(out, "kcsp/2014-10-14/index.html").words
    assert "A1. Apologies" in [h for _, h in page(out, "kcsp/2014-10-14/index.html").headings]


def test_text_from_the_record_is_shown_never_obeyed(store, demo, tmp_path):
    m66 = next(m for m in minutes_of(store, demo.held_meeting_id) if m.number == 66)
    content.update_minute(store, m66.id, title='Trigger <script>alert("x")</script> & <b>more</b>')
    content.set_body(store, m66.id, "A line\nand the next <img src=x onerror=alert(1)>")
    out = tmp_path / "site"
    publish_site(store, out)
    html = (out / "kcsp/2014-07-08/index.html").read_text()
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "Trigger &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt;" in html
    assert "A line<br>and the next &lt;img src=x onerror=alert(1)&gt;" in html


def test_pdf_converts_only_what_changed(store, demo, tmp_path):
    from exports.pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "site"  # the demo's 14 October agenda is published: its public pack goes online
    first = publish_site(store, out, pdf=True).result
    assert {"kcsp/2014-07-08/agenda.pdf", "kcsp/2014-07-08/notes.pdf", "kcsp/2014-10-14/pack.pdf"} <= set(first.written)
    assert "pack.pdf" in page(out, "kcsp/2014-10-14/index.html").links
    assert publish_site(store, out, pdf=True).result.written == []
    m66 = next(m for m in minutes_of(store, demo.held_meeting_id) if m.number == 66)
    content.set_body(store, m66.id, "The progress was reported.")
    changed = publish_site(store, out, pdf=True).result.written
    assert "kcsp/2014-07-08/notes.pdf" in changed and "kcsp/2014-10-14/pack.pdf" in changed  # the pack holds those notes
    assert "kcsp/2014-07-08/agenda.pdf" not in changed
    assert {"kcsp/2014-07-08/notes.pdf", "kcsp/2014-10-14/pack.pdf"} <= set(publish_site(store, out).result.removed)
