"""The aigap command line (docs/architecture.md, "The CLI")."""

from aigap.cli.app import app, main
from aigap.cli.options import TABLE_ROWS

__all__ = ["TABLE_ROWS", "app", "main"]
