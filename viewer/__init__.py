"""Framing Viewer: how news outlets covered the same story, side by side.

``viewer.engine`` compares texts (no Qt); ``viewer.storage`` keeps the library; ``viewer.qt`` is the window.
"""

__version__ = "0.1.0"
