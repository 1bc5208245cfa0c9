"""aigap verify: a draft's figures, dates and quotations checked against the base."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.answers import draft, verify
from aigap.cli import app

ENGLISH = """\
Nvidia shares fell nearly 17% on January 27, wiping out about 850 billion won of market value.
On MMLU the US–China gap shrank to 0.3 percentage points at the end of 2024.
"""
KOREAN = "엔비디아 주가는 27일 17% 가까이 폭락했다. 나스닥 지수는 3.07% 하락했다.\n"
KEYS = ["line", "text", "figure", "verdict", "fact_id", "says", "source_id"]
VERDICTS = list(verify.VERDICTS)  # the summary's keys, in the report's order


def _json(runner: CliRunner, args: list[str], stdin: str | None = None) -> tuple[int, dict]:
    result = runner.invoke(app, ["verify", *args, "-f", "json"], input=stdin)
    return result.exit_code, json.loads(result.stdout)


def test_json_shape(runner: CliRunner) -> None:
    _, data = _json(runner, [], ENGLISH)
    assert list(data) == ["claims", "summary"]
    assert list(data["summary"]) == VERDICTS
    for claim in data["claims"]:
        assert list(claim) == KEYS
        assert claim["verdict"] in VERDICTS
        assert isinstance(claim["line"], int)
        if claim["verdict"] == "unverified":
            assert claim["fact_id"] is None and claim["says"] is None
            assert claim["source_id"] is None
    by_figure = {c["figure"]: c for c in data["claims"]}
    assert by_figure["nearly 17%"]["verdict"] == "supported"
    assert by_figure["nearly 17%"]["fact_id"] == "market-nvidia-2025-01-27"
    assert by_figure["nearly 17%"]["source_id"] == "mk-2025-01-29"
    assert by_figure["about 850 billion won"]["verdict"] == "wrong-unit"
    assert by_figure["0.3 percentage points"]["line"] == 2
    assert sum(data["summary"].values()) == len(data["claims"])


def test_exit_codes(runner: CliRunner) -> None:
    assert runner.invoke(app, ["verify"], input=KOREAN).exit_code == 0
    assert runner.invoke(app, ["verify"], input=ENGLISH).exit_code == 1  # a wrong unit
    assert runner.invoke(app, ["verify", "/no/such/draft.md"]).exit_code == 2
    assert runner.invoke(app, ["verify", "-f", "yaml"], input=KOREAN).exit_code == 2


def test_file_stdin_and_dash_agree(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    from_file = _json(runner, [str(path)])
    assert from_file == _json(runner, ["-"], ENGLISH) == _json(runner, [], ENGLISH)


def test_korean_draft_in_korean(runner: CliRunner) -> None:
    result = runner.invoke(app, ["verify", "--lang", "ko"], input=KOREAN)
    assert result.exit_code == 0
    assert "확인됨" in result.stdout and "주장 2건" in result.stdout
    _, data = _json(runner, [], KOREAN)
    assert [c["fact_id"] for c in data["claims"]] == [
        "market-nvidia-2025-01-27",
        "market-nasdaq-2025-01-27",
    ]


def test_markdown_code_and_links_are_skipped(runner: CliRunner) -> None:
    draft = """# Draft

