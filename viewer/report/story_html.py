"""The whole-story report: one self-contained HTML page over a ``viewer.engine.story.Story``.

Sections: the documents (by date, with each one's likely source and the evidence), the quote matrix as a
real table (a header cell per document, a header cell per quotation; every cell says verbatim, altered,
partial or absent in words, and its colour follows the app's table), provenance as a heat map whose cells
carry their percentages (readable in black and white) and as a plain list, and each outlet's framing (its own
narration paragraph by paragraph, its speech verbs, its distinctive terms with z-scores).

Same page rules as the pair report (``viewer.report.html``): no script, nothing loaded, all document text
escaped, print styles.

Exports: ``story_report``, ``STATE_WORDS``.
"""

from __future__ import annotations

from ..theme import blend, colour, state_colour, state_legend
from .html import escape, page

STATE_WORDS = ("verbatim", "altered", "partial", "absent")
QUOTE_PREVIEW_CHARS = 220  # characters of a quotation shown in its row header; the rest behind "…"
OWN_PARAGRAPHS_SHOWN = 12  # own-narration paragraphs listed per outlet
TERMS_SHOWN = 12  # distinctive terms listed per outlet
HEAT_MAP_DOCUMENTS = 30  # documents up to which the heat map is drawn (beyond, a page cannot hold it)
LINKS_SHOWN = 10  # links listed per document (and its likely source); the CSV and JSON exports hold all


def _styles() -> str:
    """The matrix and heat-map rules on top of the page's (colours from the theme table)."""
    cells = "\n".join(
        f"td.s-{state} {{ background: {state_colour(state, 'light')}; }}" for state in STATE_WORDS[:3])
    dark = "\n".join(
        f"  td.s-{state} {{ background: {state_colour(state, 'dark')}; }}" for state in STATE_WORDS[:3])
    return f"""
body {{ max-width: none; }}
table.matrix th[scope=row] {{ font-weight: normal; min-width: 18em; max-width: 30em; }}
table.matrix td {{ font-family: sans-serif; font-size: .85em; min-width: 6em; }}
table.matrix td.s-absent {{ color: #888; }}
table.matrix td .state {{ font-weight: bold; display: block; }}
table.heat td {{ text-align: right; font-variant-numeric: tabular-nums; font-family: sans-serif; }}
.own-paragraph {{ white-space: pre-wrap; margin: .3em 0 .6em; padding-left: .6em; border-left: 3px solid #bbb; }}
section.outlet {{ break-inside: avoid-page; }}
{cells}
@media screen and (prefers-color-scheme: dark) {{
{dark}
  table.matrix td.s-absent {{ color: #999; }}
}}
@media print {{
  @page {{ size: landscape; }}  /* one column per document: the matrix needs the width */
  table.matrix, table.heat {{ font-size: 8pt; }}
  table.matrix th[scope=row] {{ min-width: 12em; }}
}}
"""


