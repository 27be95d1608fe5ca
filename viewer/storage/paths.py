"""Where Framing Viewer keeps its files: one per-user data folder, overridable for tests and portable use.

The folder is ``platformdirs.user_data_dir("framing-viewer")`` unless the ``FRAMING_VIEWER_DATA``
environment variable or the window's ``--data-dir`` option names another one (the option wins).

Exports: ``APP_NAME``, ``DATA_ENV``, ``data_dir``, ``library_file``, ``window_settings_file``,
``originals_folder``, ``make_folder``.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import platformdirs

APP_NAME = "framing-viewer"
DATA_ENV = "FRAMING_VIEWER_DATA"  # environment variable: a folder that replaces the per-user data folder


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The data folder (created if missing): ``override``, else ``$FRAMING_VIEWER_DATA``, else per-user."""
    chosen = override or os.environ.get(DATA_ENV) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    return make_folder(Path(chosen).expanduser())


def make_folder(folder: Path) -> Path:
    """``folder``, created if missing; a file in its place raises ``NotADirectoryError`` saying so (mkdir alone
    would only say "File exists")."""
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def library_file(folder: Path) -> Path:
    """The SQLite database that holds the documents."""
    return folder / "library.sqlite3"


def window_settings_file(folder: Path) -> Path:
    """The INI file where the window remembers its geometry, splitters, last pair and toggles."""
    return folder / "window.ini"


def originals_folder(folder: Path) -> Path:
    """Where the library keeps each imported original, content-addressed (``originals/ab/abcdef….html``)."""
    return folder / "originals"
