"""Restricted text never reaches a public export. A canary string is planted in every restricted
field; no public document (notes, bound volume, PDF, through the CLI) may contain any of them,
and the full version must (so the test has teeth)."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from sqlmodel import select

from clerk.cli import main
from clerk.documents import build_notes, build_volume
from clerk.services import agenda, content, minutes
from exports.notes import write_notes, write_volume

from .docx_read import all_text
from .helpers import minutes_of

# String fields of the models reachable from a restricted minute or item that are not
# restricted text, and why. Every other string field gets a canary (see ``restrictable``), so
# a field added later is planted and checked without anyone remembering to.
NOT_RESTRICTED = {
    "minute.title": "a restricted minute's number, title and paragraph are printed in the public notes",
    "minute.series": "a numbering key, never printed",
    "agendaitem.title": "restricted items' titles are public on the agenda",
    "agendaitem.standard": "an internal key (apologies, declarations)",
    "agendaitem.section": "the letter A to D; D's heading says it is restricted",
    "attachment.sha256": "the stored file's digest, never printed",
    "attachment.content_type": "the file's suffix",
    "attendance.role": "who attended, and as what, is public",
    "action.status": "a key from a fixed list (open, done, superseded)",
    "planneditem.title": "a planned item's title becomes its agenda item's, public as restricted items' titles are",
    "planneditem.section": "the letter A to D it is expected under",
    "livesession.holder": "the lock on a live meeting, never printed",
    "livesession.holder_host": "the lock on a live meeting, never printed",
    "livesession.holder_user": "the lock on a live meeting, never printed",
}


def _models() -> dict[str, type]:
    from sqlmodel import SQLModel

    return {m.class_.__table__.name: m.class_ for m in SQLModel._sa_registry.mappers if hasattr(m.class_, "__table__")}


def restrictable() -> list[str]:
    """ "table.column" for every text field of Minute, AgendaItem, Declaration and every model
    that points at a minute or an agenda item, less NOT_RESTRICTED."""
    from sqlalchemy import Enum, String
    from sqlmodel.sql.sqltypes import AutoString

    models = _models()
    roots = {"minute", "agendaitem", "declaration"}
    linked = {
        name
        for name, model in models.items()
        if any(fk.column.table.name in ("minute", "agendaitem") for c in model.__table__.columns for fk in c.foreign_keys)
    }
    out = []
    for name in sorted(roots | linked):
        for column in models[name].__table__.columns:
            if column.primary_key or column.foreign_keys or isinstance(column.type, Enum):
                continue
            text = isinstance(column.type, (String, AutoString))  # VARCHAR, TEXT and SQLModel's str
            if text and f"{name}.{column.name}" not in NOT_RESTRICTED:
                out.append(f"{name}.{column.name}")
    return out


def canary(field: str, where: str = "") -> str:
    return "CANARY-" + (field + (f"-{where}" if where else "")).replace(".", "-").replace("_", "-").upper()


# Fields that hold a key from a fixed list (clerk.wording) rather than text: planted with a key
# whose printed words appear nowhere else in the notes, and those words are their canary.
KEYED = {
    "declaration.interest": ("other_registrable", "an Other Registrable Interest"),
    "declaration.participation": ("dispensation", "spoke on the item under a dispensation"),
    "vote.outcome": ("lost", "and it was lost"),
    "vote.casting": ("against", "casting vote against the motion"),
}
CANARIES = {f: KEYED[f][1] if f in KEYED else canary(f) for f in restrictable()}
CANARIES |= {
    "paragraph.text (resolution)": canary("paragraph.text", "resolved"),
    "paragraph.text (point)": canary("paragraph.text", "point"),
    "attachment text": "CANARY-SLIDE-4E4E",
    "declaration.nature (made under A2, marked restricted)": canary("declaration.nature", "a2"),
    "paragraph.text (restricted item under C)": canary("paragraph.text", "under-c"),
}
# stored, printed in no notes (an action's update is the log's, not the minute's): planted all the same
PRINTED_NOWHERE = {
    "agendaitem.presenter",
    "action.progress",
    "planneditem.presenter",
    "planneditem.note",
}
IN_FULL_NOTES = [n for n in CANARIES if n not in PRINTED_NOWHERE | {"agendaitem.note"}]  # the note: on the agenda


def stored(name: str) -> str:
    """What is stored for the field: its canary, or the key printed as its canary words."""
    return KEYED[name][0] if name in KEYED else CANARIES[name]


def _plant_row(session, model, fields: list[str], **links):
    """One row of ``model`` linked by ``links``, every restrictable field a canary."""
    row = model(**links, **{f.split(".")[1]: stored(f) for f in fields})
    session.add(row)
    session.flush()
    return row


def _committee_of(store, minute_id: int) -> int:
    from clerk.models import Minute

    with store.read() as session:
        return session.get(Minute, minute_id).committee_id


def plant(store, meeting_id: int, minute_id: int, item_id: int, tmp_path) -> None:
    """Generic: every restrictable field of every model gets its canary, in rows linked to a
    restricted minute (and its restricted item)."""
    from clerk.models import AgendaItem

    by_model: dict[str, list[str]] = {}
    for f in restrictable():
        by_model.setdefault(f.split(".")[0], []).append(f)
    models = _models()
    slides = tmp_path / f"{CANARIES['attachment.filename']}.md"
    slides.write_text(f"# Briefing\n\n- {CANARIES['attachment text']}\n")
    links = {
        "paragraph": {"minute_id": minute_id, "position": 0},
        "action": {"minute_id": minute_id},
        "vote": {"minute_id": minute_id, "votes_for": 5, "votes_against": 2},
        "declaration": {"meeting_id": meeting_id, "minute_id": minute_id, "agenda_item_id": item_id},
        # carrying the restricted minute to a later meeting (the forward plan)
        "planneditem": {
            "committee_id": _committee_of(store, minute_id),
            "meeting_date": dt.date(2015, 1, 13),
            "from_minute_id": minute_id,
            "restricted": True,
        },
    }
    content.attach_to_minute(store, minute_id, slides, name=CANARIES["attachment.filename"])
    with store.write() as session:
        for table, fields in by_model.items():
            if table == "agendaitem":
                item = session.get(AgendaItem, item_id)
                for f in fields:
                    setattr(item, f.split(".")[1], CANARIES[f])
                session.add(item)
            elif table != "attachment":  # attached above, from a real file
                assert table in links, f"no way to plant a canary in {table}: add it to the test's links"
                _plant_row(session, models[table], fields, **links[table])
        from clerk.models import Paragraph, ParagraphKind

        session.add(
            Paragraph(
                minute_id=minute_id,
                position=1,
                kind=ParagraphKind.RESOLUTION,
                text=f"RESOLVED that {CANARIES['paragraph.text (resolution)']}",
            )
        )
        session.add(Paragraph(minute_id=minute_id, position=2, kind=ParagraphKind.POINT, text=CANARIES["paragraph.text (point)"]))
    # a declaration made under A2 about the restricted item: public, but the clerk marked its nature restricted
    content.add_declaration(
        store,
        meeting_id,
        "Ms E Martin",
        CANARIES["declaration.nature (made under A2, marked restricted)"],
        agenda_item_id=item_id,
        nature_restricted=True,
    )
    from clerk.live.write import refresh_standard_minutes

    with store.write() as session:  # the Declarations minute worded from the record, as the live screen does
        refresh_standard_minutes(session, meeting_id)


@pytest.fixture
def planted(store, demo, tmp_path):
    return plant_demo(store, demo, tmp_path)


def plant_demo(store, demo, tmp_path) -> int:
    """Minute 73 (restricted, D1) and a restricted item under C carry a canary in every field."""
    held = demo.held_meeting_id
    m73 = next(m for m in minutes_of(store, held) if m.number == 73)
    from clerk.services import meetings

    meetings.set_status(store, held, "in_progress")
    # a Declarations minute, worded from the record as the live screen words it
    declarations = next(r for r in agenda.list_items(store, held) if r.standard == "declarations")
    minutes.add_minute(store, held, declarations.title, agenda_item_id=declarations.id, at=1)
    # a restricted item may sit outside D (a restricted item under C)
    item = agenda.add_item(store, held, "C", "Staffing matter", restricted=True, exempt_paragraph=1)
    under_c = minutes.add_minute(store, held, "Staffing matter", agenda_item_id=item.id, at=9)
    content.set_body(store, under_c.id, CANARIES["paragraph.text (restricted item under C)"])
    plant(store, held, m73.id, m73.agenda_item_id, tmp_path)
    meetings.set_status(store, held, "held")
    return held


def test_every_restrictable_field_is_planted():
    assert set(restrictable()) <= set(CANARIES)
    assert {
        "declaration.member_name",
        "declaration.nature",
        "paragraph.text",
        "action.owner_name",
        "vote.named_for",
        "attachment.filename",
        "agendaitem.note",
        "declaration.interest",
        "declaration.participation",
        "vote.outcome",
        "vote.casting",
    } <= set(restrictable())
    assert set(KEYED) <= set(restrictable())


def leaks(text: str) -> list[str]:
    return [name for name, canary in CANARIES.items() if canary in text]


def test_the_full_version_holds_every_canary(store, planted, tmp_path):
    out = write_notes(build_notes(store, planted), tmp_path / "full.docx")
    assert leaks(all_text(out)) == IN_FULL_NOTES
    db = str(store.target.path)
    assert main(["--db", db, "export", "record", str(planted), "--out", str(tmp_path / "r.json")]) == 0
    record = (tmp_path / "r.json").read_text()
    assert record.splitlines()[1] == ' "restricted_text": true,'
    assert {n for n in CANARIES if stored(n) in record} >= {
        n for n in CANARIES if n.startswith(("paragraph", "action", "vote", "declaration"))
    }
    with store.read() as s:  # the fields printed nowhere are stored all the same
        from clerk.models import AgendaItem

        assert any(i.presenter == CANARIES["agendaitem.presenter"] for i in s.exec(select(AgendaItem)).all())


@pytest.mark.parametrize("setting", ["summary", "omit"])
def test_public_notes_hold_none(store, demo, planted, tmp_path, setting):
    from clerk.services.committees import update_committee

    update_committee(store, demo.committee_id, public_restricted=setting)
    doc = build_notes(store, planted, public=True)
    assert leaks(repr(doc)) == []  # not even in the data handed to the writer
    out = write_notes(doc, tmp_path / "public.docx")
    text = all_text(out)
    assert leaks(text) == []
    if setting == "summary":
        assert "Exempt under paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972." in text
        assert "Domestic Homicide Reviews" in text
    else:  # no restricted minute at all; the item is still named by the declaration made under A2
        assert [b for b in doc.blocks if getattr(b, "restricted", False)] == []
        assert "Ms E Martin declared an interest in Item D1 (Domestic Homicide Reviews" in text


def test_public_volume_holds_none(store, demo, planted, tmp_path):
    volume = build_volume(store, demo.committee_id, dt.date(2014, 1, 1), dt.date(2014, 12, 31), public=True)
    assert leaks(repr(volume)) == []
    assert leaks(all_text(write_volume(volume, tmp_path / "volume.docx"))) == []


def test_signed_public_notes_hold_none(store, demo, planted, tmp_path):
    from clerk.services.signoff import approve_previous

    approve_previous(store, demo.next_meeting_id)
    assert leaks(all_text(write_notes(build_notes(store, planted, public=True), tmp_path / "p.docx"))) == []
    assert leaks(all_text(write_notes(build_notes(store, planted), tmp_path / "f.docx"))) == IN_FULL_NOTES
    from clerk.models import SignOff

    with store.read() as s:
        frozen = s.exec(select(SignOff).where(SignOff.meeting_id == planted)).one()
    assert leaks(frozen.snapshot_public) == [] and leaks(frozen.snapshot_full)


def test_the_cli_public_exports_and_pdf_hold_none(store, demo, planted, tmp_path, capsys):
    db = str(store.target.path)
    assert main(["--db", db, "export", "notes", str(planted), "--public", "--out", str(tmp_path / "n.docx")]) == 0
    assert (
        main(["--db", db, "export", "volume", "-c", "Kent", "--year", "2014", "--public", "--out", str(tmp_path / "v.docx")]) == 0
    )
    assert leaks(all_text(tmp_path / "n.docx")) == [] and leaks(all_text(tmp_path / "v.docx")) == []
    from exports.pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    assert main(["--db", db, "export", "notes", str(planted), "--public", "--pdf", "--out", str(tmp_path / "n.pdf")]) == 0
    text = subprocess.run(["pdftotext", str(tmp_path / "n.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Exempt under paragraph 1" in " ".join(text.split())
    assert leaks(text) == []


def test_the_public_agenda_and_record_hold_none(store, demo, planted, tmp_path, capsys):
    from clerk.documents import build_agenda
    from clerk.services.agenda import update_item
    from exports.agenda import write_agenda

    assert leaks(all_text(write_agenda(build_agenda(store, planted), tmp_path / "a.docx"))) == []
    db = str(store.target.path)
    assert main(["--db", db, "export", "record", str(planted), "--public", "--out", str(tmp_path / "p.json")]) == 0
    record = (tmp_path / "p.json").read_text()
    assert record.splitlines()[1] == ' "restricted_text": false,' and leaks(record) == []
    assert stored("declaration.interest") not in record and stored("declaration.participation") not in record
    assert "Domestic Homicide Reviews" in record
    # the line under a restricted item is printed when, and only when, the clerk makes it public
    meeting = demo.next_meeting_id
    item = agenda.add_item(store, meeting, "D", "Domestic Homicide Reviews", exempt_paragraph=1, note=CANARIES["agendaitem.note"])
    assert leaks(all_text(write_agenda(build_agenda(store, meeting), tmp_path / "b.docx"))) == []
    update_item(store, item.id, note_public=True)
    assert leaks(all_text(write_agenda(build_agenda(store, meeting), tmp_path / "c.docx"))) == ["agendaitem.note"]


def test_the_public_pack_holds_none(store, demo, planted, tmp_path):
    """The next meeting's public pack: its front sheet and the held meeting's public notes."""
    from clerk.cli.publishing import build_pack
    from exports.pdf import find_soffice

    agenda.add_item(
        store,
        demo.next_meeting_id,
        "D",
        "Domestic Homicide Reviews",
        exempt_paragraph=1,
        note=CANARIES["agendaitem.note"],
        presenter=CANARIES["agendaitem.presenter"],
    )
    result = build_pack(store, demo.next_meeting_id, tmp_path / "pack.pdf")
    if find_soffice() is None:
        assert leaks(all_text(result.path)) == []
        return
    text = subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Domestic Homicide Reviews" in text and "Exempt under paragraph 1" in " ".join(text.split())
    assert leaks(text) == []


def test_the_action_log_papers_hold_none(store, demo, planted, tmp_path, capsys):
    """Minute 73's planted action (restricted, with a canary in every field) stays out of the
    matters-arising paper and the chasing report, and out of `clerk actions` unless asked for."""
    from clerk.documents.actions import build_chase, build_matters_arising
    from clerk.services import actions
    from clerk.services.agenda_standard import add_extra_standard_item
    from exports.actions import write_actions

    planted_action = next(r for r in actions.list_actions(store) if r.restricted)
    actions.note_action(store, planted_action.id, CANARIES["action.progress"])
    add_extra_standard_item(store, demo.next_meeting_id, "matters_arising")
    paper = build_matters_arising(store, demo.next_meeting_id)
    assert leaks(repr(paper)) == [] and paper.tables[0].rows  # the public actions are there
    assert leaks(all_text(write_actions(paper, tmp_path / "paper.docx"))) == []
    assert leaks(all_text(write_actions(build_chase(store), tmp_path / "chase.docx"))) == []
    with_restricted = build_chase(store, restricted=True)
    assert with_restricted.restricted and "action.progress" in leaks(repr(with_restricted))  # the test has teeth
    db = str(store.target.path)
    capsys.readouterr()
    assert main(["--db", db, "actions"]) == 0
    assert leaks(capsys.readouterr().out) == []
    assert main(["--db", db, "actions", "--restricted"]) == 0
    assert "action.progress" in leaks(capsys.readouterr().out)


def test_a_restricted_item_carried_forward_keeps_its_history_off_the_public_agenda(store, demo, tmp_path):
    """D1 deferred on 8 July 2014 and taken onto the next agenda: its line of history is restricted
    as its note is; a restricted planned item's author is printed on neither agenda."""
    from clerk.documents import build_agenda
    from clerk.services import plan, plan_offers
    from exports.agenda import write_agenda

    m73 = next(m for m in minutes_of(store, demo.held_meeting_id) if m.number == 73)
    content.update_minute(store, m73.id, state="deferred")
    offer = next(o for o in plan_offers.offers(store, demo.next_meeting_id) if o.source == "deferred")
    plan_offers.take_offer(store, demo.next_meeting_id, offer.key)
    author = canary("planneditem.presenter")
    plan.plan_item(store, demo.committee_id, "2014-10-14", "Staffing review", section="D", exempt_paragraph=1, presenter=author)
    text = all_text(write_agenda(build_agenda(store, demo.next_meeting_id), tmp_path / "public.docx"))
    assert "Domestic Homicide Reviews" in text and "Staffing review" in text
    assert "Deferred from 8 July 2014, minute 73." not in text and author not in text


