"""Property tests: no fact file, however mangled, gets past aigap's error handling."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aigap.answers import checks
from aigap.cli import app
from aigap.core.errors import AigapError
from aigap.factfiles import yaml_reader

# Thousands of generated fact files: CI and `pytest -m slow` run these, plain `pytest` skips them.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
FACTS = (REPO / "facts.yaml").read_text(encoding="utf-8")
runner = CliRunner()

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["2025-01-20", "2025-13", "US", "CN", "pp", "percent", "elo", "usd", "krw"]),
)
_random_yaml = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
_noise = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(list("\x00\x1b\x9b\u202e\ufeff\t\n:-[]{}&*!|>'\"#%@`,?")),
    ),
    max_size=20,
)


@st.composite
def mutated_facts(draw: st.DrawFn) -> bytes:
    """facts.yaml truncated, spliced with noise, or with values of the wrong type."""
    text = FACTS
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["truncate", "insert", "swap", "delete", "replace"]))
        at = draw(st.integers(0, len(text)))
        if how == "truncate":
            text = text[:at]
        elif how == "insert":
            text = text[:at] + draw(_noise) + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif how == "swap":  # a number becomes a string, a string a number, ...
            old = draw(st.sampled_from(["1385", "17.5", '"2025-02"', "true", "US", "percent"]))
            new = draw(st.sampled_from(['"1385"', "17", "2025", "null", "[]", "{}", "-1e309"]))
            text = text.replace(old, new, draw(st.integers(1, 3)))
        else:
            line = draw(st.sampled_from(text.splitlines() or [""]))
            text = text.replace(line, draw(_noise), 1)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):  # raw bytes: invalid UTF-8, NUL, BOM
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
    return data


fact_files = st.one_of(
    mutated_facts(),
    _random_yaml.map(lambda d: yaml.safe_dump(d, allow_unicode=True).encode("utf-8", "replace")),
    st.binary(max_size=200),
    _noise.map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGAP_NO_CACHE", "1")


@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=fact_files, python_parser=st.booleans())
def test_check_never_raises(
    data: bytes, python_parser: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(data)
    with monkeypatch.context() as m:
        if python_parser:
            m.setattr(yaml_reader, "_SafeLoader", yaml.SafeLoader)
        try:
            problems = checks.check(str(path))
        except AigapError:  # a user-facing error is fine; anything else is a bug
            return
    assert all(p.severity in ("error", "warning") for p in problems)
    assert checks.exit_code(problems) in (0, 1, 2)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=fact_files,
    command=st.sampled_from(
        [["gap", "mmlu"], ["gap"], ["timeline"], ["check"], ["facts"], ["show", "gap-arena"]]
    ),
)
def test_cli_never_raises_past_its_error_handler(
    data: bytes, command: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(data)
    args = ["--no-packaged", "--facts", str(path), *command]
    if command == ["check"]:
        args = ["check", str(path)]
    r = runner.invoke(app, args, catch_exceptions=True)
    if r.exit_code == 2 and "No such command" in r.output:
        return
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code in (0, 1, 2), r.output
    assert "\x1b" not in r.stdout and "\x1b" not in r.stderr
