"""Two articles in news style for the report tests: a city-hall story and a re-report that alters one
quote, keeps another word for word and adds its own angle. Titles, text and file names carry markup an
attacker could plant (a script, an image with a remote source, quote marks), which a report must show as
plain text and never run or load.
"""

from __future__ import annotations

from pathlib import Path

from viewer.engine import Document

HOSTILE_TITLE = "Mayor's plan <script>alert('title')</script> draws \"fire\""
HOSTILE_OUTLET = 'City <img src="http://127.0.0.1:9/outlet.png"> Herald'

ORIGINAL = """{title}
2023-05-04

Mayor Ana Ruiz said on Tuesday that the new bus lanes on Harbour Road would open in June, two months
ahead of the schedule the council approved last autumn.

"We are going to make this city move faster than ever before, and nobody will be left waiting at the curb for forty minutes again," Ruiz told reporters at City Hall.

Council member Tom Bell disagreed. "This plan is rushed and the neighbourhoods <img src="{leak}"> were never asked about it at all, not once," Bell said.

The council will vote on the plan next week after a public hearing that starts at 6 p.m. in the old library.
"""

REREPORT = """Ruiz's bus lanes: "rushed", <script>document.title='pwned'</script> says Bell
2023-05-05

The mayor's war on cars took another turn this week as Ana Ruiz promised bus lanes that critics call a gift to
her downtown donors.

"We are going to make this city move much faster than ever before, and nobody will be left waiting at the curb for forty minutes again," Ruiz said.

"This plan is rushed and the neighbourhoods <img src="{leak}"> were never asked about it at all, not once," Bell said.

Drivers on Harbour Road, already squeezed by months of roadworks, will lose a lane in each direction.
"""


def hostile_pair(folder: Path, leak: str = "http://127.0.0.1:9/leak.png") -> tuple[Document, Document]:
    """The two articles as files in ``folder`` (with markup in their names) and as Documents."""
    original = folder / 'city<b onmouseover="x">hall.txt'
    rereport = folder / "re'report\".txt"
    original.write_text(ORIGINAL.format(title=HOSTILE_TITLE, leak=leak), encoding="utf-8")
    rereport.write_text(REREPORT.format(leak=leak), encoding="utf-8")
    from viewer.storage.importers import read_document

    return read_document(original, outlet=HOSTILE_OUTLET), read_document(rereport)
