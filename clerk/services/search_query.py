"""What the clerk types in a search, read once and written for each database: words (all must be
found), "phrases" (the words in that order) and prefixes (trig* finds trigger and triggers).

Words are runs of letters and digits, as both indexes cut them (SQLite's unicode61, PostgreSQL's
simple configuration): "anti-social" is the phrase anti social. A query that cannot be read
gets one plain sentence (InvalidInput), never a database's syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InvalidInput

MAX_QUERY = 500  # characters
_WORD = re.compile(r"[^\W_]+")
_PIECE = re.compile(r'"([^"]*)"(\*?)|([^\s"]+)')

EXAMPLE = '"Community Trigger" or trig*'


@dataclass(frozen=True)
class Term:
    """One thing to find: a word, or words in a row (a phrase); the last one a prefix when
    ``prefix``."""

    words: tuple[str, ...]
    prefix: bool = False


def _term(raw: str, prefix: bool) -> Term | None:
    if "*" in raw:
        raise InvalidInput(f"A * goes at the end of a word, to find the words starting with it ({EXAMPLE}).")
    words = tuple(w.lower() for w in _WORD.findall(raw))
    if not words:
        return None
    if prefix and len(words[-1]) < 2:
        raise InvalidInput("A * needs two letters or more before it (tr* finds trigger, training and transport).")
    return Term(words, prefix)


def parse(query: str) -> tuple[Term, ...]:
    """The terms of ``query``; InvalidInput when there is nothing to find or it cannot be read."""
    query = query.strip()
    if len(query) > MAX_QUERY:
        raise InvalidInput(f"The search is too long ({len(query)} characters); {MAX_QUERY} at most.")
    if query.count('"') % 2:
        raise InvalidInput(
            'The search has a quote mark with no closing one: put a phrase between two, as in "Community Trigger".'
        )
    terms: list[Term] = []
    for match in _PIECE.finditer(query):
        phrase, star, bare = match.groups()
        if bare is not None:
            stars = len(bare) - len(bare.rstrip("*"))
            if stars > 1:
                raise InvalidInput(f"One * is enough at the end of a word ({EXAMPLE}).")
            term = _term(bare[: len(bare) - stars], bool(stars))
            if term is None and stars:
                raise InvalidInput(f"A * goes at the end of a word, to find the words starting with it ({EXAMPLE}).")
        else:
            term = _term(phrase, bool(star))
        if term is not None and term not in terms:
            terms.append(term)
    if not terms:
        raise InvalidInput(f"Type the words to search for, such as {EXAMPLE}.")
    return tuple(terms)


def fts5(terms: tuple[Term, ...]) -> str:
    """SQLite FTS5's MATCH expression: every word quoted, so none is read as an operator."""
    return " ".join('"' + " ".join(t.words) + '"' + ("*" if t.prefix else "") for t in terms)


def tsquery(terms: tuple[Term, ...]) -> str:
    """PostgreSQL's to_tsquery text: terms joined by &, a phrase's words by <->, a prefix :*."""

    def one(t: Term) -> str:
        words = [f"'{w}'" for w in t.words]
        if t.prefix:
            words[-1] += ":*"
        joined = " <-> ".join(words)
        return f"({joined})" if len(words) > 1 else joined

    return " & ".join(one(t) for t in terms)
