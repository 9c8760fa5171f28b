"""The form for one agenda item (title, section, presenter, paper, restricted, pages, the line
under it), and what its answers mean to the agenda service."""

from __future__ import annotations

from typing import Any

from clerk.wording import exempt_paragraph, page_range, page_range_text

from .forms import Field

KINDS = [("Report", "report"), ("Verbal", "verbal"), ("To follow", "to_follow"), ("Standard (no paper)", "standard")]
SECTIONS = [("A", "A"), ("B", "B"), ("C", "C"), ("D (restricted)", "D")]


def item_fields(row: Any = None, section: str = "B", sub: bool = False, numbered: bool = False) -> list[Field]:
    """``numbered``: the committee numbers its items 1, 2, 3 … without sections, so none is asked."""
    pages = page_range_text(row.page_from, row.page_to) if row is not None else ""
    fields = [Field("title", "Title", row.title if row else "")]
    if row is None and not sub and not numbered:
        fields.append(Field("section", "Section", section, kind="choice", choices=SECTIONS))
    fields += [
        Field("presenter", "Presenter / author", row.presenter if row else ""),
        Field("kind", "Paper", row.kind.value if row else ("standard" if sub else "report"), kind="choice", choices=KINDS),
        Field("restricted", "Restricted", row.restricted if row else section == "D", kind="check"),
        Field("paragraph", "Schedule 12A paragraph", row.exempt_paragraph or "" if row else "", placeholder="1 to 7"),
        Field("pages", "Pages in the pack", pages, placeholder="9-36"),
        Field("note", "Line under the item", row.note if row else ""),
        Field("note_public", "Line shown in public", row.note_public if row else False, kind="check"),
    ]
    return fields


def item_values(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        k: values[k] for k in ("title", "presenter", "kind", "restricted", "note", "note_public") if k in values
    }
    out["exempt_paragraph"] = exempt_paragraph(values.get("paragraph"), needed=False)
    out["page_from"], out["page_to"] = page_range(values.get("pages")) or (None, None)
    return out
