"""Issue 8 §2: every figure right — units, derived precision, record, speech, gap lookups."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from aigap.cli import app


def run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_facts_english_uses_english_units(runner: CliRunner) -> None:
    code, out = run(runner, "facts")
    assert code == 0
    flat = " ".join(out.split())
    assert "MMLU: 17.5 pp (end of 2023) → 0.3 pp (end of 2024)" in flat
    assert "1385 Elo points on Chatbot Arena" in flat
    assert "close $118.42, lost ~850 trillion won" in flat
    for korean in ("1385점", "118.42달러", "약 850조원"):
        assert korean not in out


def test_facts_korean_uses_korean_units(runner: CliRunner) -> None:
    code, out = run(runner, "facts", "--lang", "ko")
    assert code == 0
    flat = " ".join(out.split())
    assert "17.5%포인트 (2023년 말) → 0.3%포인트" in flat
    assert "1385점" in flat
    assert "118.42달러" in flat and "약 850조원" in flat


def test_gap_for_a_benchmark_with_scores_but_no_gap(runner: CliRunner) -> None:
    for name, count in (("aime-2024", 2), ("math-500", 1), ("aime", 2), ("math500", 1)):
        result = runner.invoke(app, ["gap", name])
        assert result.exit_code == 2, result.output
        assert "no US–China gap reading for" in result.output
        assert f"it has {count} score(s): aigap scores" in result.output
        assert "internal error" not in result.output
    result = runner.invoke(app, ["gap", "aime", "--lang", "ko"])
    assert result.exit_code == 2 and "미·중 격차 수치가 없습니다" in result.output


def test_every_benchmark_name_scores_accepts_works_with_gap(
    runner: CliRunner, facts_path: object
) -> None:
    import yaml

    from aigap.factfiles.files import packaged_facts_path

    data = yaml.safe_load(packaged_facts_path().read_text(encoding="utf-8"))
    names = []
    for bench in data["benchmarks"]:
        names.append(bench["id"])
        names.extend(bench.get("aliases") or [])
    for name in names:
        result = runner.invoke(app, ["scores", name])
        if result.exit_code != 0:
            continue
        gap = runner.invoke(app, ["gap", name])
        assert gap.exit_code in (0, 2), (name, gap.output)
        assert "internal error" not in gap.output


def test_market_shows_the_record_fall(runner: CliRunner) -> None:
    code, out = run(runner, "market")
    assert code == 0 and "the biggest fall since March 2020" in " ".join(out.split())
    _, out = run(runner, "market", "--lang", "ko")
    assert "2020년 3월 이후 최대 낙폭" in out
    import json

    _, out = run(runner, "market", "--format", "json")
    records = {r["fact_id"]: r for r in json.loads(out)}
    assert records["market-nvidia-2025-01-27"]["record"] == "the biggest fall since March 2020"
    assert records["market-broadcom-2025-01-27"]["record"] is None
    _, out = run(runner, "show", "market-nvidia-2025-01-27")
    assert "the biggest fall since March 2020" in " ".join(out.split())


def test_reported_speech_is_not_in_quotation_marks(runner: CliRunner) -> None:
    _, out = run(runner, "quotes", "--format", "json")
    import json

    records = {r["fact_id"]: r for r in json.loads(out)}
    assert records["quote-kaifu-lee-gap-almost-none"]["speech"] == "reported"
    assert all(r["said_en_is"] == "rendering" for r in records.values())
    _, out = run(runner, "quotes")
    flat = " ".join(out.split())
    assert "(reported, aigap's English" in out
    assert "“Thanks to DeepSeek's" not in out
    assert "Only words in quotation marks are the speaker's own" in flat
    _code, out = run(runner, "facts")
    flat = " ".join(out.split())
    assert "Kai-Fu Lee: (reported, aigap's English rendering): Thanks" in flat
    _, out = run(runner, "show", "quote-kaifu-lee-gap-almost-none")
    assert "aigap's English rendering" in " ".join(out.split())


def test_derived_figures_carry_their_inputs_precision(runner: CliRunner) -> None:
    _, out = run(runner, "gap")  # the overview shows the range, never a bare "~58×"
    assert "50–70×" in out and "~58×" not in out and "58.3×" not in out
    assert "15–16×" in out and "15.2×" not in out
    assert "~1.7×" in out  # MMMU: the range rounds to one figure
    _, out = run(runner, "gap", "math")
    assert "~15× (15–16×)" in out
    _, out = run(runner, "show", "gap-mmlu")
    assert "~58× (50–70×)" in out
    import json

    _, out = run(runner, "gap", "mmlu", "--format", "json")
    record = json.loads(out)[0]
    assert record["times_narrower_low"] == 49.86 and record["times_narrower_high"] == 70.2
    _, out = run(runner, "show", "market-nvidia-2025-01-27")
    flat = " ".join(out.split())
    assert "~142.5 USD" in flat and "142.50 USD" not in flat and "rounded or cut" in flat
    _, out = run(runner, "show", "cost-v3-training")
    assert "~1,412 KRW/USD" in out and "approximate" in out


def test_check_accepts_the_previous_close_show_allows() -> None:
    """The wire's $142.62 (a -16.97% fall) lies in the range show prints: check agrees."""
    import msgspec

    from aigap.answers.crosscheck import _market_findings
    from aigap.core.model import Amount
    from aigap.factfiles.files import packaged_facts_path
    from aigap.factfiles.load import load_fact_base

    base = load_fact_base(str(packaged_facts_path()))
    moves = list(base.section("market"))
    index, nvidia = next((i, m) for i, m in enumerate(moves) if m.id == "market-nvidia-2025-01-27")
    for value, ok in ((142.62, True), (142.50, True), (150.0, False)):
        move = msgspec.structs.replace(
            nvidia, previous_close=Amount(value=value, unit="usd", printed=f"{value}달러")
        )
        (finding,) = list(_market_findings(move, index))
        assert finding.derived.ok is ok, value


def test_search_and_cite_mark_reported_speech_and_renderings(runner: CliRunner) -> None:
    hits = json.loads(runner.invoke(app, ["search", "kai-fu", "lee", "gap", "-f", "json"]).stdout)
    lee = next(h for h in hits if h["id"] == "quote-kaifu-lee-gap-almost-none")
    assert "“" not in lee["headline"] and "(reported, " in lee["headline"]
    assert "aigap's English rendering" in lee["headline"]
    # a quote is cited from the speaker's own words' source first, then the article
    cited = " ".join(runner.invoke(app, ["cite", "quote-altman-impressive"]).stdout.split())
    assert cited.index("x.com/sama/status/") < cited.index("Maeil Business Newspaper")
    assert "딥시크 R1은 특히" not in cited  # never the passage
