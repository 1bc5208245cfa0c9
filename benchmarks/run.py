"""Time whole aigap processes against a minimal Typer + Rich app, side by side.

    python benchmarks/run.py            # the full run (about 5 minutes on 2 cores)
    python benchmarks/run.py --quick    # fewer runs, for a smoke test
    python benchmarks/run.py --runs 40  # more runs for the small cases

It uses the aigap installed for this interpreter (the ``aigap`` script next to
it, else ``python -m aigap``), writes the floor app and the generated fact
bases itself, and prints a Markdown table: median, min–max, ratio of medians
to the floor app, and peak RSS of each case.

Every run is a fresh process. Cases are interleaved round by round so that a
slow moment of the machine hits all of them alike. Before timing, the
package's modules are compiled, and the children run without
PYTHONDONTWRITEBYTECODE so they load the .pyc files as an installed package
does (otherwise an editable install recompiles aigap on every start).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_facts  # noqa: E402
import verify_draft  # noqa: E402

FLOOR_APP = '''\
"""The floor: a minimal one-command Typer app printing a five-row Rich table."""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main(name: str = "MMLU") -> None:
    table = Table(title="US-China gap")
    for column in ("benchmark", "then", "now", "change"):
        table.add_column(column)
    for i in range(5):
        table.add_row(f"{name} {i}", "17.5%", "0.3%", "-17.2 pp")
    Console().print(table)


if __name__ == "__main__":
    app()
'''

# A reference, not the target: the same app started as aigap starts
# (aigap/__main__.py and its _collect_from_here: the cyclic GC off while
# importing and parsing, that frozen, then on for the command's work, frozen
# again at exit), to show what is left of aigap's own overhead once both skip
# the collector's passes over what start-up made.
FLOOR_APP_GC_OFF = "import gc\n\ngc.disable()\n" + FLOOR_APP.replace(
    'def main(name: str = "MMLU") -> None:\n',
    'def main(name: str = "MMLU") -> None:\n    gc.freeze()\n    gc.enable()\n',
).replace(
    'if __name__ == "__main__":\n    app()',
    'if __name__ == "__main__":\n    try:\n        app()\n    finally:\n        gc.freeze()',
)


BARE_LOAD = """\
import sys, yaml
with open(sys.argv[1], "rb") as f:
    yaml.load(f, Loader=yaml.CSafeLoader)
"""
BARE_LOAD_NOGC = """\
import gc, sys, yaml
gc.disable()
with open(sys.argv[1], "rb") as f:
    yaml.load(f, Loader=yaml.CSafeLoader)
"""


# A bare PyYAML event parse (libyaml): every event of the file, nothing built.
BARE_EVENTS = """\
import sys, yaml
with open(sys.argv[1], "rb") as f:
    for _ in yaml.parse(f, Loader=yaml.CSafeLoader):
        pass
"""

# One's own small fact file beside a big one, in one --facts directory: the edit
# benchmark rewrites its event's text before each run (a new size and mtime).
OWN_FILE = """\
schema: 1
sources:
  - id: my-notes
    outlet: {{en: "My notebook"}}
    headline: {{en: "Interview notes"}}
    byline: {{en: "Me"}}
    published: "2025-02-03"
    language: en
events:
  - id: event-my-interview
    source: my-notes
    date: "2025-02-03"
    precision: day
    what: {{en: "I interviewed an engineer ({edit})."}}
    passage: "Interview with an engineer."
    passage_en: "Interview with an engineer."
