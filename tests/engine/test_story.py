"""The whole story at once: quote matrix, provenance and framing, on the seeds and on generated stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.story_corpus import ALTER, DROP, MERGE, SPLIT, TRIM, VERBATIM, Plan, story
from viewer.engine.story import (ABSENT, ALTERED, PARTIAL, StoryCancelled, build_story, sort_rows,
                                 story_cache_clear)
from viewer.engine.text import tokenize
from viewer.storage.importers import read_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def keys(text: str) -> list[str]:
    return tokenize(text).keys


@pytest.fixture(scope="module")
def seed_story():
    documents = [read_document(path) for path in sorted(SEEDS.glob("*.txt"))]
    return build_story(documents)


def seed_column(story, prefix: str) -> int:
    return next(number for number, document in enumerate(story.documents) if Path(document.path).name.startswith(prefix))


def row_with(story, words: str):
    """The one row whose text starts with ``words`` (compared as word keys)."""
    wanted = keys(words)
    found = [row for row in story.quotes if keys(row.text)[:len(wanted)] == wanted]
    assert len(found) == 1, [row.text for row in found]
    return found[0]


def test_be_a_man_is_one_row_in_all_four_seeds_from_people_by_chrissy_teigen(seed_story):
    """"There is no 'Be a man' in our house" is one row that every seed carries, first said in People."""
    row = row_with(seed_story, "There is no 'Be a man' in our house")
    assert keys(row.text) == keys("There is no 'Be a man' in our house")
    assert row.reach == 4
    assert all(cell.state != ABSENT for cell in row.cells)
    people = seed_column(seed_story, "003")
    assert row.origin == people
    assert seed_story.documents[people].date == "2021-04-06"
    assert "2021-04-06" in row.origin_note and "undated" in row.origin_note
    assert row.speaker == "Chrissy Teigen"


def test_the_columns_are_in_date_order_with_undated_documents_last(seed_story):
    """People, the only dated seed, is the first column."""
    assert seed_story.documents[0].date == "2021-04-06"
    assert all(not document.date for document in seed_story.documents[1:])


@pytest.mark.parametrize("opening", [
    "Here we were, just wheeled down to a new floor",  # the Medium letter, as 002 quotes it
    "People cheered and laughed right outside our door",
    "I cannot express how little I care that you hate the photos",
    "I lived it, I chose to do it",
])
def test_the_medium_letter_quotes_are_rows_only_002_carries(seed_story, opening):
    """Quotes only 002 took from Teigen's Medium letter appear in 002's column alone."""
    row = row_with(seed_story, opening)
    assert [seed_story.label(number) for number, cell in enumerate(row.cells) if cell.present] == [
        seed_story.label(seed_column(seed_story, "002"))]


@pytest.mark.parametrize("opening", [
    "The depression thing came out of nowhere",  # per Harper's Bazaar
    "And I will say, I'm not even worried about it",  # per Harper's Bazaar
    "I have postpartum depression",  # her Glamour piece
    "How can I feel this way when everything is so great",  # her Glamour piece
])
def test_quotes_000_took_from_glamour_and_harpers_bazaar_are_rows_only_000_carries(seed_story, opening):
    """000's quotes from other magazines are rows present in 000 only, with 000 as their origin."""
    row = row_with(seed_story, opening)
    column = seed_column(seed_story, "000")
    assert [number for number, cell in enumerate(row.cells) if cell.present] == [column]
    assert row.origin == column and "undated" in row.origin_note


def test_people_is_each_re_reports_likely_source(seed_story):
    """Each re-report's likely source is People, with the share and passages as evidence."""
    people = seed_column(seed_story, "003")
    for source in seed_story.sources:
        if source.document == people:
            assert source.source is None
            continue
        assert source.source == people, source.evidence
        assert source.share > 0.2 and source.passages
        assert "%" in source.evidence and seed_story.label(people) in source.evidence


