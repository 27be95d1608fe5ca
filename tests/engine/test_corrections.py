"""A reader's corrections applied to a comparison: exactly what they cover changes, nothing else."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.engine import compare
from viewer.engine.corrections import CorrectedComparison, Correction, apply_corrections
from viewer.storage.importers import read_document

from .test_properties import assert_partition


@pytest.fixture(scope="module")
def pair():
    from tests.conftest import SEED_FILES

    return compare(read_document(SEED_FILES["003"]), read_document(SEED_FILES["001"]))


def classes(side) -> dict[int, str]:
    """Class of every non-space character, by offset."""
    return {offset: span.cls for span in side.spans for offset in range(span.start, span.end)
            if not side.document.text[offset].isspace()}


def sentence(text: str, words: str) -> tuple[int, int]:
    """The range of the first occurrence of ``words`` in ``text``."""
    start = text.index(words)
    return start, start + len(words)


def test_a_link_shares_exactly_the_two_selections_and_nothing_else(pair):
    """Linking two sentences the engine left apart makes one passage of them and changes no other character."""
    left_text, right_text = pair.left.document.text, pair.right.document.text
    left = sentence(left_text, "Chrissy Teigen is raising her son to not shy away from his feelings.")
    right = sentence(right_text, "allowing many fans to find comfort and solidarity in her stories.")
    before_left, before_right = classes(pair.left), classes(pair.right)
    assert not any(p.left_start < left[1] and left[0] < p.left_end for p in pair.passages)

    fixed = apply_corrections(pair, [Correction.made("link", left_text, right_text, left, right, cls="shared-text")])

    linked = [index for index in fixed.reader_passages]
    assert len(linked) == 1 and len(fixed.passages) == len(pair.passages) + 1
    passage = fixed.passages[linked[0]]
    assert (passage.left_start, passage.left_end, passage.right_start, passage.right_end) == (*left, *right)
    assert linked[0] not in fixed.quote_passages
    for side, before, where in ((fixed.left, before_left, left), (fixed.right, before_right, right)):
        after = classes(side)
        assert after.keys() == before.keys()
        changed = {offset for offset in after if after[offset] != before[offset]}
        assert changed and all(where[0] <= offset < where[1] for offset in changed)
        assert all(after[offset] in ("shared-text", "attribution", "boilerplate")
                   for offset in range(*where) if offset in after)
        assert_partition(side)
    assert fixed.right.stats["shared-text"] > pair.right.stats["shared-text"]


def test_unlinking_a_shared_quote_leaves_its_words_as_own_quotes(pair):
    """Unlinking a passage removes it alone: its quoted words become own quotes, the other passages stay."""
    def alone(passage):  # no other passage covers its words on either side
        return not any(other != passage and other.left_start < passage.left_end and passage.left_start < other.left_end
                       or other != passage and other.right_start < passage.right_end and passage.right_start < other.right_end
                       for other in pair.passages)

    passage = next(pair.passages[index] for index in sorted(pair.quote_passages) if alone(pair.passages[index]))
    left_text, right_text = pair.left.document.text, pair.right.document.text
    fixed = apply_corrections(pair, [Correction.made(
        "unlink", left_text, right_text, (passage.left_start, passage.left_end),
        (passage.right_start, passage.right_end))])
    assert passage not in fixed.passages
    assert set(fixed.passages) == set(pair.passages) - {passage}
    for side, where, before in ((fixed.left, (passage.left_start, passage.left_end), classes(pair.left)),
                                (fixed.right, (passage.right_start, passage.right_end), classes(pair.right))):
        after = classes(side)
        for offset, cls in after.items():
            if where[0] <= offset < where[1]:
                assert cls == {"shared-quote": "own-quote", "shared-text": "framing"}.get(before[offset], before[offset])
            else:
                assert cls == before[offset]
        assert_partition(side)
    def shared(side):
        return side.stats["shared-quote"] + side.stats["shared-text"]

    assert shared(fixed.right) < shared(pair.right) and shared(fixed.left) < shared(pair.left)
    assert fixed.altered_quotes <= pair.altered_quotes


def test_marking_a_sentence_as_boilerplate_changes_that_sentence_only(pair):
    """A sentence marked as boilerplate is boilerplate, word counts follow, the other side is untouched."""
    right_text = pair.right.document.text
    where = sentence(right_text, "These celebrity moms make us all feel better when they share the highs and lows of parenting.")
    fixed = apply_corrections(pair, [Correction.made("mark", pair.left.document.text, right_text, right=where,
                                                     cls="boilerplate")])
    after, before = classes(fixed.right), classes(pair.right)
    assert all(after[offset] == "boilerplate" for offset in range(*where) if offset in after)
    assert all(after[offset] == before[offset] for offset in after if not where[0] <= offset < where[1])
    assert fixed.left == pair.left
    words = len(right_text[where[0]:where[1]].split())
    assert fixed.right.stats["boilerplate"] == pair.right.stats["boilerplate"] + words
    assert sum(fixed.right.stats.values()) == sum(pair.right.stats.values())


def test_a_later_correction_wins_and_unlinking_a_link_undoes_it(pair):
    """Link then unlink the same selections: the engine's passages again, the reader's words left unshared."""
    left_text, right_text = pair.left.document.text, pair.right.document.text
    left = sentence(left_text, "Get push notifications with news, features and more.")
    right = sentence(right_text, "These celebrity moms make us all feel better")
    link = Correction.made("link", left_text, right_text, left, right, cls="shared-quote")
    unlink = Correction.made("unlink", left_text, right_text, left, right)
    fixed = apply_corrections(pair, [link, unlink])
    assert fixed.passages == pair.passages
    linked, before = classes(apply_corrections(pair, [link]).right), classes(pair.right)
    assert "shared-quote" in {linked[offset] for offset in range(*right) if offset in linked}
    assert classes(fixed.right) == {offset: {"shared-quote": "own-quote"}.get(cls, cls) if right[0] <= offset < right[1]
                                    else before[offset] for offset, cls in linked.items()}


def test_a_correction_whose_text_changed_is_stale_and_not_applied(pair):
    """A correction recorded over other words (the text was extracted again) is listed as stale, not moved."""
    right_text = pair.right.document.text
    where = sentence(right_text, "These celebrity moms")
    old = Correction("mark", right=where, cls="boilerplate", right_text="Those celebrity dads")
    fixed = apply_corrections(pair, [old])
    assert fixed.stale == (old,) and fixed.corrections == ()
    assert fixed.right.spans == pair.right.spans


def test_speaker_corrections_are_found_at_the_quote(pair):
    """Naming a quote's speaker records it for that quote; naming it again replaces the first name."""
    quote = pair.right.quotes[0]
    left_text, right_text = pair.left.document.text, pair.right.document.text
    first = Correction.made("speaker", left_text, right_text, right=(quote.start, quote.end), speaker="Teigen")
    second = Correction.made("speaker", left_text, right_text, right=(quote.start, quote.end), speaker="Chrissy Teigen")
    fixed = apply_corrections(pair, [first, second])
    assert fixed.speaker_at("right", quote.start + 1).speaker == "Chrissy Teigen"
    assert len(fixed.speakers) == 1
    assert fixed.speaker_at("left", quote.start + 1) is None
    assert fixed.swapped().speaker_at("left", quote.start + 1).speaker == "Chrissy Teigen"


