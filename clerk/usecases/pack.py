"""Building the agenda pack: the front sheet built once from the record, the previous meeting's
public notes and the chosen reports gathered, handed to ``assemble`` (the pack writer the
composition root passes in), and the public pack's page ranges stored back on the agenda.

Three packs: the public one (restricted reports left out, their items still listed), the
restricted one (only those reports, marked not for publication) and the supplement (reports
that were "to follow", with their own front sheet; the main pack is not renumbered).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from ..documents import build_agenda, build_notes
from ..documents.pack import NOT_FOR_PUBLICATION, PACK_KINDS, PackDoc, PackPart
from ..errors import InvalidInput
from ..files import check_writable, files_dir, output_path
from ..wording import item_label

Progress = Callable[[str, int, int], None]

if TYPE_CHECKING:
    from ..services.reports import Report
    from ..storage import Store


class Assembled(Protocol):
    """What the pack writer returns: at least the pages of each agenda item in the pack."""

    @property
    def ranges(self) -> dict[int, tuple[int, int]]: ...


_Result = TypeVar("_Result", bound=Assembled)
# assemble(pack, out, cache=..., progress=...) -> a result with .ranges (item id → pages)
Assembler = Callable[..., _Result]


def build_pack(
    store: Store,
    meeting_id: int,
    out: Path | str,
    assemble: Assembler[_Result],
    *,
    kind: str = "public",
    progress: Progress | None = None,
) -> _Result:
    """``kind``: "public", "restricted" or "supplement". Returns what ``assemble`` returns."""
    from ..services.reports import set_page_ranges

    out = check_writable(
        output_path(out, ".pdf", hint="the pack is a PDF; name a .pdf file"), elsewhere="choose another place to save the pack"
    )
    pack = gather(store, meeting_id, kind)
    result = assemble(pack, out, cache=files_dir(store.target.path) / "pdf-cache", progress=progress)
    if kind == "public" and result.ranges:
        set_page_ranges(store, meeting_id, result.ranges)
    return result


def gather(store: Store, meeting_id: int, kind: str) -> PackDoc:
    """The pack's data: its front sheet, then its parts in order, report files ready to read."""
    from ..services.agenda import list_items
    from ..services.reports import report_file

    chosen = _chosen_reports(store, meeting_id, kind)
    only = {r.item_id for r in chosen}
    if kind == "public":
        front = build_agenda(store, meeting_id)
    elif kind == "restricted":
        front = build_agenda(store, meeting_id, only=only, title=f"AGENDA: RESTRICTED ITEMS ({NOT_FOR_PUBLICATION})")
    else:
        front = build_agenda(store, meeting_id, only=only, title="SUPPLEMENTARY AGENDA")
    parts = [_previous_notes(store, meeting_id), _matters_arising(store, meeting_id, only)] if kind == "public" else []
    for r in chosen:
        path = report_file(store, r)
        parts.append(
            PackPart(r.code, r.code, f"{item_label(r.code)} {r.title}", r.group, r.item_id, path=path, is_pdf=r.kind == "pdf")
        )
    order = {row.id: n for n, row in enumerate(list_items(store, meeting_id))}
    found = sorted((p for p in parts if p is not None), key=lambda p: order.get(p.item_id, len(order)))
    return PackDoc(kind, front, tuple(found))


def _matters_arising(store: Store, meeting_id: int, reported: set[int]) -> PackPart | None:
    """The "Action log / matters arising" item's paper, made from the action log when the
    clerk has not attached one of their own."""
    from ..documents.actions import build_matters_arising
    from ..services.agenda import list_items
    from ..wording_actions import MATTERS_ARISING_KEY

    item = next((r for r in list_items(store, meeting_id) if r.standard == MATTERS_ARISING_KEY and r.parent_id is None), None)
    if item is None or item.id in reported:
        return None
    paper = build_matters_arising(store, meeting_id)
    return PackPart(
        f"actions-{item.code}", item.code, f"{item_label(item.code)} {item.title}", item.group, item.id, actions=paper
    )


def _chosen_reports(store: Store, meeting_id: int, kind: str) -> list[Report]:
    from ..services.reports import reports

    if kind not in PACK_KINDS:
        raise InvalidInput(f"'{kind}' is not a pack; build the public, restricted or supplement pack.")
    every = reports(store, meeting_id)
    if kind == "public":
        return [r for r in every if not r.restricted and not r.to_follow]
    if kind == "restricted":
        chosen = [r for r in every if r.restricted]
        if not chosen:
            raise InvalidInput("No restricted item has a report yet; there is no restricted pack to build.")
        return chosen
    chosen = [r for r in every if r.to_follow and not r.restricted]
    if not chosen:
        raise InvalidInput("No item marked to follow has its report yet; there is no supplement to build.")
    return chosen


def _previous_notes(store: Store, meeting_id: int) -> PackPart | None:
    """Item A3's part: the public notes of the previous meeting, when it was minuted."""
    from ..services.agenda import list_items
    from ..services.agenda_standard import previous_meeting_of
    from ..services.meetings import list_meetings

    previous = previous_meeting_of(store, meeting_id)
    a3 = next((r for r in list_items(store, meeting_id) if r.standard == "previous_notes"), None)
    if previous is None or a3 is None:
        return None
    minuted = {r.id for r in list_meetings(store, previous.committee_id) if r.minute_count}
    if previous.id not in minuted:
        return None
    return PackPart(
        "notes", a3.code, f"{item_label(a3.code)} {a3.title}", a3.group, a3.id, notes=build_notes(store, previous.id, public=True)
    )
