"""A journalist's pass over a wire story and its rewrite in the window: who said each quote on hover, and
a reader's speaker where the engine names nobody."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog

from .conftest import wait_idle
from .test_corrections_window import place_cursor
from .test_speaker_tooltip import hover

PAIRS = Path(__file__).parents[1] / "engine" / "news_pairs"


def test_hover_names_speakers_and_a_readers_speaker_replaces_nobody(open_app, qtbot, monkeypatch):
    """On the Daily Mail rewrite, a split quote's halves name Lydia Harmon and the headline's quote nobody;
    setting its speaker makes the hover name her as the reader's correction, and undo takes it back."""
    controller = open_app([PAIRS / "fed_dailymail.txt", PAIRS / "fed_reuters.txt"])
    window = controller.window
    pane = window.left
    text = pane.text
    assert text.startswith("Fed official slams door")
    assert hover(qtbot, pane, text.index("But the job is not done")) == "Said by Lydia Harmon"
    assert hover(qtbot, pane, text.index("would rather be late")) == ""  # headline: nobody named
    place_cursor(pane, text.index("would rather be late"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Lydia Harmon", True))
    controller.corrections.speaker_action.trigger()
    wait_idle(qtbot, controller)
    tip = hover(qtbot, window.left, text.index("would rather be late"))
    assert "Lydia Harmon" in tip and "correction" in tip.lower()  # the reader's, marked as such
    window.undo_action.trigger()
    wait_idle(qtbot, controller)
    assert hover(qtbot, window.left, text.index("would rather be late")) == ""
