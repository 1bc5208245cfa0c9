"""Citations: one entry per source, names, titles, URLs; BibTeX escaping."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from aigap.core.model import Author, PartialDate, Source, Text
from aigap.opener import open_store
from aigap.output.citation import (
    apa,
    balance_braces,
    bibtex,
    bibtex_escape,
    bibtex_key,
    chicago,
    cite,
    csl_item,
    for_fact,
    plain,
    wrap,
)
from aigap.store.queries import Store


@pytest.fixture
def store(facts_path: Path) -> Store:
    return open_store(str(facts_path))


def _source(**changes: object) -> Source:
    fields: dict[str, object] = {
        "id": "x-2024",
        "outlet": Text("Outlet & Co {1}", "매체"),
        "headline": Text("50% of $ in #1_place ^ ~ \\ ok", "제목"),
        "authors": (Author(family=Text("Kim", "김"), given=Text("Min-ji", "민지")),),
        "published": PartialDate(2024, 3),
        "language": "ko",
    }
    fields.update(changes)
    return Source(**fields)  # type: ignore[arg-type]


def _depth_ok(entry: str) -> bool:
    """BibTeX's own rule: braces count literally, even after a backslash."""
    depth = 0
    for char in entry:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def test_bibtex_escape_specials() -> None:
    assert bibtex_escape("{a}") == r"\{a\}"
    assert bibtex_escape("50% & $5 #1 a_b") == r"50\% \& \$5 \#1 a\_b"
    assert bibtex_escape("a\\b ^ ~") == r"a\textbackslash{}b \^{} \~{}"
    assert bibtex_escape("two\nlines\x1b") == r"two lines\textbackslash{}x1b"


def test_unbalanced_braces_are_dropped_pairs_kept() -> None:
    assert balance_braces("a}b{c") == "abc"
    assert balance_braces("{a}}{") == "{a}"
    assert balance_braces("}{x{y}") == "x{y}"
    for text in ("\\}", "\\{", "}{", "{{}", "a\\{b", "\\textbackslash{"):
        assert _depth_ok("{" + bibtex_escape(text) + "}"), text


def test_an_unmatched_brace_is_kept_by_its_latex_name() -> None:
    # '@misc{x,' lost its brace and '}{' vanished: BibTeX keeps every brace of the data
    assert bibtex_escape("a}b{c") == r"a\textbraceright{}b\textbraceleft{}c"
    assert bibtex_escape("{a}}{") == r"\{a\}\textbraceright{}\textbraceleft{}"
    assert bibtex_escape("@misc{x,") == r"@misc\textbraceleft{}x,"
    for text in ("}{", "{{}", "a\\{b", "{{{", "}}}"):
        assert _depth_ok("{" + bibtex_escape(text) + "}"), text


def test_bibtex_key() -> None:
    assert bibtex_key("gap-mmlu") == "gap-mmlu"
    assert bibtex_key("a b,{c}") == "a-b--c-"


def test_bibtex_entry_is_keyed_by_source_and_balanced() -> None:
    entry = bibtex(_source(headline=Text("brace } and { and \\}", "제목 }{")))
    assert entry.startswith("@article{x-2024,\n")
    assert "month = mar" in entry and "date = {2024-03}" in entry
    assert "author = {Kim, Min-ji}" in entry  # Family, Given for BibTeX's name parser
    assert "langid = {korean}" in entry
    assert _depth_ok(entry)


def test_bibtex_of_an_organisation_author_is_braced_whole() -> None:
    entry = bibtex(_source(authors=(Author(literal=Text("Stanford HAI", None)),)))
    assert "author = {{Stanford HAI}}" in entry


def test_bibtex_year_only_has_no_month() -> None:
    assert "month" not in bibtex(_source(published=PartialDate(2024)))


def test_plain_citation_of_a_fact_points_at_the_source(store: Store) -> None:
    fact = store.record("cost-v3-training")
    text = plain(store.source(fact.source), fact)
    lines = text.split("\n")
    assert lines[0] == (
        "Chu, Dong-hun. “Jungguk AI-ui gongseup… Miguk deopchin Dipsikeu syokeu"
        " [China's AI onslaught… the DeepSeek shock that hit America].”"
        " Maeil Business Newspaper, 2025-01-29. https://v.daum.net/v/20250129092101122"
    )
    assert lines[1] == "For fact cost-v3-training (cost)"
    assert "회사 측은" not in text  # a locator, never the passage
    korean = plain(store.source(fact.source), fact, "ko")
    assert korean.startswith(
        "추동훈, 「중국 AI의 공습…미국 덮친 딥시크 쇼크」, 매일경제, 2025-01-29."
    )


