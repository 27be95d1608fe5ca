"""Reports over engine results: CSV and JSON tables (``tables``), HTML pages. Plain Python, never Qt."""
