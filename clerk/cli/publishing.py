"""The use cases of ``clerk.usecases`` joined to the writers of ``exports``: what the command
line and the app's dialogs call to export a document or build the agenda pack."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from exports.jobs import write_document
from exports.pack import PackResult, assemble

from ..storage import Store
from ..usecases.export import ExportChoice, export
from ..usecases.pack import build_pack as build_pack_of

__all__ = ["ExportChoice", "PackResult", "build_pack", "export_document"]


def export_document(
    store: Store,
    choice: ExportChoice,
    progress: Callable[[str], None] | None = None,
    *,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Export ``choice`` (Word, or PDF through LibreOffice); returns the path written."""
    return export(store, choice, write_document, progress, warn=warn)


def build_pack(
    store: Store,
    meeting_id: int,
    out: Path | str,
    *,
    kind: str = "public",
    progress: Callable[[str, int, int], None] | None = None,
) -> PackResult:
    """Build the ``kind`` pack of the meeting at ``out``; the public pack's page ranges are stored."""
    from ..config import data_dir

    # LibreOffice's private profile, kept between builds (it starts faster with one it has used)
    pack_writer = partial(assemble, profile=data_dir() / "libreoffice")
    return build_pack_of(store, meeting_id, out, pack_writer, kind=kind, progress=progress)
