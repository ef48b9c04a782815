"""Benchmarks: each prints figures; none passes or fails. Run all: python3 run.py bench."""
