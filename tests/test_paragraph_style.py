"""The house's paragraph style: a committee setting numbers RESOLVED blocks like any other
paragraph ("(5) RESOLVED that …") or leaves them apart (the default, as the seeds print them);
a single line break inside a paragraph is kept. The preview, the minute's labels and the Word
notes follow the setting; signed notes keep what they were signed with."""

from __future__ import annotations

import pytest
from docx import Document

from clerk.body import Para, number, parse, render
from clerk.documents import build_notes
from clerk.documents.blocks import minute_source
from clerk.editing import line_labels
from clerk.errors import InvalidInput
from clerk.live.view import live_view
from clerk.models import ParagraphKind
from clerk.services import committees, content
from clerk.services.signoff import approve_previous
from exports.notes import write_notes
from screens.app import ClerkApp
from screens.home import HomeScreen
from screens.live.status import render_preview
from screens.settings import GENERAL, CommitteeScreen
from screens.widgets.form import Form

from .settled import settled
from .test_preview_prints import printed_minutes, shown

BODY = """Mr Peerbux introduced the report.

Members asked about the funding.

RESOLVED that the Partnership:
- note the report;
- thank Mr Peerbux.

The dates of next year's meetings were noted:
Tuesday, 10 March 2015
Tuesday, 14 July 2015"""

TEXT, RESOLUTION, POINT = ParagraphKind.TEXT, ParagraphKind.RESOLUTION, ParagraphKind.POINT


def labels(paragraphs, resolutions_numbered):
    return [(n.label, n.kind) for n in number(paragraphs, resolutions_numbered)]


def test_a_single_line_break_is_kept_and_a_blank_line_still_parts_paragraphs():
    paras = parse(BODY)
    assert paras[-1] == Para(TEXT, "The dates of next year's meetings were noted:\nTuesday, 10 March 2015\nTuesday, 14 July 2015")
    assert [p.kind for p in paras] == [TEXT, TEXT, RESOLUTION, POINT, POINT, TEXT]
    assert parse(render(paras)) == paras  # what the editor is given back reads the same
    assert parse("- a point\nthat goes on")[0].text == "- a point\nthat goes on"  # a lone "-" line: text
    assert parse("Head\n- a point\nthat goes on")[1] == Para(POINT, "a point\nthat goes on", False)


def test_resolutions_are_numbered_with_the_paragraphs_only_when_the_committee_says_so():
    paras = parse(BODY)
    assert labels(paras, False) == [("(1)", TEXT), ("(2)", TEXT), ("", RESOLUTION), ("(a)", POINT), ("(b)", POINT), ("(3)", TEXT)]
    assert labels(paras, True) == [
        ("(1)", TEXT),
        ("(2)", TEXT),
        ("(3)", RESOLUTION),
        ("(a)", POINT),
        ("(b)", POINT),
        ("(4)", TEXT),
    ]
    lone = parse("RESOLVED that the notes were a correct record.")
    assert labels(lone, True) == [("", RESOLUTION)]  # one paragraph is never numbered (minute 161 of 2017)
    off = parse("It was agreed.\n\nRESOLVED that the report be noted.", numbered=False)
    assert labels(off, True) == [("", TEXT), ("", RESOLUTION)]  # a minute with numbering turned off (minute 66 of 2014)
    lines = BODY.split("\n")
    assert line_labels(lines, True, True)[4] == "(3)" and line_labels(lines, True, False)[4] == "RESOLVED"


@pytest.fixture
def typed(store, demo):
    """Minute 66 of the demo's July meeting with the body above."""
    rows = {int(m.number): m.id for m in live_view(store, demo.held_meeting_id).minutes}
    content.set_body(store, rows[66], BODY)
    return rows[66]


def minute_66(store, demo, tmp_path, name="notes.docx"):
    path = write_notes(build_notes(store, demo.held_meeting_id), tmp_path / name)
    paras = Document(str(path)).paragraphs
    start = next(i for i, p in enumerate(paras) if p.style.name == "Clerk Minute Heading" and p.text.startswith("66."))
    end = next(i for i, p in enumerate(paras) if i > start and p.style.name == "Clerk Minute Heading")
    return path, paras[start + 1 : end]