def test_provenance_gives_both_directions_of_a_pair(seed_story):
    """What 000 shares with People and what People shares with 000 are both reported, as shares of each."""
    people, first = seed_column(seed_story, "003"), seed_column(seed_story, "000")
    forward, backward = seed_story.link(first, people), seed_story.link(people, first)
    assert forward and backward
    assert 0 < forward.share < backward.share <= 1  # 000 is long and mostly its own; People is short
    assert backward.quote_share > 0.5  # most of People's quotations reappear in 000
    matrix = seed_story.share_matrix()
    assert matrix[first][people] == forward.share and matrix[people][first] == backward.share
    assert all(matrix[number][number] is None for number in range(len(matrix)))


def test_001s_distinctive_framing_includes_toxic_masculinity(seed_story):
    """001's own narration is about "toxic masculinity"; the log-odds ranking finds it, with a z-score."""
    framing = seed_story.framing[seed_column(seed_story, "001")]
    terms = {term.term: term for term in framing.terms}
    assert "toxic masculinity" in terms
    assert terms["toxic masculinity"].z > 0 and terms["toxic masculinity"].count >= 2
    assert all(first.z >= second.z for first, second in zip(framing.terms, framing.terms[1:]))


def test_only_terms_one_standard_error_apart_are_called_distinctive(seed_story):
    """No outlet lists a term whose z is near 0 (as likely chance as framing): every listed term has z >= 1,
    001 keeps "toxic masculinity", and 000, whose own words are each used about as often elsewhere, lists none."""
    listed = [term for framing in seed_story.framing for term in framing.terms]
    assert listed and all(term.z >= 1.0 for term in listed)
    assert "toxic masculinity" in [term.term for term in seed_story.framing[seed_column(seed_story, "001")].terms]
    assert seed_story.framing[seed_column(seed_story, "000")].terms == ()


def test_own_narration_is_text_no_other_seed_shares(seed_story):
    """The own-narration paragraphs of 001 hold its refreshing aside and none of People's sentences."""
    column = seed_column(seed_story, "001")
    framing = seed_story.framing[column]
    text = seed_story.documents[column].text
    own = " ".join(text[start:end] for paragraph in framing.paragraphs for start, end in paragraph.pieces)
    assert "Which is such a refreshing thing to hear" in own
    assert "wears his heart on his sleeve" not in own
    assert 0 < framing.own_words <= framing.narration_words


def test_speech_verbs_are_counted_for_shared_quotes(seed_story):
    """001 tags the quotes it shares with "told", "continues" and "says"."""
    verbs = {use.verb: use.count for use in seed_story.framing[seed_column(seed_story, "001")].verbs}
    assert {"told", "continues", "says"} <= set(verbs)


# ------------------------------------------------------------------------------------------ generated stories

PLANS = [
    # (operations per original quote, own quotes, copies narration of derived article n)
    [Plan((VERBATIM, ALTER, DROP, TRIM, SPLIT, MERGE, VERBATIM)),
     Plan((MERGE, VERBATIM, SPLIT, ALTER, TRIM, DROP, VERBATIM)),
     Plan((ALTER, TRIM, VERBATIM, DROP, MERGE, VERBATIM, SPLIT), copy_from=1)],
    [Plan((SPLIT, SPLIT, ALTER, ALTER, DROP, DROP, TRIM), own_quotes=2),
     Plan((TRIM, MERGE, VERBATIM, VERBATIM, ALTER, SPLIT, DROP)),
     Plan((DROP, VERBATIM, MERGE, VERBATIM, SPLIT, ALTER, ALTER), copy_from=2),
     Plan((VERBATIM, DROP, TRIM, SPLIT, VERBATIM, MERGE, VERBATIM), copy_from=1, own_quotes=0)],
]


