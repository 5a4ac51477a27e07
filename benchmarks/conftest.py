"""Benchmarks import the code-built roster of the AI tests."""
