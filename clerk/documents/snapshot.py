"""Signed notes are kept as they were signed: the document data is frozen to JSON at signing, and
every later export of those notes is made from it, whatever changes afterwards (a member's
name, the committee's settings)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..body import Numbered
from ..models import ParagraphKind
from .model import Appendix, Heading, MinuteBlock, NotesDoc


def _plain(value: object) -> object:
    if isinstance(value, Numbered):
        return {"label": value.label, "kind": str(value.kind), "text": value.text}
    if dataclasses.is_dataclass(value):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        out["__type"] = type(value).__name__
        return out
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def dump(notes: NotesDoc) -> str:
    return json.dumps(_plain(notes), ensure_ascii=False, sort_keys=True)


def load(text: str) -> NotesDoc:
    data = json.loads(text)
    data.pop("__type", None)
    blocks: list[Heading | MinuteBlock] = []
    for b in data["blocks"]:
        kind = b.pop("__type")
        if kind == "Heading":
            blocks.append(Heading(**b))
        else:
            b["paragraphs"] = tuple(Numbered(p["label"], ParagraphKind(p["kind"]), p["text"]) for p in b["paragraphs"])
            fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in b.items()}
            blocks.append(MinuteBlock(**fields))
    appendices = []
    for a in data["appendices"]:
        a.pop("__type", None)
        a["lines"] = tuple(a["lines"])
        a["path"] = Path(a["path"]) if a["path"] else None
        appendices.append(Appendix(**a))
    data["blocks"], data["appendices"] = tuple(blocks), tuple(appendices)
    data["attendance"] = tuple(tuple(x) for x in data["attendance"])
    data["marks"] = tuple(data["marks"])
    data["template"] = Path(data["template"]) if data["template"] else None
    data["meeting_date"] = dt.date.fromisoformat(data["meeting_date"]) if data["meeting_date"] else None
    data["signed_at"] = dt.datetime.fromisoformat(data["signed_at"]) if data["signed_at"] else None
    return NotesDoc(**data)
