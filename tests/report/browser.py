"""Headless Chromium (Debian's ``chromium`` package) for the report tests, with the network shut.

Tests that need it skip, saying why, where it is not installed; ``.ci/run`` installs it.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
BROWSER_TIMEOUT_S = 90  # a cold start on a busy 2-core machine takes several seconds


def chromium(page: Path, folder: Path, *actions: str) -> subprocess.CompletedProcess:
    """Run headless Chromium on a local file. Every host resolves to nothing but 127.0.0.1, so no request
    can leave the machine, and a test can watch a local server for the requests a page makes."""
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--hide-scrollbars", "--disable-extensions", "--disable-background-networking",
               "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", f"--user-data-dir={folder / 'chromium-profile'}",
               *actions, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=BROWSER_TIMEOUT_S)


def dump_dom(page: Path, folder: Path) -> str:
    """The page's DOM after loading, serialised by the browser (what it parsed, not what we wrote)."""
    result = chromium(page, folder, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def screenshot(page: Path, folder: Path, picture: Path, width: int = 1300, height: int = 2000) -> Path:
    result = chromium(page, folder, f"--screenshot={picture}", f"--window-size={width},{height}")
    assert result.returncode == 0 and picture.exists(), result.stderr[-2000:]
    return picture


@contextmanager
def watched_server():
    """A local HTTP server that records every path asked of it: ``with watched_server() as (url, asked)``."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()
