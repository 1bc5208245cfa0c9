"""aigap: the US–China AI gap, from a curated, source-cited fact base."""

__version__ = "0.1.0"
