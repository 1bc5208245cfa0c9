"""``aigap check``: every problem of a fact file, located as PATH:LINE:COLUMN.

Combines what the loader rejects, the verbatim check of passages and quotes
against the source texts (with ``--sources DIR``) and the cross-checks of
figures that can be recomputed from others (``aigap.answers.crosscheck``). Always
reads the file itself, never the cache. Each wrong figure is reported once;
the text listing shows the first ``TEXT_LIMIT`` problems and how many more
there are, ``--format json`` lists them all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

import msgspec

from aigap import kinds
from aigap.answers.crosscheck import cross_check
from aigap.core import collector
from aigap.core.errors import FactFileError, Phrase, Problem, Severity, os_reason
from aigap.core.labels import LABELS, label
from aigap.core.model import Fact, FactBase, Lang
from aigap.core.text import nfc
from aigap.factfiles.files import FileTooLarge, NotRegularFile, expand_fact_paths, read_regular_file
from aigap.factfiles.load import check_fact_files, locate_paths

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record
    from aigap.factfiles.yaml_reader import Node


DataPath = tuple[str | int, ...]
# A source text is an article: a few hundred KB at most. The limit keeps a
# hostile --sources directory (or a `file:` naming /dev/zero) harmless.
MAX_SOURCE_BYTES = 16 * 1024 * 1024
_SPACE = re.compile(r"\s+")


# The text listing stops here (the summary still counts every problem):
# a file with a wrong figure per fact must not print a million lines.
TEXT_LIMIT = 200


def check(
    path: str | Sequence[str], sources_dir: str | None = None, max_bytes: int | None = None
) -> list[Problem]:
    """Every problem with the fact file at ``path`` (or several read as one), by position."""
    return check_counted(path, sources_dir, max_bytes).problems


def check_counted(
    path: str | Sequence[str], sources_dir: str | None = None, max_bytes: int | None = None
) -> Checked:
    """``check``, plus how many facts were read (0 when the file could not be parsed)."""
    with collector.paused():  # like the first read: millions of fresh objects, none garbage
        return _check(path, sources_dir, max_bytes)


class Checked(msgspec.Struct, frozen=True):
    """What ``check`` found in a fact base, and how many facts it read."""

    problems: list[Problem]
    facts: int


def _check(path: str | Sequence[str], sources_dir: str | None, max_bytes: int | None) -> Checked:

    paths = [path] if isinstance(path, str) else list(path)
    try:
        paths = list(expand_fact_paths(paths))  # a directory: its fact files, as one base
        checked = check_fact_files(paths, max_bytes)
    except FactFileError as exc:  # unreadable: missing, a directory, too big
        return Checked(list(exc.problems), 0)
    problems = list(checked.problems)
    raw = checked.raw
    read = _facts_in(checked.data)
    if checked.base is None or (raw is None and checked.place is None):
        return Checked(problems, read)
    located = _located_findings(checked.base, checked.data, sources_dir)
    place = checked.place
    # The records and data are done with: free them before the file is parsed
    # again for positions, so the two never take memory at once.
    del checked
    if place is not None:  # several files read as one
        places = place([p for p, _, _ in located])
    else:
        assert raw is not None
        at = locate_paths(raw, paths[0], [p for p, _, _ in located])
        places = [(paths[0], line, column) for line, column in at]
    for (file, line, column), (_, severity, said) in zip(places, located, strict=True):
        problems.append(Problem.of(file, line, column, said, severity))
    order = {p: i for i, p in enumerate(paths)}
    problems.sort(key=lambda p: (order.get(p.path, 0), p.line or 0, p.column or 0))
    return Checked(problems, read)


def _facts_in(data: object) -> int:
    if not isinstance(data, dict):
        return 0

    return sum(len(items) for k in kinds.sections() if isinstance(items := data.get(k), list))


def _located_findings(
    base: FactBase, data: Node, sources_dir: str | None
) -> list[tuple[DataPath, Severity, Phrase]]:

    found = cross_check(base)
    if sources_dir is not None:
        found += verbatim_problems(base, data, sources_dir)
    return found


def text_lines(
    problems: list[Problem], limit: int = TEXT_LIMIT, lang: Lang = "en"
) -> Iterator[str]:
    """``check``'s text listing: the first ``limit`` problems, then how many more."""
    for problem in problems[:limit]:
        yield problem.format(column=True, severity=True, lang=lang)
    more = len(problems) - limit
    if more > 0:
        yield label(_counted("check.more", more), lang, more=more)


def _counted(key: str, count: int) -> str:
    """The catalogue entry for one thing or many ('1 error', '2 errors')."""
    return f"{key}.one" if count == 1 else f"{key}.many"


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _SourceText:
    """A source's text, or why it cannot be had."""

    def __init__(self, text: str | None, problem: Phrase | None) -> None:
        self.text = text
        self.normal = _normal(text) if text is not None else None
        self.problem = problem

    def contains(self, passage: str) -> bool:
        assert self.text is not None and self.normal is not None
        # Verbatim, except that line breaks and runs of spaces compare equal.
        return passage in self.text or _normal(passage) in self.normal


