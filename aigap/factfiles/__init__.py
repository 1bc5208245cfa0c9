"""Fact files: the YAML reader, validation into records, and loading files as one base."""