def _document_rows(story) -> str:
    rows = []
    for index, document in enumerate(story.documents):
        source = story.sources[index] if index < len(story.sources) else None
        source_text = ""
        if source is not None:
            name = story.label(source.source) if source.source is not None else "none"
            source_text = f"<b>{escape(name)}</b>: {escape(source.evidence)}"
        rows.append(
            f'<tr><td class="num">{index + 1}</td><th scope="row">{escape(story.label(index))}</th>'
            f"<td>{escape(document.title)}</td><td>{escape(document.date or 'undated')}</td>"
            f'<td class="num">{document.word_count:,}</td><td>{source_text}</td></tr>')
    return ("<table><caption>The documents, oldest first</caption><thead><tr>"
            '<th scope="col" class="num">#</th><th scope="col">Outlet</th><th scope="col">Title</th>'
            '<th scope="col">Date</th><th scope="col" class="num">Words</th><th scope="col">Likely source</th>'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_PREVIEW_CHARS else text[:QUOTE_PREVIEW_CHARS - 1] + "…"


def _matrix(story) -> str:
    heads = "".join(
        f'<th scope="col">{escape(story.label(index))}<br><small>{escape(document.date or "undated")}</small></th>'
        for index, document in enumerate(story.documents))
    rows = []
    for row in story.quotes:
        origin = story.label(row.origin) if row.origin is not None else "unclear"
        cells = []
        for index, cell in enumerate(row.cells):
            detail = cell.summary if cell.summary and cell.summary != cell.state else ""
            detail = detail.removeprefix(f"{cell.state}: ")
            title = f"{story.label(index)}: {cell.summary or cell.state}"
            cells.append(f'<td class="s-{cell.state}" title="{escape(title)}"><span class="state">{cell.state}</span>'
                         f"{escape(detail)}</td>")
        rows.append(
            f'<tr><th scope="row" title="{escape(" ".join(row.text.split()))}">“{escape(_preview(row.text))}”</th><td>{escape(row.speaker or "unknown")}</td>'
            f'<td>{escape(origin)}<br><small>{escape(row.origin_note)}</small></td>'
            f'<td class="num">{row.reach} of {len(row.cells)}</td>{"".join(cells)}</tr>')
    legend = "".join(
        f'<li><span class="swatch" style="background: {state_colour(state, "light") or "transparent"}"></span> '
        f"{escape(state_legend(state))}</li>" for state in STATE_WORDS)
    return (f'<ul class="legend">{legend}</ul>'
            '<table class="matrix"><caption>Quote matrix: one row per quotation, one column per document '
            '(oldest first); most widely carried first</caption><thead><tr>'
            '<th scope="col">Quotation</th><th scope="col">Speaker</th><th scope="col">Origin</th>'
            f'<th scope="col" class="num">Reach</th>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _heat_map(story) -> str:
    if len(story.documents) > HEAT_MAP_DOCUMENTS:
        return (f"<p>{len(story.documents)} documents are too many for a heat map; the list below gives each "
                "one's strongest links.</p>")
    base = colour("shared-text", "light")
    heads = "".join(f'<th scope="col">{escape(story.label(index))}</th>' for index in range(len(story.documents)))
    rows = []
    for index in range(len(story.documents)):
        cells = []
        for other in range(len(story.documents)):
            if other == index:
                cells.append('<td class="self">—</td>')
                continue
            link = story.link(index, other)
            share = link.share if link else 0.0
            cells.append(f'<td style="background: {blend(base, share)}" '
                         f'title="{escape(_link_sentence(story, link, index, other))}">{share:.0%}</td>')
        rows.append(f'<tr><th scope="row">{escape(story.label(index))}</th>{"".join(cells)}</tr>')
    return ('<table class="heat"><caption>Share of each row\'s words that are also in the column\'s document'
            f'</caption><thead><tr><th scope="col">Document</th>{heads}</tr></thead><tbody>{"".join(rows)}'
            "</tbody></table>")


def _link_sentence(story, link, index: int, other: int) -> str:
    if link is None:
        return f"{story.label(index)} shares nothing found with {story.label(other)}"
    return (f"{link.share:.0%} of {story.label(index)} is text also in {story.label(other)}; "
            f"{link.quote_share:.0%} of {story.label(index)}'s quotes appear in {story.label(other)}")


def _provenance_list(story) -> str:
    likely = {source.document: source.source for source in story.sources}
    shown: dict[int, int] = {}
    links = []
    for link in sorted(story.provenance, key=lambda link: (-link.share, link.document, link.other)):
        if shown.get(link.document, 0) < LINKS_SHOWN or likely.get(link.document) == link.other:
            shown[link.document] = shown.get(link.document, 0) + 1
            links.append(link)
    caption = ("Every pair that shares text, most shared first" if len(links) == len(story.provenance) else
               f"Each document's {LINKS_SHOWN} strongest links and its likely source, most shared first "
               f"({len(links):,} of {len(story.provenance):,}; the CSV and JSON exports hold them all)")
    rows = "".join(
        f'<tr><th scope="row">{escape(story.label(link.document))}</th><td>{escape(story.label(link.other))}</td>'
        f'<td class="num">{link.share:.0%}</td><td class="num">{link.words:,}</td>'
        f'<td class="num">{link.quote_share:.0%}</td><td>{escape(_link_sentence(story, link, link.document, link.other))}</td></tr>'
        for link in links)
    return (f'<table class="provenance"><caption>{escape(caption)}</caption><thead><tr>'
            '<th scope="col">Document</th><th scope="col">Shares with</th><th scope="col" class="num">Share of words</th>'
            '<th scope="col" class="num">Words</th><th scope="col" class="num">Share of its quotes</th>'
            f'<th scope="col">In words</th></tr></thead><tbody>{rows}</tbody></table>')


def _framing(story) -> str:
    sections = []
    for framing in story.framing:
        index = framing.document
        text = story.documents[index].text
        share = framing.own_words / framing.narration_words if framing.narration_words else 0.0
        paragraphs = []
        for paragraph in framing.paragraphs[:OWN_PARAGRAPHS_SHOWN]:
            pieces, position = [], paragraph.start
            for start, end in paragraph.pieces:
                pieces.append(escape(text[position:start]))
                pieces.append(f'<span class="c-framing">{escape(text[start:end])}</span>')
                position = end
            pieces.append(escape(text[position:paragraph.end]))
            paragraphs.append(f'<p class="own-paragraph">{"".join(pieces).strip()}</p>')
        more = len(framing.paragraphs) - OWN_PARAGRAPHS_SHOWN
        if more > 0:
            paragraphs.append(f'<p class="meta">… and {more} more paragraph{"s" if more != 1 else ""}.</p>')
        verbs = ", ".join(f"{escape(verb.verb)} ({verb.count})" for verb in framing.verbs) or "none"
        terms = "".join(
            f'<tr><th scope="row">{escape(term.term)}</th><td class="num">{term.z:.1f}</td>'
            f'<td class="num">{term.count}</td><td class="num">{term.others}</td></tr>'
            for term in framing.terms[:TERMS_SHOWN])
        terms_table = ('<table class="terms"><caption>Distinctive terms of its own narration (weighted log-odds, '
                       'informative Dirichlet prior)</caption><thead><tr><th scope="col">Term</th>'
                       '<th scope="col" class="num">z</th><th scope="col" class="num">Here</th>'
                       f'<th scope="col" class="num">In the others</th></tr></thead><tbody>{terms}</tbody></table>'
                       if terms else "<p>No term stands out.</p>")
        sections.append(
            f'<section class="outlet"><h3>{escape(story.label(index))} — {escape(story.documents[index].title)}</h3>'
            f"<p>{framing.own_words:,} of its {framing.narration_words:,} words of narration ({share:.0%}) are its "
            f"own: no other document in the story has them.</p>"
            f"<p><b>Speech verbs</b> for quotes others carry too: {verbs}.</p>"
            f"{terms_table}<h4>Its own narration</h4>{''.join(paragraphs) or '<p>None.</p>'}</section>")
    return "".join(sections)


def story_report(story) -> str:
    """The story as one self-contained HTML page (see the module docstring)."""
    count = len(story.documents)
    labels = ", ".join(story.label(index) for index in range(count))
    carried_everywhere = sum(1 for row in story.quotes if row.reach == count)
    body = f"""<header>
<h1>The story in {count} documents</h1>
<p>{escape(labels)}</p>
<p class="summary">{len(story.quotes)} distinct quotations; {carried_everywhere} carried by every document.</p>
</header>
<h2>Documents</h2>
{_document_rows(story)}
<h2>Quote matrix</h2>
{_matrix(story)}
<h2>Provenance</h2>
{_heat_map(story)}
{_provenance_list(story)}
<h2>Each outlet's framing</h2>
{_framing(story)}
<footer class="meta"><p>Made with Framing Viewer.</p></footer>"""
    return page(f"The story in {count} documents: Framing Viewer report", body, _styles())
