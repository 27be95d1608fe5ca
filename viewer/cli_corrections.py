"""The command line's side of the reader's corrections; no Qt.

``framing-viewer compare LEFT RIGHT --library [--data-dir DIR]`` applies the corrections the library holds
for the pair (found by the texts' content hashes, so the files need not have been imported from there)
and says so. ``report``, ``quotes`` and ``provenance`` with ``--library`` do the same for every pair of
their documents (``story_inputs``; with no FILE, the library's own documents, named as its list names them)
and say how many they applied (``reader_note``). ``framing-viewer corrections export FILE`` /
``corrections import FILE`` share them.

Exports: ``add_compare_options``, ``apply_library_corrections``, ``corrections_lines``, ``story_inputs``,
``reader_note``, ``add_parser``, ``run``.
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


def open_library(data_dir: str | None, read_only: bool = False):
    """The library, or None after printing one line that says why it cannot be opened."""
    from .cli import terminal_safe
    from .storage.importers.limits import os_reason
    from .storage.library import Library, LibraryError
    from .storage.paths import data_dir as find_data_dir

    folder = data_dir or "the data folder"
    try:
        folder = find_data_dir(data_dir)
        return Library.open(folder, read_only=read_only)
    except LibraryError as error:
        print(terminal_safe(f"framing-viewer: cannot open the library {error}"), file=sys.stderr)
    except OSError as error:
        # in words, not Python's "[Errno 17] File exists: ..."
        print(terminal_safe(f"framing-viewer: cannot open the library folder {folder}: {os_reason(error)}"),
              file=sys.stderr)
    return None


def _has_library(data_dir: str | None) -> bool:
    """Whether the data folder holds a library; True when the folder itself is unusable, so that
    ``open_library`` says why in words."""
    from .storage.paths import data_dir as find_data_dir, library_file

    try:
        return library_file(find_data_dir(data_dir)).exists()
    except OSError:
        return True


def apply_library_corrections(args: argparse.Namespace, result):
    """``result`` with the library's corrections for its pair applied (unchanged without ``--library``);
    None when the library cannot be opened (the reason is printed)."""
    if not getattr(args, "library", False):
        return result
    from .engine.corrections import with_corrections
    from .storage.corrections import corrections_for
    from .storage.library import content_hash

    corrections = []
    if _has_library(args.data_dir):  # no library yet: no corrections, none created
        library = open_library(args.data_dir, read_only=True)
        if library is None:
            return None
        try:
            corrections = [item.correction for item in corrections_for(
                library, content_hash(result.left.document.text), content_hash(result.right.document.text))]
        finally:
            library.close()
    return with_corrections(result, corrections)


def story_inputs(args: argparse.Namespace, documents: list):
    """``(documents, corrections, labels)`` for a story or report command: without ``--library``, the files
    as given with no corrections (None) and no labels; with it, the library's corrections between the
    documents (the library's own documents and labels when no FILE was given). None when the library
    cannot be opened (the reason is printed). ``--story NAME`` (implies ``--library``): the documents of a
    story saved in the library, in place of FILEs; None when there is no such story (the reason is printed)."""
    story = getattr(args, "story", None)
    if story is not None:
        if documents:
            print("framing-viewer: --story takes its documents from the library; give no FILE with it", file=sys.stderr)
            return None
        args.library = True
    if not getattr(args, "library", False):
        return documents, None, None
    from .storage.corrections import corrections_by_pair
    from .storage.library import content_hash

    if not _has_library(args.data_dir):  # no library yet: nothing in it, none created
        if story is not None:
            return _no_story(story, [])
        return documents, {}, None
    library = open_library(args.data_dir, read_only=True)
    if library is None:
        return None
    try:
        labels = None
        if story is not None:
            from .storage.stories import stories, story_named

            saved = story_named(library, story)
            if saved is None:
                return _no_story(story, [other.name for other in stories(library)])
            entries = [library.entry(document_id) for document_id in saved.members]
            documents = [library.document(entry.id) for entry in entries]
            labels = [entry.label for entry in entries]
        elif not documents:
            entries = library.entries()
            documents = [library.document(entry.id) for entry in entries]
            labels = [entry.label for entry in entries]
        corrections = corrections_by_pair(library, {content_hash(document.text) for document in documents})
    finally:
        library.close()
    return documents, corrections, labels


def _no_story(name: str, names: list[str]) -> None:
    from .cli import terminal_safe

    known = f"its saved stories: {', '.join(f'“{other}”' for other in names)}" if names else "it has no saved story"
    print(terminal_safe(f"framing-viewer: the library has no story called “{name}” ({known})"), file=sys.stderr)
    return None


def reader_note(result) -> str:
    """What a command says on stderr about the reader's corrections it applied ("" when not asked to)."""
    reader = getattr(result, "reader", None)  # a story
    if reader is None and isinstance(getattr(result, "corrections", None), tuple):  # a corrected pair
        applied, stale = len(result.corrections), len(result.stale)
    elif reader is not None:
        applied, stale = reader.applied, reader.stale
    else:
        return ""
    line = f"framing-viewer: {applied} of your corrections from the library applied" if applied else \
        "framing-viewer: no corrections of yours in the library for these documents"
    if stale:
        line += f"; {stale} no longer match{'es' if stale == 1 else ''} the text (extracted again) and were not applied"
    return line


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

    library = open_library(args.data_dir, read_only=args.action == "export")
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