Nvidia shares fell 16.9% on January 27 ([Reuters](https://example.com/nvidia-fell-99%)).

```
Nvidia shares fell 42% that day.
```

`Nvidia fell 55%` is not prose either.
"""
    _, data = _json(runner, [], draft)
    assert [(c["line"], c["figure"], c["verdict"]) for c in data["claims"]] == [
        (3, "16.9%", "supported")
    ]


def test_a_draft_without_claims(runner: CliRunner) -> None:
    draft = "The weather in Seoul was mild. Apple's shares rose 2% on Tuesday.\n"
    code, data = _json(runner, [], draft)
    assert code == 0 and data["claims"] == []
    result = runner.invoke(app, ["verify"], input=draft)
    assert result.exit_code == 0 and "No claim" in result.stdout
    assert runner.invoke(app, ["verify"], input="").exit_code == 0


def test_not_utf8_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes("엔비디아 17%".encode("euc-kr"))
    result = runner.invoke(app, ["verify", str(path)])
    assert result.exit_code == 2
    assert "UTF-8" in result.stderr
    result = runner.invoke(app, ["verify", str(tmp_path)])
    assert result.exit_code == 2 and "directory" in result.stderr


def test_markdown_checklist(runner: CliRunner) -> None:
    result = runner.invoke(app, ["verify", "-f", "markdown"], input=ENGLISH)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# Fact check of")
    assert any(line.startswith("- [x] line 1: **supported**") for line in lines)
    assert any(line.startswith("- [ ] line 1: **wrong unit**") for line in lines)


def test_quotes_and_misattribution(runner: CliRunner) -> None:
    draft = (
        'Sam Altman called R1 "AI\'s Sputnik moment".\n'
        "샘 올트먼은 “딥시크 R1은 특히 가격을 고려하면 인상적인 모델”이라고 평가했다.\n"
    )
    code, data = _json(runner, [], draft)
    verdicts = [(c["verdict"], c["fact_id"]) for c in data["claims"]]
    assert verdicts == [
        ("misattributed", "quote-andreessen-sputnik"),
        ("supported", "quote-altman-impressive"),
    ]
    assert code == 1
    # the English words are Andreessen's own: cited from their source, not the article;
    # the Korean words are the article's translation
    assert [c["source_id"] for c in data["claims"]] == ["usa-newnews-2025-01-27", "mk-2025-01-29"]


def test_checklist_is_markdown_and_the_draft_stays_text(runner: CliRunner) -> None:
    from markdown_it import MarkdownIt

    draft = (
        'Sam Altman called R1 "AI\'s Sputnik moment" <script>alert(1)</script> | *x* '
        "[a](javascript:alert(1)).\n"
        "Nvidia fell 16.9% on January 27 — `code` **bold** <b>html</b>.\n"
    )
    result = runner.invoke(app, ["verify", "-f", "markdown"], input=draft)
    tokens = MarkdownIt("commonmark").parse(result.stdout)
    inline = [c for t in tokens if t.children for c in t.children]
    assert not [t for t in tokens if t.type == "html_block"]
    assert not [c for c in inline if c.type in ("html_inline", "link_open", "code_inline")]
    items = [t for t in tokens if t.type == "list_item_open" and t.level == 1]
    assert len(items) == 2  # one task per claim
    text = "".join(c.content for c in inline if c.type == "text")
    assert "<script>" in text and "*x*" in text


def test_table_in_korean_names_every_column(runner: CliRunner) -> None:
    result = runner.invoke(app, ["verify", "--lang", "ko"], input=ENGLISH, env={"COLUMNS": "200"})
    head = result.stdout.splitlines()[1]
    for word in ("줄", "주장", "판정", "사실 기반의 기록", "사실 ID", "출처"):
        assert word in result.stdout
    assert "단위 오류" in result.stdout and "supported" not in head


def test_someone_elses_number_and_words(runner: CliRunner) -> None:
    draft = (
        "DeepSeek R1 scored 79.2% on AIME 2024.\n"
        "리카이푸는 “지금은 핵심기술 중 일부는 5개월 정도 뒤처진다”고 말했다.\n"
    )
    _, data = _json(runner, [], draft)
    first, second = data["claims"]
    assert (first["verdict"], first["fact_id"]) == ("contradicted", "score-aime-r1")
    assert "79.8%" in first["says"] and "o1" in first["says"]  # and whose 79.2% it is
    assert (second["verdict"], second["fact_id"]) == ("contradicted", "quote-kaifu-lee-months")


def test_the_speakers_own_words_cite_their_own_source(runner: CliRunner) -> None:
    draft = (
        "Kai-Fu Lee told Reuters: \"now I think that's probably three months behind in some"
        ' of the core technologies, but actually ahead in some specific areas".\n'
        "리카이푸는 “지금은 핵심기술 중 일부는 3개월 정도 뒤처진다”고 말했다.\n"
    )
    _, data = _json(runner, [], draft)
    english, korean = data["claims"]
    assert english["verdict"] == korean["verdict"] == "supported"
    assert english["fact_id"] == korean["fact_id"] == "quote-kaifu-lee-months"
    assert english["source_id"] != "nocut-2025-04-08"  # the interview's, not the article's
    assert korean["source_id"] == "nocut-2025-04-08"  # the article's Korean words


def test_no_draft_at_a_terminal_is_a_usage_error(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aigap.cli.verify

    monkeypatch.setattr(aigap.cli.verify, "_interactive", lambda: True)
    result = runner.invoke(app, ["verify"])
    assert result.exit_code == 2 and "no draft" in result.stderr
    result = runner.invoke(app, ["verify", "--lang", "ko"])
    assert result.exit_code == 2 and "초안이 없습니다" in result.stderr
    assert runner.invoke(app, ["verify", "-"], input=KOREAN).exit_code == 0  # "-" reads anyway


def test_a_contradiction_says_what_differs(runner: CliRunner) -> None:
    """The number is right but the day or the direction is not: the report says which,
    so the writer does not hunt for a difference in the number."""
    draft = "Nvidia lost 16.9% on Jan. 28, 2025.\nThe Nasdaq rose 3.07% on January 27, 2025.\n"
    _, data = _json(runner, [], draft)
    date, direction = data["claims"]
    assert date["verdict"] == direction["verdict"] == "contradicted"
    assert "the draft's date (Jan. 28, 2025) does not" in date["says"]
    assert "its direction (up or down) does not" in direction["says"]
    _, korean = _json(runner, ["--lang", "ko"], draft)
    assert "초안의 날짜(Jan. 28, 2025)가 다름" in korean["claims"][0]["says"]


def test_a_wrong_date_and_a_wrong_direction_are_both_said(runner: CliRunner) -> None:
    """'rose 16.9% on January 28' (fell, on the 27th): both differences in one report, not
    the date alone (the writer would fix it and be told of the direction next)."""
    _, data = _json(runner, [], "Nvidia shares rose 16.9% on January 28, 2025.\n")
    (claim,) = data["claims"]
    assert claim["verdict"] == "contradicted"
    assert "the draft's date (January 28, 2025) and its direction (up or down)" in claim["says"]
    _, korean = _json(runner, ["--lang", "ko"], "엔비디아 주가는 1월 28일 16.9% 상승했다.\n")
    assert "초안의 날짜(1월 28일)와 방향(상승·하락)이 다름" in korean["claims"][0]["says"]


def test_a_range_of_days_holds_the_day_inside_it(runner: CliRunner) -> None:
    """'1월 27~28일', '1월 27일~28일', 'January 26 to 28' cover the 27th: supported, not
    read as their last (or first) day alone; a range without that day still differs."""
    draft = (
        "엔비디아 주가는 1월 27~28일 16.9% 하락했다.\n"
        "엔비디아 주가는 지난 27일~28일 16.9% 하락했다.\n"
        "Nvidia shares fell 16.9% on January 26 to 28, 2025.\n"
        "Nvidia shares fell 16.9% on January 28-29, 2025.\n"
    )
    _, data = _json(runner, [], draft)
    verdicts = [c["verdict"] for c in data["claims"]]
    assert verdicts == ["supported", "supported", "supported", "contradicted"]
    assert "the draft's date (January 28-29, 2025) does not" in data["claims"][3]["says"]
    months = "딥시크는 2023년 5~6월 설립됐다.\n딥시크는 6월~7월 설립됐다.\n"
    _, data = _json(runner, [], months)
    assert [(c["figure"], c["verdict"]) for c in data["claims"]] == [
        ("2023년 5~6월", "supported"),
        ("6월~7월", "contradicted"),
    ]


def test_one_claim_is_singular(runner: CliRunner) -> None:
    result = runner.invoke(app, ["verify"], input="The Nasdaq fell 3.07% on January 27, 2025.\n")
    assert result.output.rstrip().endswith("1 claim: 1 supported.")


def test_a_figure_of_another_date_says_whose_it_is(runner: CliRunner) -> None:
    """17.5 pp is the MMLU gap at the end of 2023, not 2024: the report says both."""
    _, data = _json(runner, [], "The MMLU gap was 17.5 percentage points at the end of 2024.\n")
    (claim,) = data["claims"]
    assert claim["verdict"] == "contradicted"
    assert claim["says"].startswith("0.3 pp (MMLU, end of 2024); ")
    assert "matches 17.5 pp (MMLU, end of 2023)" in claim["says"]


def test_the_report_table_never_breaks_a_word(runner: CliRunner) -> None:
    draft = "The MMLU gap was 17.5 percentage points at the end of 2024.\n"
    result = runner.invoke(app, ["verify"], input=draft, env={"COLUMNS": "80"})
    words = {w for line in result.output.splitlines() for w in line.split()}
    assert "percentage" in words and "percent" not in words


def test_a_date_no_calendar_has_is_a_finding(runner: CliRunner) -> None:
    """February 30, 2025-02-30, 32 January, 2025년 13월 27일: reported as impossible (exit 1)
    in both languages, whatever the sentence is about; the figure beside one is still checked."""
    draft = (
        "DeepSeek released R1 on February 30, 2025.\n"
        "Nvidia fell 16.9% on 2025-02-30.\n"
        "The weather was mild on 32 January.\n"
        "딥시크는 2025년 13월 27일 R1을 출시했다.\n"
        "엔비디아 주가는 1월 32일 16.9% 폭락했다.\n"
        "It was announced on February 29, 2025.\n"
    )
    code, data = _json(runner, [], draft)
    assert code == 1
    found = [(c["line"], c["figure"], c["verdict"]) for c in data["claims"]]
    assert found == [
        (1, "February 30, 2025", "impossible-date"),
        (2, "16.9%", "supported"),
        (2, "2025-02-30", "impossible-date"),
        (3, "32 January", "impossible-date"),
        (4, "2025년 13월 27일", "impossible-date"),
        (5, "1월 32일", "impossible-date"),
        (5, "16.9%", "supported"),
        (6, "February 29, 2025", "impossible-date"),
    ]
    says = [c["says"] for c in data["claims"] if c["verdict"] == "impossible-date"]
    assert says[0].startswith("no such date: February 2025 has 28 days; the base has 2025-01-20")
    assert data["claims"][0]["fact_id"] == "event-r1-release"  # what happened, when
    assert says[3].startswith("no such date: there is no month 13")
    assert data["summary"]["impossible-date"] == 6
    _, korean = _json(runner, ["--lang", "ko"], draft)
    says = [c["says"] for c in korean["claims"] if c["verdict"] == "impossible-date"]
    assert says[0].startswith("있을 수 없는 날짜: 2025년 2월은 28일까지")
    assert says[3].startswith("있을 수 없는 날짜: 13월은 없음")
    table = runner.invoke(app, ["verify", "--lang", "ko"], input=draft).stdout
    assert "없는 날짜 6건" in table and "impossible" not in table
    checklist = runner.invoke(app, ["verify", "-f", "markdown"], input=draft).stdout
    assert "**impossible**" in checklist and "(, )" not in checklist


def test_what_only_looks_like_an_impossible_date_is_not_one(runner: CliRunner) -> None:
    """A season (2024-25), the idiom 13월의 월급, a count of days (32일 만에), a count after
    a month ("In April 31 companies"), a leap day: no finding."""
    draft = (
        "The 2024-25 season ended.\n"
        "13월의 월급이 나왔다.\n"
        "딥시크는 32일 만에 모델을 내놨다.\n"
        "In April 31 companies filed, Nvidia said.\n"
        "Nvidia said on February 29, 2024 that it would grow.\n"
    )
    code, data = _json(runner, [], draft)
    assert code == 0
    assert [c for c in data["claims"] if c["verdict"] == "impossible-date"] == []


def test_a_day_of_the_week_the_date_did_not_fall_on(runner: CliRunner) -> None:
    draft = (
        "On Tuesday, January 27, 2025, Nvidia shares fell 16.9%.\n"
        "On Monday, January 27, 2025, Nvidia shares fell 16.9%.\n"
        "엔비디아 주가는 2025년 1월 27일(화) 16.9% 폭락했다.\n"
    )
    code, data = _json(runner, [], draft)
    assert code == 1
    wrong = [c for c in data["claims"] if c["verdict"] == "impossible-date"]
    assert [c["line"] for c in wrong] == [1, 3]
    assert wrong[0]["says"] == "no such date: 27 January 2025 was a Monday, not a Tuesday"
    _, korean = _json(runner, ["--lang", "ko"], draft)
    says = [c["says"] for c in korean["claims"] if c["verdict"] == "impossible-date"]
    assert says[1] == "있을 수 없는 날짜: 2025년 1월 27일은 화요일이 아니라 월요일"


def test_an_unchecked_figure_of_a_carried_subject_is_unverified(runner: CliRunner) -> None:
    """A sentence that names nothing but goes on about the last one's subject: its figure
    is reported as unverified, not left out as if about nothing."""
    draft = (
        "DeepSeek said it spent only $5.58 million to build V3.\n"
        "Investors later poured $300 million into the startup.\n"
    )
    _, data = _json(runner, [], draft)
    assert [(c["figure"], c["verdict"]) for c in data["claims"]] == [
        ("$5.58 million", "supported"),
        ("$300 million", "unverified"),
    ]
    # a total is never a rate at another scale: $1.6 billion is not "$2 an hour" x 10^9
    draft = "DeepSeek rented H800 chips at $2 an hour. Its backers spent $1.6 billion.\n"
    _, data = _json(runner, [], draft)
    assert "wrong-unit" not in [c["verdict"] for c in data["claims"]]


def test_a_translation_in_quotation_marks_is_not_the_speakers_words(runner: CliRunner) -> None:
    """Altman wrote "legit invigorating"; "very encouraging" renders the article's Korean.
    The report gives his own words, in a Korean run too; his own words are supported."""
    draft = (
        'Sam Altman wrote that "it is very encouraging to have a new competitor".\n'
        'Sam Altman wrote that it is "legit invigorating to have a new competitor".\n'
        "샘 올트먼은 “새로운 경쟁자가 있다는 것은 매우 고무적인 일”이라고 밝혔다.\n"
    )
    code, data = _json(runner, [], draft)
    assert code == 1
    assert [c["verdict"] for c in data["claims"]] == ["contradicted", "supported", "supported"]
    assert "legit invigorating" in data["claims"][0]["says"]
    assert "not the speaker's own" in data["claims"][0]["says"]
    _, korean = _json(runner, ["--lang", "ko"], draft)
    assert "legit invigorating" in korean["claims"][0]["says"]
    assert "발언자 본인의 말이 아님" in korean["claims"][0]["says"]


def test_the_claim_column_stays_readable_in_a_wide_terminal(runner: CliRunner) -> None:
    """At 120 columns the claim is not one word a line beside a wide side column."""
    draft = (
        "Nvidia fell 16.9% on January 27, 2025, wiping out about 850 billion won of market"
        " value in a single day.\n"
    )
    result = runner.invoke(app, ["verify"], input=draft, env={"COLUMNS": "120"})
    assert "Nvidia fell 16.9% on January" in result.stdout


def test_a_binary_or_utf16_draft(runner: CliRunner, tmp_path: Path) -> None:
    """A Word file or anything with NUL bytes is not text (exit 2, saying so, not "line 1");
    UTF-16 with its BOM (Windows Notepad's "Unicode") is read; CRLF and a BOM are fine."""
    docx = tmp_path / "story.docx"
    docx.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Nvidia fell 16.9%\x00\x00\x00")
    for path in (docx, nul):
        result = runner.invoke(app, ["verify", str(path)])
        assert result.exit_code == 2 and "is not text" in result.stderr
    result = runner.invoke(app, ["verify", "--lang", "ko", str(docx)])
    assert result.exit_code == 2 and "텍스트가 아닙니다" in result.stderr
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Nvidia fell 16.9% on January 27, 2025.\r\n".encode("utf-16"))
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbfNasdaq 0\r\nNvidia fell 16.9% on January 27, 2025.\r\n")
    for path, line in ((utf16, 1), (crlf, 2)):
        code, data = _json(runner, [str(path)])
        assert code == 0
        assert [(c["line"], c["verdict"]) for c in data["claims"]] == [(line, "supported")]


def test_ranges_dotted_dates_single_and_split_quotes(runner: CliRunner) -> None:
    """'between 17% and 18%' is one range (18% was called contradicted); '2025. 1. 20.' is a
    date, not three sentences; 'single quotes' and a quotation split by its attribution
    are quotations."""
    draft = (
        "Broadcom lost between 17% and 18%.\n"
        "딥시크는 2025. 1. 20. R1을 출시했다.\n"
        "'We will obviously deliver much better models,' Altman posted.\n"
        "“Deepseek R1 is,” Marc Andreessen wrote, “AI’s Sputnik moment.”\n"
    )
    code, data = _json(runner, [], draft)
    found = [(c["line"], c["figure"], c["verdict"], c["fact_id"]) for c in data["claims"]]
    assert found == [
        (1, "between 17% and 18%", "supported", "market-broadcom-2025-01-27"),
        (2, "2025. 1. 20.", "supported", "event-r1-release"),
        (
            3,
            "We will obviously deliver much better models,",
            "supported",
            "quote-altman-better-models",
        ),
        (4, "Deepseek R1 is AI’s Sputnik moment.", "supported", "quote-andreessen-sputnik"),
    ]
    assert code == 0


def test_a_difference_is_checked_against_the_bases_differences(runner: CliRunner) -> None:
    """'shrank by 17.2 points' is 17.5 - 0.3, not the gap's level (it was contradicted);
    a wrong difference is contradicted with the right one; a level stays a level."""
    draft = (
        "On MMLU, the US lead shrank by 17.2 percentage points in a year, to just 0.3 points.\n"
        "The MMMU gap shrank by 3.4 points over the same period.\n"
        "In the Arena, Google's 1,385 was just 23 points above DeepSeek's 1,362.\n"
        "MMLU 격차는 1년 새 17.2%p 줄었다.\n"
        "The top US model led by 1.7% on the Chatbot Arena in February 2025.\n"
    )
    _, data = _json(runner, [], draft)
    found = [(c["figure"], c["verdict"], c["fact_id"]) for c in data["claims"]]
    assert found == [
        ("17.2 percentage points", "supported", "gap-mmlu"),
        ("0.3 points", "supported", "gap-mmlu"),
        ("3.4 points", "contradicted", "gap-mmmu"),
        ("1,385", "supported", "score-arena-google-2025-02"),
        ("23 points", "supported", "score-arena-google-2025-02"),
        ("1,362", "supported", "score-arena-deepseek-2025-02"),
        ("17.2%p", "supported", "gap-mmlu"),
        ("1.7%", "supported", "gap-arena"),
    ]
    assert data["claims"][2]["says"].startswith("a difference of 5.4 pp: 13.5 pp (MMMU")


def test_korean_reported_speech_a_score_line_and_a_lower_case_model(runner: CliRunner) -> None:
    """'트럼프 대통령은 …라고 말했다' without quotation marks is Trump's statement (it was
    not reported: the speaker sat inside the words); 'R1 edged out o1, 79.8% to 79.2%' gives
    the figures to the names in order; a sentence may start with 'o1'."""
    draft = (
        "트럼프 대통령은 딥시크 R1이 AI의 스푸트니크 모먼트라고 말했다.\n"
        "리카이푸는 딥시크의 성공으로 미중 AI 기술 격차가 거의 없다고 주장했다.\n"
        "DeepSeek's R1 edged out o1 on AIME 2024, 79.8% to 79.2%. o1 scored 79.8% on AIME 2024.\n"
        "DeepSeek's founder Liang Wenfeng started the company in 2023.\n"
    )
    _, data = _json(runner, [], draft)
    found = [(c["line"], c["verdict"], c["fact_id"]) for c in data["claims"]]
    assert found == [
        (1, "misattributed", "quote-andreessen-sputnik"),
        (2, "supported", "quote-kaifu-lee-gap-almost-none"),
        (3, "supported", "score-aime-r1"),
        (3, "supported", "score-aime-o1"),
        (3, "contradicted", "score-aime-o1"),
        (4, "supported", "event-deepseek-founded"),
    ]


def test_a_possessive_ends_a_sentence_and_a_carried_subject_is_no_contradiction(
    runner: CliRunner,
) -> None:
    """ "… than Meta's. Shares of Nvidia fell …" is two sentences (the 's was read as an
    initial, so Nvidia's name reached the first one's 90%); a different figure about a
    subject only carried from the sentence before is unverified, not contradicted."""
    draft = (
        "DeepSeek says V3 cost $5,580,000 to train.\n"
        "The bill was about 90% cheaper than Meta's. Shares of Nvidia fell 16.9% that day.\n\n"
        "DeepSeek said it spent $5.58 million to build V3.\n"
        "Critics say the true cost was $1.6 billion.\n"
    )
    _, data = _json(runner, [], draft)
    found = [(c["figure"], c["verdict"]) for c in data["claims"]]
    assert found == [
        ("$5,580,000", "supported"),
        ("about 90%", "unverified"),
        ("16.9%", "supported"),
        ("$5.58 million", "supported"),
        ("$1.6 billion", "unverified"),
    ]


def test_text_without_sentence_ends_is_read_in_pieces() -> None:
    """A pasted table or a list without full stops is one 'sentence' hundreds of KB long:
    read in pieces cut between words, each claim still on its own line (verify took
    minutes on such a draft; its work grew with the square of the sentence)."""
    from aigap.answers.draft import MAX_SENTENCE, sentences

    text = "Nvidia fell 16.9%\n" * 2000 + "Nvidia 16.9% " * 2000
    found = sentences(text)
    assert max(len(s.text) for s in found) <= MAX_SENTENCE
    assert found[0].first_line == 1 and found[-1].first_line == 2001
    assert sum(s.text.count("16.9%") for s in found) == 4000
    lines = [s.line_at(s.text.index("16.9%")) for s in found[:3]]
    assert lines == sorted(lines) and lines[0] == 1


def test_a_pause_inside_a_quotation_ends_no_sentence(runner: CliRunner) -> None:
    """The article joins Lee's words with '…'; a draft quoting them whole (or an English
    quotation of two sentences) is one quotation, checked as one."""
    draft = (
        "리카이푸는 “이전에 6~9개월 격차가 있었고 … 지금은 핵심기술 중 일부는 3개월 정도"
        " 뒤처진다”고 말했다.\n"
        "\"We will obviously deliver much better models. It's legit invigorating to have a new"
        ' competitor!" Altman wrote.\n'
    )
    _, data = _json(runner, [], draft)
    found = [(c["line"], c["verdict"], c["fact_id"]) for c in data["claims"]]
    assert found[0] == (1, "supported", "quote-kaifu-lee-months")
    assert [f for f in found if f[0] == 1] == [found[0]]
    assert [f[1] for f in found if f[0] == 2] == ["supported"]


def test_hyphenated_figures(runner: CliRunner) -> None:
    """'a 17.5-point lead', 'a 0.3-percentage-point gap', 'a $5.6-million model' (read as
    $5.6 and called a wrong unit), 'a three-month rental' were missed or misread."""
    draft = (
        "On MMLU, the US held a 17.5-point lead at the end of 2023.\n"
        "By the end of 2024 that had become a 0.3-percentage-point gap.\n"
        "DeepSeek's $5.6-million model rattled markets.\n"
        "DeepSeek's three-month rental of H800 chips cost $2 an hour.\n"
        "The 2024-25 season of R1-Lite.\n"
    )
    _, data = _json(runner, [], draft)
    assert [(c["figure"], c["verdict"]) for c in data["claims"]] == [
        ("17.5-point", "supported"),
        ("0.3-percentage-point", "supported"),
        ("$5.6-million", "supported"),
        ("three-month", "contradicted"),
        ("$2", "supported"),
    ]


def test_an_unreadable_draft_on_standard_input_is_named_in_words(runner: CliRunner) -> None:
    result = runner.invoke(app, ["verify", "-"], input=b"caf\xe9 16.9%\n")
    assert result.exit_code == 2
    assert "the draft on standard input is not UTF-8 text (line 1)" in result.stderr
    result = runner.invoke(app, ["verify"], input=bytes(range(256)) * 8)
    assert result.exit_code == 2 and "is not text" in result.stderr


def test_digits_in_the_wrong_currency_and_scale_and_events_that_tie(runner: CliRunner) -> None:
    """'850억 달러' for 850조원 is a wrong unit (was unverified); a date for 'a new model'
    of DeepSeek's is put against each release the base has, not one picked at random."""
    draft = (
        "엔비디아의 시가총액 약 850억 달러가 하루 만에 사라졌다.\n"
        "딥시크는 2025년 2월 3일 새 모델을 공개했다.\n"
    )
    _, data = _json(runner, [], draft)
    first, second = data["claims"]
    assert (first["verdict"], first["fact_id"]) == ("wrong-unit", "market-nvidia-2025-01-27")
    assert second["verdict"] == "contradicted"
    assert "2024-12" in second["says"] and "2025-01-20" in second["says"]
    assert ".;" not in second["says"]


def test_a_figure_a_year_earlier_and_a_report_year_are_not_dates_of_it(runner: CliRunner) -> None:
    """'Stanford's 2025 AI Index … 1.7 percent in February 2025, from 9.3 percent a year
    earlier': 9.3 was put against 2025 and contradicted, and 'found that' was a founding;
    'three months …, down from six to nine months' is one speaker's pair."""
    draft = (
        "Stanford's 2025 AI Index found that the performance gap between top US and Chinese"
        " models on the Chatbot Arena shrank to 1.7 percent in February 2025, from 9.3 percent"
        " a year earlier.\n"
        "Kai-Fu Lee told Reuters China was now three months behind in some core technologies,"
        " down from six to nine months.\n"
    )
    code, data = _json(runner, [], draft)
    assert code == 0
    assert [(c["figure"], c["verdict"]) for c in data["claims"]] == [
        ("1.7 percent", "supported"),
        ("9.3 percent", "supported"),
        ("three months", "supported"),
        ("six to nine months", "supported"),
    ]


def test_one_date_for_figures_of_two_kinds(runner: CliRunner) -> None:
    """'On the 28th, … fell 16.9% to $118.42': the close is of that day too (it was left
    undated and called supported)."""
    _, data = _json(runner, [], "On Jan. 28, 2025, Nvidia fell 16.9% to close at $118.42.\n")
    assert [c["verdict"] for c in data["claims"]] == ["contradicted", "contradicted"]
    assert all("(Jan. 28, 2025) does not" in c["says"] for c in data["claims"])


def test_slash_dates_and_an_ordinal_before_a_full_stop(runner: CliRunner) -> None:
    """2025/02/30 was read as the year 2025 alone (and supported); 'April 31st.' was taken
    for the abbreviation St. and joined the next sentence."""
    draft = (
        "DeepSeek released R1 on 2025/02/30.\n"
        "DeepSeek released R1 on 2025/01/20.\n"
        "Nvidia fell on April 31st. 딥시크는 2월 31일 R1을 출시했다.\n"
    )
    _, data = _json(runner, [], draft)
    found = [(c["line"], c["figure"], c["verdict"]) for c in data["claims"]]
    assert found == [
        (1, "2025/02/30", "impossible-date"),
        (2, "2025/01/20", "supported"),
        (3, "April 31st", "impossible-date"),
        (3, "2월 31일", "impossible-date"),
    ]
    assert data["claims"][2]["fact_id"] is None  # Nvidia's fall is no release


def test_an_event_word_is_as_near_in_a_cut_clause_as_in_a_whole_one() -> None:
    # a long sentence's clause is cut and marked with "…"; the mark once moved every
    # event word one place, so the same words dated another event
    short = "founded on 2025-01-20 - released"
    long = "Long preamble about the lab and its many people and its hopes, " + short
    for text in (short, long):
        dates = draft.dates(text)
        assert verify._nearest_concept(text, dates[0], dates) == {"release"}
