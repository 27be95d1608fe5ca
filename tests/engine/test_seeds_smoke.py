"""The seed story end to end: People's interview against a re-report."""

from viewer.engine import compare
from viewer.storage.importers import read_document


def test_people_and_reprint_share_the_interview_quotes(seed_path):
    """Most of the words People quotes from the interview are shared with 001's re-report."""
    result = compare(read_document(seed_path("003")), read_document(seed_path("001")))
    assert result.left.share("shared-quote") > 0.4
    assert result.right.share("shared-quote") > 0.3