def test_the_word_notes_number_resolutions_in_the_numbered_style(store, demo, typed, tmp_path):
    _path, apart = minute_66(store, demo, tmp_path)
    assert [(p.style.name, p.text) for p in apart][2:5] == [
        ("Clerk Resolution", "RESOLVED that the Partnership:"),
        ("Clerk Resolution Point", "(a)\tnote the report;"),
        ("Clerk Resolution Point", "(b)\tthank Mr Peerbux."),
    ]
    committees.update_committee(store, demo.committee_id, resolution_style="numbered")
    _path, numbered = minute_66(store, demo, tmp_path, "numbered.docx")
    assert [(p.style.name, p.text) for p in numbered][:6] == [
        ("Clerk Numbered Paragraph", "(1)\tMr Peerbux introduced the report."),
        ("Clerk Numbered Paragraph", "(2)\tMembers asked about the funding."),
        ("Clerk Numbered Paragraph", "(3)\tRESOLVED that the Partnership:"),
        ("Clerk Point", "(a)\tnote the report;"),
        ("Clerk Point", "(b)\tthank Mr Peerbux."),
        (
            "Clerk Numbered Paragraph",
            "(4)\tThe dates of next year's meetings were noted:\nTuesday, 10 March 2015\nTuesday, 14 July 2015",
        ),
    ]
    resolved = numbered[2]
    assert [(r.text, bool(r.bold)) for r in resolved.runs][:2] == [("(3)\t", False), ("RESOLVED", True)]
    # the two dates are on lines of their own: Word line breaks inside the one paragraph
    assert numbered[5]._p.xml.count("<w:br/>") == 2


@pytest.mark.parametrize("style", ["apart", "numbered"])
def test_the_preview_is_what_the_notes_print_in_either_style(store, demo, typed, tmp_path, style):
    committees.update_committee(store, demo.committee_id, resolution_style=style)
    printed = printed_minutes(write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "notes.docx"))
    current = content.content(store, typed)
    assert shown(render_preview(minute_source(store, typed), current.body)) == printed["66"]
    assert ("(3) RESOLVED that the Partnership:" in printed["66"]) is (style == "numbered")


def test_signed_notes_keep_the_style_they_were_signed_with(store, demo, typed, tmp_path):
    approve_previous(store, demo.next_meeting_id)  # the July notes approved in October: signed
    _path, before = minute_66(store, demo, tmp_path, "signed.docx")
    committees.update_committee(store, demo.committee_id, resolution_style="numbered")
    _path, after = minute_66(store, demo, tmp_path, "after.docx")
    assert [(p.style.name, p.text) for p in after] == [(p.style.name, p.text) for p in before]
    assert ("Clerk Resolution", "RESOLVED that the Partnership:") in [(p.style.name, p.text) for p in after]


def test_the_setting_is_checked(store, demo):
    with pytest.raises(InvalidInput, match=r"apart .* or numbered"):
        committees.update_committee(store, demo.committee_id, resolution_style="bold")
    assert committees.update_committee(store, demo.committee_id, resolution_style=" Numbered ").resolution_style == "numbered"


async def test_the_setting_is_in_the_committee_settings_form(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, HomeScreen)
        await pilot.press("f4")
        await settled(pilot, CommitteeScreen)
        await pilot.press("e")
        form = await settled(pilot, Form)
        steps = [k for k, _ in GENERAL].index("resolution_style")
        await pilot.press(*["down"] * steps)
        await settled(pilot)
        assert form.focused.id == "field-resolution_style"
        await pilot.press("right", "ctrl+s")
        screen = await settled(pilot, CommitteeScreen)
        assert committees.find_committee(store, demo.committee_id).resolution_style == "numbered"
        table = screen.query_one("#settings")
        assert "Numbered: (5) RESOLVED that …" in [str(table.get_row("resolution_style")[1])]


@pytest.mark.parametrize("style", ["apart", "numbered"])
async def test_the_live_minute_shows_the_labels_the_notes_print(store, demo, style):
    from textual import events

    from .burst import burst
    from .live_pilot import live_app, ready, type_text

    committees.update_committee(store, demo.committee_id, resolution_style=style)
    app = live_app(store, demo.next_meeting_id)
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await ready(pilot)
        await burst(pilot, events.Key("f2", None), "c1\r")  # C1 brings "RESOLVED that the Partnership note …"
        await type_text(pilot, "\n\nThe dates were noted.")
        await settled(pilot)
        labels = [label for label in screen.editor.labels if label]
        assert labels == (["(1)", "(2)"] if style == "numbered" else [])
        assert ("¶ (2)" in str(screen.query_one("#minute-info").render())) is (style == "numbered")


def test_the_command_line_sets_the_style(tmp_path, capsys):
    from clerk.cli import main
    from clerk.storage import Store

    db = str(tmp_path / "cli.db")
    store = Store.open(db)
    committees.create_committee(store, "Board")
    store.close()
    assert main(["committee", "Board", "--db", db]) == 0
    assert "RESOLVED blocks apart." in capsys.readouterr().out
    assert main(["committee", "Board", "--resolutions", "numbered", "--db", db]) == 0
    assert "Board: agenda style lettered. RESOLVED blocks numbered." in capsys.readouterr().out
    assert main(["committee", "Board", "--resolutions", "bold", "--db", db]) == 2
    store = Store.open(db)
    try:
        assert committees.find_committee(store, "Board").resolution_style == "numbered"
    finally:
        store.close()
