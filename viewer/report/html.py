"""Self-contained HTML reports: one file an editor or a class can open, print or mail.

``pair_report(comparison) -> str`` is the pair on screen as a page: both articles side by side in one table
whose rows join each shared passage to its counterpart (numbered on both sides), with each article's own
text in rows of its own, coloured like the window (``resources/theme.toml``, through ``viewer.theme``) and
with the same legend. ``story_report(story) -> str`` (in ``viewer.report.story_html``) is the whole story.

The pages hold no script and load nothing: styles are inline in one ``<style>`` element, so they read the
same offline, in a mail attachment, or printed (``@media print`` drops the dark variant and keeps colours).
Every piece of text that comes from a document (titles, outlets, file names, the articles) is escaped:
an article may well contain ``<script>``.

A comparison with the reader's corrections applied (``CorrectedComparison``) shows them as the window does,
so nobody mistakes them for the engine's findings: the text whose class or speaker the reader set, and
both ends of a passage the reader linked, are underlined twice in the reader's colour ("Your correction" in
the legend), and a linked passage's row says "your link".

Exports: ``pair_report``, ``page``, ``legend_html``, ``label``, ``escape``, ``CLASS_NAMES``.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from pathlib import Path

from ..engine import CLASSES
from ..engine.corrections import reader_marks, reader_passages
from ..engine.labels import name_label
from ..theme import VARIANTS, colour, load_table

# How a class shows besides its colour: a report is often printed in black and white, and colour must
# never be the only signal. Shared passages are numbered rows; the rest get an underline of their own.
_DECORATION = {
    "own-quote": "text-decoration: underline dashed; text-underline-offset: 3px;",
    "attribution": "text-decoration: underline dotted; text-underline-offset: 3px;",
    "framing": "",
    "shared-quote": "",
    "shared-text": "",
    "boilerplate": "",
}
CLASS_NAMES = {cls: load_table()["classes"][cls]["legend"].partition(":")[0] for cls in CLASSES}


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def escape(text: str) -> str:
    """Text from a document, safe inside an element or a double- or single-quoted attribute.

    Control characters (an escape sequence in a file name) are left out: HTML does not allow them."""
    return html.escape(_CONTROL_RE.sub("", text), quote=True)


def label(document) -> str:
    """What a report calls a document in a sentence: its outlet, else its file's name (unless it looks like a
    download id or a hash), else the start of its title, as the library list names it."""
    return name_label(document.outlet, Path(document.path).stem, document.title) or "text"


# Page ------------------------------------------------------------------------------------------------
def _class_rules(variant: str) -> str:
    rules = []
    for cls in CLASSES:
        text = colour(cls, variant, "text")
        rules.append(f".c-{cls} {{ background: {colour(cls, variant)};"
                     + (f" color: {text};" if text else "") + "}")
    rules.append(f"mark.altered {{ background: {colour('altered', variant)}; color: inherit;"
                 f" text-decoration-color: {colour('altered', variant, 'underline')}; }}")
    rules.append(f"span.reader {{ border-bottom: 3px double {colour('reader', variant)}; }}")
    rules.append(f"tr.reader th.marker {{ color: {colour('reader', variant)}; }}")
    return "\n".join(rules)


def _styles() -> str:
    decorations = "\n".join(f".c-{cls} {{ {rule} }}" for cls, rule in _DECORATION.items() if rule)
    light, dark = _class_rules(VARIANTS[0]), _class_rules(VARIANTS[1])
    return f"""
