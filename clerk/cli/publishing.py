"""The use cases of ``clerk.usecases`` joined to the writers of ``exports``: what the command
line and the app's dialogs call to export a document or build the agenda pack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from exports.actions import write_actions
from exports.jobs import write_document
from exports.table import table_csv, write_table

from ..documents.table import TableDoc
from ..errors import InvalidInput
from ..files import output_path, write_whole
from ..storage import Store
from ..usecases.actions import export_chase
from ..usecases.export import ExportChoice, export

if TYPE_CHECKING:
    from exports.pack import PackResult
    from exports.site import SiteResult

__all__ = ["ExportChoice", "build_pack", "export_document", "publish_site", "write_chase", "write_table_file"]


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
    """Build the ``kind`` pack of the meeting at ``out``; the public pack's page ranges are stored.
    The pack's writer (and pypdf) is imported here: an export does not need it."""
    from exports.pack import assemble

    from ..config import data_dir
    from ..usecases.pack import build_pack as build_pack_of

    # LibreOffice's private profile, kept between builds (it starts faster with one it has used)
    pack_writer = partial(assemble, profile=data_dir() / "libreoffice")
    return build_pack_of(store, meeting_id, out, pack_writer, kind=kind, progress=progress)


def write_table_file(table: TableDoc, out: Path | str) -> Path:
    """A table report as Word (.docx, the default when no extension is given) or CSV."""
    suffix = Path(out).suffix.lower()
    if suffix == ".csv":
        path = output_path(out, ".csv")
        data = table_csv(table)
        return write_whole(path, lambda tmp: tmp.write_bytes(data))
    if suffix not in (".docx", ""):
        raise InvalidInput(f"clerk writes {table.title.lower()}s as .docx or .csv, not {suffix}: choose another name.")
    return write_table(table, output_path(out, ".docx"))


def write_chase(
    store: Store, out: Path | str, *, owner: str | None = None, committee_id: int | None = None, restricted: bool = False
) -> Path:
    """The chasing report of open actions, in Word; returns the path written."""
    return export_chase(store, out, write_actions, owner=owner, committee_id=committee_id, restricted=restricted)


def publish_site(
    store: Store,
    out: Path | str,
    *,
    committee: str | None = None,
    start: dt.date | None = None,
    drafts: bool = False,
    pdf: bool = False,
    progress: Callable[[str], None] | None = None,
    now: dt.datetime | None = None,
) -> SiteReport:
    """The public record as a static website in ``out``: what changed is rewritten, the rest left."""
    from exports.pack import assemble
    from exports.site import write_site

    from ..config import data_dir
    from ..documents.site import build_site
    from ..files import files_dir
    from ..usecases.site import with_packs

    site = build_site(store, committee=committee, start=start, drafts=drafts)
    make_pack = None
    if pdf:  # the public packs too, converted as `clerk pack` converts them (its cache, its LibreOffice profile)
        site = with_packs(store, site)
        cache = files_dir(store.target.path) / "pdf-cache"
        make_pack = partial(assemble, cache=cache, profile=data_dir() / "libreoffice")
    result = write_site(site, Path(out), pdf=pdf, progress=progress, now=now, make_pack=make_pack)
    return SiteReport(result, site.problems)


@dataclass(frozen=True)
class SiteReport:
    result: SiteResult
    problems: tuple[str, ...]
