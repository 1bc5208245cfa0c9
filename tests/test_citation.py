"""Citations: plain text and BibTeX, escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigap.citation import bibtex, bibtex_escape, bibtex_key, cite, plain
from aigap.model import PartialDate, Source, Text
from aigap.store import Store, open_store


@pytest.fixture
def store(facts_path: Path) -> Store:
    return open_store(str(facts_path))


def _source(**changes: object) -> Source:
    fields: dict[str, object] = {
        "id": "x-2024",
        "outlet": Text("Outlet & Co {1}", "매체"),
        "headline": Text("50% of $ in #1_place ^ ~ \\ ok", "제목"),
        "byline": Text("Kim, reporter", "김 기자"),
        "published": PartialDate(2024, 3),
        "language": "ko",
    }
    fields.update(changes)
    return Source(**fields)  # type: ignore[arg-type]


def test_bibtex_escape_specials() -> None:
    assert bibtex_escape("{a}") == r"\{a\}"
    assert bibtex_escape("50% & $5 #1 a_b") == r"50\% \& \$5 \#1 a\_b"
    assert bibtex_escape("a\\b ^ ~") == r"a\textbackslash{}b \^{} \~{}"
    assert bibtex_escape("two\nlines\x1b") == r"two lines\textbackslash{}x1b"


def test_bibtex_key() -> None:
    assert bibtex_key("gap-mmlu") == "gap-mmlu"
    assert bibtex_key("a b,{c}") == "a-b--c-"


def test_bibtex_braces_balance_and_month() -> None:
    entry = bibtex(_source())
    assert entry.startswith("@article{x-2024,\n")
    assert "month = mar" in entry and "date = {2024-03}" in entry
    assert "author = {{Kim, reporter}}" in entry  # a literal name, not "Last, First"
    assert "langid = {korean}" in entry
    depth = 0
    for char in entry.replace("\\{", "").replace("\\}", ""):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


def test_bibtex_year_only_has_no_month() -> None:
    assert "month" not in bibtex(_source(published=PartialDate(2024)))


def test_plain_citation_of_a_fact(store: Store) -> None:
    fact = store.record("cost-v3-training")
    source = store.source(fact.source)
    text = plain(source, fact)
    lines = text.split("\n")
    assert lines[0] == (
        "Chu Dong-hun, reporter. “중국 AI의 공습…미국 덮친 딥시크 쇼크”"
        " [China's AI onslaught… the DeepSeek shock that hit America]."
        " Maeil Business Newspaper (via Daum News), 2025-01-29."
    )
    assert lines[1].startswith("Fact cost-v3-training (cost): “회사 측은")
    assert lines[2].startswith("In English: The company said")
    korean = plain(source, fact, "ko")
    assert korean.startswith(
        "추동훈 기자, 「중국 AI의 공습…미국 덮친 딥시크 쇼크」, 매일경제, 2025-01-29."
    )
    assert "In English" not in korean


def test_plain_marks_inferred_dates(store: Store) -> None:
    source = store.source("nocut-2025-04-08")
    assert "2025-04-08 (date inferred; not printed in the article)." in plain(source)
    assert "2025-04-08 (추정)." in plain(source, lang="ko")


def test_control_characters_never_reach_the_citation() -> None:
    source = _source(byline=Text("Evil\x1b[31m\u202e", None))
    assert "\x1b" not in cite(source) and "\u202e" not in cite(source)
    assert "\x1b" not in cite(source, style="bibtex")
