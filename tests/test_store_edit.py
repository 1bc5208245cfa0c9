"""An edit of one fact file beside others re-reads that file only (store/update.py).

The cache after the edit must be the cache a fresh build of the same files
writes — every table, every search score — and an edit that breaks anything
must be reported exactly as when every file is read.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aigap import opener
from aigap.core.errors import FactFileError
from aigap.factfiles import load
from aigap.factfiles.load import load_fact_base
from aigap.factfiles.yaml_reader import read_yaml
from aigap.opener import open_store, with_store
from aigap.store.cache import cache_file_for
from aigap.store.pages import page_sums
from aigap.store.queries import Store
from aigap.store.schema import SEARCH_SHAPE, search_shape

FACT_SECTIONS = ("gaps", "scores", "events", "market", "costs", "quotes", "claims")


def _templates(facts_path: Path) -> dict[str, list[dict[str, Any]]]:
    data = read_yaml(facts_path.read_bytes(), str(facts_path)).data
    assert isinstance(data, dict)
    return {section: list(data[section]) for section in FACT_SECTIONS}


# (section, which template, its English words[, whose source it cites: 0 the
# template's, 1 the file's own, 2 and up the file's extra sources])
Pick = tuple[str, int, str] | tuple[str, int, str, int]


def own_file(
    templates: dict[str, list[dict[str, Any]]],
    picks: Sequence[Pick],
    source: str = "my-notes",
    extra: Sequence[str] = (),
) -> str:
    return dump_yaml(own_doc(templates, picks, source, extra))


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(doc: dict[str, Any]) -> str:
    """A fact file's text (no YAML aliases: aigap refuses them)."""
    return yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)


def own_doc(
    templates: dict[str, list[dict[str, Any]]],
    picks: Sequence[Pick],
    source: str = "my-notes",
    extra: Sequence[str] = (),
) -> dict[str, Any]:
    """A small fact file of one's own: a source of its own (and ``extra`` ones, by
    their headlines) and facts copied from the shipped base's (their benchmarks and
    entities are the base's), each with a new id, an English rendering of its own
    and the source the pick says."""
    facts: dict[str, list[dict[str, Any]]] = {}
    for n, (section, which, words, *cites) in enumerate(picks):
        fact = dict(templates[section][which % len(templates[section])])
        fact["id"] = f"own-{section}-{n}"
        fact["passage_en"] = words or "nothing"
        cite = cites[0] if cites else 0
        if cite == 1 or (cite >= 2 and not extra):
            fact["source"] = source
        elif cite >= 2:
            fact["source"] = f"my-src-{(cite - 2) % len(extra)}"
        facts.setdefault(section, []).append(fact)
    doc = {
        "schema": 1,
        "sources": [
            {
                "id": source,
                "outlet": {"en": "My notebook"},
                "headline": {"en": "Interview notes"},
                "byline": {"en": "Me"},
                "published": "2025-02-03",
                "language": "en",
            }
        ],
        "events": [
            {
                "id": "own-interview",
                "source": source,
                "date": "2025-02-03",
                "precision": "day",
                "what": {"en": "I interviewed an engineer."},
                "passage": "Interview with an engineer.",
                "passage_en": "Interview with an engineer.",
            }
        ],
    }
    doc["sources"] += [
        {
            "id": f"my-src-{k}",
            "outlet": {"en": "Notes"},
            "headline": {"en": headline or "untitled"},
            "published": "2025-03-01",
            "language": "en",
        }
        for k, headline in enumerate(extra)
    ]
    for section, items in facts.items():
        doc[section] = [*doc.get(section, []), *items]
    return doc


@pytest.fixture
def templates(facts_path: Path) -> dict[str, list[dict[str, Any]]]:
    return _templates(facts_path)