def test_plain_marks_inferred_dates(store: Store) -> None:
    source = store.source("nocut-2025-04-08")
    assert "2025-04-08 (date inferred; not printed in the article)." in plain(source)
    assert "2025-04-08 (추정)." in plain(source, lang="ko")


def test_control_characters_never_reach_the_citation() -> None:
    evil = (Author(family=Text("Evil\x1b[31m\u202e", None)),)
    source = _source(authors=evil, url="https://x/\x1b[2J")
    for style in ("plain", "bibtex", "apa", "chicago", "csl-json"):
        out = cite(source, style)
        assert "\x1b" not in out and "\u202e" not in out, style


def test_apa_and_chicago_titles() -> None:
    source = _source(
        headline=Text("English title", "한국어 제목"),
        title_romanized="Hangugeo jemok",
        url="https://example.org/a",
        published=PartialDate(2024, 3, 5),
    )
    assert apa(source) == (
        "Kim, M.-j. (2024, March 5). Hangugeo jemok [English title]."
        " Outlet & Co {1}. https://example.org/a"
    )
    # Chicago: the period after the bracketed translation
    assert chicago(source) == (
        "Kim, Min-ji. 2024. “Hangugeo jemok” [English title]."
        " Outlet & Co {1}, March 5, 2024. https://example.org/a."
    )
    assert apa(source, "ko").startswith("김민지. (2024년 3월 5일). 한국어 제목. 매체.")


def test_a_source_without_authors_is_cited_by_its_title() -> None:
    source = _source(authors=(), language="en", headline=Text("A report", None))
    assert apa(source).startswith("A report. (2024, March). Outlet & Co {1}.")
    assert "author" not in csl_item(source)


# the command ----------------------------------------------------------------------