@pytest.mark.parametrize("seed", [3, 11])
@pytest.mark.parametrize("plans", PLANS, ids=["three re-reports", "four re-reports"])
def test_every_matrix_cell_matches_what_the_re_reports_did(plans, seed):
    """Altered, dropped, trimmed, split, merged and reordered quotes show as altered, absent, partial and
    verbatim cells exactly where the generator put them; each re-report's own quotes are rows of its own."""
    generated = story(seed, plans, quotes=7)
    result = build_story(generated.documents)
    assert [document.path for document in result.documents] == [document.path for document in generated.documents]
    rows = {tuple(keys(row.text)): row for row in result.quotes}
    for number, quote in enumerate(generated.quotes):
        row = rows[tuple(keys(" ".join(quote)))]
        assert row.origin == 0 and "2024-03-01" in row.origin_note
        assert row.speaker == generated.speakers[number]
        assert [cell.state for cell in row.cells] == [states[number] for states in generated.states], row.text
        for column, cell in enumerate(row.cells):
            if cell.state == ALTERED:
                before, after = generated.altered[column, number]
                assert [(change.before, change.after) for change in cell.changes] == [(before, after)]
                text = result.documents[column].text
                assert [text[start:end] for start, end in cell.edits] == [after]
            if cell.state == PARTIAL:
                assert cell.carried[0][0] == 0 and cell.carried[-1][1] < len(row.words)  # its first words
    for column, quote in generated.own_quotes:
        row = rows[tuple(keys(" ".join(quote)))]
        assert [number for number, cell in enumerate(row.cells) if cell.present] == [column]
    assert len(result.quotes) == len(generated.quotes) + len(generated.own_quotes)


@pytest.mark.parametrize("plans", PLANS, ids=["three re-reports", "four re-reports"])
def test_every_likely_source_matches_who_copied_whom(plans):
    """A re-report's likely source is the original, or the re-report whose narration it copied."""
    generated = story(5, plans, quotes=7)
    result = build_story(generated.documents)
    assert [source.source for source in result.sources] == list(generated.sources)


def test_a_split_quote_is_one_verbatim_cell_in_two_pieces():
    """"A," she said, "B." is the whole quote, verbatim, with both pieces' offsets."""
    generated = story(8, [Plan((SPLIT, VERBATIM, VERBATIM))], quotes=3)
    result = build_story(generated.documents)
    row = next(row for row in result.quotes if keys(row.text) == keys(" ".join(generated.quotes[0])))
    cell = row.cells[1]
    assert cell.state == "verbatim" and len(cell.pieces) == 2 and "split in 2" in cell.summary
    text = result.documents[1].text
    assert keys(" ".join(text[start:end] for start, end in cell.pieces)) == keys(row.text)


def test_copied_narration_is_not_the_copiers_own():
    """Narration a re-report copied from another is shared text, not its framing; its own paragraphs are."""
    generated = story(9, [Plan((VERBATIM, VERBATIM, VERBATIM)), Plan((VERBATIM, DROP, VERBATIM), copy_from=1)],
                      quotes=3)
    result = build_story(generated.documents)
    first, copier = result.documents[1].text, result.documents[2].text
    copier_own = [copier[start:end] for paragraph in result.framing[2].paragraphs for start, end in paragraph.pieces]
    first_own = [first[start:end] for paragraph in result.framing[1].paragraphs for start, end in paragraph.pieces]
    headline = first.split("\n")[0]
    assert first_own == [headline]  # every narration paragraph of 1 was copied; its headline was not
    assert copier_own and all(piece not in first for piece in copier_own)


def test_rows_sort_by_reach_first_appearance_speaker_and_alteration(seed_story):
    """The four orders a reader can pick put the widest, earliest, alphabetical or most altered row first."""
    by_reach = sort_rows(seed_story.quotes, "reach")
    assert [row.reach for row in by_reach] == sorted((row.reach for row in by_reach), reverse=True)
    by_first = sort_rows(seed_story.quotes, "first")
    assert [row.first_appearance for row in by_first] == sorted(row.first_appearance for row in by_first)
    by_speaker = sort_rows(seed_story.quotes, "speaker")
    named = [row.speaker.lower() for row in by_speaker if row.speaker]
    assert named == sorted(named)
    by_alteration = sort_rows(seed_story.quotes, "alteration")
    assert [row.alteration for row in by_alteration] == sorted((row.alteration for row in by_alteration), reverse=True)


