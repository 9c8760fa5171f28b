"""The chasing report to a file: the output path checked, the document data built from the
action log, then handed to ``write`` (the Word writer the composition root passes in). The
command line and the app's action log both call ``export_chase``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..documents.actions import build_chase
from ..files import check_writable, output_path
from ..storage import Store

Writer = Callable[..., Path]  # write(data, out) -> the path written


def export_chase(
    store: Store,
    out: Path | str,
    write: Writer,
    *,
    owner: str | None = None,
    committee_id: int | None = None,
    restricted: bool = False,
) -> Path:
    path = check_writable(output_path(out, ".docx", hint="the chasing report is Word; name a .docx file"))
    return write(build_chase(store, owner=owner, committee_id=committee_id, restricted=restricted), path)
