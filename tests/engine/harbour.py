"""A small story for the reader's corrections: a council's original report, a re-report that paraphrases
one of its quotes so loosely the engine cannot match it, and an explainer that quotes nobody.

``link_paraphrase(first, second)`` is the reader's link of that quote to its paraphrase, as the pair view
makes it (``first`` on the left).
"""

from __future__ import annotations

from viewer.engine import Document
from viewer.engine.corrections import Correction

LEDGER = """Harbour Council Votes to Close the Old Ferry Pier
By Ana Ruiz | Coastal Ledger
The harbour council voted on Tuesday to close the old ferry pier after engineers found corrosion in its main supports.
"We cannot in good conscience keep sending families across a structure that is quietly rusting away beneath them," said council chair Miriam Okafor.
Okafor added that the ferry would move to the north terminal while a replacement is designed.
"Nobody on this council wanted this outcome, but the engineering report left us with no real choice," Okafor said.
The pier opened in 1962 and carried about 4,000 passengers a day before the pandemic.
"""
WAVE = """Ferry Pier Shut Down Over Safety Fears
By Tom Vale | Daily Wave
Commuters face longer journeys after officials shut the ferry pier with almost no warning.
Council chair Miriam Okafor insisted the decision was forced on them: "Honestly, the report from the engineers gave us no alternative at all," she told reporters.
Local shop owners near the pier say the closure will cost them dearly, and several plan to protest at the next meeting.
A petition to keep the pier open had gathered hundreds of signatures by Wednesday evening.
"""
POST = """Pier closure: what commuters need to know
The ferry now leaves from the north terminal. Timetables are unchanged for now, the operator said.
Passengers with season tickets can ask for a refund at the ticket office on weekdays.
"""
QUOTE = "Nobody on this council wanted this outcome, but the engineering report left us with no real choice"
PARAPHRASE = "Honestly, the report from the engineers gave us no alternative at all"


def documents() -> list[Document]:
    return [Document.from_text(LEDGER, path="ledger.txt", outlet="Coastal Ledger", date="2024-03-05"),
            Document.from_text(WAVE, path="wave.txt", outlet="Daily Wave", date="2024-03-06"),
            Document.from_text(POST, path="post.txt", outlet="Riverside Post", date="2024-03-07")]


def where(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def link_paraphrase(first: str = LEDGER, second: str = WAVE) -> Correction:
    """The reader's link of the Ledger's quote to the Wave's paraphrase (either text on the left)."""
    def words(text: str) -> str:
        return QUOTE if QUOTE in text else PARAPHRASE

    return Correction.made("link", first, second, where(first, words(first)), where(second, words(second)),
                           cls="shared-quote")
