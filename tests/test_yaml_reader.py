"""The YAML reader: plain data, core-schema scalars, positions, refusals."""

from __future__ import annotations

import pytest
import yaml

from aigap.factfiles import yaml_reader
from aigap.factfiles.yaml_reader import read_yaml, resolve_plain


@pytest.fixture(params=["c", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each test with libyaml's parser and with the pure-Python fallback."""
    if request.param == "python":
        monkeypatch.setattr(yaml_reader, "_SafeLoader", yaml.SafeLoader)
    return str(request.param)


def lines(doc: yaml_reader.YamlDocument) -> list[str]:
    return [p.format(column=True) for p in doc.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17.5", 17.5),
        ("1385", 1385),
        ("-3.07", -3.07),
        ("0x1f", 31),
        ("true", True),
        ("~", None),
        ("null", None),
        ("2025-01-20", "2025-01-20"),
        ("no", "no"),
        ("yes", "yes"),
        ("1e3", 1000.0),
        ("수학", "수학"),
    ],
)
def test_plain_scalars_follow_the_core_schema(text: str, expected: object) -> None:
    assert resolve_plain(text) == (expected, None)


def test_reads_nested_data_and_keeps_quoted_text_as_text(parser: str) -> None:
    doc = read_yaml(b'a: 1\nb: [x, "2", 2023]\nc: {d: "17.5"}\n', "f.yaml")
    assert doc.problems == []
    assert doc.data == {"a": 1, "b": ["x", "2", 2023], "c": {"d": "17.5"}}


def test_positions_point_at_keys_and_items(parser: str) -> None:
    doc = read_yaml(b"a:\n  - x\n  - y: 1\n", "f.yaml", want_positions=True)
    assert doc.positions is not None
    assert doc.positions[("a",)] == (1, 1)
    assert doc.positions[("a", 1)] == (3, 5)
    assert doc.positions[("a", 1, "y")] == (3, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"a: 1\na: 2\n", "f.yaml:2:1: duplicate key 'a' in this mapping"),
        (b"a: &x 1\nb: *x\n", "f.yaml:2:4: aliases (*x) are not supported"),
        (b"<<: {a: 1}\n", "f.yaml:1:1: merge keys (<<) are not supported"),
        (
            b"a: !!python/object:os.system {}\n",
            "f.yaml:1:4: unsupported tag !!python/object:os.system",
        ),
        (b"a: !custom x\n", "f.yaml:1:4: unsupported tag !custom"),
        (b"? [a]\n: 1\n", "f.yaml:1:3: mapping keys must be plain strings"),
        (b"a: [\n", "f.yaml:2:1: YAML syntax error: did not find expected node content"),
        (b"", "f.yaml:1:1: the file is empty: expected a mapping"),
        (b"a: 1\n---\nb: 2\n", "f.yaml:2:1: more than one YAML document in the file"),
    ],
)
def test_refusals_are_located(parser: str, text: bytes, expected: str) -> None:
    doc = read_yaml(text, "f.yaml")
    if parser == "python" and "syntax error" in expected:
        assert lines(doc)[0].startswith("f.yaml:2:1: YAML syntax error")
    else:
        assert lines(doc) == [expected]


def test_every_duplicate_key_is_reported_not_only_the_first(parser: str) -> None:
    doc = read_yaml(b"a: 1\na: 2\nb: {c: 1, c: 2}\n", "f.yaml")
    assert len(doc.problems) == 2


def test_encoding_problems(parser: str) -> None:
    assert lines(read_yaml(b"a: 1\nb: \xff\n", "f.yaml")) == [
        "f.yaml:2:4: not UTF-8: invalid byte 0xff"
    ]
    assert lines(read_yaml(b"a: \x00\n", "f.yaml")) == [
        "f.yaml:1:4: NUL byte in file: a fact file is UTF-8 text"
    ]
    bom = read_yaml(b"\xef\xbb\xbfa: 1\n", "f.yaml")
    assert bom.data == {"a": 1}
    assert [p.severity for p in bom.problems] == ["warning"]


def test_deep_nesting_is_refused_without_recursion(parser: str) -> None:
    doc = read_yaml(b"a: " + b"[" * 200 + b"]" * 200 + b"\n", "f.yaml")
    assert doc.problems
    assert all(p.severity == "error" for p in doc.problems)


def test_huge_integer_is_refused(parser: str) -> None:
    doc = read_yaml(b"a: " + b"7" * 5000 + b"\n", "f.yaml")
    assert lines(doc) == ["f.yaml:1:4: integer with 5000 digits is too long (at most 40)"]


# A control character in a value, however it was written: raw (YAML's own refusal)
# or as a double-quoted escape of any form. Tab, line feed and CR are text.
@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\x1b[31m", 0x1B),
        ("\\u0007", 0x07),
        ("\\U0000001b", 0x1B),
        ("\\e", 0x1B),
        ("\\0", 0x00),
        ("\\a", 0x07),
        ("\\b", 0x08),
        ("\\v", 0x0B),
        ("\\f", 0x0C),
        ("\\x7f", 0x7F),
        ("\\x9b", 0x9B),  # the C1 control sequence introducer
        ("\\N", 0x85),
    ],
)
def test_a_control_character_written_as_an_escape_is_refused(
    parser: str, escape: str, code: int
) -> None:
    text = f'a: 1\nb:\n  c: "x{escape}y"\n"k{escape}": 2\n'.encode()
    said = lines(read_yaml(text, "f.yaml"))
    refusal = f"control character U+{code:04X} is not allowed in a fact file, written as an"
    assert said == [f"f.yaml:{at}: {refusal} escape either: remove it" for at in ("3:6", "4:1")]


def test_a_raw_control_character_is_refused_and_tab_newline_cr_escapes_are_text(
    parser: str,
) -> None:
    said = lines(read_yaml(b'a: "x\x1by"\n', "f.yaml"))
    assert said == ["f.yaml:1:6: character U+001B is not allowed in a fact file: remove it"]
    doc = read_yaml(b'a: "tab\\there\\nline\\r \\u00e9 \\u2014"\n', "f.yaml")
    assert doc.problems == [] and doc.data == {"a": "tab\there\nline\r é —"}
