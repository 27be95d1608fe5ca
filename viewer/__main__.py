"""``python -m viewer`` is the same as the ``framing-viewer`` command."""

import sys

from .cli import main

sys.exit(main())