@pytest.fixture
def base_dir(tmp_path: Path, facts_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "facts"
    folder.mkdir()
    shutil.copyfile(facts_path, folder / "base.yaml")
    monkeypatch.setenv("AIGAP_CACHE_DIR", str(tmp_path / "cache"))
    # the shipped base is small: let a file of any size take the fast path
    monkeypatch.setattr(opener, "EDITED_SHARE", 1.0)
    return folder


def paths_of(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.yaml"))


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


class Reads:
    """The fact files parsed (read_yaml), and whether every file was read as one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed: list[str] = []
        self.full = 0
        real_read, real_full = load.read_yaml, load.load_fact_bases_with_data

        def read(data: bytes, name: str, *args: Any, **kwargs: Any) -> Any:
            if not kwargs.get("want_positions"):
                self.parsed.append(os.path.basename(name))
            return real_read(data, name, *args, **kwargs)

        def full(*args: Any, **kwargs: Any) -> Any:
            self.full += 1
            return real_full(*args, **kwargs)

        monkeypatch.setattr(load, "read_yaml", read)
        monkeypatch.setattr(load, "load_fact_bases_with_data", full)

    def reset(self) -> None:
        self.parsed.clear()
        self.full = 0


def ids(paths: list[str]) -> list[str]:
    return with_store(paths, Store.ids)


def started(
    folder: Path, templates: dict[str, list[dict[str, Any]]], picks: list[tuple[str, int, str]]
) -> tuple[Path, list[str]]:
    """One's own file beside the base, and the cache of both built."""
    mine = folder / "mine.yaml"
    write(mine, own_file(templates, picks))
    paths = paths_of(folder)
    ids(paths)
    return mine, paths


def test_an_edit_parses_the_edited_file_only(
    base_dir: Path, templates: dict[str, list[dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = base_dir / "mine.yaml"
    write(mine, own_file(templates, [("claims", 0, "first words")]))
    paths = paths_of(base_dir)
    reads = Reads(monkeypatch)
    assert "own-claims-0" in ids(paths)
    assert reads.full == 1 and sorted(reads.parsed) == ["base.yaml", "mine.yaml"]
    reads.reset()
    write(mine, own_file(templates, [("quotes", 1, "second words"), ("gaps", 0, "third")]))
    got = ids(paths)
    assert reads.full == 0 and reads.parsed == ["mine.yaml"]
    assert "own-claims-0" not in got and {"own-quotes-0", "own-gaps-1"} <= set(got)
    assert got == [r.id for r in _fresh_records(paths)]


def _fresh_records(paths: list[str]) -> Iterator[Any]:
    base = load_fact_base(paths)
    yield from (*base.sources, *base.benchmarks, *base.entities)
    for section in base.sections:
        yield from base.section(section)


def test_saved_unchanged_is_not_parsed(
    base_dir: Path, templates: dict[str, list[dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, paths = started(base_dir, templates, [("events", 2, "words")])
    reads = Reads(monkeypatch)
    write(mine, mine.read_text(encoding="utf-8"))  # the same bytes, a new mtime
    os.utime(mine, ns=(1, 1))
    ids(paths)
    assert reads.full == 0 and reads.parsed == []
    ids(paths)  # and its new key was written: warm now
    assert reads.parsed == []


@pytest.mark.parametrize(
    "breaks",
    [
        "dupe-other-file",  # an id the other file has
        "unknown-source",
        "unknown-entity",
        "unknown-benchmark",
        "bad-field",
        "yaml",
        "source-bad-field",
        "source-dupe-other-file",  # a source id the other file has
        "source-cited-gone",  # a source the file's facts cite, removed
    ],
)
def test_an_edit_that_breaks_is_reported_as_a_full_read_reports_it(
    base_dir: Path,
    templates: dict[str, list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    breaks: str,
) -> None:
    mine, paths = started(base_dir, templates, [("scores", 0, "fine")])
    doc = own_doc(templates, [("scores", 0, "fine"), ("claims", 3, "broken")])
    claim, score = doc["claims"][0], doc["scores"][0]
    if breaks == "dupe-other-file":
        claim["id"] = templates["claims"][3]["id"]
    elif breaks == "unknown-source":
        claim["source"] = "no-such-source"
    elif breaks == "unknown-entity":
        claim["about"] = [*claim["about"], "nobody-at-all"]
    elif breaks == "unknown-benchmark":
        score["benchmark"] = "no-bench"
    elif breaks == "bad-field":
        claim["colour"] = "red"
    elif breaks == "source-bad-field":
        doc["sources"][0]["colour"] = "red"
    elif breaks == "source-dupe-other-file":
        doc["sources"].append({**doc["sources"][0], "id": claim["source"]})
    elif breaks == "source-cited-gone":
        del doc["sources"][0]
    broken = dump_yaml(doc)
    if breaks == "yaml":
        broken = broken.replace("passage_en: broken", "passage_en: [broken")
    write(mine, broken)
    with pytest.raises(FactFileError) as expected:
        load_fact_base(paths)
    with pytest.raises(FactFileError) as got:
        ids(paths)
    assert got.value.problems == expected.value.problems


@pytest.mark.parametrize("change", ["source-removed", "entity", "benchmark"])
def test_a_removed_source_a_changed_entity_or_benchmark_reads_every_file(
    base_dir: Path,
    templates: dict[str, list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    change: str,
) -> None:
    """A source gone may be cited by another file; an entity or benchmark reaches
    other files' facts (references, search text) and names: every file is read."""
    mine, paths = started(base_dir, templates, [("claims", 1, "words")])
    write(mine, own_file(templates, [("claims", 1, "words")], extra=["kept", "gone"]))
    ids(paths)
    reads = Reads(monkeypatch)
    text = own_file(templates, [("claims", 1, "words")])
    changed = {
        "source-removed": own_file(templates, [("claims", 1, "words")], extra=["kept"]),
        "entity": text + "entities:\n- id: my-lab\n  type: organization\n  name: {en: My Lab}\n",
        "benchmark": text
        + "benchmarks:\n- id: my-bench\n  name: {en: My Bench}\n  full_name: {en: Mine}\n"
        "  measures: {en: things}\n",
    }[change]
    write(mine, changed)
    got = ids(paths)
    assert reads.full == 1
    assert got == [r.id for r in _fresh_records(paths)]


def test_sources_added_or_changed_take_the_edit_path(
    base_dir: Path,
    templates: dict[str, list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A new source with the facts that cite it, a source's headline changed: the
    file's sources are replaced with its facts; nothing else holds their text."""
    mine, paths = started(base_dir, templates, [("claims", 1, "words")])
    reads = Reads(monkeypatch)
    picks: list[Pick] = [("claims", 1, "words", 2), ("quotes", 0, "said", 3), ("events", 1, "x", 1)]
    for n, extra in enumerate([["first deepseek notes"], ["first notes, revised", "second"]]):
        write(mine, own_file(templates, picks, extra=extra))
        got = ids(paths)
        assert reads.full == 0, "the edit took the full path"
        assert {"my-src-0", "own-quotes-1"} <= set(got)
        assert got == [r.id for r in _fresh_records(paths)]
        assert dump(_cache_of(paths)) == fresh_dump(paths, tmp_path / f"fresh-{n}", monkeypatch)
        reads.reset()


def test_a_file_added_to_the_directory_reads_every_file(
    base_dir: Path, templates: dict[str, list[dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(base_dir / "mine.yaml", own_file(templates, [("claims", 1, "words")]))
    ids(paths_of(base_dir))
    reads = Reads(monkeypatch)
    write(
        base_dir / "more.yaml",
        own_file(templates, [], source="more-notes").replace("own-", "more-"),
    )
    got = ids(paths_of(base_dir))
    assert reads.full == 1 and "more-interview" in got


# --- the cache after edits is the cache of a fresh build -------------------------------

_PLAIN_TABLES = (
    "records",
    "blobs",
    "names",
    "counts",
    "about",
    "speakers",
    "entries",
    "files",
    "file_counts",
    "search_names",
    "search_text",
    "search_docsize",
)


def dump(path: Path) -> dict[str, Any]:
    """Every table's rows (as a multiset, where no query reads their rowid order), the
    search index's every term with its rows and their bm25 scores, and its positions."""
    conn = sqlite3.connect(path)
    try:
        out: dict[str, Any] = {
            table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in _PLAIN_TABLES
        }
        # the index's page checksums differ (its pages are laid out as it grew), but
        # each must be its own index's, as Store checks them
        shape = conn.execute("SELECT n FROM counts WHERE kind = ?", (SEARCH_SHAPE,)).fetchall()
        assert shape == [(search_shape(conn),)]
        pages = conn.execute("SELECT id, crc FROM search_sums ORDER BY id").fetchall()
        assert pages == page_sums(conn)
        out["counts"] = [c for c in out["counts"] if c[0] != SEARCH_SHAPE]
        out["meta"] = sorted(conn.execute("SELECT * FROM meta").fetchall())
        out["entity_names"] = conn.execute("SELECT * FROM entity_names ORDER BY rowid").fetchall()
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search, 'row')")
        conn.execute("CREATE VIRTUAL TABLE temp.i USING fts5vocab(main, search, 'instance')")
        out["vocab"] = conn.execute("SELECT * FROM temp.v ORDER BY term").fetchall()
        out["instances"] = conn.execute("SELECT * FROM temp.i ORDER BY 1, 2, 3, 4").fetchall()
        scores = {}
        for (term,) in conn.execute("SELECT term FROM temp.v").fetchall():
            quoted = '"' + term.replace('"', '""') + '"'
            scores[term] = conn.execute(
                "SELECT rowid, bm25(search, 5.0, 2.0, 1.0) FROM search"
                " WHERE search MATCH ? ORDER BY rowid",
                (quoted,),
            ).fetchall()
        out["scores"] = scores
        return out
    finally:
        conn.close()


def fresh_dump(paths: list[str], directory: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    before = os.environ["AIGAP_CACHE_DIR"]
    monkeypatch.setenv("AIGAP_CACHE_DIR", str(directory))
    try:
        open_store(paths, rebuild=True).conn.close()
        return dump(_cache_of(paths))
    finally:
        monkeypatch.setenv("AIGAP_CACHE_DIR", before)


def _cache_of(paths: list[str]) -> Path:
    found = cache_file_for(os.pathsep.join(os.path.realpath(p) for p in paths))
    assert found is not None
    return found


def test_after_edits_the_cache_is_a_fresh_builds(
    base_dir: Path,
    templates: dict[str, list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    mine = base_dir / "mine.yaml"
    paths = [str(base_dir / "base.yaml"), str(mine)]
    write(
        mine,
        own_file(templates, [(s, i, f"words {i} deepseek") for i, s in enumerate(FACT_SECTIONS)]),
    )
    ids(paths)
    reads = Reads(monkeypatch)
    edits = [
        [("quotes", 2, "altman said"), ("gaps", 1, "mmlu narrowed"), ("market", 0, "nvidia fell")],
        [],  # every fact of its own gone but its interview
        [(s, i + 3, f"more words {i}") for i, s in enumerate(FACT_SECTIONS * 2)],
    ]
    for n, picks in enumerate(edits):
        write(mine, own_file(templates, picks))
        ids(paths)
        assert reads.full == 0, "the edit took the full path"
        assert dump(_cache_of(paths)) == fresh_dump(paths, tmp_path / f"fresh-{n}", monkeypatch)
        reads.reset()


def test_the_first_file_edited(
    base_dir: Path,
    templates: dict[str, list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The edited file before the big one: its facts keep their place before the base's."""
    first = base_dir / "a-first.yaml"
    write(first, own_file(templates, [("claims", 2, "one")]))
    paths = paths_of(base_dir)
    assert paths[0] == str(first)
    ids(paths)
    reads = Reads(monkeypatch)
    write(first, own_file(templates, [("claims", 2, "two"), ("events", 1, "three")]))
    got = ids(paths)
    assert reads.full == 0
    assert got == [r.id for r in _fresh_records(paths)]
    assert dump(_cache_of(paths)) == fresh_dump(paths, tmp_path / "fresh", monkeypatch)


WORDS = st.sampled_from(
    ["deepseek", "mmlu", "gap", "narrowed", "altman", "nvidia", "격차", "반도체", "cost", "model"]
)
PICK = st.tuples(
    st.sampled_from(FACT_SECTIONS),
    st.integers(0, 20),
    st.lists(WORDS, max_size=6).map(" ".join),
    st.integers(0, 4),
)
EDIT = st.tuples(st.lists(PICK, max_size=8), st.lists(st.lists(WORDS).map(" ".join), max_size=2))


@pytest.mark.slow
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=st.lists(EDIT, min_size=1, max_size=4), first=st.booleans())
def test_any_edits_leave_the_cache_a_fresh_build_would_write(
    edits: list[tuple[list[Pick], list[str]]],
    first: bool,
    tmp_path_factory: pytest.TempPathFactory,
    facts_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    templates = _templates(facts_path)
    root = tmp_path_factory.mktemp("edits")
    folder = root / "facts"
    folder.mkdir()
    shutil.copyfile(facts_path, folder / "base.yaml")
    monkeypatch.setenv("AIGAP_CACHE_DIR", str(root / "cache"))
    monkeypatch.setattr(opener, "EDITED_SHARE", 1.0)
    mine = folder / ("a-mine.yaml" if first else "mine.yaml")  # before or after the base
    paths = paths_of_with(folder, mine)
    write(mine, own_file(templates, [("claims", 0, "start")]))
    ids(paths)
    sources = 0  # extra sources only ever added: a source gone reads every file
    with monkeypatch.context() as patched:
        reads = Reads(patched)
        for n, (picks, extra) in enumerate(edits):
            extra = [*extra, *[f"kept {k}" for k in range(sources)]][: max(sources, len(extra))]
            sources = len(extra)
            write(mine, own_file(templates, picks, extra=extra))
            ids(paths)
            assert reads.full == 0, "the edit took the full path"
            assert dump(_cache_of(paths)) == fresh_dump(paths, root / f"fresh-{n}", monkeypatch)
            reads.reset()


def paths_of_with(folder: Path, mine: Path) -> list[str]:
    return sorted([str(folder / "base.yaml"), str(mine)])


_KILLED_MID_EDIT = """
import os, sys
from aigap import opener
from aigap.store import update
from aigap.store.queries import Store

def killed(*args, **kwargs):
    os._exit(3)  # after the old rows were deleted, before the new ones are in

opener.EDITED_SHARE = 1.0
update._insert_owned = killed
opener.with_store(sys.argv[1:], Store.ids)
"""


def test_an_edit_killed_mid_way_leaves_the_cache_as_it_was(
    base_dir: Path,
    templates: dict[str, list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The edit is one transaction: killed half-way, its journal puts the cache back,
    and the next command reads it (or rebuilds it), never half an edit."""
    mine, paths = started(base_dir, templates, [("claims", 1, "before")])
    write(mine, own_file(templates, [("quotes", 0, "after"), ("events", 2, "after")]))
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_EDIT, *paths],
        env=os.environ.copy(),
        capture_output=True,
        check=False,
    )
    assert killed.returncode == 3, killed.stderr
    assert Path(f"{_cache_of(paths)}-journal").exists()  # the transaction never ended
    got = ids(paths)
    assert got == [r.id for r in _fresh_records(paths)]
    assert dump(_cache_of(paths)) == fresh_dump(paths, tmp_path / "fresh", monkeypatch)


_EDIT_BESIDE_A_READER = """
import sys
from aigap import opener
from aigap.store import update
from aigap.store.queries import Store

update.BUSY_SECONDS = 0.2  # the reader below holds the cache for the whole command
print(len(opener.with_store(sys.argv[1:], Store.ids)))
"""


def test_a_command_reading_sees_one_cache_while_another_edits_it(
    base_dir: Path, templates: dict[str, list[dict[str, Any]]]
) -> None:
    """A command holds one read transaction: an edit by another process waits for it
    (then rebuilds beside it), so the reader's later queries see the cache its first saw."""
    mine, paths = started(base_dir, templates, [("claims", 1, "before")])

    def read_across_an_edit(store: Store) -> tuple[list[str], list[str]]:
        before = store.ids()
        write(mine, own_file(templates, [("quotes", 0, "after"), ("events", 2, "after")]))
        editor = subprocess.run(
            [sys.executable, "-c", _EDIT_BESIDE_A_READER, *paths],
            env=os.environ.copy(),
            capture_output=True,
            text=True,
            check=False,
        )
        assert editor.returncode == 0, editor.stderr
        return before, store.ids()

    before, after = with_store(paths, read_across_an_edit)
    assert "own-claims-0" in before and after == before
    now = ids(paths)
    assert "own-claims-0" not in now and now == [r.id for r in _fresh_records(paths)]
