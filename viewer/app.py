"""The window's entry point: ``framing-viewer [FILE...] [--data-dir DIR] [--screenshot PATH]``.

``run(argv)`` wires everything top to bottom (Mu's ``run()``): options, the Qt application, the data
folder and library, the window and its controller, the files named on the command line, then the event
loop. ``open_window(data_folder, files)`` is the part the tests and benchmarks share with it.

Exports: ``run``, ``open_window``, ``listen_for_files``, ``build_parser``.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from html import escape
from pathlib import Path

SCREENSHOT_TIMEOUT_MS = 30_000  # give up on a --screenshot that never finishes drawing
EXIT_NO_LIBRARY = 2  # exit status when the library cannot be opened
EXIT_NO_DISPLAY = 2  # exit status when there is no screen for the window


def _has_display() -> bool:
    """False only where Qt would abort for want of a screen: Linux with no X or Wayland display named."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def data_dir_hint() -> str:
    """The data folder as the user would name it, for messages."""
    from .storage.paths import DATA_ENV

    return os.environ.get(DATA_ENV) or "the per-user data folder"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing-viewer",
        description="See how news outlets covered the same story. "
                    "'framing-viewer compare LEFT RIGHT' prints a comparison without a window.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="articles to add to the library; the first two are compared")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep the library here instead of the per-user data folder "
                             "(also: FRAMING_VIEWER_DATA)")
    parser.add_argument("--screenshot", metavar="PATH",
                        help="draw the window at a fixed size, save it as a PNG, and exit")
    parser.add_argument("--tab", choices=("pair", "story"),
                        help="open on this tab (default: the one the window was closed on)")
    parser.add_argument("--screenshot-size", metavar="WxH", default="",
                        help="the --screenshot's size: WIDTHxHEIGHT in pixels, or 'minimum' (default 1400x860)")
    return parser


def screenshot_size(value: str, window):
    """The QSize a --screenshot is drawn at: WINDOW_SIZE, 'minimum' (the window's smallest) or 'WxH'."""
    from PySide6.QtCore import QSize

    from .qt.window import WINDOW_SIZE

    if not value:
        return WINDOW_SIZE
    if value == "minimum":
        return window.minimumSizeHint()
    width, _, height = value.lower().partition("x")
    return QSize(int(width), int(height)).expandedTo(window.minimumSizeHint())


def open_window(data_folder: Path, files: list[str] = (), ask_fresh=None):
    """The library in ``data_folder``, the window over it and its controller; returns the controller.

    A QApplication must exist. The window is not shown; the first pair starts comparing at once.
    ``ask_fresh(error)``: asked when the library file cannot be used (``LibraryError``); True sets the old
    file aside and starts a fresh library, False (or no ``ask_fresh``) lets the error through, file untouched.
    """
    from PySide6.QtCore import QSettings

    from .qt.controller import Controller
    from .qt.documents import DocumentListModel
    from .qt.window import MainWindow
    from .storage.library import Library, LibraryError, set_aside
    from .storage.paths import window_settings_file

    notice = ""
    try:
        library = Library.open(data_folder)
    except LibraryError as error:
        if ask_fresh is None or not ask_fresh(error):
            raise
        kept = set_aside(data_folder)
        library = Library.open(data_folder)
        notice = (f"Started a fresh library: the old file could not be used ({escape(error.reason)}). "
                  f"It is kept unchanged as {escape(str(kept))}.")
    if library.read_only:
        notice = (f"The library {escape(str(library.path))} is read-only: you can read and compare its "
                  "articles, but nothing can be added, edited or removed.")
    model = DocumentListModel(library)
    window = MainWindow(model)
    settings = QSettings(str(window_settings_file(data_folder)), QSettings.Format.IniFormat)
    controller = Controller(library, model, window, settings)
    if library.created:
        controller.add_seeds()  # first launch: People's original on the left, a re-report on the right
    controller.restore_state()
    if notice:
        window.notify(notice, "error")
    if files:
        controller.import_paths(list(files), as_pair=True)
    return controller


def listen_for_files(controller, data_folder: Path):
    """Let later launches on the same data folder hand their files to this window (see ``qt.instance``)."""
    from .qt.instance import FileReceiver

    receiver = FileReceiver(data_folder, controller)
    receiver.received.connect(controller.take_handed_files)
    receiver.listen()
    return receiver