"""

GC_OFF_FLOOR = "floor app, GC off as aigap runs (reference)"
VERIFY = "`aigap verify` a 2,000-word draft"
FINDINGS_OK = frozenset((0, 1))  # exit 1: the report has findings, as it should


class Case:
    """One command line, timed over many fresh processes."""

    def __init__(
        self,
        name: str,
        argv: list[str],
        env: dict[str, str],
        runs: int,
        before: Callable[[], dict[str, str]] | None = None,
        warm_up: bool = True,
        ok: frozenset[int] = frozenset((0,)),
    ) -> None:
        self.name = name
        self.ok = ok  # exit codes of a run that did its work (verify: 1 = findings)
        self.argv = argv
        self.env = env
        self.runs = runs
        self.before = before  # per-run env changes (e.g. a fresh cache dir)
        self.warm_up = warm_up
        self.times: list[float] = []
        self.cpu: list[float] = []  # user + system seconds: less sensitive to a shared machine
        self.rss_kb: list[int] = []
        self.failed = ""

    def run_once(self, record: bool = True) -> None:
        env = dict(self.env)
        if self.before is not None:
            env.update(self.before())
        start = time.perf_counter()
        proc = subprocess.Popen(
            self.argv,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in self.ok:
            self.failed = f"exit {proc.returncode}: {err.decode(errors='replace')[-300:]}"
        if record:
            self.times.append(elapsed)
            self.cpu.append(usage.ru_utime + usage.ru_stime)
            self.rss_kb.append(usage.ru_maxrss)  # KiB on Linux


# The everyday commands, timed warm at every size (ids and names of generate_facts.py).
EVERYDAY: list[list[str]] = [
    ["gap", "mmlu"],
    ["show", "g-000002"],
    ["show", "a-00001"],
    ["scores", "bench-0001"],
    ["quotes", "--who", "openai"],
    ["timeline", "--since", "2025-01-27", "--until", "2025-01-27"],
    ["market"],
    ["costs"],
    ["sources"],
    ["facts", "--kind", "claims"],
    ["show", "lab-openai"],  # an entity page over 11% of the base
    ["search", "deepseek"],
    ["facts", "-f", "csv"],
]
# Writes every fact: its time is the output's, not a start (no start-up target).
FULL_EXPORT = ["facts", "-f", "csv"]
# Questions as people type them (issue 18), timed warm at every size, target
# 1.5x the floor: a question with stop words, one with a typo corrected
# against the index's vocabulary (Latin and Hangul), one the base cannot answer.
SEARCH: list[list[str]] = [
    ["search", "how", "much", "did", "deepseek", "spend"],
    ["search", "deepsek", "cost"],
    ["search", "딥씨크", "비용"],
    ["search", "gpt-5", "score"],
    ["search", "nvidia", "tarket", "drop"],  # a first-letter typo: the vocabulary read by ranges
    ["search", "엔비디아", "주가", "폭랙"],  # a two-syllable vowel slip: a range of the vocabulary
    ["search", "deepseek", "r1", "relase"],  # an English typo compared as the index stems it
    ["search", "딥시크가", "빌린", "칩"],  # a Korean verb form: the index's words after its stem
]
SEARCH_TARGET = 1.5


def _fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def machine_info() -> list[str]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    from importlib.metadata import version

    versions = []
    for dist in ("aigap", "typer", "rich", "pydantic", "PyYAML"):
        try:
            versions.append(f"{dist} {version(dist)}")
        except Exception:
            versions.append(f"{dist} ?")
    import yaml

    return [
        f"- machine: {os.cpu_count()} CPUs ({cpu}), {mem} RAM, {platform.platform()}",
        f"- Python {platform.python_version()} ({sys.executable})",
        f"- {', '.join(versions)}; libyaml: {getattr(yaml, '__with_libyaml__', '?')}",
    ]


def aigap_command() -> list[str]:
    script = Path(sys.executable).with_name("aigap")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "aigap"]


def compile_package() -> str:
    """Byte-compile aigap where it is installed (editable or not)."""
    try:
        import aigap
    except ImportError:
        sys.exit(f"aigap is not installed for {sys.executable}: run `pip install .` first")

    package = Path(aigap.__file__).resolve().parent
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(package)],
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    return str(package)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="runs per small case (default 30)")
    parser.add_argument(
        "--first-runs", type=int, default=3, help="runs per 100k first read (default 3)"
    )
    parser.add_argument("--quick", action="store_true", help="5 runs, 1 first read each")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(generate_facts.DEFAULT_SIZES))
    parser.add_argument("--skip-bare", action="store_true", help="skip the bare yaml.load")
    parser.add_argument("--skip-edit", action="store_true", help="skip the own-file edit benchmark")
    parser.add_argument(
        "--edit-only",
        action="store_true",
        help="only the floor apps, `gap mmlu` and the own-file edit cases (biggest size)",
    )
    args = parser.parse_args()
    if args.quick:
        args.runs, args.first_runs = 5, 1
    if args.edit_only:
        args.sizes, args.skip_bare, args.skip_edit = [max(args.sizes)], True, False

    package = compile_package()
    work = Path(tempfile.mkdtemp(prefix="aigap-bench-"))
    try:
        return _run(args, work, package)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _run(args: argparse.Namespace, work: Path, package: str) -> int:
    before_load = _load()
    floor = work / "floor.py"
    floor.write_text(FLOOR_APP)
    floor_gc_off = work / "floor_gc_off.py"
    floor_gc_off.write_text(FLOOR_APP_GC_OFF)
    bare = work / "bare_load.py"
    bare.write_text(BARE_LOAD)
    bare_nogc = work / "bare_load_nogc.py"
    bare_nogc.write_text(BARE_LOAD_NOGC)
    bare_events = work / "bare_events.py"
    bare_events.write_text(BARE_EVENTS)
    print(f"generating fact bases {args.sizes} ...", file=sys.stderr)
    # In a child: this process must stay small, because a child's peak RSS as
    # reported by wait4 includes the parent's peak at the moment of the fork.
    subprocess.run(
        [sys.executable, str(HERE / "generate_facts.py"), *map(str, args.sizes)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    bases = {n: generate_facts.DEFAULT_OUT / generate_facts.file_name(n) for n in args.sizes}

    draft = work / "draft.md"  # a 2,000-word feature for `aigap verify`
    draft.write_text(verify_draft.draft(2000), encoding="utf-8")

    cache = work / "cache"
    cache.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for name in ("AIGAP_FACTS", "AIGAP_NO_CACHE", "AIGAP_MAX_BYTES", "AIGAP_LANG"):
        env.pop(name, None)
    env.update(AIGAP_CACHE_DIR=str(cache), COLUMNS="100", NO_COLOR="1", TERM="dumb")
    py = sys.executable
    aigap = aigap_command()

    small = [
        Case("floor app (Typer + Rich, 5-row table)", [py, str(floor)], env, args.runs),
        Case(GC_OFF_FLOOR, [py, str(floor_gc_off)], env, args.runs),
        Case("`aigap gap mmlu`", [*aigap, "gap", "mmlu"], env, args.runs),
    ]
    if not args.edit_only:
        small += [
            Case("`aigap timeline`", [*aigap, "timeline"], env, args.runs),
            Case("`aigap --help`", [*aigap, "--help"], env, args.runs),
            Case("`aigap gap` (all)", [*aigap, "gap"], env, args.runs),
            Case(VERIFY, [*aigap, "verify", str(draft)], env, args.runs),
        ]
    for n, path in ({} if args.edit_only else bases).items():
        small.append(
            Case(
                f"{VERIFY}, {n:,} facts, warm",
                [*aigap, "--no-packaged", "--facts", str(path), "verify", str(draft)],
                env,
                args.runs,
                # the generated facts are random: the draft's figures contradict some
                ok=FINDINGS_OK,
            )
        )
    for n, path in ({} if args.edit_only else bases).items():
        for argv in [*EVERYDAY, *SEARCH]:
            small.append(
                Case(
                    f"`aigap {' '.join(argv)}`, {n:,} facts, warm",
                    [*aigap, "--no-packaged", "--facts", str(path), *argv],
                    env,
                    args.runs,
                )
            )

    counter = iter(range(10**9))

    def fresh_cache() -> dict[str, str]:
        directory = work / f"cold-{next(counter)}"
        directory.mkdir(mode=0o700)
        return {"AIGAP_CACHE_DIR": str(directory)}

    first: list[Case] = []
    for n, path in ({} if args.edit_only else bases).items():
        runs = args.first_runs if n >= 100_000 else max(args.first_runs, 5)
        first.append(
            Case(
                f"`aigap gap mmlu`, {n:,} facts, first read",
                [*aigap, "--no-packaged", "--facts", str(path), "gap", "mmlu"],
                env,
                runs,
                before=fresh_cache,
                warm_up=False,
            )
        )
        if not args.skip_bare:
            first.append(
                Case(
                    f"bare `yaml.load` (CSafeLoader), {n:,} facts",
                    [py, str(bare), str(path)],
                    env,
                    runs,
                    warm_up=False,
                )
            )
            first.append(
                Case(
                    f"bare `yaml.load`, gc paused, {n:,} facts",
                    [py, str(bare_nogc), str(path)],
                    env,
                    runs,
                    warm_up=False,
                )
            )

    if not args.skip_edit:
        edited, firsts = _edit_cases(work, bases, aigap, env, args, py, bare_events)
        small.append(edited)  # interleaved with the floor app, as every small case
        first.extend(firsts)

    print(f"warming up ({len(small)} cases) ...", file=sys.stderr)
    for case in small:
        case.run_once(record=False)
    # Read every file once so the page cache, not the disk, serves all runs
    # (in small chunks, to keep this process's own peak RSS low).
    for path in bases.values():
        with path.open("rb") as f:
            while f.read(1 << 20):
                pass
    for round_ in range(args.runs):
        print(f"round {round_ + 1}/{args.runs}", file=sys.stderr, end="\r")
        for case in small:
            case.run_once()
    print(file=sys.stderr)
    for case in first:
        print(f"{case.name} x{case.runs} ...", file=sys.stderr)
        for _ in range(case.runs):
            case.run_once()

    floor_median = statistics.median(small[0].times)
    floor_min = min(small[0].times)
    print("\n".join(machine_info()))
    print(f"- aigap package: {package}")
    own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"- {args.runs} runs per small case, interleaved; median and min–max wall time of the"
        f" whole process; × floor = ratio of medians (the target), × floor (min) = ratio of"
        f" the fastest runs (less sensitive to other load); CPU = median user + system"
        f" seconds of the process (wait4), × floor CPU its ratio to the floor app's;"
        f" peak RSS = max over runs"
        f" (wait4 ru_maxrss; the runner's own peak, {own_rss:.0f} MB, is a lower bound for it)"
        f"\n- load average before / after: {before_load} / {_load()}\n"
    )
    print("| case | median | min–max | × floor | × floor (min) | CPU | × floor CPU | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    failed = False
    floor_cpu = statistics.median(small[0].cpu)
    for case in [*small, *first]:
        med = statistics.median(case.times)
        ratio = f"{med / floor_median:.2f}×"
        ratio_min = f"{min(case.times) / floor_min:.2f}×"
        cpu = statistics.median(case.cpu)
        cpus = f"{_fmt_time(cpu)} | {cpu / floor_cpu:.2f}×"
        rss = f"{max(case.rss_kb) / 1024:.0f} MB"
        spread = f"{_fmt_time(min(case.times))}–{_fmt_time(max(case.times))}"
        print(
            f"| {case.name} | {_fmt_time(med)} | {spread} | {ratio} | {ratio_min} | {cpus}"
            f" | {rss} |"
        )
        if case.failed:
            failed = True
            print(f"  FAILED: {case.failed}", file=sys.stderr)
    _report_targets(small, first, bases)
    if not args.edit_only:
        importtime_breakdown(floor, env, 5 if args.quick else 15)
    return 1 if failed else 0


def _edit_cases(
    work: Path,
    bases: dict[int, Path],
    aigap: list[str],
    env: dict[str, str],
    args: argparse.Namespace,
    py: str,
    bare_events: Path,
) -> tuple[Case, list[Case]]:
    """The biggest base and one's own small file in one --facts directory: the next
    command after each edit of the small file (a small case: its warm-up run reads
    both files first); then the first read of both, and a bare PyYAML event parse
    of the big file."""
    big = max(bases)
    folder = work / "own"
    folder.mkdir()
    shutil.copy(bases[big], folder / "base.yaml")
    mine = folder / "mine.yaml"
    edits = iter(range(10**9))

    def edit() -> dict[str, str]:
        mine.write_text(OWN_FILE.format(edit=f"edit {next(edits)}"), encoding="utf-8")
        return {}

    edit()
    counter = iter(range(10**9))

    def cold() -> dict[str, str]:
        directory = work / f"cold-own-{next(counter)}"
        directory.mkdir(mode=0o700)
        return {"AIGAP_CACHE_DIR": str(directory)}

    argv = [*aigap, "--no-packaged", "--facts", str(folder), "gap", "mmlu"]
    warm_env = {**env, "AIGAP_CACHE_DIR": str(work / "cache-own")}
    (work / "cache-own").mkdir(mode=0o700)
    edited = Case(
        f"{big:,} facts + own file, after an edit of the own file", argv, warm_env, args.runs, edit
    )
    runs = args.first_runs
    return edited, [
        Case(f"{big:,} facts + own file, first read", argv, env, runs, cold, warm_up=False),
        Case(
            f"bare PyYAML event parse, {big:,} facts",
            [py, str(bare_events), str(bases[big])],
            env,
            runs,
            warm_up=False,
        ),
    ]


def _importtime(argv: list[str], env: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Module -> (self, cumulative) microseconds, from one ``-X importtime`` run."""
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    found: dict[str, tuple[int, int]] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.split(":", 1)[1].split("|")
        found[name.strip()] = (int(own), int(cumulative))
    return found