def _cli(*args: str) -> str:
    from typer.testing import CliRunner

    from aigap.cli import app

    result = CliRunner().invoke(app, ["cite", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csl_json_of_a_fact_has_one_item_per_source_and_no_passage() -> None:
    items = json.loads(_cli("gap-mmlu", "--style", "csl-json"))
    assert [i["id"] for i in items] == ["nocut-2025-04-08", "ai-index-2025"]
    article, report = items
    assert article["type"] == "article-newspaper"
    assert article["title"] == (
        "Mi-Jung AI gisul gyeokcha geoui eopseojyeo 'Dipsikeu hyogwa'"
        " [US–China AI technology gap nearly gone: the 'DeepSeek effect']"
    )
    assert article["container-title"] == "CBS NoCut News"  # the newspaper, not the portal
    assert article["author"] == [{"family": "Lim", "given": "Jin-su"}]
    assert article["issued"] == {"date-parts": [[2025, 4, 8]]}
    assert "17.5%" not in json.dumps(items, ensure_ascii=False)
    assert report["type"] == "report"
    assert report["URL"] == "https://hai.stanford.edu/ai-index/2025-ai-index-report"
    assert "Figure 2.1.37" in report["note"]


def test_citing_a_quote_cites_the_original_first() -> None:
    items = json.loads(_cli("quote-trump-wake-up-call", "--style", "csl-json"))
    assert [i["id"] for i in items] == ["thehill-2025-01-28", "mk-2025-01-29"]
    assert items[0]["URL"].startswith("https://")
    assert "came through" in items[1]["note"]


def test_the_ai_index_quote_cites_the_reports_own_words_with_their_place() -> None:
    items = json.loads(_cli("quote-hai-r1", "--style", "csl-json"))
    assert [i["id"] for i in items] == ["ai-index-2025", "nocut-2025-04-08"]
    assert "US vs. China Technical Performance" in items[0]["note"]
    assert "came through" in items[1]["note"]


def test_keys_are_stable_per_source() -> None:
    first = _cli("gap-mmlu", "--style", "bibtex")
    second = _cli("gap-mmmu", "--style", "bibtex")
    assert re.findall(r"@\w+\{([^,]+),", first) == ["nocut-2025-04-08", "ai-index-2025"]
    assert re.findall(r"@\w+\{([^,]+),", second) == ["nocut-2025-04-08", "ai-index-2025"]


def test_csl_json_of_a_benchmark_has_one_item_per_source() -> None:
    items = json.loads(_cli("chatbot-arena", "--style", "csl-json"))
    assert [i["id"] for i in items] == ["nocut-2025-04-08"]
    assert "gap-arena" in items[0]["note"] and "score-arena-google-2025-02" in items[0]["note"]
    korean = json.loads(_cli("mmlu", "--style", "csl-json", "--lang", "ko"))
    assert korean[0]["container-title"] == "CBS 노컷뉴스"
    assert korean[0]["title"] == "美-中 AI 기술격차 거의 없어져 '딥시크 효과'"
    assert "MMLU 관련 사실: gap-mmlu" in korean[0]["note"]


def test_csl_json_keeps_a_partial_date_partial() -> None:
    assert csl_item(_source())["issued"] == {"date-parts": [[2024, 3]]}
    assert csl_item(_source(published=PartialDate(2024)))["issued"] == {"date-parts": [[2024]]}


def test_apa_shape_of_the_articles() -> None:
    one_line = " ".join(_cli("mk-2025-01-29", "--style", "apa").split())
    assert one_line.startswith("Chu, D.-h. (2025, January 29). Jungguk AI-ui gongseup")
    assert one_line.endswith("Maeil Business Newspaper. https://v.daum.net/v/20250129092101122")
    korean = " ".join(_cli("mk-2025-01-29", "--style", "apa", "--lang", "ko").split())
    assert korean.startswith("추동훈. (2025년 1월 29일). 중국 AI의 공습")


def test_chicago_shape_of_the_articles() -> None:
    out = " ".join(_cli("nocut-2025-04-08", "--style", "chicago").split())
    assert out.startswith("Lim, Jin-su. 2025. “Mi-Jung AI gisul")
    assert "'Dipsikeu hyogwa'” [US–China AI" in out
    assert "CBS NoCut News, April 8, 2025." in out
    assert "[Publication date inferred; not printed in the article.]" in out
    korean = " ".join(_cli("nocut-2025-04-08", "--style", "chicago", "--lang", "ko").split())
    assert "“美-中 AI 기술격차" in korean and "2025년 4월 8일" in korean and "추정" in korean


def test_fact_labels_follow_the_language() -> None:
    korean = _cli("gap-mmlu", "--lang", "ko")
    assert "사실 gap-mmlu (격차) 출처" in korean
    assert "For fact" not in korean


def test_bibtex_still_works_for_a_benchmark() -> None:
    out = _cli("mmlu", "--style", "bibtex")
    assert out.startswith("@article{nocut-2025-04-08,\n") and "facts about MMLU: gap-mmlu" in out


def test_plain_wraps_at_word_boundaries() -> None:
    from rich.cells import cell_len

    out = _cli("gap-mmlu")
    lines = out.rstrip("\n").split("\n")
    assert all(cell_len(line) <= 80 for line in lines)  # Hangul counts two columns


def test_wrap_keeps_long_words_whole() -> None:
    assert wrap("a " + "x" * 90 + " b", 20) == "a\n" + "x" * 90 + "\nb"
    assert wrap("가나다 라마", 7) == "가나다\n라마"


def test_for_fact_orders_original_article_primary(store: Store) -> None:
    fact = store.record("quote-altman-impressive")
    sources, about = for_fact(fact, store.source, "en")
    # the post (the speaker's words), the article (their translation), the page embedding the post
    assert [s.id for s in sources] == [
        "sama-x-2025-01-28",
        "mk-2025-01-29",
        "techstartups-2025-01-28",
    ]
    assert set(about) == {s.id for s in sources}


def test_cite_an_entity_by_name_cites_the_sources_of_its_facts() -> None:
    from typer.testing import CliRunner

    from aigap.cli import app

    runner = CliRunner()
    for name in ("nvidia", "altman", "엔비디아"):
        result = runner.invoke(app, ["cite", name, "--style", "csl-json"])
        assert result.exit_code == 0, result.output
        items = json.loads(result.stdout)
        assert items and all(item["type"] == "article-newspaper" for item in items[-1:])
        if name == "altman":  # his post (his own words) first, then the article
            assert [i["id"] for i in items] == ["sama-x-2025-01-28", "mk-2025-01-29"]
            assert items[0]["type"] == "webpage"
        else:
            assert all(item["type"] == "article-newspaper" for item in items)


def test_a_title_that_ends_a_sentence_gets_no_second_period() -> None:
    """A post's text is its title, and it often ends with its own period."""
    for style in ("plain", "apa", "chicago"):
        out = " ".join(_cli("sama-x-2025-01-28", "--style", style).split())
        assert "for the price." in out and "for the price.." not in out
    assert "x.com/sama/status/1884066337103962416" in _cli("quote-altman-better-models")