def _ask_fresh_library(error) -> bool:
    """Ask whether to start a fresh library, keeping the unusable file aside (True) or to quit (False)."""
    from PySide6.QtWidgets import QMessageBox

    from PySide6.QtCore import Qt

    box = QMessageBox(QMessageBox.Icon.Warning, "Framing Viewer",
                      f"The library cannot be used:\n\n{error}.\n\nIt has not been changed. Start a fresh, empty "
                      "library? The old file is kept beside it under a new name, to restore or inspect later.",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the path is the user's text, never markup
    return box.exec() == QMessageBox.StandardButton.Yes


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if not _has_display():
        if not args.screenshot:
            print("framing-viewer: no display to open the window on (DISPLAY is not set); "
                  "'framing-viewer compare LEFT RIGHT' works without one", file=sys.stderr)
            return EXIT_NO_DISPLAY
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no screen

    # Qt is imported only now: `framing-viewer compare` and --help never need a display.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .storage.paths import data_dir, library_file

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "framing-viewer"])
    app.setApplicationName("Framing Viewer")
    app.setOrganizationName("framing-viewer")
    app.setDesktopFileName("framing-viewer")
    from PySide6.QtGui import QIcon

    from .qt.theme import RESOURCES

    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "framing-viewer.svg")))

    from .storage.library import LibraryError

    folder = None
    window_lock = None
    try:
        folder = data_dir(args.data_dir)
        if not args.screenshot:
            from .qt.instance import WindowNotAnswering, claim_window

            try:
                window_lock = claim_window(folder, args.files)
            except WindowNotAnswering as error:
                print(f"framing-viewer: {error}", file=sys.stderr)
                return EXIT_NO_LIBRARY
            if window_lock is None:
                # A window is open on this library already: it has taken the files and come to the front.
                print("framing-viewer: handed to the window already open on this library", file=sys.stderr)
                return 0
        controller = open_window(folder, args.files, ask_fresh=None if args.screenshot else _ask_fresh_library)
    except LibraryError as error:
        print(f"framing-viewer: cannot open the library {error}", file=sys.stderr)
        return EXIT_NO_LIBRARY
    except (OSError, sqlite3.Error) as error:
        # A folder that cannot be created or a library file that is not a database: say which and why,
        # and touch nothing (the file is left as it is for the user to move or restore).
        where = library_file(folder) if folder else args.data_dir or data_dir_hint()
        message = f"cannot open the library {where}: {error}"
        print(f"framing-viewer: {message}", file=sys.stderr)
        if not args.screenshot:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "Framing Viewer", message[0].upper() + message[1:] + ".")
        return EXIT_NO_LIBRARY
    window = controller.window
    if args.tab:
        window.views.setCurrentIndex(("pair", "story").index(args.tab))

    if args.screenshot:
        from .qt import silence_size_hint_warnings

        silence_size_hint_warnings()
        # A fixed size whatever the saved geometry, so pictures made on different days compare by eye.
        try:
            size = screenshot_size(args.screenshot_size, window)
        except ValueError:
            print(f"framing-viewer: --screenshot-size {args.screenshot_size} is not WIDTHxHEIGHT or 'minimum'",
                  file=sys.stderr)
            return EXIT_NO_DISPLAY
        window.resize(size)
        window.show()
        result = {"status": 1}

        def save():
            app.processEvents()
            window.links.repaint()
            image = window.grab()
            result["status"] = 0 if image.save(args.screenshot, "PNG") else 1
            if result["status"]:
                print(f"framing-viewer: could not write {args.screenshot}", file=sys.stderr)
            app.quit()

        controller.when_idle(lambda: QTimer.singleShot(100, save))
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, app.quit)
        app.exec()
        controller.shutdown()  # share bars may still be comparing: let them end before anything is freed
        controller.library.close()
        return result["status"]

    receiver = listen_for_files(controller, folder)
    window.show()
    status = app.exec()
    receiver.close()
    controller.shutdown()
    controller.library.close()
    window_lock.unlock()  # the next launch on this library may open its window now
    return status
