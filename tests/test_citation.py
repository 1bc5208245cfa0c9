"""Citations: plain text and BibTeX, escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aigap.core.model import PartialDate, Source, Text
from aigap.opener import open_store
from aigap.output.citation import bibtex, bibtex_escape, bibtex_key, cite, csl_item, plain, wrap
from aigap.store.queries import Store


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
    assert lines[2].startswith("In English (aigap's rendering): The company said")
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


# APA, Chicago, CSL-JSON; benchmarks; wrapping --------------------------------


def _cli(*args: str) -> str:
    from typer.testing import CliRunner

    from aigap.cli import app

    result = CliRunner().invoke(app, ["cite", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csl_json_parses_and_has_the_required_fields() -> None:
    import json

    items = json.loads(_cli("gap-mmlu", "--style", "csl-json"))
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    assert item["id"] == "gap-mmlu"
    assert item["type"] == "article-newspaper"
    assert item["title"] == "美-中 AI 기술격차 거의 없어져 '딥시크 효과'"
    assert item["container-title"] == "CBS NoCut News (via Daum News)"
    assert item["author"] == [{"literal": "Lim Jin-su, Beijing correspondent"}]
    assert item["issued"] == {"date-parts": [[2025, 4, 8]]}
    assert item["language"] == "ko"
    assert "17.5%에 달했지만" in item["note"] and "date inferred" in item["note"]


def test_csl_json_of_a_benchmark_has_one_item_per_source() -> None:
    import json

    items = json.loads(_cli("chatbot-arena", "--style", "csl-json"))
    assert [i["id"] for i in items] == ["nocut-2025-04-08"]
    assert "gap-arena" in items[0]["note"] and "score-arena-google-2025-02" in items[0]["note"]
    korean = json.loads(_cli("mmlu", "--style", "csl-json", "--lang", "ko"))
    assert korean[0]["container-title"] == "CBS 노컷뉴스"
    assert "MMLU 관련 사실: gap-mmlu" in korean[0]["note"]


def test_csl_json_keeps_a_partial_date_partial() -> None:
    assert csl_item(_source())["issued"] == {"date-parts": [[2024, 3]]}
    assert csl_item(_source(published=PartialDate(2024)))["issued"] == {"date-parts": [[2024]]}


def test_apa_shape() -> None:
    import re

    out = _cli("mk-2025-01-29", "--style", "apa")
    one_line = " ".join(out.split())
    assert re.match(r"^Chu Dong-hun, reporter\. \(2025, January 29\)\. 중국 AI의 공습", one_line)
    assert one_line.endswith("Maeil Business Newspaper (via Daum News).")
    korean = " ".join(_cli("mk-2025-01-29", "--style", "apa", "--lang", "ko").split())
    assert korean.startswith("추동훈 기자. (2025년 1월 29일). 중국 AI의 공습")


def test_chicago_shape() -> None:
    out = " ".join(_cli("nocut-2025-04-08", "--style", "chicago").split())
    assert out.startswith("Lim Jin-su, Beijing correspondent. “美-中 AI 기술격차")
    assert "CBS NoCut News (via Daum News), April 8, 2025." in out
    assert "[Publication date inferred; not printed in the article.]" in out
    korean = " ".join(_cli("nocut-2025-04-08", "--style", "chicago", "--lang", "ko").split())
    assert "「美-中 AI 기술격차" in korean and "2025년 4월 8일" in korean and "추정" in korean


def test_fact_labels_follow_the_language() -> None:
    korean = _cli("gap-mmlu", "--lang", "ko")
    assert "사실 gap-mmlu (격차)" in korean
    assert "Fact" not in korean and "In English" not in korean


def test_bibtex_still_works_for_a_benchmark() -> None:
    out = _cli("mmlu", "--style", "bibtex")
    assert out.startswith("@article{nocut-2025-04-08,\n") and "facts about MMLU: gap-mmlu" in out


def test_plain_wraps_at_word_boundaries() -> None:
    from rich.cells import cell_len

    out = _cli("gap-mmlu")
    lines = out.rstrip("\n").split("\n")
    assert all(cell_len(line) <= 80 for line in lines)  # Hangul counts two columns
    assert " ".join(out.split()) == " ".join(plain_text_of("gap-mmlu").split())  # no word cut


def plain_text_of(fact_id: str) -> str:
    from aigap.factfiles.files import packaged_facts_path

    store = open_store(str(packaged_facts_path()))
    fact = store.record(fact_id)
    return plain(store.source(fact.source), fact)


def test_wrap_keeps_long_words_whole() -> None:
    assert wrap("a " + "x" * 90 + " b", 20) == "a\n" + "x" * 90 + "\nb"
    assert wrap("가나다 라마", 7) == "가나다\n라마"


def test_cite_an_entity_by_name_cites_the_sources_of_its_facts() -> None:
    from typer.testing import CliRunner

    from aigap.cli import app

    runner = CliRunner()
    for name in ("nvidia", "altman", "엔비디아"):
        result = runner.invoke(app, ["cite", name, "--style", "csl-json"])
        assert result.exit_code == 0, result.output
        items = json.loads(result.stdout)
        assert items and all(item["type"] == "article-newspaper" for item in items)
