"""Write a synthetic but valid aigap fact file of N facts, for benchmarks.

The mix of kinds follows a curator's base grown to hundreds of articles
(one source per 200 facts, one benchmark per 500): mostly events, claims,
scores and quotes, fewer gaps, market moves and costs, with Korean and
English text. Most facts are one-line flow mappings, a fifth block style;
a fact is about 250 bytes, so 100,000 facts is about 25 MB (a little more
than the ~20 MB of the issue, to err on the heavy side). Output is
deterministic for a given N and seed, and valid: no errors, no warnings,
also from ``aigap check``'s cross-checks: a gap value at a date where its
benchmark has a best US and a best CN score is their difference.

``mmlu`` always has exactly three gaps, whatever N, so ``aigap gap mmlu``
prints the same amount at every size and only the lookup's cost can grow.

    python benchmarks/generate_facts.py                 # 1k, 10k and 100k
    python benchmarks/generate_facts.py 5000 --out DIR  # one file
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "data"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
MMLU_GAPS = 3

# Kind, weight (per 100 facts).
MIX = (
    ("gaps", 4),
    ("scores", 14),
    ("events", 28),
    ("market", 5),
    ("costs", 5),
    ("quotes", 14),
    ("claims", 30),
)
LABS = (
    ("OpenAI", "오픈AI", "US"),
    ("Google", "구글", "US"),
    ("Anthropic", "앤트로픽", "US"),
    ("Meta", "메타", "US"),
    ("DeepSeek", "딥시크", "CN"),
    ("Alibaba", "알리바바", "CN"),
    ("Moonshot", "문샷", "CN"),
    ("Zhipu", "즈푸", "CN"),
)
FLOW_SHARE = 0.8  # of facts written as one-line flow mappings


def _lab_id(en: str) -> str:
    return f"lab-{en.lower()}"


def _ceo_id(en: str) -> str:
    return f"{en.lower()}-ceo"


def _entities() -> Iterator[str]:
    """Two countries, the labs and their CEOs: what the facts are ``about``."""
    yield "\nentities:\n"
    yield '  - {id: us, type: country, name: {en: "United States", ko: "미국"}, iso: US}\n'
    yield '  - {id: cn, type: country, name: {en: "China", ko: "중국"}, iso: CN}\n'
    for en, ko, country in LABS:
        yield (
            f'  - {{id: {_lab_id(en)}, type: organization, name: {{en: "{en}", ko: "{ko}"}},'
            f" country: {country.lower()}}}\n"
        )
        yield (
            f'  - {{id: {_ceo_id(en)}, type: person, name: {{en: "{en} CEO", ko: "{ko} CEO"}},'
            f' affiliation: [{{org: {_lab_id(en)}, role: {{en: "CEO", ko: "대표"}}}}]}}\n'
        )


TAGS = ("deepseek", "benchmark", "market", "policy", "chips", "cost", "gap", "openai")


def file_name(n: int) -> str:
    return f"facts-{n}.yaml"


def _q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(rng: random.Random) -> str:
    year = rng.randint(2019, 2025)
    form = rng.random()
    if form < 0.1:
        return str(year)
    if form < 0.3:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _precision(date: str) -> str:
    return ("year", "month", "day")[date.count("-")]


def generate(n: int, seed: int = 1) -> Iterator[str]:
    """The fact file's text, line by line."""
    rng = random.Random(seed * 1_000_003 + n)
    n_sources = max(5, n // 200)  # hundreds of articles at 100k facts
    n_benchmarks = max(10, n // 500)
    yield "# Synthetic aigap fact base for benchmarks (benchmarks/generate_facts.py).\n"
    yield "schema: 1\n\nsources:\n"
    for s in range(n_sources):
        yield (
            f"  - id: a-{s:05d}\n"
            f'    outlet: {{en: "Daily {s % 37}", ko: "데일리 {s % 37}"}}\n'
            f'    headline: {{ko: "미중 AI 격차 분석 {s}", en: "US–China AI gap analysis {s}"}}\n'
            f'    byline: {{ko: "기자 {s % 91}", en: "Reporter {s % 91}"}}\n'
            f'    published: "{2020 + s % 6}-{1 + s % 12:02d}-{1 + s % 28:02d}"\n'
            f"    language: ko\n"
        )
    yield "\nbenchmarks:\n"
    yield (
        "  - id: mmlu\n"
        '    name: {en: "MMLU", ko: "MMLU"}\n'
        '    full_name: {en: "Massive Multitask Language Understanding",'
        ' ko: "대규모 멀티태스크 언어 이해 능력 평가"}\n'
        '    aliases: ["massive multitask language understanding", "멀티태스크 언어 이해"]\n'
    )
    for b in range(1, n_benchmarks):
        yield (
            f"  - id: bench-{b:04d}\n"
            f'    name: {{en: "Bench {b}", ko: "벤치 {b}"}}\n'
            f'    aliases: ["benchmark {b}", "벤치마크 {b}"]\n'
            f'    measures: {{en: "Synthetic task {b}", ko: "합성 과제 {b}"}}\n'
        )

    yield from _entities()

    kinds = [kind for kind, weight in MIX for _ in range(weight)]
    counts = dict.fromkeys((kind for kind, _ in MIX), 0)
    plan = [kinds[i % len(kinds)] for i in range(n)]
    rng.shuffle(plan)
    for kind in plan:
        counts[kind] += 1
    # Guarantee mmlu's three gaps even in tiny files.
    if counts["gaps"] < MMLU_GAPS:
        counts["claims"] -= MMLU_GAPS - counts["gaps"]
        counts["gaps"] = MMLU_GAPS

    writers = {
        "gaps": _gap,
        "scores": _score,
        "events": _event,
        "market": _market,
        "costs": _cost,
        "quotes": _quote,
        "claims": _claim,
    }
    # Every fact is drawn first (same draws, same order as ever), so the gaps
    # can be made to agree with the scores written after them.
    drawn: dict[str, list[tuple[Fields, bool]]] = {}
    for kind, _ in MIX:
        drawn[kind] = []
        for i in range(counts[kind]):
            source = f"a-{rng.randrange(n_sources):05d}"
            fields = writers[kind](rng, i, source, n_benchmarks)
            drawn[kind].append((fields, rng.random() < FLOW_SHARE))
    _agree_with_scores(drawn["gaps"], drawn["scores"])
    for kind, _ in MIX:
        yield f"\n{kind}:\n"
        for fields, flow in drawn[kind]:
            yield _fact(fields, flow)


Fields = list[tuple[str, str]]  # key and its YAML text, in order


def _common(rng: random.Random, ident: str, source: str, ko: str, en: str) -> Fields:
    fields = [("id", ident), ("source", source), ("passage", _q(ko)), ("passage_en", _q(en))]
    if rng.random() < 0.4:  # tags are optional; many facts carry one
        fields.append(("tags", f"[{rng.choice(TAGS)}]"))
    return fields


def _fact(fields: Fields, flow: bool) -> str:
    """Mostly one-line flow mappings, as compact curators write them; some block style."""
    if flow:
        return "  - {" + ", ".join(f"{k}: {v}" for k, v in fields) + "}\n"
    return "  - " + "\n    ".join(f"{k}: {v}" for k, v in fields) + "\n"


def _gap(rng: random.Random, i: int, source: str, n_benchmarks: int) -> Fields:
    bench = "mmlu" if i < MMLU_GAPS else f"bench-{1 + i % (n_benchmarks - 1):04d}"
    then = round(rng.uniform(5, 30), 1)
    now = round(rng.uniform(0.1, then), 1)
    y = 2022 + i % 3
    common = _common(rng, f"g-{i:06d}", source, "", "")
    return _gap_values(common, bench, y, then, now)


def _gap_values(common: Fields, bench: str, y: int, then: float, now: float) -> Fields:
    """A gap of ``then`` pp at the end of year ``y`` and ``now`` pp a year later."""
    texts = {
        "passage": _q(f"격차는 {then}%에서 {now}%로 바뀌었다."),
        "passage_en": _q(f"The gap went from {then}% to {now}%."),
    }
    return [
        *((k, texts.get(k, v)) for k, v in common),
        ("benchmark", bench),
        ("unit", "pp"),
        ("printed_unit", '"%"'),
        (
            "values",
            f'[{{date: "{y}", label: {{en: "end of {y}", ko: "{y}년 말"}},'
            f' value: {then}, printed: "{then}%"}},'
            f' {{date: "{y + 1}", label: {{en: "end of {y + 1}", ko: "{y + 1}년 말"}},'
            f' value: {now}, printed: "{now}%"}}]',
        ),
    ]


def _agree_with_scores(gaps: list[tuple[Fields, bool]], scores: list[tuple[Fields, bool]]) -> None:
    """Set each gap value that has a best US and a best CN score at its date to their gap.

    ``aigap check`` recomputes exactly that (in pp, from percent scores), so a
    generated base is free of cross-check errors while still exercising them.
    """
    best: dict[tuple[str, str, str], float] = {}  # (benchmark, date, country) -> top score
    for fields, _ in scores:
        f = dict(fields)
        key = (f["benchmark"], f["date"].strip('"'), f["country"])
        best[key] = max(best.get(key, float("-inf")), float(f["value"]))
    for n, (fields, flow) in enumerate(gaps):
        f = dict(fields)
        y = 2022 + n % 3
        values = [float(v) for v in _VALUE.findall(f["values"])]
        for k, year in enumerate((y, y + 1)):
            us = best.get((f["benchmark"], str(year), "US"))
            cn = best.get((f["benchmark"], str(year), "CN"))
            # a gap is 0-100 pp (the gap kind's rule): where China's best leads, the
            # gap keeps its own value (that base then has a cross-check finding)
            if us is not None and cn is not None and us >= cn:
                values[k] = round(us - cn, 1)
        common = [(key, v) for key, v in fields if key in _COMMON_KEYS]
        gaps[n] = (_gap_values(common, f["benchmark"], y, values[0], values[1]), flow)


_VALUE = re.compile(r"value: (-?[0-9.]+)")
_COMMON_KEYS = ("id", "source", "passage", "passage_en", "tags")


def _score(rng: random.Random, i: int, source: str, n_benchmarks: int) -> Fields:
    en, ko, country = rng.choice(LABS)
    value = round(rng.uniform(20, 95), 1)
    ko_passage = f"{ko} 모델은 {value}%를 기록했다."
    return [
        *_common(rng, f"s-{i:06d}", source, ko_passage, f"{en} scored {value}%."),
        ("about", f"[{_lab_id(en)}]"),
        ("benchmark", f"bench-{1 + i % (n_benchmarks - 1):04d}"),
        ("model", f'{{en: "{en} M{i % 50}"}}'),
        ("organization", f'{{en: "{en}", ko: "{ko}"}}'),
        ("country", country),
        ("date", _q(_date(rng))),
        ("value", str(value)),
        ("unit", "percent"),
        ("printed", _q(f"{value}%")),
    ]


def _event(rng: random.Random, i: int, source: str, n_benchmarks: int) -> Fields:
    en, ko, _ = rng.choice(LABS)
    date = _date(rng)
    return [
        *_common(rng, f"e-{i:06d}", source, f"{ko}가 모델 {i}를 공개했다.", f"{en} released {i}."),
        ("about", f"[{_lab_id(en)}]"),
        ("date", _q(date)),
        ("precision", _precision(date)),
        ("what", f'{{en: "{en} released model {i}", ko: "{ko} 모델 {i} 공개"}}'),
    ]


def _market(rng: random.Random, i: int, source: str, n_benchmarks: int) -> Fields:
    en, ko, _ = rng.choice(LABS)
    change = round(rng.uniform(-20, 20), 1)
    return [
        *_common(rng, f"m-{i:06d}", source, f"{ko} 주가 {change}%.", f"{en} moved."),
        ("about", f"[{_lab_id(en)}]"),
        ("date", _q(_date(rng))),
        ("subject", f'{{en: "{en}", ko: "{ko}"}}'),
        ("kind", "company"),
        ("change", str(change)),
        ("change_printed", _q(f"{abs(change)}%")),
    ]


def _cost(rng: random.Random, i: int, source: str, n_benchmarks: int) -> Fields:
    en, _, _ = rng.choice(LABS)
    usd = rng.randint(1, 900) * 10_000
    return [
        *_common(rng, f"c-{i:06d}", source, f"비용은 {usd}달러였다.", "It cost."),
        ("about", f"[{_lab_id(en)}]"),
        ("subject", f'{{en: "{en} training"}}'),
        ("claim", f'{{en: "It cost ${usd}."}}'),
        ("amounts", f'[{{value: {usd}, unit: usd, printed: "{usd}달러"}}]'),
    ]


def _quote(rng: random.Random, i: int, source: str, n_benchmarks: int) -> Fields:
    en, ko, _ = rng.choice(LABS)
    return [
        *_common(rng, f"q-{i:06d}", source, f'"격차는 줄고 있다 {i}"고 말했다.', "Said."),
        ("about", f"[{_ceo_id(en)}, {_lab_id(en)}]"),
        ("speaker", f'{{en: "{en} CEO", ko: "{ko} CEO"}}'),
        ("said", f'{{ko: "격차는 줄고 있다 {i}", en: "The gap is closing {i}"}}'),
    ]


def _claim(rng: random.Random, i: int, source: str, n_benchmarks: int) -> Fields:
    en, ko, _ = rng.choice(LABS)
    return [
        *_common(rng, f"k-{i:06d}", source, f"{ko}의 격차가 줄었다 {i}.", f"{en} closed in."),
        ("about", f"[{_lab_id(en)}]"),
        ("claim", f'{{en: "{en} narrowed the gap ({i})", ko: "{ko} 격차 축소 {i}"}}'),
    ]


def write(n: int, out_dir: Path = DEFAULT_OUT, seed: int = 1) -> Path:
    """Write (or reuse) the file for N facts; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / file_name(n)
    text = "".join(generate(n, seed))
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return path  # unchanged: keep its mtime so warm caches stay warm
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(DEFAULT_SIZES))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check", action="store_true", help="run aigap check on each file")
    args = parser.parse_args()
    for n in args.sizes:
        path = write(n, args.out, args.seed)
        line = f"{path}: {n:,} facts, {path.stat().st_size / 1e6:.1f} MB"
        if args.check:
            from aigap.answers.checks import check

            problems = check(str(path))  # what the loader says, plus the cross-checks
            errors = [p for p in problems if p.severity == "error"]
            warnings = len(problems) - len(errors)
            line += f", {len(errors)} errors, {warnings} warnings"
            for problem in errors[:5]:
                line += "\n  " + problem.format()
        print(line)


if __name__ == "__main__":
    main()
