"""The reader's corrections in the whole story: a link the engine missed counts in provenance and the quote
matrix, an unlink takes it away, a named speaker names the row, and the story is rebuilt when they change."""

from __future__ import annotations

from pathlib import Path

from viewer.engine import Document
from viewer.engine.corrections import Correction, content_hash
from viewer.engine.story import build_story
from viewer.engine.text import tokenize
from viewer.storage.importers import read_document

from .harbour import LEDGER, PARAPHRASE, POST, QUOTE, WAVE, documents, link_paraphrase, where

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LEDGER_HASH, WAVE_HASH = content_hash(LEDGER), content_hash(WAVE)


def row_of(story, words: str):
    wanted = tokenize(words).keys
    found = [row for row in story.quotes if tokenize(row.text).keys == wanted]
    return found[0] if found else None


def carriers(story, row) -> list[str]:
    return [story.label(number) for number, cell in enumerate(row.cells) if cell.present]


def test_without_the_link_the_paraphrase_is_a_quote_of_its_own_and_the_pair_shares_nothing():
    """The engine alone: the Wave's paraphrase is its own row and the Wave has no likely source."""
    story = build_story(documents())
    assert carriers(story, row_of(story, QUOTE)) == ["Coastal Ledger"]
    assert carriers(story, row_of(story, PARAPHRASE)) == ["Daily Wave"]
    assert story.link(1, 0) is None and story.sources[1].source is None
    assert story.reader is None


def test_a_reader_link_joins_the_paraphrase_to_the_quote_in_the_matrix_and_in_provenance():
    """Linked in the pair view, the paraphrase is the Wave's altered cell of the Ledger's quote (marked as the
    reader's), no longer a row of its own; the Wave shares text with the Ledger, which is its likely source."""
    story = build_story(documents(), corrections={(LEDGER_HASH, WAVE_HASH): (link_paraphrase(),)})
    row = row_of(story, QUOTE)
    assert carriers(story, row) == ["Coastal Ledger", "Daily Wave"]
    cell = row.cells[1]
    assert cell.state == "altered" and cell.reader and not row.cells[0].reader
    assert (cell.start, cell.end) == where(WAVE, PARAPHRASE)
    assert "your link" in cell.summary and "“real choice” became “alternative at all”" in cell.summary
    assert row_of(story, PARAPHRASE) is None
    assert row.origin == 0 and row.origin_note == "first in Coastal Ledger (2024-03-05)"
    link = story.link(1, 0)
    words = len(tokenize(PARAPHRASE).keys)
    assert link is not None and link.quote_words >= words
    assert link.passages == link.reader_passages == (where(WAVE, PARAPHRASE),)
    assert story.link(0, 1).passages == (where(LEDGER, QUOTE),)
    assert story.sources[1].source == 0
    assert story.reader.applied == 1 and story.reader.stale == 0


def test_a_link_stored_the_other_way_round_gives_the_same_story():
    """The library keeps a correction as the pair was shown; with the Wave on the left it is the same link."""
    left_first = build_story(documents(), corrections={(LEDGER_HASH, WAVE_HASH): (link_paraphrase(),)})
    right_first = build_story(documents(), corrections={(WAVE_HASH, LEDGER_HASH): (link_paraphrase(WAVE, LEDGER),)})
    assert right_first.quotes == left_first.quotes and right_first.provenance == left_first.provenance


def test_an_unlink_of_the_readers_link_takes_it_out_of_the_story_again():
    """Unlinking the reader's passage leaves the story as the engine found it."""
    plain = build_story(documents())
    unlink = Correction.made("unlink", LEDGER, WAVE, where(LEDGER, QUOTE), where(WAVE, PARAPHRASE))
    story = build_story(documents(), corrections={(LEDGER_HASH, WAVE_HASH): (link_paraphrase(), unlink)})
    assert story.quotes == plain.quotes and story.provenance == plain.provenance
    assert story.sources[1].source is None and story.reader.applied == 2


def test_a_new_correction_builds_the_story_again_and_the_same_ones_find_it_cached():
    """The cache knows the corrections: the same ones give the same story, a new one another."""
    corrections = {(LEDGER_HASH, WAVE_HASH): (link_paraphrase(),)}
    linked = build_story(documents(), corrections=dict(corrections))
    assert build_story(documents(), corrections=dict(corrections)) is linked
    assert build_story(documents()) is not linked
    assert build_story(documents(), corrections={}) is not build_story(documents())


