"""Benchmarks that print tables (``make bench``); never part of the test run's pass/fail.

``python -m bench`` runs the ``main()`` of every ``bench/*_bench.py`` module in name order. ``corpus``
generates the articles they measure, and the accuracy tests use it too.
"""
