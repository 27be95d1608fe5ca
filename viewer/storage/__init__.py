"""The library on disk and the importers that turn files into Documents; plain Python, no Qt."""