SEARCHED = [  # the canaries in fields the full-text index holds (clerk.search_index.SOURCES)
    "paragraph.text",
    "paragraph.text (resolution)",
    "paragraph.text (point)",
    "paragraph.text (restricted item under C)",
    "action.owner_name",
    "action.description",
    "attachment.filename",
    "agendaitem.note",
]


def test_search_finds_restricted_text_only_when_asked(store, demo, planted, capsys):
    from clerk.services.search import search

    assert set(SEARCHED) <= set(CANARIES)
    for query in ("canary*", "the", "homicide", "staffing"):
        hits = search(store, query, limit=500).hits
        assert leaks(repr(hits)) == [] and all(not h.restricted for h in hits)
    for name in SEARCHED:
        assert search(store, f'"{CANARIES[name]}"').hits == ()
        asked = search(store, f'"{CANARIES[name]}"', restricted=True).hits
        assert asked and all(h.restricted for h in asked), name
        assert any(CANARIES[name].lower() in h.snippet_text.lower().replace(" ", "-") for h in asked), name
    db = str(store.target.path)
    assert main(["--db", db, "search", "canary*", "--limit", "500"]) == 0
    assert capsys.readouterr().out == "Nothing found for “canary*”.\n"
    assert main(["--db", db, "search", "canary*", "--restricted", "--limit", "500"]) == 0
    out = capsys.readouterr().out
    assert "RESTRICTED: Minute 75 (paragraph), 8 July 2014" in out and "[CANARY" in out