def _read_source(directory: str, name: str) -> _SourceText:

    if not name or os.path.basename(name) != name or name in (".", ".."):
        return _SourceText(None, Phrase("check.source.plain_name", {"name": name}))
    full = os.path.join(directory, name)
    try:
        data, _ = read_regular_file(full, MAX_SOURCE_BYTES)
    except NotRegularFile:
        return _SourceText(None, Phrase("check.source.not_regular", {"file": full}))
    except FileTooLarge:
        limit = f"{MAX_SOURCE_BYTES:,}"
        return _SourceText(None, Phrase("check.source.too_large", {"file": full, "limit": limit}))
    except OSError as exc:
        why = os_reason(exc)
        return _SourceText(None, Phrase("check.source.unreadable", {"file": full, "why": why}))
    try:
        return _SourceText(nfc(data.decode("utf-8-sig")), None)  # as fact files are read
    except UnicodeDecodeError:
        return _SourceText(None, Phrase("check.source.not_utf8", {"file": full}))


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def verbatim_problems(
    base: FactBase, data: Node, sources_dir: str
) -> list[tuple[DataPath, Severity, Phrase]]:
    """Passages (and other verbatim words, e.g. quotes) that do not appear in their source."""
    if not os.path.isdir(sources_dir):
        return [((), "error", Phrase("check.sources_not_dir", {"dir": sources_dir}))]
    found: list[tuple[DataPath, Severity, Phrase]] = []
    texts = _source_texts(base, sources_dir, found)
    for section in kinds.sections():
        raw = data.get(section) if isinstance(data, dict) else None
        raw_items = raw if isinstance(raw, list) else []  # validated data: a list
        verbatim = kinds.by_section(section).verbatim
        for i, fact in enumerate(base.section(section)):
            article = texts.get(fact.source)
            if article is None or article.text is None:
                continue
            item = raw_items[i] if i < len(raw_items) else None
            single = isinstance(item, dict) and not isinstance(item.get("passage"), list)
            for where, what, words in _verbatim_texts(fact, single, verbatim):
                if not article.contains(words):
                    said = Phrase(
                        "check.not_verbatim",
                        {"what": _what(what), "words": _short(words), "id": fact.id},
                    )
                    found.append(((section, i, *where), "error", said))
    return found


def _what(what: str) -> str | Phrase:
    """What a kind calls its verbatim text ("passage", "quote"), in catalogue words."""
    key = f"check.what.{what}"
    return Phrase(key) if key in LABELS else what


def _source_texts(
    base: FactBase, sources_dir: str, found: list[tuple[DataPath, Severity, Phrase]]
) -> dict[str, _SourceText]:
    """Each source's text by id; a source without a readable file is reported in ``found``."""
    texts: dict[str, _SourceText] = {}
    # a source only cited (a primary source, a quote's original words) holds no passage
    quoted = {fact.source for fact in base.facts()}
    for i, source in enumerate(base.sources):
        if source.file is None and source.id not in quoted:
            continue
        if source.file is None:
            said = Phrase("check.source_no_file", {"id": source.id})
            found.append((("sources", i), "warning", said))
            continue
        text = _read_source(sources_dir, source.file)
        texts[source.id] = text
        if text.problem is not None:
            found.append((("sources", i, "file"), "warning", text.problem))
    return texts


def _verbatim_texts(
    fact: Fact, single: bool, verbatim: Callable[[Fact], Iterator[tuple[DataPath, str, str]]]
) -> Iterator[tuple[DataPath, str, str]]:
    """(where in the fact, what it is, the words) for every text that must be verbatim."""
    for k, passage in enumerate(fact.passage):
        yield (("passage",) if single else ("passage", k)), "passage", passage
    yield from verbatim(fact)


def count(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(1 for p in problems if p.severity == "error")
    return errors, len(problems) - errors


def summary(
    problems: list[Problem], path: str | None = None, facts: int | None = None, lang: Lang = "en"
) -> str:
    """'2 errors', or with the file and what was read: 'facts.yaml: 68 facts, no problems'."""
    errors, warnings = count(problems)
    if path is not None:
        read = (
            ""
            if facts is None
            else label(_counted("check.summary.facts", facts), lang, count=facts)
        )
        found = summary(problems, lang=lang)
        return label("check.summary.file", lang, path=path, read=read, found=found)
    if not problems:
        return label("check.summary.none", lang)
    parts = []
    if errors:
        parts.append(label(_counted("check.summary.errors", errors), lang, count=errors))
    if warnings:
        parts.append(label(_counted("check.summary.warnings", warnings), lang, count=warnings))
    return ", ".join(parts)


def exit_code(problems: list[Problem]) -> int:
    """0 clean, 1 only warnings, 2 any error."""
    errors, warnings = count(problems)
    return 2 if errors else 1 if warnings else 0


def as_json(problems: list[Problem]) -> list[Record]:
    return [
        {
            "path": p.path,
            "line": p.line,
            "column": p.column,
            "severity": p.severity,
            "message": p.message,
        }
        for p in problems
    ]
