"""`facts -f json` streams its records; the text is exactly what one json.dumps gives."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from aigap.cli import app
from aigap.core.jsontypes import Record
from aigap.output.render import write_json, write_json_array

scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
records = st.lists(
    st.dictionaries(
        st.text(max_size=8),
        scalars | st.lists(scalars, max_size=3) | st.dictionaries(st.text(max_size=5), scalars),
        max_size=4,
    ),
    max_size=5,
)


@pytest.mark.slow  # generated records: CI and `pytest -m slow` run it
@given(records)
def test_stream_is_the_same_text_as_one_dump(values: list[Record]) -> None:
    whole, streamed = io.StringIO(), io.StringIO()
    write_json(values, whole)
    write_json_array(iter(values), streamed)
    assert streamed.getvalue() == whole.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_stream_escapes_as_the_dump_does(encoding: str) -> None:
    values: list[Record] = [{"text": "딥시크 \x1b[31m \u202e \x85"}, {}]
    whole = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    streamed = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    write_json(values, whole)
    write_json_array(iter(values), streamed)
    whole.flush()
    streamed.flush()
    assert streamed.buffer.getvalue() == whole.buffer.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", [[], ["--kind", "quotes"], ["--limit", "3"], ["--lang", "ko"]])
def test_facts_json_is_every_fact_with_its_full_record(args: list[str]) -> None:
    result = CliRunner().invoke(app, ["facts", "-f", "json", *args])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    shown = CliRunner().invoke(app, ["show", facts[0]["fact_id"], "-f", "json"])
    full = json.loads(shown.stdout)
    assert facts[0]["record"] == {k: full[k] for k in facts[0]["record"]}
    if "--limit" in args:
        assert len(facts) == 3