def test_a_speaker_the_reader_names_is_the_rows_speaker():
    """The Ledger's first quote, given a speaker in the pair view, carries that name in the matrix."""
    first_quote = "We cannot in good conscience keep sending families across a structure that is quietly rusting away beneath them"
    named = Correction.made("speaker", LEDGER, WAVE, where(LEDGER, first_quote), None, speaker="Harbour engineer Li Wen")
    story = build_story(documents(), corrections={(LEDGER_HASH, WAVE_HASH): (named,)})
    row = row_of(story, first_quote)
    assert row.speaker == "Harbour engineer Li Wen" and row.cells[0].speaker == "Harbour engineer Li Wen"
    assert build_story(documents()).quotes != story.quotes


def test_a_correction_whose_words_moved_is_stale_and_changes_nothing():
    """A link made on another version of the Wave's text is counted stale and not applied."""
    old_wave = WAVE.replace("Commuters face", "Many commuters now face")
    stale = link_paraphrase(LEDGER, old_wave)
    plain = build_story(documents())
    story = build_story(documents(), corrections={(LEDGER_HASH, WAVE_HASH): (stale,)})
    assert story.quotes == plain.quotes and story.reader.stale == 1 and story.reader.applied == 0


def test_corrections_of_documents_outside_the_story_are_ignored():
    """Corrections between texts the story does not hold change nothing (and count nothing)."""
    other = {(content_hash("some other text"), WAVE_HASH): (link_paraphrase(),)}
    story = build_story(documents(), corrections=other)
    assert story.quotes == build_story(documents()).quotes and story.reader.pairs == 0


def test_the_evidence_names_documents_by_the_labels_given_and_never_by_a_hash_like_file_name():
    """The likely-source sentence uses the caller's names (the library list's); without them, a seed whose
    file name is a download id is called by its title, as the list calls it."""
    seeds = [read_document(path) for path in sorted(SEEDS.glob("*.txt"))]
    plain = build_story(seeds)
    sentences = " ".join(source.evidence for source in plain.sources) + " ".join(row.origin_note for row in plain.quotes)
    assert not any(Path(document.path).stem in sentences for document in seeds)
    labels = [f"Outlet {number}" for number in range(len(seeds))]
    named = build_story(seeds, labels=labels)
    people = next(number for number, document in enumerate(seeds) if document.date)
    by_people = [source for source in named.sources if source.source is not None]
    assert by_people and all(f"is text also in Outlet {people}" in source.evidence for source in by_people)
    assert named.label(0) == f"Outlet {people}"  # People is dated, so first


def test_a_link_between_words_no_document_quotes_makes_a_row_of_its_own():
    """Two sentences of narration linked as a shared quote are a quotation the matrix did not know: one new
    row, worded as the earlier document prints it, carried by both (the reader's), origin the earlier."""
    ledger_words = "Okafor added that the ferry would move to the north terminal"
    post_words = "The ferry now leaves from the north terminal"
    link = Correction.made("link", LEDGER, POST, where(LEDGER, ledger_words), where(POST, post_words),
                           cls="shared-quote")
    plain = build_story(documents())
    story = build_story(documents(), corrections={(LEDGER_HASH, content_hash(POST)): (link,)})
    assert len(story.quotes) == len(plain.quotes) + 1
    row = row_of(story, ledger_words)
    assert carriers(story, row) == ["Coastal Ledger", "Riverside Post"]
    assert row.cells[0].state == "verbatim" and row.cells[2].state == "altered"
    assert row.cells[0].reader and row.cells[2].reader
    assert (row.cells[2].start, row.cells[2].end) == where(POST, post_words)
    assert row.origin == 0


def test_a_link_as_shared_narration_counts_in_provenance_but_is_no_quotation():
    """Linked as shared narration, the paraphrase adds to the pair's shares but joins no quote row."""
    link = Correction.made("link", LEDGER, WAVE, where(LEDGER, QUOTE), where(WAVE, PARAPHRASE), cls="shared-text")
    plain = build_story(documents())
    story = build_story(documents(), corrections={(LEDGER_HASH, WAVE_HASH): (link,)})
    assert story.quotes == plain.quotes
    assert story.link(1, 0).passages == (where(WAVE, PARAPHRASE),) and story.link(1, 0).quote_words == 0


