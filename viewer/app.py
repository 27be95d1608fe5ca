"""Placeholder until the window lands: the GUI entry point."""


def run(argv: list[str]) -> int:
    raise SystemExit("framing-viewer: the window is not built yet; use 'framing-viewer compare LEFT RIGHT'")
