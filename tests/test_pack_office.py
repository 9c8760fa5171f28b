"""The pack's one LibreOffice, real: it converts document after document and closes with the
build; the pack comes out the same without the bridge (one LibreOffice start per batch); a
profile another build holds is left alone; the progress names what is being converted."""

from __future__ import annotations

import fcntl
import os

import pytest
from pypdf import PdfReader

from clerk.cli.publishing import build_pack
from clerk.config import data_dir
from clerk.demo import load_demo
from clerk.services import agenda
from clerk.services.reports import attach_report
from clerk.storage import Store
from exports.office import Office, uno_python
from exports.pdf import ConversionFailed, find_soffice

from .test_pack import page_texts, report_docx

REQUIRED = os.environ.get("CLERK_REQUIRE_SERVICES") == "1"
pytestmark = pytest.mark.skipif(find_soffice() is None and not REQUIRED, reason="LibreOffice is not installed")


def bridge(soffice: str) -> bool:
    """LibreOffice's Python bridge is there (Debian: python3-uno); required in CI."""
    import subprocess

    python = uno_python(soffice)
    found = python is not None and subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0
    if not found and not REQUIRED:
        pytest.skip("LibreOffice's Python bridge (python3-uno) is not installed")
    return found


def test_one_libreoffice_converts_each_document_then_closes(tmp_path):
    soffice = find_soffice()
    assert soffice and bridge(soffice)
    report_docx(tmp_path / "a.docx", "First report", 2)
    report_docx(tmp_path / "b.docx", "Second report", 3)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a Word document at all")
    with Office(soffice, tmp_path / "profile") as office:
        assert office.convert(tmp_path / "a.docx", tmp_path / "a.pdf")
        with pytest.raises(ConversionFailed, match=r"did not convert broken\.docx"):
            office.convert(tmp_path / "broken.docx", tmp_path / "broken.pdf")
        assert office.convert(tmp_path / "b.docx", tmp_path / "b.pdf")  # the same LibreOffice, still there
        worker = office.worker_pid
        office.close(wait=True)  # a build does not wait: LibreOffice closes while it joins the pack
    assert worker is not None
    with pytest.raises(ProcessLookupError):
        os.kill(worker, 0)  # closed, with its LibreOffice
    assert [len(PdfReader(tmp_path / f"{n}.pdf").pages) for n in "ab"] == [2, 3]
    assert (tmp_path / "profile" / "user").is_dir()  # kept for the next build


def small_pack(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    store = Store.open(folder / "clerk.db")
    meeting = load_demo(store).next_meeting_id
    for n, pages in ((1, 3), (2, 2)):
        agenda.add_item(store, meeting, "B", f"Report {n}")
        report_docx(folder / f"r{n}.docx", f"Report {n}", pages)
        attach_report(store, meeting, f"B{n}", folder / f"r{n}.docx")
    return store, meeting, folder


def test_the_pack_is_the_same_without_the_bridge_and_the_progress_names_each_document(tmp_path, monkeypatch):
    soffice = find_soffice()
    assert soffice and bridge(soffice)
    steps = []
    store, meeting, folder = small_pack(tmp_path, "warm")
    warm = build_pack(store, meeting, folder / "pack.pdf", progress=lambda *step: steps.append(step))
    store.close()
    names = [s for s, _done, _total in steps]
    assert names[:4] == [
        "Converting A3 Notes of meeting held on 8 July 2014 with LibreOffice",
        "Converting B1 Report 1 with LibreOffice",
        "Converting B2 Report 2 with LibreOffice",
        "Converting the front sheet with LibreOffice",
    ]
    assert names[-3:] == ["Joining, with bookmarks and page numbers", "Saving the pack", "Done"]
    assert [d for _s, d, _t in steps] == sorted(d for _s, d, _t in steps) and steps[-1][1] == steps[-1][2]

    monkeypatch.setenv("CLERK_UNO_PYTHON", "none")
    store, meeting, folder = small_pack(tmp_path, "cold")
    cold = build_pack(store, meeting, folder / "pack.pdf")
    store.close()
    assert cold.converted == warm.converted == ["notes", "B1", "B2", "front"]
    assert (cold.ranges, cold.pages) == (warm.ranges, warm.pages)
    assert page_texts(cold.path) == page_texts(warm.path)


def test_a_profile_another_build_holds_is_left_alone(tmp_path):
    soffice = find_soffice()
    assert soffice and bridge(soffice)
    profile = data_dir() / "libreoffice"
    profile.mkdir(parents=True)
    with (data_dir() / "libreoffice.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        store, meeting, folder = small_pack(tmp_path, "held")
        result = build_pack(store, meeting, folder / "pack.pdf")
        store.close()
    assert result.converted == ["notes", "B1", "B2", "front"]
    assert list(profile.iterdir()) == []  # a temporary profile was used
    texts = page_texts(result.path)
    first, _last = sorted(result.ranges.values())[1]
    assert texts[first - 1].startswith("Report 1")
