"""What a clerk types for a declaration's kind of interest and for what the member then did,
read into the keys stored (``clerk.wording.INTERESTS`` and ``PARTICIPATION``), the same way
for the live screen and ``clerk declare``."""

from __future__ import annotations

from ..errors import InvalidInput
from ..wording import INTERESTS

# the choices offered, as typed back: the Act's words, and what the member did
INTEREST_CHOICES = {key: words.split(" ", 1)[1] for key, words in INTERESTS.items()}
PARTICIPATION_CHOICES = {"left": "left the room", "no_part": "took no part", "dispensation": "spoke under a dispensation"}
STAYED = "stayed"  # the member took part: nothing said
SHORT = {
    "disclosable_pecuniary": ("dpi", "pecuniary", "1"),
    "other_registrable": ("ori", "other", "registrable", "2"),
    "non_registrable": ("nri", "non", "non registrable", "3"),
    "left": ("l", "left", "left the room"),
    "no_part": ("n", "no part", "none"),
    "dispensation": ("d", "dispensation", "spoke"),
}


def _words(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


def _key(text: str, choices: dict[str, str], what: str, blank: tuple[str, ...]) -> str:
    typed = _words(text)
    if typed in blank:
        return ""
    for key, label in choices.items():
        if typed in (_words(key), _words(label), *SHORT[key]):
            return key
    said = [label.lower() for label in choices.values()] + ([blank[1]] if blank[1] == STAYED else [])
    return _refused(text, what, said)


def _refused(text: str, what: str, said: list[str]) -> str:
    raise InvalidInput(f"“{text.strip()}” is not {what}; say {', '.join(said[:-1])} or {said[-1]}.")


def interest_key(text: str) -> str:
    """disclosable_pecuniary, other_registrable, non_registrable, or "" (not said)."""
    return _key(text, INTEREST_CHOICES, "a kind of interest", ("", "not said", "interest"))


def participation_key(text: str) -> str:
    """left, no_part, dispensation, or "" (the member stayed and took part)."""
    return _key(text, PARTICIPATION_CHOICES, "what the member did", ("", STAYED, "remained", "s"))
