"""``python -m bench``: run every ``bench/*_bench.py`` module's ``main()`` in name order.

Modules are found by file name, so a new benchmark (the window's, say) needs no registration here. One
module failing is reported and the others still run; the exit status is 1 when any failed.
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path


def main() -> int:
    failed = []
    for path in sorted(Path(__file__).resolve().parent.glob("*_bench.py")):
        name = f"bench.{path.stem}"
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(name).main()
        except Exception:  # one broken benchmark must not hide the others' tables
            traceback.print_exc()
            failed.append(name)
        print(f"--- {name}: {time.perf_counter() - started:.1f} s", flush=True)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
