"""The listing commands end to end: every format, both languages, narrow terminals."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.cells import cell_len
from typer.testing import CliRunner

from aigap import kinds
from aigap.cli import app
from aigap.output.render import csv_value

REPO = Path(__file__).resolve().parent.parent
RAW: dict[str, Any] = yaml.safe_load((REPO / "facts.yaml").read_text(encoding="utf-8"))
ALL_FACTS: list[tuple[str, dict[str, Any]]] = [
    (kind, fact) for kind in kinds.sections() for fact in RAW.get(kind) or ()
]

LISTINGS = [
    ["scores"],
    ["scores", "arena"],
    ["market"],
    ["costs"],
    ["quotes"],
    ["quotes", "--who", "altman"],
    ["facts"],
    ["facts", "--kind", "claims"],
    ["search", "nvidia"],
    ["sources"],
]
IDS = [" ".join(args) for args in LISTINGS]


def run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def as_json(runner: CliRunner, *args: str) -> Any:
    return json.loads(run(runner, *args, "--format", "json").stdout)


def by_id(rows: list[dict[str, Any]], key: str = "fact_id") -> dict[str, dict[str, Any]]:
    return {row[key]: row for row in rows}


def raw_facts(kind: str) -> list[dict[str, Any]]:
    return list(RAW.get(kind) or ())


def passages(fact: dict[str, Any]) -> list[str]:
    passage = fact["passage"]
    return [passage] if isinstance(passage, str) else list(passage)


# Every command in every format ---------------------------------------------


@pytest.mark.parametrize("args", LISTINGS, ids=IDS)
def test_table(runner: CliRunner, args: list[str]) -> None:
    out = run(runner, *args).stdout
    assert "─" in out  # the table's rule
    assert "\x1b" not in out


@pytest.mark.parametrize("args", LISTINGS, ids=IDS)
def test_json_csv_markdown_agree(runner: CliRunner, args: list[str]) -> None:
    records = as_json(runner, *args)
    assert isinstance(records, list) and records
    assert all(isinstance(r, dict) and list(r) == list(records[0]) for r in records)

    text = run(runner, *args, "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(records)
    # `facts -f json` alone adds each fact's full record, which a CSV cell cannot hold
    first = {k: v for k, v in records[0].items() if not (args[0] == "facts" and k == "record")}
    assert list(rows[0]) == list(first)
    for key, value in first.items():
        if isinstance(value, str):  # exact once the documented escapes are undone
            assert csv_value(rows[0][key]) == value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            assert float(rows[0][key]) == value

    # Markdown is the table as the terminal shows it (issue 17): its headers, not the record's
    lines = run(runner, *args, "-f", "markdown").stdout.splitlines()
    assert set(lines[1]) <= set("|-:") and "fact_id" not in lines[0]
    table = run(runner, *args).stdout
    headers = [h.strip() for h in lines[0].strip("|").split(" | ")]
    assert all(h.split()[0] in table for h in headers if h.strip())
    assert len(lines) >= 2 + len(records)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_machine_formats_are_not_cut_in_a_narrow_terminal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    out = run(runner, "quotes", "-f", fmt).stdout
    if fmt == "markdown":  # Markdown's escapes (6\~9) undone, as a renderer does
        out = re.sub(r"\\([\\`*_\[\]<>&|~])", r"\1", out)
    for quote in raw_facts("quotes"):
        assert quote["said"]["ko"] in out
        # the speaker's own words where recorded, else aigap's (marked) rendering
        own = quote["original"]["text"] if "original" in quote else quote["said"]["en"]
        assert own in out
    assert "\x1b" not in out


@pytest.mark.parametrize("args", [*LISTINGS, ["show", "gap-mmlu"]], ids=[*IDS, "show"])
def test_svg(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    picture = tmp_path / "out.svg"
    run(runner, *args, "--svg", str(picture))
    svg = picture.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    assert svg.count("<text") > 5  # the table itself, not only the window title


def test_svg_shows_the_numbers(runner: CliRunner, tmp_path: Path) -> None:
    picture = tmp_path / "arena.svg"
    run(runner, "scores", "arena", "-f", "json", "--svg", str(picture))
    svg = picture.read_text(encoding="utf-8")
    for number in ("1385", "1366", "1362", "+19"):
        assert number in svg


def test_svg_beside_json(runner: CliRunner, tmp_path: Path) -> None:
    picture = tmp_path / "market.svg"
    records = json.loads(run(runner, "market", "-f", "json", "--svg", str(picture)).stdout)
    assert len(records) == len(raw_facts("market"))
    assert picture.read_text(encoding="utf-8").lstrip().startswith("<svg")
    show = json.loads(
        run(runner, "show", "cost-v3-training", "-f", "json", "--svg", str(picture)).stdout
    )
    assert show["id"] == "cost-v3-training"


# JSON round-trips the fact file ---------------------------------------------


def test_scores_json_round_trips(runner: CliRunner) -> None:
    rows = by_id(as_json(runner, "scores"))
    assert set(rows) == {s["id"] for s in raw_facts("scores")}
    for raw in raw_facts("scores"):
        row = rows[raw["id"]]
        for key in ("benchmark", "country", "value", "unit", "printed", "date", "source"):
            assert row["source_id" if key == "source" else key] == raw[key]
        assert row["model"] == raw["model"]["en"]
        assert row["organization"] == raw["organization"]["en"]
        assert row["passage"] == " ".join(passages(raw))


def test_scores_rank_and_margin(runner: CliRunner) -> None:
    rows = as_json(runner, "scores", "arena")
    assert [r["value"] for r in rows] == [1385, 1366, 1362]
    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert [r["margin_to_next"] for r in rows] == [19, 4, None]
    assert [r["country"] for r in rows] == ["US", "US", "CN"]
    aime = as_json(runner, "scores", "AIME 2024")
    assert [(r["model"], r["margin_to_next"], r["margin_unit"]) for r in aime] == [
        ("DeepSeek-R1", 0.6, "pp"),
        ("OpenAI o1", None, None),
    ]


def test_a_score_alone_on_its_benchmark_has_no_rank(runner: CliRunner) -> None:
    """MATH-500 has DeepSeek-R1's score only: a "1." beside nothing reads as a win."""
    result = runner.invoke(app, ["scores", "math-500"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    (row,) = [line for line in result.output.splitlines() if "DeepSeek-R1" in line]
    assert not row.lstrip().startswith("1")
    assert "No rank: the only model with a score on that benchmark" in result.output
    assert as_json(runner, "scores", "math-500")[0]["rank"] == 1  # the data stays whole


@pytest.mark.parametrize(
    ("args", "en", "ko"),
    [
        (["aime"], "in percentage points (pp) between percentages.", "(퍼센트 사이는 %포인트)."),
        (["arena"], "in Elo points.", "(엘로 점수)."),
    ],
)
def test_the_lead_note_names_the_units_of_the_benchmarks_shown(
    runner: CliRunner, args: list[str], en: str, ko: str
) -> None:
    """A page of AIME scores said "Elo points for Arena" (and Korean said "Arena" in
    English): the note names only the units of the leads on the page."""
    for lang, said in (("en", en), ("ko", ko)):
        result = runner.invoke(app, ["scores", *args, "--lang", lang], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        (note,) = [line for line in result.output.splitlines() if line.endswith(said)]
        assert "Arena" not in note and "아레나" not in note


def test_market_json_round_trips(runner: CliRunner) -> None:
    rows = by_id(as_json(runner, "market"))
    assert set(rows) == {m["id"] for m in raw_facts("market")}
    for raw in raw_facts("market"):
        row = rows[raw["id"]]
        assert row["date"] == raw["date"]
        assert row["subject"] == raw["subject"]["en"]
        assert row["subject_kind"] == raw["kind"]
        assert row["change_percent"] == raw["change"]
        assert row["change_printed"] == raw["change_printed"]
        for amount in ("close", "previous_close", "value_lost"):
            if amount in raw:
                assert row[f"{amount}_value"] == raw[amount]["value"]
                assert row[f"{amount}_unit"] == raw[amount]["unit"]
                assert row[f"{amount}_printed"] == raw[amount]["printed"]
            else:
                assert row[f"{amount}_value"] is None


def test_costs_json_round_trips(runner: CliRunner) -> None:
    rows = by_id(as_json(runner, "costs"))
    assert set(rows) == {c["id"] for c in raw_facts("costs")}
    for raw in raw_facts("costs"):
        row = rows[raw["id"]]
        assert row["claim"] == raw["claim"]["en"]
        amounts = raw.get("amounts", [])
        assert row["amount_values"] == [a["value"] for a in amounts]
        assert row["amount_printed"] == [a["printed"] for a in amounts]
        assert row["amount_units"] == [a["unit"] for a in amounts]
        if "ratio" in raw:
            assert row["ratio_value"] == raw["ratio"]["value"]
            assert row["ratio_printed"] == raw["ratio"]["printed"]


def test_quotes_json_round_trips(runner: CliRunner) -> None:
    rows = by_id(as_json(runner, "quotes"))
    assert set(rows) == {q["id"] for q in raw_facts("quotes")}
    for raw in raw_facts("quotes"):
        row = rows[raw["id"]]
        assert row["speaker"] == raw["speaker"]["en"]
        assert row["said_ko"] == raw["said"]["ko"]
        assert row["said_en"] == raw["said"]["en"]
        assert row["date"] == raw.get("date")
        assert row["role"] == (raw["role"]["en"] if "role" in raw else None)


def test_quotes_who_matches_english_and_korean(runner: CliRunner) -> None:
    english = as_json(runner, "quotes", "--who", "ALTMAN")
    korean = as_json(runner, "quotes", "--who", "올트먼")
    assert [r["fact_id"] for r in english] == [r["fact_id"] for r in korean]
    assert {r["speaker"] for r in english} == {"Sam Altman"}
    assert len(english) == 3


def test_quotes_who_without_match_still_has_a_csv_header(runner: CliRunner) -> None:
    assert as_json(runner, "quotes", "--who", "nobody") == []
    text = run(runner, "quotes", "--who", "nobody", "-f", "csv").stdout
    assert text.startswith("fact_id,speaker,")
    assert len(text.splitlines()) == 1


def test_facts_lists_every_fact(runner: CliRunner) -> None:
    rows = as_json(runner, "facts")
    assert [(r["kind"], r["fact_id"]) for r in rows] == [
        (kinds.by_section(kind).name, fact["id"]) for kind, fact in ALL_FACTS
    ]
    claims = as_json(runner, "facts", "--kind", "claim")
    assert [r["fact_id"] for r in claims] == [c["id"] for c in raw_facts("claims")]
    assert all(r["summary"] for r in rows)


def test_facts_rows_of_a_quote_cite_the_originals_source(runner: CliRunner) -> None:
    rows = by_id(as_json(runner, "facts", "--kind", "quote"))
    for raw in raw_facts("quotes"):
        original = raw.get("original")
        assert rows[raw["id"]]["source_id"] == raw["source"]  # the article, as before
        assert rows[raw["id"]]["original_source_id"] == (original or {}).get("source")
    csv_text = run(runner, "facts", "--kind", "quote", "-f", "csv").stdout
    assert "original_source_id" in csv_text.splitlines()[0]
    assert ",mk-2025-01-29,thehill-2025-01-28," in csv_text
    table = run(runner, "facts", "--kind", "quote").stdout
    assert "original words: thehill-2025-01-28" in table
    assert "sama-x-2025-01-28: X, 2025-01-28" in table  # the original's source in the notes
    markdown = run(runner, "facts", "--kind", "quote", "-f", "markdown").stdout
    assert "<br>original words: thehill-2025-01-28 | mk-2025-01-29 |" in markdown
    korean = runner.invoke(app, ["--lang", "ko", "facts", "--kind", "quote"]).stdout
    assert "발언 원문: thehill-2025-01-28" in korean


def _cites(fact: dict[str, Any]) -> set[str]:
    """A raw fact's sources: its article, its primary notes', its original words'."""
    primary = {p["source"] for p in fact.get("primary", ()) if "source" in p}
    original = {fact["original"]["source"]} if "source" in fact.get("original", {}) else set()
    return {fact["source"], *primary, *original}


def test_sources_json_counts_facts(runner: CliRunner) -> None:
    rows = by_id(as_json(runner, "sources"), "source_id")
    assert set(rows) == {s["id"] for s in RAW["sources"]}
    for raw in RAW["sources"]:
        row = rows[raw["id"]]
        assert row["facts"] == sum(1 for _, f in ALL_FACTS if raw["id"] in _cites(f))
        assert row["published"] == raw["published"]
        assert row["published_inferred"] == raw.get("published_inferred", False)
        assert row["headline_ko"] == raw["headline"].get("ko")


def _normalize(raw: Any, key: str = "") -> Any:
    if key == "passage" and isinstance(raw, str):
        return [raw]
    if isinstance(raw, dict):
        return {k: _normalize(v, k) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_normalize(v) for v in raw]
    return raw


def _contains(shown: Any, raw: Any, where: str) -> None:
    """Every value of the fact file appears, unchanged, in the JSON."""
    if isinstance(raw, dict):
        assert isinstance(shown, dict), where
        for key, value in raw.items():
            _contains(shown.get(key), value, f"{where}.{key}")
    elif isinstance(raw, list):
        assert isinstance(shown, list) and len(shown) == len(raw), where
        for i, (a, b) in enumerate(zip(shown, raw, strict=True)):
            _contains(a, b, f"{where}[{i}]")
    else:
        assert shown == raw, where


@pytest.mark.slow  # one `show` per fact of the base: CI runs it
def test_every_fact_is_reachable_with_show(runner: CliRunner) -> None:
    for kind, fact in ALL_FACTS:
        out = run(runner, "show", fact["id"]).stdout
        assert fact["id"] in out
        assert passages(fact)[0][:12] in out.replace("\n", "")
        data = json.loads(run(runner, "show", fact["id"], "-f", "json").stdout)
        assert data["kind"] == kinds.by_section(kind).name
        raw = _normalize(fact)
        if kind == "market":  # 'kind' is aigap's record kind; the file's is subject_kind
            raw["subject_kind"] = raw.pop("kind")
        _contains(data, raw, fact["id"])
        assert all(set(d) == {"label", "value", "basis"} for d in data["derived"])
        assert data["citation"]


def test_show_sources_and_benchmarks(runner: CliRunner) -> None:
    for source in RAW["sources"]:
        data = json.loads(run(runner, "show", source["id"], "-f", "json").stdout)
        assert data["kind"] == "source"
        _contains(data, _normalize(source), source["id"])
    for bench in RAW["benchmarks"]:
        data = json.loads(run(runner, "show", bench["id"], "-f", "json").stdout)
        assert data["kind"] == "benchmark"
        _contains(data, bench, bench["id"])
    mmlu = json.loads(run(runner, "show", "mmlu", "-f", "json").stdout)
    assert mmlu["facts"] == ["gap-mmlu"]


def test_show_table_has_labels_passage_and_citation(runner: CliRunner) -> None:
    out = run(runner, "show", "market-nvidia-2025-01-27").stdout
    for text in ("passage (verbatim)", "passage_en", "note", "citation", "118.42", "-16.9"):
        assert text in out
    assert "Maeil Business Newspaper" in out


def test_show_csv_and_markdown_are_field_value_rows(runner: CliRunner) -> None:
    rows = list(csv.DictReader(io.StringIO(run(runner, "show", "gap-mmlu", "-f", "csv").stdout)))
    fields = {r["field"]: r["value"] for r in rows}
    assert fields["id"] == "gap-mmlu" and fields["kind"] == "gap"
    assert "17.5" in fields["values"]
    markdown = run(runner, "show", "gap-mmlu", "-f", "markdown").stdout
    assert markdown.startswith("| Field | Value |")


def test_show_prints_derived_values(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import msgspec

    from aigap.answers import crosscheck

    class Derived(msgspec.Struct, frozen=True):
        label: str
        value: str
        basis: str

    monkeypatch.setattr(
        crosscheck,
        "derived_for",
        lambda store, fact: [Derived("times narrower", "58.3×", "17.5 / 0.3")],
    )
    out = run(runner, "show", "gap-mmlu").stdout
    assert "Derived" in out and "not in the article" in out and "58.3×" in out
    data = json.loads(run(runner, "show", "gap-mmlu", "-f", "json").stdout)
    assert data["derived"] == [{"label": "times narrower", "value": "58.3×", "basis": "17.5 / 0.3"}]


# Errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "nvida"], "did you mean 'nvidia'?"),
        (["show", "altmn"], "did you mean 'sam-altman'?"),
        (["show", "gap-mmluu"], "did you mean 'gap-mmlu'?"),
        (["cite", "quote-altman"], "did you mean 'sam-altman'"),
        (["scores", "arenna"], "did you mean 'chatbot-arena'?"),
        (["scores", "mmlu"], "no scores for benchmark 'mmlu'"),
        (["facts", "--kind", "rumours"], "rumours"),
        (["market", "--format", "xml"], "xml"),
        (["cite", "gap-mmlu", "--style", "mla"], "mla"),
    ],
)
def test_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert result.stdout == "" or "Usage" in result.output


def test_search_without_match_is_not_an_error(runner: CliRunner) -> None:
    assert "(nothing matches)" in run(runner, "search", "zzzz-no-such-thing").stdout
    assert as_json(runner, "search", "zzzz-no-such-thing") == []
    text = run(runner, "search", "zzzz-no-such-thing", "-f", "csv").stdout
    assert text == (
        "rank,id,kind,score,headline,date,date_precision,date_start,date_end,who,source_id,"
        "original_source_id,field,snippet,weak\n"
    )


def test_search_ranks_names_before_passages(runner: CliRunner) -> None:
    hits = as_json(runner, "search", "Nvidia")
    # the answer first, then the entity's card (its page is `aigap show nvidia`)
    assert [h["id"] for h in hits[:2]] == ["market-nvidia-2025-01-27", "nvidia"]
    assert any(h["kind"] == "claim" for h in hits)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    altman = as_json(runner, "search", "올트먼")
    assert {h["id"] for h in altman[:3]} == {
        "quote-altman-impressive",
        "quote-altman-new-competitor",
        "quote-altman-better-models",
    }
    assert as_json(runner, "search", "gap-mmlu")[0]["id"] == "gap-mmlu"
    aliases = {h["id"] for h in as_json(runner, "search", "multitask")}
    assert {"mmlu", "gap-mmlu"} <= aliases


# Languages ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "korean"),
    [
        (["scores"], ["구글", "중국", "순위"]),
        (["market"], ["엔비디아", "118.42달러", "약 850조원"]),
        (["costs"], ["558만 달러", "약 78억8000만원", "10분의 1"]),
        (["quotes"], ["샘 올트먼", "오픈 AI CEO"]),
        (["facts", "--kind", "claims"], ["딥시크"]),
        (["sources"], ["임진수 특파원", "매일경제"]),
        (["show", "quote-trump-wake-up-call"], ["도널드 트럼프", "항목"]),
    ],
)
def test_lang_ko(runner: CliRunner, args: list[str], korean: list[str]) -> None:
    out = run(runner, *args, "--lang", "ko").stdout
    for text in korean:
        assert text in out


def test_lang_from_environment(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGAP_LANG", "ko")
    assert as_json(runner, "market")[0]["subject"] == "브로드컴"


def test_korean_table_aligns(runner: CliRunner) -> None:
    import re

    lines = run(runner, "market", "--lang", "ko").stdout.splitlines()
    moves = [m for m in (re.search(r"-\d+\.\d+%", line) for line in lines) if m]
    assert len(moves) == len(raw_facts("market"))
    # the Move column's right edge is at the same cell for every company
    ends = {cell_len(m.string[: m.end()]) for m in moves}
    assert len(ends) == 1


# Narrow terminals -----------------------------------------------------------

NUMBERS = {
    ("scores",): ["1385", "1366", "1362", "79.8%", "79.2%", "97.3%", "+19", "+0.6 pp"],
    ("market",): ["-16.9%", "-17.4%", "-13.8%", "-12.5%", "-3.07%", "$118.42"],
    ("market", "--lang", "ko"): ["118.42달러", "약 850조원", "-16.9%"],
    ("costs",): ["$5.58 million", "~7.88 billion won", "$2/GPU-hour", "2 months"],
    ("costs", "--lang", "ko"): ["558만 달러", "약 78억8000만원", "시간당 2달러"],
    ("sources",): ["2025-04-08*", "2025-01-29"],
    ("show", "market-nvidia-2025-01-27"): ["118.42", "-16.9", "850,000,000,000,000"],
}


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("args", list(NUMBERS), ids=[" ".join(a) for a in NUMBERS])
def test_narrow_terminal_keeps_numbers_whole(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    out = run(runner, *args).stdout
    for number in NUMBERS[args]:
        assert number in out, number
    assert max(cell_len(line) for line in out.splitlines()) <= width


# Markup and control characters in the fact file --------------------------------


def test_fact_text_is_never_markup(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load((REPO / "facts.yaml").read_text(encoding="utf-8"))
    # (a control character is refused by the reader: tests/test_text_is_data.py)
    hostile = "[bold red]boom[/bold red] red\u202e\u2028"
    data["claims"][0]["claim"]["en"] = hostile
    data["quotes"][0]["speaker"]["en"] = "[link=x]Evil[/link]"
    path = tmp_path / "facts.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    claim_id = data["claims"][0]["id"]
    for args in (
        ["facts", "--kind", "claims"],
        ["show", claim_id],
        ["search", "boom"],
        ["quotes"],
        ["cite", claim_id],
    ):
        out = run(runner, "--no-packaged", "--facts", str(path), *args).stdout
        assert "\u202e" not in out and "\u2028" not in out, args
    assert (
        "[bold red]boom[/bold red]"
        in run(runner, "--no-packaged", "--facts", str(path), "show", claim_id).stdout
    )
    assert (
        "[link=x]Evil[/link]" in run(runner, "--no-packaged", "--facts", str(path), "quotes").stdout
    )
    shown = json.loads(
        run(runner, "--no-packaged", "--facts", str(path), "show", claim_id, "-f", "json").stdout
    )
    assert shown["claim"]["en"] == hostile  # JSON escapes, but keeps, the text


# cite -----------------------------------------------------------------------


def test_cite_plain(runner: CliRunner) -> None:
    out = run(runner, "cite", "gap-mmlu").stdout
    assert out.startswith("Lim, Jin-su.")  # family, given: no job title
    assert "'Dipsikeu hyogwa'\n[US–China AI technology gap" in out  # romanised [translated]
    assert "date inferred" in out
    assert "For fact gap-mmlu (gap)" in out and "17.5%에 달했지만" not in out
    source = run(runner, "cite", "mk-2025-01-29").stdout
    assert "Maeil Business Newspaper" in source and "Fact" not in source
    assert all(len(line) <= 80 for line in source.splitlines())  # wrapped at spaces
    assert "추동훈, 「중국 AI의 공습" in run(runner, "cite", "mk-2025-01-29", "--lang", "ko").stdout


def test_cite_bibtex(runner: CliRunner) -> None:
    out = run(runner, "cite", "quote-altman-impressive", "--style", "bibtex").stdout
    # keyed by source: the post's words first, then the article they came through
    assert out.startswith("@misc{sama-x-2025-01-28,\n")
    assert "@article{mk-2025-01-29,\n" in out
    assert "@article{techstartups-2025-01-28,\n" in out  # the page that embeds the post
    assert out.rstrip().endswith("}")
    assert "month = jan" in out and "year = {2025}" in out
    depth = 0
    for char in out.replace("\\{", "").replace("\\}", ""):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0


def test_a_source_with_only_an_english_headline_shows_it_once(runner: CliRunner) -> None:
    """The table shows the Korean headline and under it the English one; a source with
    no Korean headline (ai-index-2025, the X posts) showed its English one twice."""
    out = runner.invoke(app, ["sources"], env={"NO_COLOR": "1", "COLUMNS": "200"}).stdout
    assert out.count("Artificial Intelligence Index Report 2025") == 1
    assert out.count("DeepSeek-V3 Technical Report") == 1
    assert out.count("美-中 AI 기술격차") == 1 and "US–China AI technology gap" in out


@pytest.mark.parametrize("args", [["gap"], ["scores"], ["market"], ["quotes"], ["timeline"]])
def test_markdown_keeps_the_notes_and_sources_under_its_table(
    runner: CliRunner, args: list[str]
) -> None:
    """A Markdown table pasted into a report had no source, and its "*" no meaning."""
    table = run(runner, *args).stdout
    markdown = run(runner, *args, "-f", "markdown").stdout
    after = markdown.split("\n\n", 1)[1]  # the paragraphs after the table
    assert "mk-2025-01-29: " in after or "Source: " in after
    if "*" in table.split("\n", 2)[2]:
        assert "\\* " in after  # the inferred-date mark explained, escaped