def site_texts(folder) -> dict[str, str]:
    """Every file of a published site as text: a Word document's XML, a PDF's text, the rest as bytes."""
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix == ".docx":
            text = all_text(path)
        elif path.suffix == ".pdf":
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        else:
            text = path.read_bytes().decode("utf-8", "replace")
        out[str(path.relative_to(folder))] = text
    return out


@pytest.mark.parametrize("setting", ["summary", "omit"])
def test_the_published_site_holds_none(store, demo, planted, tmp_path, setting):
    """Every file `clerk publish` writes (pages, documents, reports, calendars, feeds, its own
    record of what it wrote), with a report on the restricted item whose name and text are canaries."""
    from docx import Document

    from clerk.services.committees import update_committee
    from clerk.services.reports import attach_report
    from exports.pdf import find_soffice

    update_committee(store, demo.committee_id, public_restricted=setting)
    for name, text, code in (
        (f"{CANARIES['attachment.filename']}.docx", CANARIES["attachment text"], "D1"),
        ("Community Trigger report.docx", "The Community Trigger criteria, as proposed.", "B1"),
    ):
        document = Document()
        document.add_paragraph(text)
        document.save(tmp_path / name)
        attach_report(store, planted, code, tmp_path / name)
    pdf = setting == "summary" and find_soffice() is not None  # the next meeting's public pack holds the planted notes
    site = tmp_path / "site"
    assert main(["--db", str(store.target.path), "publish", "--out", str(site), *(["--pdf"] if pdf else [])]) == 0
    texts = site_texts(site)
    assert {name: leaks(text) for name, text in texts.items() if leaks(text)} == {}
    # the test has teeth: the public record is there, with the public report and the restricted titles
    held = " ".join(texts["kcsp/2014-07-08/index.html"].split())
    assert "Staffing matter" in texts["search/index.js"] and "Community Trigger" in texts["search/index.js"]
    assert "The Community Trigger criteria, as proposed." in texts["kcsp/2014-07-08/b1-community-trigger-report.docx"]
    assert "Domestic Homicide Reviews" in held and "Staffing matter" in held
    assert ("Exempt under paragraph 1 of Part 1 of Schedule 12A" in held) == (setting == "summary")
    assert len([n for n in texts if n.startswith("kcsp/2014-07-08/")]) == (7 if pdf else 4)
    if pdf:
        pack = " ".join(texts["kcsp/2014-10-14/pack.pdf"].split())
        assert "Staffing matter" in pack and "Exempt under paragraph 1" in pack
