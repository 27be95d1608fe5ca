"""Invariants of the comparison, checked on many generated texts (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.engine import compare

WORDS = st.sampled_from(
    "the a minister said law would change next year people town river council vote budget school "
    "teacher children money street open close new old report police fire city".split())
MARKS = st.sampled_from(['"', "“", "”", "'", "‘", "’", ",", ".", "—", "-", " ", "\n", "\n\n", "\u00a0"])


@st.composite
def articles(draw):
    """Paragraphs of sentences, some quoted and tagged, with curly or straight marks."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        sentences = []
        for _ in range(draw(st.integers(1, 3))):
            words = draw(st.lists(WORDS, min_size=6, max_size=14))
            sentence = " ".join(words).capitalize() + "."
            if draw(st.booleans()):
                opening, closing = draw(st.sampled_from([('"', '"'), ("“", "”")]))
                sentence = f"{opening}{sentence[:-1]},{closing} she said."
            sentences.append(sentence)
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


# Any text at all: letters, marks, spaces and the odd astral character.
ANY_TEXT = st.text(max_size=60) | st.lists(st.one_of(WORDS, MARKS, st.characters()), max_size=80).map("".join) | (
    st.lists(st.one_of(WORDS, MARKS), max_size=80).map(" ".join))

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_partition(side) -> None:
    text = side.document.text
    owner = [0] * len(text)
    previous_end = 0
    for span in side.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end, "spans overlap or are out of order"
        previous_end = span.end
        for offset in range(span.start, span.end):
            owner[offset] += 1
    for offset, char in enumerate(text):
        if not char.isspace():
            assert owner[offset] == 1, f"character {offset} {char!r} classed {owner[offset]} times"


@FAST
@given(ANY_TEXT, ANY_TEXT)
def test_any_input_gives_spans_that_partition_the_text(left, right):
    """Whatever the input, every non-space character gets exactly one class and offsets stay in bounds."""
    result = compare(left, right)
    assert_partition(result.left)
    assert_partition(result.right)
    for passage in result.passages:
        assert 0 <= passage.left_start < passage.left_end <= len(left)
        assert 0 <= passage.right_start < passage.right_end <= len(right)
        for start, end in passage.left_edits:
            assert passage.left_start <= start < end <= passage.left_end
        for start, end in passage.right_edits:
            assert passage.right_start <= start < end <= passage.right_end


@FAST
@given(articles())
def test_a_text_against_itself_is_all_shared(text):
    """Compared with itself, an article has no framing and no own quotes: everything is shared."""
    result = compare(text, text)
    for side in (result.left, result.right):
        assert side.stats["framing"] == 0 and side.stats["own-quote"] == 0, side.stats
        assert side.stats["shared-quote"] + side.stats["shared-text"] > 0


@FAST
@given(articles(), articles())
def test_swapping_sides_swaps_the_result(left, right):
    """Putting the right article on the left mirrors the comparison exactly."""
    forward, backward = compare(left, right), compare(right, left)
    assert forward.left.spans == backward.right.spans
    assert forward.right.spans == backward.left.spans
    mirrored = sorted((p.right_start, p.right_end, p.left_start, p.left_end) for p in backward.passages)
    assert sorted((p.left_start, p.left_end, p.right_start, p.right_end) for p in forward.passages) == mirrored


def assert_no_overlap(result) -> None:
    """Each word in at most one passage on each side, and no edit inside another passage's words."""
    for side in ("left", "right"):
        ranges = sorted(getattr(passage, f"{side}_words") for passage in result.passages)
        for (_, end), (start, _) in zip(ranges, ranges[1:]):
            assert end <= start, f"passages overlap on the {side}: {ranges}"


@FAST
@given(articles(), articles())
def test_passages_never_overlap_on_either_side(left, right):
    """No word belongs to two passages, even when one article repeats sentences of the other."""
    assert_no_overlap(compare(left, right))
    # A text repeating its own paragraphs against one that has them once: the repeats must not double up.
    assert_no_overlap(compare(left + "\n\n" + right + "\n\n" + left, right + "\n\n" + left))


# The shapes of the benchmark's adversarial inputs (bench/engine_bench.py), at small sizes.
MARK_RUNS = st.sampled_from(["“", "”", '"', "'", "‘", "’", "!", ".", "?", "…", ".?", "!”", " “", ' "', "\n"])


@st.composite
def adversarial(draw):
    """Two texts: unclosed marks, runs of punctuation, one word or one paragraph repeated, everything on
    one line, tagged quotes on one line, or a quotation left open over an article against its fragments;
    the second text is the first itself, the first with a sentence added, or the fragments."""
    shape = draw(st.sampled_from(["marks", "marks between words", "word", "paragraph", "one line", "tags",
                                  "open quotation"]))
    count = draw(st.integers(1, 400))
    if shape == "marks":
        text = draw(MARK_RUNS) * count
    elif shape == "marks between words":
        text = (draw(MARK_RUNS) + draw(WORDS)) * count
    elif shape == "word":
        text = (draw(WORDS) + draw(st.sampled_from([" ", "\n", ". ", "! "]))) * count
    elif shape == "tags":
        text = f'{draw(WORDS).capitalize()} said, "{draw(WORDS)}" ' * count
    else:
        article = draw(articles())
        if shape == "paragraph":
            text = "\n\n".join([article.split("\n\n")[0]] * min(count, 60))
        elif shape == "one line":
            text = article.replace("\n", " ")
        else:
            words = article.split()
            fragments = [word for start in range(0, len(words), 6)
                         for word in words[start:start + 3] + [f"other{start}x{k}" for k in range(3)]]
            return '"' + " ".join(words), '"' + " ".join(fragments)
    if draw(st.booleans()):
        return text, text
    return text, text[:len(text) // 2] + " A sentence of our own. " + text[len(text) // 2:]


@FAST
@given(adversarial())
def test_adversarial_shapes_compare_and_summarise(texts):
    """Pathological input still compares and summarises, with a partition and no overlapping passages."""
    from viewer.cli import format_text

    result = compare(*texts)
    assert_partition(result.left)
    assert_partition(result.right)
    assert_no_overlap(result)
    assert format_text(result).startswith("LEFT:")


@FAST
@given(articles(), articles())
def test_passages_are_ordered_by_left_then_right_start_from_either_side(left, right):
    """The JSON lists passages by left start, then right start, whichever article is on the left."""
    for result in (compare(left, right), compare(right, left)):
        starts = [(passage.left_start, passage.right_start) for passage in result.passages]
        assert starts == sorted(starts)
        assert [(p["left"][0], p["right"][0]) for p in result.to_json()["passages"]] == starts