def test_json_marks_the_readers_spans_and_passages(pair):
    """The JSON contract says which passages and spans come from the reader and which from the engine."""
    left_text, right_text = pair.left.document.text, pair.right.document.text
    left = sentence(left_text, "Get push notifications with news, features and more.")
    right = sentence(right_text, "These celebrity moms make us all feel better")
    fixed = apply_corrections(pair, [Correction.made("link", left_text, right_text, left, right, cls="shared-text")])
    data = json.loads(json.dumps(fixed.to_json()))
    reader = [p for p in data["passages"] if p["source"] == "reader"]
    assert [(p["left"], p["right"]) for p in reader] == [(list(left), list(right))]
    assert {p["source"] for p in data["passages"]} == {"reader", "engine"}
    right_reader = [s for s in data["spans"]["right"] if s["source"] == "reader"]
    assert right_reader and all(right[0] <= s["start"] and s["end"] <= right[1] for s in right_reader)
    assert data["corrections"][0]["kind"] == "link" and data["corrections"][0]["source"] == "reader"


def test_no_corrections_give_the_engines_comparison_itself(pair):
    """Without corrections nothing is recomputed: the comparison is the engine's."""
    assert apply_corrections(pair, []) is pair
    assert not isinstance(pair, CorrectedComparison)


@st.composite
def correction_lists(draw, pair):
    """Up to four corrections of every kind over random ranges of the seed pair."""
    texts = {"left": pair.left.document.text, "right": pair.right.document.text}
    found = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["link", "unlink", "mark", "unlink-passage"]))
        ranges = {}
        for side in ("left", "right"):
            start = draw(st.integers(0, len(texts[side]) - 2))
            ranges[side] = (start, min(len(texts[side]), start + draw(st.integers(1, 300))))
        if kind == "unlink-passage" and pair.passages:
            passage = draw(st.sampled_from(pair.passages))
            ranges = {"left": (passage.left_start, passage.left_end), "right": (passage.right_start, passage.right_end)}
            kind = "unlink"
        elif kind == "unlink-passage":
            kind = "unlink"
        if kind == "mark":
            side = draw(st.sampled_from(["left", "right"]))
            found.append(Correction.made("mark", texts["left"], texts["right"], **{side: ranges[side]},
                                         cls=draw(st.sampled_from(["framing", "boilerplate", "attribution", "own-quote"]))))
        else:
            extra = {"cls": draw(st.sampled_from(["shared-quote", "shared-text"]))} if kind == "link" else {}
            found.append(Correction.made(kind, texts["left"], texts["right"], ranges["left"], ranges["right"], **extra))
    return found


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_corrections_keep_the_partition_and_the_swap_symmetry(pair, data):
    """With any corrections, every non-space character has one class and (B, A) mirrors (A, B)."""
    corrections = data.draw(correction_lists(pair))
    fixed = apply_corrections(pair, corrections)
    assert_partition(fixed.left)
    assert_partition(fixed.right)
    mirrored = apply_corrections(pair.swapped(), [correction.swapped() for correction in corrections])
    assert mirrored == fixed.swapped()
    assert sum(fixed.left.stats.values()) == sum(pair.left.stats.values())
