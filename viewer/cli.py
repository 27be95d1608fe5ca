"""Command line: ``framing-viewer [FILE...]`` opens the window; ``framing-viewer compare LEFT RIGHT`` prints.

The ``compare`` subcommand never imports Qt (an import-linter contract checks it), so it runs on a server
with no display. Errors in the input print one line naming the file and the reason, and exit with status 2.

``framing-viewer quotes FILE...`` and ``framing-viewer provenance FILE...`` print a story's quote matrix and
provenance as JSON or CSV (``viewer.report.tables``); they never import Qt either.

Exports: ``main(argv=None) -> int``.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

EXIT_BAD_INPUT = 2
EXIT_SOME_FAILED = 1  # `import`: some sources could not be added (the rest were)


def _compare_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "compare", help="compare two articles and print what they share",
        description="Compare two articles: shared quotes, copied text, each side's own framing.",
    )
    parser.add_argument("left", help="the first article (e.g. the original interview)")
    parser.add_argument("right", help="the second article (e.g. a re-report)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: a readable summary (default); json: the documented contract")
    parser.add_argument("--min-words", type=int, default=None,
                        help="words a shared passage needs outside quotations (default 6)")
    parser.add_argument("--max-gap", type=int, default=None,
                        help="words that may separate two matches joined into one passage (default 4)")
    from .cli_corrections import add_compare_options

    add_compare_options(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing-viewer",
        description="See how news outlets covered the same story. With no command, opens the window.",
    )
    subparsers = parser.add_subparsers(dest="command")
    _compare_parser(subparsers)
    _import_parser(subparsers)
    _text_parser(subparsers)
    _story_parsers(subparsers)
    _report_parser(subparsers)
    from . import cli_corrections

    cli_corrections.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["compare"]:
        return run_compare(build_parser().parse_args(argv))
    if argv[:1] == ["import"]:
        return run_import(build_parser().parse_args(argv))
    if argv[:1] == ["text"]:
        return run_text(build_parser().parse_args(argv))
    if argv[:1] in (["quotes"], ["provenance"]):
        return run_story_table(build_parser().parse_args(argv))
    if argv[:1] == ["report"]:
        return run_report(build_parser().parse_args(argv))
    if argv[:1] == ["corrections"]:
        from . import cli_corrections

        return cli_corrections.run(build_parser().parse_args(argv))
    if argv[:1] in (["-h"], ["--help"]):
        # One help for both ways in: the window's options, then the subcommand's. Neither imports Qt.
        from .app import build_parser as window_parser

        print(window_parser().format_help())
        print("Without a window:\n  framing-viewer compare LEFT RIGHT [--format text|json] [--min-words N] [--max-gap N]\n"
              "  (framing-viewer compare --help for details)\n"
              "  framing-viewer import FILE|DIR|URL... [--data-dir DIR]   add to the library, no window\n"
              "  framing-viewer text FILE|URL [--format text|json]   (the text and metadata as compared)\n"
              "  framing-viewer quotes FILE... [--format json|csv] [--sort reach|first|speaker|alteration]\n"
              "  framing-viewer provenance FILE... [--format json|csv]\n"
              "  framing-viewer report FILE... | --library [--data-dir DIR]  -o REPORT.html\n"
              "  framing-viewer report|quotes|provenance --library --story NAME   a story saved in the window\n"
              "  framing-viewer compare LEFT RIGHT --library [--data-dir DIR]   with the reader's corrections\n"
              "  framing-viewer corrections export|import FILE [--data-dir DIR]   share the reader's corrections")
        return 0
    # Everything else opens the window; the GUI module owns its own options (files, --screenshot, ...).
    from .app import run

    return run(argv)


def run_compare(args: argparse.Namespace) -> int:
    from .engine import MatchSettings, compare
    from .storage.importers import UnreadableFile, read

    try:
        left = read(args.left)
        right = read(args.right)
    except UnreadableFile as error:
        return _cannot_read(error)
    overrides = {name: value for name, value in (("min_words", args.min_words), ("max_gap", args.max_gap))
                 if value is not None}
    try:
        settings = MatchSettings(**overrides)
    except ValueError as error:
        print(f"framing-viewer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = compare(left, right, settings)
    from .cli_corrections import apply_library_corrections

    result = apply_library_corrections(args, result)
    if result is None:
        return EXIT_BAD_INPUT
    if args.format == "json":
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(terminal_safe(format_text(result)))
    return 0


def _story_parsers(subparsers) -> None:
    quotes = _story_parser(
        subparsers, "quotes", "the quote matrix of a story: every quotation and how each article carries it",
        "One row per distinct quotation across the articles, one cell per article (verbatim, altered, "
        "partial, absent), with speaker and origin.",
        "json: every cell with offsets (default); csv: one line per quotation")
    quotes.add_argument("--sort", choices=("reach", "first", "speaker", "alteration"), default="reach",
                        help="row order: most articles first (default), first appearance, speaker, most altered")
    _story_parser(
        subparsers, "provenance", "what each article shares with each other one, and its likely source",
        "For each article: the share of its words it shares with each other one, in both directions, and "
        "the earlier article it most likely took from.",
        "json: links, sources and passages (default); csv: one line per pair")


def _story_parser(subparsers, name: str, help: str, description: str, format_help: str):
    parser = subparsers.add_parser(name, help=help, description=description)
    parser.add_argument("files", nargs="*", metavar="FILE", help="the articles of the story")
    parser.add_argument("--format", choices=("json", "csv"), default="json", help=format_help)
    parser.add_argument("--library", action="store_true",
                        help="apply the reader's corrections the library holds; with no FILE, the story of "
                             "every document of the library")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the library's folder, as for the window (also: FRAMING_VIEWER_DATA)")
    _story_option(parser)
    return parser


def _story_option(parser) -> None:
    parser.add_argument("--story", metavar="NAME",
                        help="the documents of a story saved in the window (Save Selection as Story); implies --library")


def run_story_table(args: argparse.Namespace) -> int:
    from .cli_corrections import reader_note, story_inputs
    from .engine.story import build_story
    from .report import tables
    from .storage.importers import UnreadableFile, read

    if not args.files and not args.library and not args.story:
        print(f"framing-viewer: {args.command} needs FILE... or --library", file=sys.stderr)
        return EXIT_BAD_INPUT
    documents = []
    for path in args.files:
        try:
            documents.append(read(path))
        except UnreadableFile as error:
            return _cannot_read(error)
    inputs = story_inputs(args, documents)
    if inputs is None:
        return EXIT_BAD_INPUT
    documents, corrections, labels = inputs
    story = build_story(documents, corrections=corrections, labels=labels)
    note = reader_note(story)
    if note:
        print(note, file=sys.stderr)
    if args.command == "quotes":
        output = tables.quotes_json(story, args.sort) if args.format == "json" else tables.quotes_csv(story, args.sort)
    else:
        output = tables.provenance_json(story) if args.format == "json" else tables.provenance_csv(story)
    if args.format == "json":
        json.dump(output, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(output)
    return 0


def _label(document) -> str:
    # Not the file's name: it is often a download id or a hash. The window calls a document the same way.
    from .storage.library import short_title

    return document.outlet or short_title(document.title) or "text"


def format_text(result) -> str:
    """The readable summary of a comparison, as printed by ``compare --format text``."""
    from .engine import CLASSES

    from .cli_corrections import corrections_lines

    left, right = result.left, result.right
    lines = corrections_lines(result)
    for name, side in (("LEFT", left), ("RIGHT", right)):
        document = side.document
        lines.append(f"{name}: " + (f"{document.outlet} — " if document.outlet else "") + document.title
                     + (f" ({document.date})" if document.date else ""))
        shares = ", ".join(f"{cls} {side.share(cls):.0%}" for cls in CLASSES if side.stats.get(cls))
        lines.append(f"  {side.words} words: {shares}")
    lines.append("")
    quotes = [result.passages[index] for index in sorted(result.quote_passages)]
    reader = {result.passages[index] for index in getattr(result, "reader_passages", ())}
    lines.append(f"SHARED QUOTES ({len(quotes)}, {result.altered_quotes} altered)")
    width = 48
    for number, passage in enumerate(quotes, 1):
        left_text = _marked(left.document.text, passage.left_start, passage.left_end, passage.left_edits)
        right_text = _marked(right.document.text, passage.right_start, passage.right_end, passage.right_edits)
        left_lines = textwrap.wrap(left_text, width) or [""]
        right_lines = textwrap.wrap(right_text, width) or [""]
        lines.append(f"{number:>3}." + (" (reader's link)" if passage in reader else ""))
        for row in range(max(len(left_lines), len(right_lines))):
            left_cell = left_lines[row] if row < len(left_lines) else ""
            right_cell = right_lines[row] if row < len(right_lines) else ""
            lines.append(f"     {left_cell:<{width}} | {right_cell}")
    shared_text = [passage for index, passage in enumerate(result.passages) if index not in result.quote_passages]
    if shared_text:
        lines.append("")
        lines.append(f"SHARED NARRATION ({len(shared_text)})")
        for passage in shared_text:
            lines.append("  - " + _one_line(left.document.text[passage.left_start:passage.left_end])
                         + (" (reader's link)" if passage in reader else ""))
    if result.altered_quotes:
        lines.append("  ([[...]] marks words that differ between the two sides)")
    for name, side in (("LEFT", left), ("RIGHT", right)):
        lines.append("")
        lines.append(f"{name} FRAMING ({side.stats.get('framing', 0)} words, {_label(side.document)})")
        for start, end in side.sentences_of("framing"):
            lines.append("  - " + _one_line(side.document.text[start:end]))
    return "\n".join(lines) + "\n"


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _marked(text: str, start: int, end: int, edits) -> str:
    """The passage on one line, with each differing word wrapped in [[ ]]."""
    pieces, position = [], start
    for edit_start, edit_end in edits:
        pieces.append(text[position:edit_start])
        pieces.append("[[" + text[edit_start:edit_end] + "]]")
        position = edit_end
    pieces.append(text[position:end])
    return " ".join("".join(pieces).split())


def _import_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="add files, folders or links to the library without a window",
        description="Add articles to the library (as the window's drop does): files of every supported "
                    "format, folders (searched inside) and http(s) links.",
    )
    parser.add_argument("sources", nargs="+", metavar="FILE|DIR|URL", help="what to add")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the library's folder, as for the window (also: FRAMING_VIEWER_DATA)")


def run_import(args: argparse.Namespace) -> int:
    """Exit 0 when every source is in the library (added or already there), 1 when some failed."""
    from .cli_corrections import open_library
    from .storage.intake import import_sources
    from .storage.library import LibraryError

    library = open_library(args.data_dir)
    if library is None:
        return EXIT_SOME_FAILED
    if library.read_only:
        print(f"framing-viewer: the library {library.path} is read-only: nothing can be added", file=sys.stderr)
        library.close()
        return EXIT_SOME_FAILED
    terminal = sys.stderr.isatty()

    def progress(done: int, total: int, source: str) -> None:
        # Only on a terminal: a log file or a pipe gets the failures and the summary, not carriage returns.
        if terminal:
            name = terminal_safe(Path(source).name or source)[:50]
            sys.stderr.write(f"\r\033[Kimporting {done} of {total} {name}" if done < total else "\r\033[K")
            sys.stderr.flush()

    try:
        summary = import_sources(library, args.sources, progress)
    except LibraryError as error:
        if terminal:
            sys.stderr.write("\r\033[K")
        print(f"framing-viewer: cannot write to the library {error}", file=sys.stderr)
        return EXIT_SOME_FAILED
    finally:
        library.close()
    for source, reason in summary.failures:
        print(f"framing-viewer: cannot import {terminal_safe(source)}: {terminal_safe(reason)}", file=sys.stderr)
    print(f"{len(summary.added)} added, {len(summary.duplicates)} already in the library, "
          f"{len(summary.failures)} failed")
    return EXIT_SOME_FAILED if summary.failures else 0


def _text_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "text", help="print an article's extracted text and metadata",
        description="Print the text and metadata of a file or link exactly as the app compares them.",
    )
    parser.add_argument("source", help="a file (text, web page, MHTML, PDF, Word .docx) or an http(s) link")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: the metadata, a blank line, the text (default); json: "
                             "{text, title, outlet, author, date, url, kind}")


_CONTROL_CHARS = {code: None for code in (*range(0, 9), *range(11, 32), *range(0x7f, 0xa0))}


def terminal_safe(text: str) -> str:
    """``text`` without control characters other than tab and newline: a file's ANSI escapes never reach
    the terminal (they could recolour it, retitle it, or hide lines)."""
    return text.translate(_CONTROL_CHARS)


def _cannot_read(error) -> int:
    print(terminal_safe(f"framing-viewer: cannot read {error.path}: {error.reason}"), file=sys.stderr)
    return EXIT_BAD_INPUT


TEXT_FIELDS = ("text", "title", "outlet", "author", "date", "url", "kind")  # the `text --format json` contract


def run_text(args: argparse.Namespace) -> int:
    from .storage.importers import UnreadableFile, read

    try:
        document = read(args.source)
    except UnreadableFile as error:
        return _cannot_read(error)
    if args.format == "json":
        json.dump({name: getattr(document, name) for name in TEXT_FIELDS}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    header = "".join(f"{name}: {getattr(document, name)}\n" for name in TEXT_FIELDS[1:] if getattr(document, name))
    sys.stdout.write(terminal_safe(f"{header}\n{document.text}\n"))
    return 0


def _report_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "report", help="write a self-contained HTML report of a pair or a whole story",
        description="Write one HTML file to share or print: two files give the pair side by side, more "
                    "give the whole story (quote matrix, provenance, each outlet's framing).",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="the articles (two: a pair; more: a story)")
    parser.add_argument("--library", action="store_true",
                        help="apply the reader's corrections the library holds; with no FILE, report on every "
                             "document of the library")
    parser.add_argument("--data-dir", metavar="DIR", help="the library's folder (with --library)")
    parser.add_argument("-o", "--output", required=True, metavar="REPORT.html", help="where to write the report")
    _story_option(parser)


def run_report(args: argparse.Namespace) -> int:
    from .cli_corrections import reader_note, story_inputs
    from .storage.importers import UnreadableFile, read

    def fail(message: str) -> int:
        print(f"framing-viewer: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT

    if not args.library and not args.files and not args.story:
        return fail("report needs either FILE... or --library")
    try:
        documents = [read(path) for path in args.files]
    except UnreadableFile as error:
        return _cannot_read(error)
    inputs = story_inputs(args, documents)
    if inputs is None:
        return EXIT_BAD_INPUT
    documents, corrections, labels = inputs
    if len(documents) < 2:
        where = f"the story “{args.story}” holds" if args.story else \
            "the library holds" if args.library and not args.files else "report was given"
        return fail(f"{where} {len(documents)} document{'s' if len(documents) != 1 else ''}; a report needs two or more")
    from .report import export_text, report_subject

    kind, subject = report_subject(documents, corrections, labels)
    page = export_text(kind, subject, subject)
    try:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(page)
    except OSError as error:
        return fail(f"cannot write {args.output}: {error.strerror or error}")
    note = reader_note(subject)
    if note:
        print(note, file=sys.stderr)
    print(f"framing-viewer: wrote the {kind} report to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