:root {{ color-scheme: light dark; }}
body {{ font: 15px/1.5 Georgia, "DejaVu Serif", serif; margin: 1.5em auto; max-width: 78em; padding: 0 1em;
       color: #1a1a1a; background: #fff; }}
h1 {{ font-size: 1.5em; margin-bottom: .2em; }}
h2 {{ font-size: 1.2em; margin-top: 1.6em; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ vertical-align: top; text-align: left; padding: .35em .5em; border: 1px solid #c8c8c8; }}
thead th {{ background: #f3f3f3; }}
td.text {{ white-space: pre-wrap; width: 47%; }}
td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.marker, th.marker {{ text-align: center; font-family: sans-serif; font-size: .85em; width: 7em; }}
tr.own td.text {{ border-top-style: dashed; border-bottom-style: dashed; }}
tr.own td.marker {{ color: #777; }}
.pn {{ font: bold .75em sans-serif; border: 1px solid currentColor; border-radius: 3px; padding: 0 .25em;
       margin-right: .3em; vertical-align: .15em; }}
mark.altered {{ text-decoration-line: underline; text-decoration-style: wavy; font-weight: bold; }}
.meta {{ color: #555; }}
.swatch {{ display: inline-block; width: 2.2em; height: 1em; vertical-align: -.1em; border: 1px solid #999; }}
.legend td, .legend th {{ font-family: sans-serif; font-size: .9em; }}
.summary {{ font-family: sans-serif; }}
{decorations}
{light}
@media screen and (prefers-color-scheme: dark) {{
  body {{ color: #e8e8e8; background: #1e1e1e; }}
  thead th {{ background: #2c2c2c; }}
  th, td {{ border-color: #555; }}
  .meta {{ color: #aaa; }}
{dark}
}}
@media print {{
  body {{ font-size: 10pt; max-width: none; margin: 0; color: #000; background: #fff; }}
  * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  thead {{ display: table-header-group; }}
  tr {{ break-inside: avoid; page-break-inside: avoid; }}
  h2 {{ break-after: avoid; }}
}}
"""


def page(title: str, body: str, styles: str = "") -> str:
    """A complete HTML document with the report styles (and ``styles``, more CSS); ``title`` is plain text,
    ``body`` is HTML."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{_styles()}{styles}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def legend_html(counts: dict[str, dict[str, int]] | None = None, reader: bool = False) -> str:
    """The window's legend as a table: swatch, name, meaning, and (optionally) words per class per document.

    ``counts``: ``{column heading: {class: words}}``, e.g. the two sides of a pair; ``reader``: add the
    entry for the reader's corrections (the window shows it when the pair has some).
    """
    counts = counts or {}
    heads = "".join(f'<th scope="col" class="num">{escape(name)} (words)</th>' for name in counts)
    rows = []
    entries = [(cls, load_table()["classes"][cls]["legend"]) for cls in CLASSES]
    entries.append(("altered", load_table()["altered"]["legend"]))
    if reader:
        entries.append(("reader", load_table()["reader"]["legend"]))
    samples = {"altered": '<mark class="altered">{}</mark>', "reader": '<span class="reader">{}</span>'}
    for cls, sentence in entries:
        name, _, meaning = sentence.partition(": ")
        sample = samples.get(cls, f'<span class="c-{cls}">{{}}</span>').format(escape(name))
        cells = "".join(f'<td class="num">{stats.get(cls, 0):,}</td>' if cls in CLASSES else "<td></td>"
                        for stats in counts.values())
        rows.append(f'<tr><th scope="row">{sample}</th><td>{escape(meaning)}</td>{cells}</tr>')
    return (f'<table class="legend"><caption>What the colours mean</caption><thead><tr>'
            f'<th scope="col">Colour</th><th scope="col">Meaning</th>{heads}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


# Text with its classes -------------------------------------------------------------------------------
class _Painter:
    """Turns ranges of one side's text into escaped HTML with class spans and altered-word marks."""

    def __init__(self, side, edits, reader=()):
        self.text = side.document.text
        self.spans = side.spans
        self.span_starts = [span.start for span in self.spans]
        self.edits = sorted(edits)
        self.edit_starts = [start for start, _ in self.edits]
        self.reader = sorted(reader)  # ranges the reader corrected (merged, so they never overlap)
        self.reader_starts = [start for start, _ in self.reader]

    def _class_at(self, offset: int) -> str:
        index = bisect_right(self.span_starts, offset) - 1
        if index >= 0 and self.spans[index].end > offset:
            return self.spans[index].cls
        return ""

    def _edited_at(self, offset: int) -> bool:
        return _inside(self.edits, self.edit_starts, offset)

    def _reader_at(self, offset: int) -> bool:
        return _inside(self.reader, self.reader_starts, offset)

    def paint(self, start: int, end: int) -> str:
        """HTML for ``text[start:end]`` with its outer white space trimmed (cells and rows give the spacing)."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return ""
        cuts = {start, end}
        index = max(bisect_right(self.span_starts, start) - 1, 0)
        while index < len(self.spans) and self.spans[index].start < end:
            cuts.update(value for value in (self.spans[index].start, self.spans[index].end) if start < value < end)
            index += 1
        for ranges, starts in ((self.edits, self.edit_starts), (self.reader, self.reader_starts)):
            index = max(bisect_right(starts, start) - 1, 0)
            while index < len(ranges) and ranges[index][0] < end:
                cuts.update(value for value in ranges[index] if start < value < end)
                index += 1
        pieces = []
        ordered = sorted(cuts)
        for piece_start, piece_end in zip(ordered, ordered[1:]):
            chunk = escape(text[piece_start:piece_end])
            cls = self._class_at(piece_start)
            if self._edited_at(piece_start):
                chunk = f'<mark class="altered" title="Altered">{chunk}</mark>'
            if cls:
                chunk = f'<span class="c-{cls}" title="{escape(CLASS_NAMES[cls])}">{chunk}</span>'
            if self._reader_at(piece_start):
                chunk = f'<span class="reader" title="Your correction">{chunk}</span>'
            pieces.append(chunk)
        return "".join(pieces)


def _inside(ranges, starts, offset: int) -> bool:
    index = bisect_right(starts, offset) - 1
    return index >= 0 and ranges[index][1] > offset


# The pair --------------------------------------------------------------------------------------------
def _layout(ranges: list[tuple[int, int, int]], text: str):
    """Where each passage's cell starts and ends, and the text no passage covers, on one side.

    ``ranges``: (start, end, passage index). Returns ``(cells, lead, after)``: ``cells`` maps a passage to
    its (start, end); ``lead`` is the text before the first passage; ``after`` maps a passage to the text
    right after it. Passages may overlap (a headline repeating a body quote): the text after the one
    reaching furthest belongs to that one. Punctuation stuck to a passage (the closing quote mark and full
    stop a shared quote leaves behind) goes into its cell rather than into a row of its own.
    """
    ordered = sorted(ranges)
    cells = {index: (start, end) for start, end, index in ordered}
    gaps: list[tuple[int | None, int, int, int | None]] = []  # (passage before, start, end, passage after)
    reach, owner = 0, None
    for start, end, index in ordered:
        if start > reach or owner is None:
            gaps.append((owner, reach, start, index))
        if end > reach or owner is None:
            reach, owner = max(end, reach), index
    gaps.append((owner, reach, len(text), None))
    lead, after = (0, 0), {}
    for before, start, end, following in gaps:
        stuck = start
        while stuck < end and not text[stuck].isspace() and not text[stuck].isalnum():
            stuck += 1
        if before is not None and stuck > start:
            cells[before] = (cells[before][0], stuck)
            start = stuck
        leading = end
        while leading > start and not text[leading - 1].isspace() and not text[leading - 1].isalnum():
            leading -= 1
        if following is not None and leading < end:
            cells[following] = (leading, cells[following][1])
            end = leading
        if before is None:
            lead = (start, end)
        else:
            after[before] = (start, end)
    return cells, lead, after


def _moved(passages) -> set[int]:
    """Passages (by index, in left order) that the right article has elsewhere.

    The passages kept in place are the heaviest chain in the same order on both sides (a longest increasing
    subsequence of right starts, weighted by length), so one paragraph moved to the top is one move, not a
    shift of every passage after it, and a short passage moved past a long one is the one that moved.
    """
    ranks = {start: rank for rank, start in enumerate(sorted({p.right_start for p in passages}), 1)}
    size = len(ranks)
    tree = [(0, -1)] * (size + 1)  # Fenwick tree of (best chain weight, its last passage) by right rank
    previous = [-1] * len(passages)
    best = (0, -1)
    for index, passage in enumerate(passages):
        rank, found = ranks[passage.right_start] - 1, (0, -1)
        while rank > 0:  # the best chain ending strictly before this right start
            found = max(found, tree[rank])
            rank -= rank & -rank
        chain = (found[0] + passage.left_end - passage.left_start, index)
        previous[index] = found[1]
        best = max(best, chain)
        rank = ranks[passage.right_start]
        while rank <= size:
            tree[rank] = max(tree[rank], chain)
            rank += rank & -rank
    kept, index = set(), best[1]
    while index >= 0:
        kept.add(index)
        index = previous[index]
    return set(range(len(passages))) - kept


def _pair_rows(comparison) -> list[str]:
    left, right = comparison.left, comparison.right
    passages = comparison.passages
    painters = (_Painter(left, [edit for p in passages for edit in p.left_edits], reader_marks(comparison, "left")),
                _Painter(right, [edit for p in passages for edit in p.right_edits], reader_marks(comparison, "right")))
    linked = reader_passages(comparison)
    left_cells, left_lead, left_after = _layout([(p.left_start, p.left_end, i) for i, p in enumerate(passages)],
                                                left.document.text)
    right_cells, right_lead, right_after = _layout(
        [(p.right_start, p.right_end, i) for i, p in enumerate(passages)], right.document.text)
    moved = _moved(passages)

    def own_row(left_range, right_range) -> str:
        left_html = painters[0].paint(*left_range) if left_range else ""
        right_html = painters[1].paint(*right_range) if right_range else ""
        if not left_html and not right_html:
            return ""
        return (f'<tr class="own"><td class="text">{left_html}</td>'
                f'<td class="marker" title="Text the other article does not share">own</td>'
                f'<td class="text">{right_html}</td></tr>')

    rows = [own_row(left_lead, right_lead)]
    for index, passage in enumerate(passages):
        number = index + 1
        kind = "quote" if index in comparison.quote_passages else "text"
        altered = bool(passage.left_edits or passage.right_edits)
        notes = ([f"shared {kind}"] + (["your link"] if index in linked else []) + (["altered"] if altered else [])
                 + (["moved"] if index in moved else []))
        marker = f'<span class="pn">{number}</span> '  # the space: copied text reads "4 He", not "4He"
        rows.append(
            f'<tr class="passage {kind}{" reader" if index in linked else ""}" id="p{number}">'
            f'<td class="text">{marker}{painters[0].paint(*left_cells[index])}</td>'
            f'<th scope="row" class="marker">{number}<br>{"<br>".join(notes)}</th>'
            f'<td class="text">{marker}{painters[1].paint(*right_cells[index])}</td></tr>'
        )
        rows.append(own_row(left_after.get(index), right_after.get(index)))
    return [row for row in rows if row]


def _document_head(document, side_name: str) -> str:
    parts = [f"<b>{escape(label(document))}</b>", escape(document.title)]
    if document.date:
        parts.append(escape(document.date))
    if document.path:
        parts.append(f'<span class="meta">{escape(Path(document.path).name)}</span>')
    return f"{side_name}: " + " — ".join(parts)


def pair_summary(comparison) -> str:
    """The window's stats line as a sentence (plain text): what the right article took from the left one."""
    left_label, right_label = label(comparison.left.document), label(comparison.right.document)
    right = comparison.right
    parts = [f"{right.share('shared-quote'):.0%} of {right_label}'s words are {left_label}'s quotes"]
    if right.stats.get("shared-text"):
        parts.append(f"{right.share('shared-text'):.0%} is {left_label}'s narration")
    altered = comparison.altered_quotes
    quotes = len(comparison.quote_passages)
    parts.append(f"{quotes} shared quote{'s' if quotes != 1 else ''}, {altered} altered")
    parts.append(f"{right.stats.get('framing', 0):,} words of {right_label}'s own framing")
    return "; ".join(parts) + "."


def pair_report(comparison) -> str:
    """The comparison as one self-contained HTML page (see the module docstring)."""
    left, right = comparison.left.document, comparison.right.document
    title = f"{label(left)} → {label(right)}: Framing Viewer report"
    counts = {f"{label(left)} (left)": dict(comparison.left.stats),
              f"{label(right)} (right)": dict(comparison.right.stats)}
    corrections = getattr(comparison, "corrections", ())
    stale = getattr(comparison, "stale", ())
    note = ""
    if corrections or stale:
        note = (f'<p class="summary"><span class="reader">Your corrections</span>: {len(corrections)} applied'
                + (f", {len(stale)} no longer matching the text (not applied)" if stale else "") + ".</p>")
    rows = "\n".join(_pair_rows(comparison))
    body = f"""<header>
<h1>{escape(label(left))} → {escape(label(right))}</h1>
<p>{_document_head(left, "Left")}<br>{_document_head(right, "Right")}</p>
<p class="summary">{escape(pair_summary(comparison))}</p>
{note}
</header>
{legend_html(counts, reader=bool(corrections))}
<h2>The two articles side by side</h2>
<p class="meta">Each numbered row joins a passage the two articles share (in the left article's order; "moved"
means the right article has it elsewhere). Rows marked "own" hold text only that article has.</p>
<table class="pair">
<thead><tr><th scope="col">{escape(label(left))} (left)</th><th scope="col" class="marker">Passage</th>
<th scope="col">{escape(label(right))} (right)</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<footer class="meta"><p>Made with Framing Viewer.</p></footer>"""
    return page(title, body)
