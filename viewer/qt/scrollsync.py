"""Keeps the two panes level: the counterpart of what one pane shows at its anchor line stays level in the other.

The numbers come from ``viewer.engine.sync``; this class only reads one pane's anchor offset and scrolls
the other. A re-entry guard (Meld's ``with_scroll_lock``) stops the second pane's scroll from echoing back
into the first, which would otherwise make the panes creep or oscillate.

Exports: ``ScrollSync``.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QObject

from ..engine.sync import SyncMap, sync_maps
from .panes import TextPane


class ScrollSync(QObject):
    def __init__(self, left: TextPane, right: TextPane, parent: QObject | None = None):
        super().__init__(parent)
        self.left, self.right = left, right
        self.enabled = True
        self._maps: tuple[SyncMap, SyncMap] | None = None
        self._locked = False
        left.verticalScrollBar().valueChanged.connect(self.on_left_scrolled)
        right.verticalScrollBar().valueChanged.connect(self.on_right_scrolled)

    def set_comparison(self, comparison) -> None:
        self._maps = sync_maps(comparison) if comparison is not None else None

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self.on_left_scrolled()

    @contextmanager
    def locked(self):
        """Scroll panes without the other following (navigation that places both panes itself)."""
        previous, self._locked = self._locked, True
        try:
            yield
        finally:
            self._locked = previous

    def on_left_scrolled(self, *_) -> None:
        self._follow(self.left, self.right, 0)

    def on_right_scrolled(self, *_) -> None:
        self._follow(self.right, self.left, 1)

    def _follow(self, source: TextPane, target: TextPane, direction: int) -> None:
        if self._locked or not self.enabled or self._maps is None or not source.text or not target.text:
            return
        with self.locked():
            source_bar, target_bar = source.verticalScrollBar(), target.verticalScrollBar()
            # Both ends exactly: the top of one text shows the top of the other (the arithmetic alone would
            # be off by the document margin there), and likewise the end.
            if source_bar.value() == 0:
                target_bar.setValue(0)
                return
            if source_bar.value() == source_bar.maximum():
                target_bar.setValue(target_bar.maximum())
                return
            anchor_y = source.anchor_y()
            offset = source.offset_at_content_y(source.verticalScrollBar().value() + anchor_y)
            target.scroll_to_offset(self._maps[direction].counterpart(offset), anchor_y)
