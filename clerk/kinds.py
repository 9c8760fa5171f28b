"""The fixed choices the record is made of: numbering schemes, agenda styles, roles, the states
of a meeting, an item and a minute. Importable from clerk.models as well."""

from __future__ import annotations

from enum import StrEnum


class NumberingScheme(StrEnum):
    CONTINUOUS = "continuous"  # 64-74, then 75 onwards (KCSP 2014)
    PER_MEETING = "per_meeting"  # 1-10 at every meeting (KCSP 2025)
    MUNICIPAL_YEAR = "municipal_year"  # restart each municipal year (May by default)


class AgendaStyle(StrEnum):
    LETTERED = "lettered"  # sections A–D, items A1, A2 … B7 (KCSP 2014–2018)
    NUMBERED = "numbered"  # items 1, 2, 3 … with no sections; minutes follow them (KCSP 2025)


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    SUBSTITUTE = "substitute"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"  # agenda published
    IN_PROGRESS = "in_progress"
    HELD = "held"
    SIGNED = "signed"  # notes approved and signed
    CANCELLED = "cancelled"


class ItemKind(StrEnum):
    STANDARD = "standard"  # no paper: Apologies, Declarations ...
    REPORT = "report"
    VERBAL = "verbal"
    TO_FOLLOW = "to_follow"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"  # present as substitute for another member
    ALSO_PRESENT = "also_present"
    IN_ATTENDANCE = "in_attendance"  # officers, with a role


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SUPERSEDED = "superseded"  # overtaken by events or by a later action


class MinuteState(StrEnum):
    TAKEN = "taken"
    WITHDRAWN = "withdrawn"
    DEFERRED = "deferred"


class ParagraphKind(StrEnum):
    TEXT = "text"
    RESOLUTION = "resolution"  # rendered with a bold RESOLVED
    POINT = "point"  # a lettered sub-point (a), (b) of the paragraph before it


SECTION_LETTERS = ("A", "B", "C", "D")
