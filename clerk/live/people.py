"""People in the room, as the live screen lists them: a name typed parsed into its parts,
the people matching what is typed, and each person's line and mark."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InvalidInput
from ..models import AttendanceStatus, Role
from ..services.attendance import AttendanceRow
from ..services.common import clean_text

TITLE_WORDS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "cllr",
    "councillor",
    "prof",
    "professor",
    "sir",
    "dame",
    "rev",
    "revd",
    "lord",
    "lady",
    "acting",
    "chief",
    "superintendent",
    "supt",
    "inspector",
    "insp",
    "ch",
    "dci",
    "di",
    "ds",
    "acc",
    "det",
    "sgt",
    "pc",
    "commander",
    "assistant",
    "deputy",
    "constable",
}


def parse_name(text: str) -> dict[str, str]:
    """ "Ms A Gilmour", "Acting Chief Superintendent A. Rabey", "Mr P M Hill, OBE" → title,
    forenames, surname, honours."""
    text = " ".join(clean_text(text).split())
    name, _, honours = text.partition(",")
    words = name.split()
    if not words:
        raise InvalidInput("Type the person's name, such as Ms A Gilmour.")
    title: list[str] = []
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
        title.append(words.pop(0))
    return {"title": " ".join(title), "forenames": " ".join(words[:-1]), "surname": words[-1], "honours": honours.strip()}


# A word that makes what follows a name a job rather than a body ("Community Safety Manager").
ROLE_WORDS = {
    "officer",
    "manager",
    "director",
    "coordinator",
    "co-ordinator",
    "head",
    "executive",
    "clerk",
    "adviser",
    "advisor",
    "analyst",
    "lead",
    "secretary",
    "assistant",
    "consultant",
    "specialist",
    "solicitor",
    "lawyer",
    "treasurer",
    "administrator",
    "researcher",
    "chair",
    "chairman",
}
HONOURS = re.compile(r"^(?:[A-Z]{2,5})(?:\s+[A-Z]{2,5})*$")  # OBE, QPM, "CBE DL"


@dataclass(frozen=True)
class Line:
    """A line typed: the name's parts and what followed the name."""

    title: str
    forenames: str
    surname: str
    honours: str
    detail: str  # "Kent Police", "Scrutiny Research Officer"

    @property
    def name(self) -> str:
        name = " ".join(p for p in (self.title, self.forenames, self.surname) if p)
        return f"{name}, {self.honours}" if self.honours else name


@dataclass(frozen=True)
class Known:
    """A person in clerk, as shown beside the one typed."""

    person_id: int
    name: str
    about: str  # "member of the Partnership, present", "Community Safety Manager"


def parse_line(text: str) -> Line:
    """ "Ms C Gatward, Kent Police", "Mr P M Hill, OBE, Kent County Council" → the name and the detail."""
    text = " ".join(clean_text(text).split())
    name, *rest = [part.strip() for part in text.split(",")]
    honours = []
    while rest and HONOURS.match(rest[0]):
        honours.append(rest.pop(0))
    parts = parse_name(name)
    return Line(parts["title"], parts["forenames"], parts["surname"], ", ".join(honours), ", ".join(p for p in rest if p))


def looks_like_role(detail: str) -> bool:
    words = {w.strip(".()&").lower() for w in detail.replace("/", " ").split()}
    return bool(words & ROLE_WORDS)


def match_people(rows: list[AttendanceRow] | tuple[AttendanceRow, ...], query: str) -> list[AttendanceRow]:
    """People whose name (or role, or organisation) holds every word typed: "cole", "dav col"."""
    words = query.lower().split()
    if not words:
        return list(rows)
    out = []
    for r in rows:
        hay = f"{r.name} {r.job} {r.represents}".lower()
        if all(w in hay for w in words):
            out.append(r)
    # surnames that start with the query first: typing "co" puts Coleman before Nicolson
    return sorted(out, key=lambda r: (not r.surname.lower().startswith(words[0]), rows.index(r)))


def status_glyph(row: AttendanceRow) -> str:
    """One character for the attendance list."""
    if row.left_at is not None:
        return "←"
    return {
        None: "·",
        "present": "✓",
        "substitute": "S",
        "apologies": "A",
        "absent": "✗",
        "also_present": "+",
        "in_attendance": "i",
    }[row.status.value if row.status else None]


def describe(
    row: AttendanceRow,
    minute_numbers: dict[int, str] | None = None,
    *,
    chair_title: str = "Chairman",
    vice_chair_title: str = "Vice-Chairman",
) -> str:
    """ "Mr David Coleman (Vice-Chairman) – in the chair", "Ms S Davison – arrived 10.40, minute 67"."""
    numbers = minute_numbers or {}
    bits = []
    if row.status is AttendanceStatus.SUBSTITUTE and row.substitute_for:
        bits.append(f"for {row.substitute_for}")
    if row.status is AttendanceStatus.APOLOGIES:
        bits.append("apologies")
    if row.status is AttendanceStatus.ABSENT:
        bits.append("absent")
    if row.status is AttendanceStatus.ALSO_PRESENT:
        bits.append("also present")
    if row.status is AttendanceStatus.IN_ATTENDANCE:
        bits.append(row.job or "in attendance")
    if row.in_chair:
        bits.append("in the chair")
    for label, at, minute in (("arrived", row.arrived_at, row.arrived_minute_id), ("left", row.left_at, row.left_minute_id)):
        if at is not None:
            where = f", minute {numbers[minute]}" if minute in numbers else ""
            bits.append(f"{label} {at:%H.%M}{where}")
    role = {Role.CHAIR: f" ({chair_title})", Role.VICE_CHAIR: f" ({vice_chair_title})"}.get(row.role, "") if row.role else ""
    return f"{row.name}{role}" + (f" – {', '.join(bits)}" if bits else "")


def match_known(known: tuple[Known, ...] | list[Known], query: str, limit: int = 5) -> list[Known]:
    """Known people whose name (or role, or body) holds every word typed; surnames that
    start with the query first."""
    words = query.lower().replace(",", " ").split()
    if not words:
        return []
    hits = [k for k in known if all(w in f"{k.name} {k.about}".lower() for w in words)]
    return sorted(hits, key=lambda k: not k.name.lower().split()[-1].startswith(words[-1]))[:limit]


def reads_as_new_name(query: str, names: list[str]) -> bool:
    """A line that names someone in full ("Mrs A Taylor, Scrutiny Research Officer") and is
    nobody listed: adding it comes first."""
    name = query.split(",")[0].strip().lower()
    words = name.split()
    full = "," in query or (len(words) >= 2 and words[0].rstrip(".") in TITLE_WORDS)
    return full and all(n.lower().split(",")[0].strip() != name for n in names)
