"""Reporters: one module per output format, each a function of a RunResult to text."""
