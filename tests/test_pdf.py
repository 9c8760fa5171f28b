"""PDF with the real LibreOffice, and a plain message when it is not installed."""

from __future__ import annotations

import subprocess

import pytest

from clerk.cli import main
from exports.pdf import PdfUnavailable, docx_to_pdf, find_soffice


def test_without_libreoffice_the_message_is_plain(store, demo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLERK_SOFFICE", "none")
    with pytest.raises(PdfUnavailable, match="LibreOffice is not installed"):
        docx_to_pdf(tmp_path / "x.docx", tmp_path / "x.pdf")
    assert main(["--db", str(store.target.path), "export", "notes", "2014-07-08", "--pdf", "--out", str(tmp_path / "n.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt install libreoffice-writer-nogui" in err
    assert not (tmp_path / "n.pdf").exists()


def test_the_notes_as_pdf(store, demo, tmp_path, capsys):
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "notes.pdf"
    assert main(["--db", str(store.target.path), "export", "notes", "2014-07-08", "--pdf", "--out", str(out)]) == 0
    text = " ".join(
        subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    positions = [text.index(f"{n}. ") for n in range(64, 75)]
    assert positions == sorted(positions)
    assert text.index("PRIVATE SESSION") < text.index("73. Domestic Homicide Reviews")
    assert "Page 2" in text
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))) >= 4
