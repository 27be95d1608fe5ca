"""The window: the only package that imports PySide6.

Modules: ``theme`` (class colours from resources/theme.toml), ``documents`` (the document list model),
``panes`` (text panes and overview maps), ``linkmap`` (bands between the panes), ``scrollsync`` (keeps the
panes level), ``bars`` (notice, find and legend strips), ``workers`` (comparisons and imports off the GUI
thread), ``window`` (the main window's widgets and actions), ``controller`` (what the window's actions do to
the library and the comparison).

Importing the package also works around a PySide6 reference-counting bug (see ``_keep_singletons_alive``).
Exports: ``silence_size_hint_warnings``.
"""

import sys


def _keep_singletons_alive() -> None:
    """Work around PySide6 builds that drop a reference to ``None``, ``True`` or ``False`` on some calls.

    PySide6 6.12 on Python 3.11 returns ``None`` from void C++ methods (and the bools from some others)
    without taking a reference: harmless from Python 3.12, where these objects are immortal. On 3.11 every
    such call takes one reference away, and after some tens of thousands of calls Python aborts with "Fatal
    Python error: none_dealloc" (or bool_dealloc). We probe for the bug and, only if it is there, give the
    three objects 2**40 extra references: as good as immortal, and they are never freed anyway.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    from PySide6.QtCore import QObject, QPoint, Signal

    class Probe(QObject):
        flag = Signal(bool)

    point, probe = QPoint(), Probe()
    probe.flag.connect(lambda value: None)
    checks = (((None,), lambda: point.setX(1)),  # a void method
              ((True, False), lambda: (probe.flag.emit(True), probe.flag.emit(False))))  # a bool signal
    for singletons, call in checks:
        before = [sys.getrefcount(singleton) for singleton in singletons]
        for _ in range(10):
            call()
        if any(sys.getrefcount(singleton) < count for singleton, count in zip(singletons, before)):
            for singleton in singletons:
                ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_keep_singletons_alive()


def silence_size_hint_warnings() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" warning, printed once per
    window: it has no window manager to hint to, and the noise hides real messages (--screenshot, bench)."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(None)

    def handler(kind, context, text):
        if "propagateSizeHints" in text:
            return
        if previous is not None:
            previous(kind, context, text)
        else:
            print(text, file=sys.stderr)

    qInstallMessageHandler(handler)
