"""aigap verify: a figure is judged only against the same kind of measure of its subject.

A wrong unit means the draft states the base's very figure in another unit: a
score on a benchmark for that score, a share move for that move. A percent
about a benchmark score is never a share move's percent in a wrong unit (the
bug: "79.8% on AIME 2024" called 0.1% of DeepSeek's shares at another scale),
a cost is not a gap, and a score on one benchmark neither supports nor
contradicts a score on another.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app

# One company with a share move, a score on one benchmark and a training cost;
# a gap on another benchmark (its ``about`` empty, as in generated bases: it is
# found by its benchmark). No fact is about AIME 2024.
FACTS = """\
schema: 1
sources:
  - id: a-1
    outlet: {en: "Daily", ko: "데일리"}
    headline: {ko: "미중 AI 격차", en: "The US-China AI gap"}
    byline: {ko: "기자", en: "Reporter"}
    published: "2025-03-08"
    language: ko
benchmarks:
  - id: bench-1
    name: {en: "Bench 1", ko: "벤치 1"}
    measures: {en: "Synthetic task 1", ko: "합성 과제 1"}
  - id: bench-2
    name: {en: "Bench 2", ko: "벤치 2"}
    measures: {en: "Synthetic task 2", ko: "합성 과제 2"}
  - id: bench-3
    name: {en: "Bench 3", ko: "벤치 3"}
    measures: {en: "Synthetic task 3", ko: "합성 과제 3"}
entities:
  - {id: us, type: country, name: {en: "United States", ko: "미국"}, iso: US}
  - {id: cn, type: country, name: {en: "China", ko: "중국"}, iso: CN}
  - {id: lab-deepseek, type: organization, name: {en: "DeepSeek", ko: "딥시크"}, country: cn}
gaps:
  - id: g-1
    source: a-1
    passage: "격차는 5.5%에서 0.1%로 바뀌었다."
    passage_en: "The gap went from 5.5% to 0.1%."
    benchmark: bench-2
    unit: pp
    printed_unit: "%"
    values:
      - {date: "2023", label: {en: "end of 2023", ko: "2023년 말"}, value: 5.5, printed: "5.5%"}
      - {date: "2024", label: {en: "end of 2024", ko: "2024년 말"}, value: 0.1, printed: "0.1%"}
  - id: g-3
    source: a-1
    passage: "격차는 4.0%에서 2.0%로 바뀌었다."
    passage_en: "The gap went from 4.0% to 2.0%."
    benchmark: bench-3
    unit: pp
    printed_unit: "%"
    values:
      - {date: "2023", label: {en: "end of 2023", ko: "2023년 말"}, value: 4.0, printed: "4.0%"}
      - {date: "2024", label: {en: "end of 2024", ko: "2024년 말"}, value: 2.0, printed: "2.0%"}
scores:
  - id: s-3
    source: a-1
    passage: "딥시크 모델은 47.3%를 기록했다."
    passage_en: "DeepSeek scored 47.3%."
    about: [lab-deepseek]
    benchmark: bench-3
    model: {en: "DeepSeek M3"}
    organization: {en: "DeepSeek", ko: "딥시크"}
    country: CN
    date: "2024-09-26"
    value: 47.3
    unit: percent
    printed: "47.3%"
  - id: s-1
    source: a-1
    passage: "딥시크 모델은 61.7%를 기록했다."
    passage_en: "DeepSeek scored 61.7%."
    about: [lab-deepseek]
    benchmark: bench-1
    model: {en: "DeepSeek M1"}
    organization: {en: "DeepSeek", ko: "딥시크"}
    country: CN
    date: "2024-09-26"
    value: 61.7
    unit: percent
    printed: "61.7%"
market:
  - id: m-1
    source: a-1
    passage: "딥시크 주가 0.1%."
    passage_en: "DeepSeek moved."
    about: [lab-deepseek]
    date: "2025-03-07"
    subject: {en: "DeepSeek", ko: "딥시크"}
    kind: company
    change: 0.1
    change_printed: "0.1%"
costs:
  - id: c-1
    source: a-1
    passage: "비용은 8120000달러였다."
    passage_en: "It cost."
    about: [lab-deepseek]
    subject: {en: "DeepSeek training"}
    claim: {en: "It cost $8120000."}
    amounts: [{value: 8120000, unit: usd, printed: "8120000달러"}]