def importtime_breakdown(floor: Path, env: dict[str, str], runs: int) -> None:
    """What `aigap gap mmlu` imports beyond the floor app, median self time per module."""
    py = sys.executable
    floor_mods = _importtime([py, "-X", "importtime", str(floor)], env)
    argv = [py, "-X", "importtime", "-m", "aigap", "gap", "mmlu"]
    _importtime(argv, env)  # the warm path: the cache exists
    samples: dict[str, list[int]] = {}
    for run in range(runs):
        found = _importtime(argv, env)
        for name in found:
            if name not in floor_mods:
                samples.setdefault(name, [0] * run)
        for name, times in samples.items():
            times.append(found.get(name, (0, 0))[0])
    print(f"\nImports of `aigap gap mmlu` beyond the floor app's (median of {runs} runs):\n")
    print("| module | self |")
    print("|---|---:|")
    total = 0.0
    for name, times in sorted(samples.items(), key=lambda kv: -statistics.median(kv[1])):
        med = statistics.median(times)
        total += med
        print(f"| {name} | {med / 1000:.2f} ms |")
    print(f"| **total** | **{total / 1000:.1f} ms** |")


def _report_targets(small: list[Case], first: list[Case], bases: dict[int, Path]) -> None:
    floor = statistics.median(small[0].times)
    by_name = {c.name: c for c in [*small, *first]}

    def ratio(name: str) -> float | None:
        case = by_name.get(name)
        return statistics.median(case.times) / floor if case else None

    gc_off = by_name.get(GC_OFF_FLOOR)
    gc_off_floor = statistics.median(gc_off.times) if gc_off else None

    def reference(median: float) -> str:
        return f"{median / gc_off_floor:.2f}×" if gc_off_floor else "–"

    print("\n| target | measured | × GC-off floor (reference) | met |")
    print("|---|---:|---:|---|")
    for name in ("`aigap gap mmlu`", "`aigap timeline`", "`aigap --help`", "`aigap gap` (all)"):
        got = ratio(name)
        if got is not None:
            met = "yes" if got <= 1.15 else "NO"
            print(f"| {name} ≤ 1.15× floor | {got:.2f}× | {reference(got * floor)} | {met} |")
    got = ratio(VERIFY)
    if got is not None:  # the target: a 2,000-word draft within 1.5x the floor app
        met = "yes" if got <= 1.5 else "NO"
        print(f"| {VERIFY} ≤ 1.5× floor | {got:.2f}× | {reference(got * floor)} | {met} |")
    big = max(bases) if bases else None
    if big is None:
        return
    warm_verify = by_name.get(f"{VERIFY}, {big:,} facts, warm")
    if warm_verify is not None:  # "interactive": under a second
        median = statistics.median(warm_verify.times)
        print(
            f"| {VERIFY}, {big:,} facts, interactive (< 1 s) | {median:.2f} s, "
            f"{median / floor:.2f}× | {reference(median)} | {'yes' if median < 1 else 'NO'} |"
        )
    for argv in EVERYDAY:
        command = " ".join(argv)
        warm = by_name.get(f"`aigap {command}`, {big:,} facts, warm")
        if warm is None or argv == FULL_EXPORT:
            continue
        got = statistics.median(warm.times) / floor
        rss = max(warm.rss_kb) / 1024
        ok = got <= 1.15 and rss <= 200
        print(
            f"| warm `{command}`, {big:,} facts ≤ 1.15× floor, ≤ 200 MB "
            f"| {got:.2f}×, {rss:.0f} MB | {reference(got * floor)} | {'yes' if ok else 'NO'} |"
        )
    for argv in SEARCH:
        command = " ".join(argv)
        warm = by_name.get(f"`aigap {command}`, {big:,} facts, warm")
        if warm is None:
            continue
        got = statistics.median(warm.times) / floor
        ok = "yes" if got <= SEARCH_TARGET else "NO"
        print(
            f"| warm `{command}`, {big:,} facts ≤ {SEARCH_TARGET}× floor "
            f"| {got:.2f}× | {reference(got * floor)} | {ok} |"
        )
    cold = by_name.get(f"`aigap gap mmlu`, {big:,} facts, first read")
    for label in ("bare `yaml.load` (CSafeLoader)", "bare `yaml.load`, gc paused"):
        ref = by_name.get(f"{label}, {big:,} facts")
        if cold is None or ref is None:
            continue
        t_cold, t_ref = statistics.median(cold.times), statistics.median(ref.times)
        m_cold, m_ref = max(cold.rss_kb) / 1024, max(ref.rss_kb) / 1024
        ok = t_cold <= t_ref and m_cold <= m_ref
        print(
            f"| first read, {big:,} facts, vs {label} "
            f"| {_fmt_time(t_cold)} vs {_fmt_time(t_ref)}, {m_cold:.0f} vs {m_ref:.0f} MB "
            f"| – | {'yes' if ok else 'NO'} |"
        )
    edited = by_name.get(f"{big:,} facts + own file, after an edit of the own file")
    if edited is not None:
        got = statistics.median(edited.times) / floor
        cpu = statistics.median(edited.cpu) / statistics.median(small[0].cpu)
        met = "yes" if got <= 1.5 else "NO"
        print(
            f"| next command after an edit of one's own file beside {big:,} facts ≤ 1.5× floor "
            f"| {got:.2f}× ({cpu:.2f}× in CPU), {max(edited.rss_kb) / 1024:.0f} MB | – | {met} |"
        )
    own = by_name.get(f"{big:,} facts + own file, first read")
    events = by_name.get(f"bare PyYAML event parse, {big:,} facts")
    if own is not None and events is not None:
        print(
            f"| first read, {big:,} facts + own file, vs a bare PyYAML event parse "
            f"| {_fmt_time(statistics.median(own.times))}, {max(own.rss_kb) / 1024:.0f} MB vs "
            f"{_fmt_time(statistics.median(events.times))}, {max(events.rss_kb) / 1024:.0f} MB "
            "| – | (reported) |"
        )
    # Linear growth: time per fact of the first read at each size.
    colds = [
        (n, by_name[f"`aigap gap mmlu`, {n:,} facts, first read"])
        for n in sorted(bases)
        if f"`aigap gap mmlu`, {n:,} facts, first read" in by_name
    ]
    if colds:
        per_fact = ", ".join(
            f"{n:,}: {(statistics.median(c.times) - floor) / n * 1e6:.0f} µs" for n, c in colds
        )
        print(f"| first read, time per fact above the floor | {per_fact} | – | see README |")


if __name__ == "__main__":
    sys.exit(main())
