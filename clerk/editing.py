"""Helpers for the minute editor, on the lines the clerk is typing: the label each
paragraph will print with ((1), (2), (a) …, as ``clerk.body`` numbers them), and where a
new block (a resolution) goes."""

from __future__ import annotations

from collections.abc import Sequence

from .body import number, parse
from .models import ParagraphKind


def blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(first row, last row) of every paragraph block: lines between blank lines."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for row, line in enumerate(lines):
        if line.strip():
            if start is None:
                start = row
        elif start is not None:
            out.append((start, row - 1))
            start = None
    if start is not None:
        out.append((start, len(lines) - 1))
    return out


def line_labels(lines: Sequence[str], numbered: bool = True, resolutions_numbered: bool = False) -> list[str]:
    """For every line, the label its paragraph prints with where the paragraph starts there:
    "(1)", "(a)", "RESOLVED" for a resolution ("(5)" when the committee numbers them), "" elsewhere."""
    labels = [""] * len(lines)
    starts: list[int] = []  # the row each parsed paragraph starts on
    paras = []
    for first, last in blocks(lines):
        block = list(lines[first : last + 1])
        parsed = parse("\n".join(block), numbered)
        if not parsed:
            continue
        starts.append(first)
        points_seen = 0
        for k in range(1, len(block)):
            points = sum(1 for p in parse("\n".join(block[: k + 1]), numbered) if p.kind is ParagraphKind.POINT)
            if points > points_seen:
                starts.append(first + k)
                points_seen = points
        paras.extend(parsed)
    for row, item in zip(starts, number(paras, resolutions_numbered), strict=False):
        labels[row] = item.label or ("RESOLVED" if item.kind is ParagraphKind.RESOLUTION else "")
    return labels


def label_at(lines: Sequence[str], row: int, numbered: bool = True, labels: Sequence[str] | None = None) -> str:
    """The label of the paragraph the cursor is in ("" when it has none); ``labels`` are the
    lines' labels when the caller has them already."""
    labels = line_labels(lines, numbered) if labels is None else labels
    for r in range(min(row, len(lines) - 1), -1, -1):
        if not lines[r].strip():
            return ""
        if labels[r]:
            return labels[r]
    return ""


def new_block_at(lines: Sequence[str], row: int) -> tuple[tuple[int, int], str]:
    """Where a new paragraph goes when the cursor is on ``row`` (after the paragraph the
    cursor is in), and the line breaks to insert before it."""
    if not any(line.strip() for line in lines):
        return (0, 0), ""
    row = max(0, min(row, len(lines) - 1))
    if not lines[row].strip():
        # on a blank line: write here, with a blank line before it if the line above has text
        before = row > 0 and bool(lines[row - 1].strip())
        return (row, 0), "\n" if before else ""
    end = row
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    return (end, len(lines[end])), "\n\n"