"""


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(FACTS, encoding="utf-8")
    return path


def _verdicts(runner: CliRunner, facts: Path, draft: str) -> list[tuple[str, str, str | None]]:
    args = ["--no-packaged", "--facts", str(facts), "verify", "-f", "json"]
    result = runner.invoke(app, args, input=draft)
    assert result.exit_code in (0, 1), result.output
    return [(c["figure"], c["verdict"], c["fact_id"]) for c in json.loads(result.stdout)["claims"]]


def test_the_fact_file_is_valid(runner: CliRunner, facts: Path) -> None:
    assert runner.invoke(app, ["--no-packaged", "--facts", str(facts), "check"]).exit_code == 0


@pytest.mark.parametrize(
    "draft",
    [
        "DeepSeek's R1 scored 79.8% on AIME 2024, close to OpenAI's o1.",
        "딥시크 R1은 AIME 2024에서 79.8%를 기록했다.",
        "DeepSeek's R1 cost 79.8% less to train.",
        "DeepSeek trailed by 0.1 percentage points on AIME 2024.",
        "DeepSeek scored 0.1% on Bench 2.",
        # the score's very number, on another test: Bench 2, or one the base lacks
        "DeepSeek scored 61.7% on Bench 2.",
        "DeepSeek's R1 scored 61.7% on AIME 2024.",
        "On AIME 2024, DeepSeek scored 61.7%.",
        "딥시크 R1은 AIME 2024에서 61.7%를 기록했다.",
        # the share move's number on a test; "2024" is the test's name, not a date
        "딥시크 모델은 AIME 2024에서 0.1%를 기록했다.",
    ],
)
def test_a_figure_of_another_kind_is_no_wrong_unit(
    runner: CliRunner, facts: Path, draft: str
) -> None:
    """A score, a cost or a gap that the base does not have is unverified: never a
    wrong unit (nor supported, nor contradicted) by the company's share move or its
    score on another benchmark."""
    ((_, verdict, fact),) = _verdicts(runner, facts, draft)
    assert (verdict, fact) == ("unverified", None)


@pytest.mark.parametrize(
    ("draft", "verdict", "fact"),
    [
        # the same kind of measure still gets its verdicts
        ("DeepSeek shares rose 0.1% on March 7, 2025.", "supported", "m-1"),
        ("딥시크 주가는 2025년 3월 7일 0.1% 올랐다.", "supported", "m-1"),
        ("DeepSeek shares rose 0.1 percentage points on March 7, 2025.", "wrong-unit", "m-1"),
        ("DeepSeek shares rose 79.8% on March 7, 2025.", "contradicted", "m-1"),
        # the score's number, said of the shares: the shares' figure is what it is checked by
        ("DeepSeek shares fell 61.7 points.", "contradicted", "m-1"),
        ("DeepSeek scored 61.7% on Bench 1.", "supported", "s-1"),
        ("DeepSeek scored 61.7 percentage points on Bench 1.", "wrong-unit", "s-1"),
        ("DeepSeek scored 70.1% on Bench 1.", "contradicted", "s-1"),
        ("The US-China gap on Bench 2 was 0.1% at the end of 2024.", "wrong-unit", "g-1"),
        ("The US-China gap on Bench 2 was 0.1 percentage points in 2024.", "supported", "g-1"),
        ("벤치 2 격차는 2024년 말 0.3%p로 줄었다.", "contradicted", "g-1"),
        ("DeepSeek spent $8.12 billion to train its model.", "wrong-unit", "c-1"),
        ("딥시크는 모델 학습에 812억 달러를 썼다.", "wrong-unit", "c-1"),
        ("DeepSeek spent $8.12 million to train its model.", "supported", "c-1"),
        # a benchmark with a gap and a company's score on it: the company's figure is its score
        ("딥시크 모델은 벤치 3에서 47.3%를 기록했다.", "supported", "s-3"),
        ("DeepSeek scored 47.3% on Bench 3.", "supported", "s-3"),
        ("벤치 3 격차는 2024년 말 2.0%p였다.", "supported", "g-3"),
    ],
)
def test_the_same_kind_of_measure_is_judged(
    runner: CliRunner, facts: Path, draft: str, verdict: str, fact: str
) -> None:
    ((_, got, got_fact),) = _verdicts(runner, facts, draft)
    assert (got, got_fact) == (verdict, fact)


@pytest.mark.parametrize(
    "draft",
    [
        # a percent has no scale: 79.8% is not 0.1% a thousand times over
        "DeepSeek shares rose 79.8%.",
        # the same digits, not a number that rounds to them: $0.1 million is not $8.12 million
        "DeepSeek spent $0.1 million to train its model.",
    ],
)
def test_a_different_number_is_no_wrong_scale(runner: CliRunner, facts: Path, draft: str) -> None:
    ((_, verdict, _),) = _verdicts(runner, facts, draft)
    assert verdict == "contradicted"
