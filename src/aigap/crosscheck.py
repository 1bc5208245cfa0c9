"""Derived values and cross-checks (placeholder until the check command lands)."""

from __future__ import annotations

from typing import Any


def derived_for(store: Any, fact: Any) -> list[Any]:
    return []