SAME_WORDS = "We will rebuild the pier within two years, whatever it costs the town"
PROMISE = ("Council to rebuild ferry pier\nBy Ana Ruiz | Coastal Ledger\nThe council met on Tuesday.\n"
           f"\"{SAME_WORDS},\" said council chair Miriam Okafor.\nThe vote was unanimous.\n")
ECHO = ("Pier to be rebuilt\nBy Tom Vale | Daily Wave\nResidents reacted with relief.\n"
        f"\"{SAME_WORDS},\" a council spokesman said on Wednesday.\nShop owners welcomed the news.\n")


def test_an_unlink_of_a_quote_the_engine_matched_splits_its_row_and_a_new_link_joins_it_again():
    """The engine takes two outlets' identical words for one quotation; the reader unlinks them: the later
    outlet's words are a row of their own (marked as the reader's) and the pair shares nothing. Linking
    them again puts one row back."""
    pair = [Document.from_text(PROMISE, path="promise.txt", outlet="Coastal Ledger", date="2024-03-05"),
            Document.from_text(ECHO, path="echo.txt", outlet="Daily Wave", date="2024-03-06")]
    key = (content_hash(PROMISE), content_hash(ECHO))
    plain = build_story(pair)
    assert [carriers(plain, row) for row in plain.quotes] == [["Coastal Ledger", "Daily Wave"]]
    unlink = Correction.made("unlink", PROMISE, ECHO, where(PROMISE, SAME_WORDS), where(ECHO, SAME_WORDS))
    split = build_story(pair, corrections={key: (unlink,)})
    assert sorted(carriers(split, row) for row in split.quotes) == [["Coastal Ledger"], ["Daily Wave"]]
    echo_row = next(row for row in split.quotes if row.cells[1].present)
    assert echo_row.origin == 1 and echo_row.cells[1].reader and "your unlink" in echo_row.cells[1].summary
    assert (echo_row.cells[1].start, echo_row.cells[1].end) == where(ECHO, SAME_WORDS)
    assert split.provenance == ()
    relink = Correction.made("link", PROMISE, ECHO, where(PROMISE, SAME_WORDS), where(ECHO, SAME_WORDS),
                             cls="shared-quote")
    joined = build_story(pair, corrections={key: (unlink, relink)})
    assert [carriers(joined, row) for row in joined.quotes] == [["Coastal Ledger", "Daily Wave"]]
    assert joined.quotes[0].cells[1].reader and joined.link(1, 0).reader_passages == (where(ECHO, SAME_WORDS),)


def test_text_the_reader_marks_as_boilerplate_leaves_the_outlets_own_narration():
    """The Wave's petition line marked as page furniture: its words no longer count as the Wave's own
    narration, and "petition" is no longer one of its distinctive terms; marked framing again, it is back."""
    # The Wave's petition line, dwelt on: a term said once is not distinctive (z < MIN_Z), four times it is.
    line = ("A petition to keep the pier open had gathered hundreds of signatures by Wednesday evening; the "
            "petition's organisers will take the petition to the council on Friday, and the petition stays open online.")
    wave = WAVE.replace("A petition to keep the pier open had gathered hundreds of signatures by Wednesday evening.", line)
    assert line in wave

    def story(*corrections):
        found = documents()
        found[1] = Document.from_text(wave, path="wave.txt", outlet="Daily Wave", date="2024-03-06")
        return build_story(found, corrections={(LEDGER_HASH, content_hash(wave)): corrections})

    plain = story()
    assert "petition" in [term.term for term in plain.framing[1].terms]
    furniture = Correction.made("mark", LEDGER, wave, None, where(wave, line), cls="boilerplate")
    marked = story(furniture)
    words = len(tokenize(line).keys)
    assert marked.framing[1].own_words == plain.framing[1].own_words - words
    assert marked.framing[1].narration_words == plain.framing[1].narration_words - words
    assert "petition" not in [term.term for term in marked.framing[1].terms]
    assert not any(piece[0] >= wave.index(line) for paragraph in marked.framing[1].paragraphs
                   for piece in paragraph.pieces)
    again = Correction.made("mark", LEDGER, wave, None, where(wave, line), cls="framing")
    restored = story(furniture, again)
    assert restored.framing[1].own_words == plain.framing[1].own_words
