"""The command line's side of the reader's corrections; no Qt.

``framing-viewer compare LEFT RIGHT --library [--data-dir DIR]`` applies the corrections the library holds
for the pair (found by the texts' content hashes, so the files need not have been imported from there)
and says so. ``framing-viewer corrections export FILE`` / ``corrections import FILE`` share them.

Exports: ``add_compare_options``, ``apply_library_corrections``, ``corrections_lines``, ``add_parser``,
``run``.
"""

from __future__ import annotations

import argparse
import sys

EXIT_FAILED = 1


def add_compare_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", action="store_true",
                        help="apply the reader's corrections the library holds for this pair")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the library's folder, as for the window (also: FRAMING_VIEWER_DATA)")


def _open_library(data_dir: str | None, read_only: bool):
    """The library, or None after printing one line that says why it cannot be opened."""
    from .storage.library import Library, LibraryError
    from .storage.paths import data_dir as find_data_dir

    try:
        return Library.open(find_data_dir(data_dir), read_only=read_only)
    except LibraryError as error:
        print(f"framing-viewer: cannot open the library {error}", file=sys.stderr)
    except OSError as error:
        print(f"framing-viewer: cannot open the library folder: {error}", file=sys.stderr)
    return None


def apply_library_corrections(args: argparse.Namespace, result):
    """``result`` with the library's corrections for its pair applied (unchanged without ``--library``);
    None when the library cannot be opened (the reason is printed)."""
    if not getattr(args, "library", False):
        return result
    from .engine.corrections import apply_corrections
    from .storage.corrections import corrections_for
    from .storage.library import content_hash
    from .storage.paths import library_file, data_dir as find_data_dir

    corrections = []
    if library_file(find_data_dir(args.data_dir)).exists():  # no library yet: no corrections, none created
        library = _open_library(args.data_dir, read_only=True)
        if library is None:
            return None
        try:
            corrections = [item.correction for item in corrections_for(
                library, content_hash(result.left.document.text), content_hash(result.right.document.text))]
        finally:
            library.close()
    corrected = apply_corrections(result, corrections)
    if corrected is result:  # none for this pair: the JSON still says every passage is the engine's
        from .engine.corrections import CorrectedComparison

        corrected = CorrectedComparison(result.left, result.right, result.passages, result.quote_passages,
                                        result.settings)
    return corrected


def corrections_lines(result) -> list[str]:
    """What the text summary says about the reader's corrections (nothing for a plain comparison)."""
    corrections, stale = getattr(result, "corrections", None), getattr(result, "stale", ())
    if corrections is None:
        return []
    count = len(corrections)
    line = f"READER CORRECTIONS: {count} applied from the library" if count else \
        "READER CORRECTIONS: none in the library for this pair"
    lines = [line]
    for correction in corrections:
        lines.append(f"  - {correction.describe()}")
    if stale:
        lines.append(f"  {len(stale)} no longer match the text (it was extracted again) and were not applied:")
        lines += [f"  - {correction.describe()}" for correction in stale]
    return lines + [""]


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "corrections", help="export or import the reader's corrections as a JSON file",
        description="Share the reader's corrections: export them all to a JSON file, or add a file's.")
    parser.add_argument("action", choices=("export", "import"))
    parser.add_argument("file", help="the corrections file (JSON)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the library's folder, as for the window (also: FRAMING_VIEWER_DATA)")


def run(args: argparse.Namespace) -> int:
    from .storage.corrections import CorrectionsFileError, export_corrections, import_corrections
    from .storage.library import LibraryError

    library = _open_library(args.data_dir, read_only=args.action == "export")
    if library is None:
        return EXIT_FAILED
    try:
        if args.action == "export":
            count = export_corrections(library, args.file)
            print(f"{count} correction{'s' if count != 1 else ''} written to {args.file}")
        else:
            added, known = import_corrections(library, args.file)
            print(f"{added} added, {known} already in the library")
    except CorrectionsFileError as error:
        print(f"framing-viewer: cannot read {error.path}: {error.reason}", file=sys.stderr)
        return EXIT_FAILED
    except (LibraryError, OSError) as error:
        print(f"framing-viewer: {error}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        library.close()
    return 0