def test_progress_runs_to_one_and_cancel_stops_the_build():
    """The build reports progress from 0 to 1 and stops with StoryCancelled when asked to."""
    generated = story(21, [Plan((VERBATIM, ALTER)), Plan((TRIM, VERBATIM))], quotes=2)
    story_cache_clear()
    seen: list[float] = []
    build_story(generated.documents, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    story_cache_clear()
    with pytest.raises(StoryCancelled):
        build_story(generated.documents, cancelled=lambda: True)


def test_the_same_documents_again_give_the_cached_story():
    """Reopening a story returns the stored result; a changed document builds a new one."""
    generated = story(22, [Plan((VERBATIM, DROP))], quotes=2)
    first = build_story(generated.documents)
    assert build_story(list(generated.documents)) is first
    changed = list(generated.documents)
    changed[1] = type(changed[1])(changed[1].text + "\n\nOne more line of narration here.", changed[1].path,
                                  changed[1].title, changed[1].outlet, changed[1].date)
    assert build_story(changed) is not first


# --------------------------------------------------------------------------------- hand-written articles

WIRE = """City council approves new bridge budget after long debate

2024-05-02

The city council voted 7-2 on Tuesday to approve a $40 million budget for the replacement of the Elm Street bridge, ending months of debate over the project's cost.

"This bridge carries twenty thousand people every single day, and we cannot keep patching it with tape and hope," said Mayor Dana Ortiz. "We owe the people of this city a crossing they can trust for the next fifty years."

Council member Raj Patel, who voted against the plan, said the budget left too little for repairs elsewhere. "Every dollar we pour into one bridge is a dollar we are not spending on the potholes in every other neighbourhood," Patel said.
"""

GAZETTE = """Mayor wins her bridge fight

2024-05-03

After a bruising fight, Mayor Dana Ortiz finally got her way on the Elm Street bridge.

"This bridge carries twenty thousand people every single day, and we cannot keep patching it with tape and prayers," Ortiz said, in a remark that drew applause from the gallery.

Critics were unmoved. "Every dollar we pour into one bridge … is a dollar we are not spending on the potholes," Patel said.
"""

RADIO = """Council backs Elm Street bridge

2024-05-02

Mayor Dana Ortiz told listeners on Tuesday evening: "This bridge carries twenty thousand people every single day, and we cannot keep patching it with tape and hope."
"""

BLOG = """The bridge to nowhere gets its money

Taxpayers will foot a $40 million bill. Ortiz put it this way: "We owe the people of this city a crossing they can trust for the next fifty years." Nice words for an expensive crossing.
"""


@pytest.fixture(scope="module")
def bridge_story():
    from viewer.engine.text import Document

    return build_story([
        Document.from_text(BLOG, path="blog.txt"),
        Document.from_text(GAZETTE, path="gazette.txt", outlet="Gazette"),
        Document.from_text(WIRE, path="wire.txt", outlet="Wire"),
        Document.from_text(RADIO, path="radio.txt", outlet="Radio"),
    ])


def test_a_changed_word_is_altered_and_an_ellipsis_cut_is_partial(bridge_story):
    """The Gazette's "tape and prayers" is an altered quote; Patel's quote cut with "…" is partial."""
    gazette = [document.outlet for document in bridge_story.documents].index("Gazette")
    mayor = row_with(bridge_story, "This bridge carries twenty thousand people")
    cell = mayor.cells[gazette]
    assert cell.state == ALTERED
    assert [(change.before, change.after) for change in cell.changes] == [("hope", "prayers")]
    assert "prayers" in cell.summary and mayor.speaker == "Dana Ortiz"
    patel = row_with(bridge_story, "Every dollar we pour into one bridge")
    assert patel.cells[gazette].state == PARTIAL and "Patel" in patel.speaker
    assert keys(patel.text)[-3:] == keys("every other neighbourhood")


def test_two_documents_of_the_same_day_tie_for_origin_and_undated_carriers_are_noted(bridge_story):
    """Wire and Radio, both dated 2024-05-02, tie as the mayor's quote's origin; the undated blog is noted."""
    outlets = [document.outlet for document in bridge_story.documents]
    assert outlets == ["Wire", "Radio", "Gazette", ""]  # by date (ties in the order given), undated last
    mayor = row_with(bridge_story, "This bridge carries twenty thousand people")
    assert mayor.origin == 0 and mayor.origin_note.startswith("tie: Wire, Radio") and "2024-05-02" in mayor.origin_note
    assert mayor.cells[1].state == "verbatim"
    fifty_years = row_with(bridge_story, "We owe the people of this city")
    assert fifty_years.reach == 2 and fifty_years.origin_note == "first in Wire (2024-05-02); 1 undated document also carries it"
    sources = {outlets[source.document]: source for source in bridge_story.sources}
    assert outlets[sources[""].source] == "Wire"  # the blog took Wire's quote
    assert outlets[sources["Gazette"].source] == "Wire"
    assert sources["Radio"].source is None and "both are dated 2024-05-02" in sources["Radio"].evidence


def test_cell_offsets_hold_the_quote_in_every_generated_document():
    """Every present cell's pieces lie inside its document and carry the row's words it claims to."""
    generated = story(31, PLANS[1], quotes=7)
    result = build_story(generated.documents)
    for row in result.quotes:
        row_keys = keys(row.text)
        for number, cell in enumerate(row.cells):
            if not cell.present:
                assert (cell.start, cell.end, cell.pieces) == (0, 0, ())
                continue
            text = result.documents[number].text
            assert 0 <= cell.start < cell.end <= len(text)
            carried = keys(" ".join(text[start:end] for start, end in cell.pieces))
            for first, end in cell.carried:
                wanted = row_keys[first:end]
                assert any(carried[i:i + len(wanted)] == wanted for i in range(len(carried))), (row.text, cell)


QUOTES = 5
operation = st.sampled_from([VERBATIM, ALTER, DROP, TRIM, SPLIT, MERGE])
plan = st.builds(
    lambda operations, own, copy: (operations, own, copy),
    st.lists(operation, min_size=QUOTES, max_size=QUOTES), st.integers(0, 2), st.integers(0, 3),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(plan, min_size=1, max_size=4), st.integers(0, 10_000))
def test_random_re_reports_give_the_cells_and_sources_the_generator_made(raw_plans, seed):
    """Whatever mix of alterations, drops, trims, splits, merges, own quotes and copied narration the
    re-reports use, each cell and each likely source is what was done."""
    # Copying is kept identifiable from the texts: an article copies from one that copies nobody and that
    # no other article copied (in a chain, a later copy carries all of its source's text too).
    plans, taken = [], set()
    for number, (operations, own, copy) in enumerate(raw_plans, start=1):
        if not (0 < copy < number) or copy in taken or plans[copy - 1].copy_from:
            copy = 0
        taken.add(copy)
        plans.append(Plan(tuple(operations), own_quotes=own, copy_from=copy, narration_paragraphs=5))
    generated = story(seed, plans, quotes=QUOTES)
    result = build_story(generated.documents)
    rows = {tuple(keys(row.text)): row for row in result.quotes}
    for number, quote in enumerate(generated.quotes):
        row = rows[tuple(keys(" ".join(quote)))]
        assert [cell.state for cell in row.cells] == [states[number] for states in generated.states]
    for column, quote in generated.own_quotes:
        assert [number for number, cell in enumerate(rows[tuple(keys(" ".join(quote)))].cells) if cell.present] == [column]
    assert [source.source for source in result.sources] == list(generated.sources)


def test_a_phrase_one_outlet_keeps_using_is_its_most_distinctive_term():
    """An outlet that calls the story a "black hole" three times has that phrase at the top of its terms."""
    from viewer.engine.text import Document

    generated = story(41, [Plan((VERBATIM, DROP, ALTER)), Plan((VERBATIM, VERBATIM, TRIM)),
                           Plan((SPLIT, VERBATIM, DROP))], quotes=3)
    documents = list(generated.documents)
    planted = ("Critics call the plan a black hole for public money.\n\nThe black hole keeps growing, "
               "opponents say.\n\nNobody can say how deep the black hole goes.")
    second = documents[2]
    documents[2] = Document(second.text + "\n\n" + planted, second.path, second.title, second.outlet, second.date)
    result = build_story(documents)
    terms = result.framing[2].terms
    assert terms[0].term == "black hole" and terms[0].count == 3 and terms[0].others == 0
    assert terms[0].z > 1 and terms[0].log_odds > 0
    assert all(term.term != "black hole" for number in (0, 1, 3) for term in result.framing[number].terms)


COURIER = """Storm shuts port for second day

2024-06-01

Harbour master Lena Fischer said the port would stay closed until the swell drops. "We have never seen waves like this in the inner harbour, not in thirty years of records.

"The crews are safe, the ships are tied up, and nobody goes out until the forecast changes," Fischer said.

Dock workers were sent home on full pay.
"""

HERALD = """Port closed as storm batters coast

2024-06-02

"We have never seen waves like this in the inner harbour, not in thirty years of records," harbour master Lena Fischer told reporters. "The crews are safe, the ships are tied up..."

Shipping firms said delays would cost millions.
"""

HARBOUR_BLOG = """Waves close the port

2024-06-03

According to the harbour master, "nobody goes out until the forecast changes." She added that the crews are safe.
"""


def test_a_quote_running_over_two_paragraphs_is_one_row_and_its_pieces_are_partial_cells():
    """News style runs a quote over paragraphs; a re-report that splits and cuts it, and a blog that keeps
    only its last words, are partial cells of that one row, which reads on one line."""
    from viewer.engine.text import Document

    result = build_story([Document.from_text(text, path=f"{name}.txt", outlet=name) for name, text in
                          (("Blog", HARBOUR_BLOG), ("Herald", HERALD), ("Courier", COURIER))])
    assert [document.outlet for document in result.documents] == ["Courier", "Herald", "Blog"]
    row = row_with(result, "We have never seen waves like this")
    assert "\n" not in row.text and keys(row.text)[-3:] == keys("the forecast changes")
    assert row.origin == 0 and row.speaker == "Lena Fischer"
    courier, herald, blog = row.cells
    assert courier.state == "verbatim"
    assert herald.state == PARTIAL and len(herald.pieces) == 2 and herald.carried == ((0, 26),)
    assert blog.state == PARTIAL and blog.carried == ((len(row.words) - 7, len(row.words)),)  # "nobody goes out until the forecast changes"
    assert [source.source for source in result.sources] == [None, 0, 0]


def test_a_runner_up_of_the_same_day_as_the_source_is_not_called_later():
    """Two same-day sources sharing as much with a re-report: the evidence says they tie on the date."""
    from viewer.engine.text import Document

    release = WIRE.replace("City council approves", "Council press release:")
    story_ = build_story([Document.from_text(WIRE, path="wire.txt", outlet="Wire"),
                          Document.from_text(release, path="release.txt", outlet="Council"),
                          Document.from_text(GAZETTE, path="gazette.txt", outlet="Gazette")])
    gazette = next(source for source in story_.sources if story_.documents[source.document].outlet == "Gazette")
    assert story_.documents[gazette.source].outlet == "Wire", gazette.evidence
    assert "next: Council" in gazette.evidence
    assert "later" not in gazette.evidence and "same date" in gazette.evidence


def test_two_articles_from_one_outlet_get_labels_that_tell_them_apart():
    """Two Gazette articles in one story are "Gazette (1)" and "Gazette (2)" (oldest first) in every table,
    origin note and evidence, so a reader knows which column and which source is meant."""
    from viewer.engine.text import Document

    follow_up = GAZETTE.replace("2024-05-03", "2024-05-04").replace("Mayor wins her bridge fight",
                                                                  "Bridge fight: what comes next")
    built = build_story([Document.from_text(WIRE, path="wire.txt", outlet="Wire"),
                         Document.from_text(GAZETTE, path="gazette.txt", outlet="Gazette"),
                         Document.from_text(follow_up, path="gazette-2.txt", outlet="Gazette")])
    assert [built.label(number) for number in range(3)] == ["Wire", "Gazette (1)", "Gazette (2)"]
    second = next(source for source in built.sources if source.document == 2)
    assert second.source == 1 and "% of Gazette (2) (" in second.evidence and "also in Gazette (1)," in second.evidence
    tape = row_with(built, "This bridge carries twenty thousand people")
    assert tape.origin == 0 and tape.origin_note == "first in Wire (2024-05-02)"


def test_a_re_report_that_keeps_nothing_of_the_original_has_no_likely_source():
    """A later article that dropped every quote and copied nobody shares no passage: no source is named
    (hypothesis found this plan; the generator used to expect the original)."""
    generated = story(0, [Plan((DROP,) * QUOTES, own_quotes=0, narration_paragraphs=5)], quotes=QUOTES)
    assert generated.sources == (None, None)
    later = build_story(generated.documents).sources[1]
    assert later.source is None and later.evidence == "shares no passage with any other document"
