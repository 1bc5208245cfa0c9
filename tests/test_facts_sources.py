"""Every passage in facts.yaml appears word for word in its source article."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aigap import kinds

from .conftest import SOURCES


def load(facts_path: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(facts_path.read_text(encoding="utf-8"))


@pytest.mark.skipif(
    not SOURCES.is_dir(),
    reason=f"the source articles ({SOURCES}) are reference material outside the repository",
)
def test_every_passage_is_verbatim_in_its_source(facts_path: Path) -> None:
    data = load(facts_path)
    texts = {
        s["id"]: (SOURCES / s["file"]).read_text(encoding="utf-8")
        for s in data["sources"]
        if "file" in s  # sources only cited (primary, a quote's original) hold no passage
    }
    missing = []
    for kind in kinds.sections():
        for fact in data.get(kind) or []:
            passages = fact["passage"] if isinstance(fact["passage"], list) else [fact["passage"]]
            for passage in passages:
                if passage not in texts[fact["source"]]:
                    missing.append(f"{fact['id']}: {passage[:60]}")
    assert missing == []


def test_every_fact_names_a_source_and_has_both_languages(facts_path: Path) -> None:
    data = load(facts_path)
    sources = {s["id"] for s in data["sources"]}
    count = 0
    for kind in kinds.sections():
        for fact in data.get(kind) or []:
            count += 1
            assert fact["source"] in sources, fact["id"]
            assert fact.get("passage"), fact["id"]
            assert fact.get("passage_en"), fact["id"]
    assert count >= 50


def test_ai_index_gaps_are_percentage_points(facts_path: Path) -> None:
    gaps = {g["benchmark"]: g for g in load(facts_path)["gaps"]}
    for bench in ("mmlu", "mmmu", "math", "humaneval"):
        assert gaps[bench]["unit"] == "pp"
        assert gaps[bench]["printed_unit"] == "%"
    assert gaps["chatbot-arena"]["unit"] == "percent"
