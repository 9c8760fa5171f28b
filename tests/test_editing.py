"""The editor's helpers: the label each paragraph will print with, and where a new block goes."""

from __future__ import annotations

from clerk.editing import blocks, label_at, line_labels, new_block_at

TEXT = [
    "Andy Rabey updated the Partnership.",
    "More of the same paragraph.",
    "",
    "The Partnership agreed to:",
    "- note the progress",
    "carried on",
    "- write to East Sussex",
    "",
    "RESOLVED that the report be noted.",
    "",
    "Members thanked him.",
]


def test_paragraphs_get_the_labels_they_print_with():
    assert blocks(TEXT) == [(0, 1), (3, 6), (8, 8), (10, 10)]
    assert line_labels(TEXT) == ["(1)", "", "", "(2)", "(a)", "", "(b)", "", "RESOLVED", "", "(3)"]
    assert [label_at(TEXT, r) for r in (1, 5, 7, 10)] == ["(1)", "(a)", "", "(3)"]
    assert line_labels(["One paragraph only."]) == [""]  # a lone paragraph is not numbered


def test_a_new_block_goes_after_the_paragraph_of_the_cursor():
    assert new_block_at(TEXT, 4) == ((6, len(TEXT[6])), "\n\n")
    assert new_block_at(TEXT, 2) == ((2, 0), "\n")
    assert new_block_at([""], 0) == ((0, 0), "")
    assert new_block_at(["a", "", ""], 2) == ((2, 0), "")
