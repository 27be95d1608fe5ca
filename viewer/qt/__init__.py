"""The window: the only package that imports PySide6.

Modules: ``theme`` (class colours from resources/theme.toml), ``documents`` (the document list model),
``panes`` (text panes and overview maps), ``linkmap`` (bands between the panes), ``workers`` (comparisons and
imports off the GUI thread), ``window`` (the main window's widgets and actions), ``controller`` (what the
window's actions do to the library and the comparison).
"""
