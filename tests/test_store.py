"""The validated cache: it is used when fresh and never yields stale or wrong facts.

Every test gets its own AIGAP_CACHE_DIR (conftest) and its own copy of the
shipped fact base, so editing the file or breaking the cache is safe.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import zlib
from pathlib import Path
from typing import Any

import pytest

from aigap import kinds
from aigap.cli import app
from aigap.factfiles.load import load_fact_base
from aigap.factfiles.validate import cited_sources
from aigap.opener import open_store, with_store
from aigap.store import cache as store_mod
from aigap.store.cache import cache_file_for
from aigap.store.queries import CacheError, Store

KINDS = ("sources", "benchmarks", "entities", *kinds.sections())


def _section(base: Any, kind: str) -> tuple[Any, ...]:
    return getattr(base, kind) if kind in KINDS[:3] else base.section(kind)


IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def facts(tmp_path: Path, facts_path: Path) -> Path:
    copy = tmp_path / "facts" / "facts.yaml"
    copy.parent.mkdir()
    shutil.copyfile(facts_path, copy)
    return copy


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("AIGAP_CACHE_DIR", str(directory))
    return directory


def snapshot(path: Path) -> dict[str, list[Any]]:
    """Every record the store gives, by kind (closing the connection)."""

    def query(store: Store) -> dict[str, list[Any]]:
        others = {"sources": store.sources(), "benchmarks": store.benchmarks()}
        return {**others, "entities": store.entities()} | {
            kind: store.records(kind) for kind in KINDS[3:]
        }

    return with_store(str(path), query)


def expected(path: Path) -> dict[str, list[Any]]:
    """The same records straight from the YAML, bypassing any cache."""
    base = load_fact_base(str(path))
    return {kind: list(_section(base, kind)) for kind in KINDS}


def mmlu_then(path: Path) -> float:
    def query(store: Store) -> float:
        (gap,) = store.records_about("gaps", "mmlu")
        return gap.values[0].value  # type: ignore[no-any-return]

    return with_store(str(path), query)


def no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any read of the YAML fail, to prove an answer came from the cache."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the fact file was parsed")

    monkeypatch.setattr("aigap.factfiles.load.load_fact_base_with_data", refuse)
    monkeypatch.setattr("aigap.factfiles.load.load_fact_bases_with_data", refuse)


def cache_file(path: Path) -> Path:
    found = cache_file_for(str(path))
    assert found is not None
    return found


def rewrite_same_size(path: Path, old: str, new: str) -> None:
    """Change the content but keep the size and the modification time."""
    assert len(old.encode()) == len(new.encode())
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size
    assert path.stat().st_mtime_ns == info.st_mtime_ns


MMLU_THEN = 'value: 17.5, printed: "17.5%"}'
MMLU_THEN_CHANGED = 'value: 17.4, printed: "17.5%"}'


# --- fresh and warm reads ---------------------------------------------------


def test_first_read_writes_a_private_cache(facts: Path, cache: Path) -> None:
    assert snapshot(facts) == expected(facts)
    written = cache_file(facts)
    assert written.parent == cache
    assert written.is_file()
    assert stat.S_IMODE(cache.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(written.stat().st_mode) & 0o022 == 0
    assert not list(cache.glob("*.tmp"))  # written atomically, nothing left over


def test_warm_read_answers_from_the_cache(
    facts: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = snapshot(facts)
    no_parse(monkeypatch)
    assert snapshot(facts) == first == expected(facts)


def test_warm_queries_match_the_fact_base(facts: Path, cache: Path) -> None:
    snapshot(facts)
    base = load_fact_base(str(facts))
    store = open_store(str(facts))
    try:
        assert store.ids() == [r.id for kind in KINDS for r in _section(base, kind)]
        assert store.all_facts() == list(base.facts())
        assert store.record("mmlu") == next(b for b in base.benchmarks if b.id == "mmlu")
        assert store.record("no-such-id") is None
        assert store.benchmark_named("massivemultitasklanguageunderstanding").id == "mmlu"
        counts: dict[str, int] = {}
        for fact in base.facts():  # each fact counts once for every source it cites
            for source in {fact.source, *(s for _, s in cited_sources(fact))}:
                counts[source] = counts.get(source, 0) + 1
        assert store.fact_counts() == counts
    finally:
        store.conn.close()


def test_no_cache_env_writes_nothing(
    facts: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGAP_NO_CACHE", "1")
    assert snapshot(facts) == expected(facts)
    assert not cache.exists()


# --- a changed fact file is read again ---------------------------------------


def test_same_size_same_mtime_new_content_is_reread(facts: Path, cache: Path) -> None:
    assert mmlu_then(facts) == 17.5
    rewrite_same_size(facts, MMLU_THEN, MMLU_THEN_CHANGED)
    assert mmlu_then(facts) == 17.4
    assert snapshot(facts) == expected(facts)


def test_touched_file_is_reread(facts: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot(facts)
    info = facts.stat()
    os.utime(facts, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    calls = []
    real = store_mod.__dict__.get("_fill")
    assert real is not None

    def counting(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        real(*args, **kwargs)

    monkeypatch.setattr(store_mod, "_fill", counting)
    assert snapshot(facts) == expected(facts)
    assert calls  # the cache was rebuilt, not reused


def test_edited_file_is_reread(facts: Path, cache: Path) -> None:
    assert mmlu_then(facts) == 17.5
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace(MMLU_THEN, 'value: 21.25, printed: "17.5%"}'), "utf-8")
    assert mmlu_then(facts) == 21.25


def test_replaced_file_is_reread(facts: Path, cache: Path) -> None:
    """A new file renamed over the old one (a new inode), as editors save."""
    assert mmlu_then(facts) == 17.5
    new = facts.with_name("new.yaml")
    new.write_text(facts.read_text(encoding="utf-8").replace(MMLU_THEN, MMLU_THEN_CHANGED))
    os.replace(new, facts)
    assert mmlu_then(facts) == 17.4


def test_cache_of_another_file_is_not_used(facts: Path, cache: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(facts.read_text(encoding="utf-8").replace(MMLU_THEN, MMLU_THEN_CHANGED))
    assert mmlu_then(other) == 17.4
    shutil.copyfile(cache_file(other), cache_file(facts))  # the wrong file's cache
    assert mmlu_then(facts) == 17.5


def test_invalid_edit_is_reported_not_served_from_cache(facts: Path, cache: Path) -> None:
    from aigap.core.errors import FactFileError

    snapshot(facts)
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("unit: pp", "unit: bogus", 1), encoding="utf-8")
    with pytest.raises(FactFileError):
        snapshot(facts)


# --- a corrupt cache is ignored and rebuilt ----------------------------------


def corrupt_random(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def corrupt_truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def corrupt_empty(path: Path) -> None:
    path.write_bytes(b"")


def corrupt_wrong_schema(path: Path) -> None:
    """A valid SQLite file, with a matching key, but not our tables."""
    conn = sqlite3.connect(path)
    key = conn.execute("SELECT value FROM meta").fetchone()[0]
    conn.close()
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta(key TEXT, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
    conn.execute("CREATE TABLE records(id TEXT, stuff TEXT)")
    conn.commit()
    conn.close()


def corrupt_other_database(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()


# the blob of gap-mmlu's row (records hold the columns, blobs the JSON)
MMLU_ROW = "ord = (SELECT ord FROM records WHERE id = 'gap-mmlu')"


def _update(path: Path, sql: str, *args: Any) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute(sql, args).rowcount >= 1
    conn.commit()
    conn.close()


def tamper_value(path: Path) -> None:
    """Another number in a row: valid JSON, valid record, but not what the file says."""
    _update(
        path,
        f"UPDATE blobs SET data = replace(data, '17.5', '99.9') WHERE {MMLU_ROW}",
    )


def tamper_bad_json(path: Path) -> None:
    _update(
        path,
        f"UPDATE blobs SET data = substr(data, 2) WHERE {MMLU_ROW}",
    )


def tamper_invalid_record(path: Path) -> None:
    """A row whose checksum matches but which the validator refuses."""
    conn = sqlite3.connect(path)
    (data,) = conn.execute(f"SELECT data FROM blobs WHERE {MMLU_ROW}").fetchone()
    data = data.replace('"unit":"pp"', '"unit":"furlongs"')
    crc = zlib.crc32(data.encode())
    conn.execute(
        f"UPDATE blobs SET data = ?, crc = ? WHERE {MMLU_ROW}",
        (data, crc),
    )
    conn.commit()
    conn.close()


def tamper_wrong_id(path: Path) -> None:
    """A valid, checksummed row filed under another record's id."""
    conn = sqlite3.connect(path)
    _kind, data, crc = conn.execute(
        "SELECT kind, data, crc FROM records JOIN blobs USING (ord)"
        " WHERE kind = 'sources' ORDER BY ord LIMIT 1 OFFSET 1"
    ).fetchone()
    first = conn.execute("SELECT ord FROM records WHERE kind = 'sources' ORDER BY ord").fetchone()
    conn.execute("UPDATE blobs SET data = ?, crc = ? WHERE ord = ?", (data, crc, first[0]))
    conn.commit()
    conn.close()


def tamper_not_text(path: Path) -> None:
    _update(
        path,
        f"UPDATE blobs SET data = x'00ff' WHERE {MMLU_ROW}",
    )


def tamper_missing_row(path: Path) -> None:
    _update(path, "DELETE FROM records WHERE kind = 'sources'")


def tamper_names(path: Path) -> None:
    _update(path, "UPDATE names SET benchmark = 'no-such-benchmark' WHERE norm = 'mmlu'")


def tamper_names_elsewhere(path: Path) -> None:
    """'mmlu' resolving to another, real benchmark: a wrong answer if trusted."""
    _update(path, "UPDATE names SET benchmark = 'mmmu' WHERE norm = 'mmlu'")


def tamper_names_lost(path: Path) -> None:
    _update(path, "DELETE FROM names WHERE benchmark = 'mmlu'")


def tamper_swapped_rows(path: Path) -> None:
    """Two intact rows trading places (their data and checksums)."""
    conn = sqlite3.connect(path)
    a, b = conn.execute(
        "SELECT ord, data, crc FROM records JOIN blobs USING (ord)"
        " WHERE kind = 'gaps' ORDER BY ord LIMIT 2"
    ).fetchall()
    conn.execute("UPDATE blobs SET data = ?, crc = ? WHERE ord = ?", (b[1], b[2], a[0]))
    conn.execute("UPDATE blobs SET data = ?, crc = ? WHERE ord = ?", (a[1], a[2], b[0]))
    conn.commit()
    conn.close()


CORRUPTIONS = [
    corrupt_random,
    corrupt_truncated,
    corrupt_empty,
    corrupt_wrong_schema,
    corrupt_other_database,
    tamper_value,
    tamper_bad_json,
    tamper_invalid_record,
    tamper_wrong_id,
    tamper_not_text,
    tamper_missing_row,
    tamper_names,
    tamper_names_elsewhere,
    tamper_names_lost,
    tamper_swapped_rows,
]


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=lambda f: f.__name__)
def test_corrupt_cache_is_rebuilt(facts: Path, cache: Path, corrupt: Any) -> None:
    want = expected(facts)
    assert snapshot(facts) == want
    corrupt(cache_file(facts))
    assert snapshot(facts) == want
    assert mmlu_then(facts) == 17.5
    assert snapshot(facts) == want  # and the rebuilt cache is good


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=lambda f: f.__name__)
def test_corrupt_cache_never_reaches_the_user(
    facts: Path, cache: Path, corrupt: Any, runner: Any
) -> None:
    first = runner.invoke(
        app, ["--no-packaged", "--facts", str(facts), "gap", "mmlu", "--format", "json"]
    )
    assert first.exit_code == 0, first.output
    corrupt(cache_file(facts))
    again = runner.invoke(
        app, ["--no-packaged", "--facts", str(facts), "gap", "mmlu", "--format", "json"]
    )
    assert again.exit_code == 0, again.output
    assert again.output == first.output
    assert "Traceback" not in again.output


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=lambda f: f.__name__)
def test_name_lookup_survives_a_corrupt_cache(facts: Path, cache: Path, corrupt: Any) -> None:
    from aigap.answers.lookup import find_benchmark

    snapshot(facts)
    corrupt(cache_file(facts))
    for typed in ("MMLU", "massive multitask language understanding", "멀티태스크 언어 이해"):
        assert with_store(str(facts), lambda s, t=typed: find_benchmark(s, t)).id == "mmlu"


def test_store_raises_cache_error_on_a_bad_row(facts: Path, cache: Path) -> None:
    snapshot(facts)
    tamper_value(cache_file(facts))
    store = open_store(str(facts))
    try:
        with pytest.raises(CacheError):
            store.records_about("gaps", "mmlu")
    finally:
        store.conn.close()


def test_readers_return_only_the_type_they_promise(facts: Path, cache: Path) -> None:
    from aigap.core.model import Benchmark, Source
    from aigap.kinds.gap import KIND as GAPS
    from aigap.kinds.gap import Gap

    store = open_store(str(facts))
    try:
        assert all(type(g) is Gap for g in store.records(GAPS))
        assert all(type(b) is Benchmark for b in store.benchmarks())
        assert isinstance(store.source(store.sources()[0].id), Source)
        with pytest.raises(CacheError):  # a benchmark's id, asked for as a source
            store.source("mmlu")
        with pytest.raises(ValueError):  # not facts: they have their own readers
            store.records("benchmarks")
    finally:
        store.conn.close()


def test_leftover_temporary_file_is_harmless(facts: Path, cache: Path) -> None:
    cache.mkdir(mode=0o700)
    target = cache_file(facts)
    target.with_name(f"{target.name}.{os.getpid()}.tmp").write_bytes(b"junk")
    assert snapshot(facts) == expected(facts)
    assert target.is_file()


# --- an unusable cache directory falls back to memory -------------------------


def test_file_where_the_directory_should_be(
    facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_bytes(b"keep me")
    monkeypatch.setenv("AIGAP_CACHE_DIR", str(blocker))
    assert snapshot(facts) == expected(facts)
    assert blocker.read_bytes() == b"keep me"


def test_directory_below_a_file(
    facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    monkeypatch.setenv("AIGAP_CACHE_DIR", str(blocker / "cache"))
    assert snapshot(facts) == expected(facts)


def test_unwritable_directory(facts: Path, cache: Path) -> None:
    cache.mkdir(mode=0o700)
    cache.chmod(0)
    try:
        assert snapshot(facts) == expected(facts)
        assert mmlu_then(facts) == 17.5
        if not IS_ROOT:  # root ignores permissions; then the cache simply works
            cache.chmod(0o700)
            assert not list(cache.iterdir())
    finally:
        cache.chmod(0o700)


def test_read_only_cache_file_still_answers(facts: Path, cache: Path) -> None:
    snapshot(facts)
    cache.chmod(0o500)  # the cache can be read but not replaced
    try:
        rewrite_same_size(facts, MMLU_THEN, MMLU_THEN_CHANGED)
        assert mmlu_then(facts) == 17.4
    finally:
        cache.chmod(0o700)


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777, 0o1777])
def test_shared_directory_is_not_used(facts: Path, cache: Path, mode: int) -> None:
    cache.mkdir()
    cache.chmod(mode)
    assert snapshot(facts) == expected(facts)
    assert not list(cache.iterdir())


def test_directory_owned_by_someone_else_is_not_used(
    facts: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot(facts)  # a good cache exists ...
    target = cache_file(facts)
    stamp = target.stat().st_mtime_ns
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 1)  # ... but not ours
    no_parse_calls: list[int] = []
    real_load = __import__("aigap.factfiles.load", fromlist=["x"]).load_fact_bases_with_data

    def counting(*args: Any, **kwargs: Any) -> Any:
        no_parse_calls.append(1)
        return real_load(*args, **kwargs)

    monkeypatch.setattr("aigap.factfiles.load.load_fact_bases_with_data", counting)
    assert snapshot(facts) == expected(facts)
    assert no_parse_calls  # read from the YAML, not from their cache
    assert target.stat().st_mtime_ns == stamp  # and theirs left alone


@pytest.mark.skipif(not IS_ROOT, reason="needs root to chown")
def test_really_foreign_directory_is_not_used(facts: Path, cache: Path) -> None:
    cache.mkdir(mode=0o700)
    os.chown(cache, 65534, 65534)
    assert snapshot(facts) == expected(facts)
    assert not list(cache.iterdir())


def test_group_writable_cache_file_is_not_read(
    facts: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot(facts)
    target = cache_file(facts)
    tamper_value(target)
    target.chmod(0o666)
    assert mmlu_then(facts) == 17.5
    assert stat.S_IMODE(cache_file(facts).stat().st_mode) & 0o022 == 0  # replaced


def test_symlinked_cache_file_is_not_read(facts: Path, cache: Path, tmp_path: Path) -> None:
    snapshot(facts)
    target = cache_file(facts)
    elsewhere = tmp_path / "elsewhere.sqlite"
    shutil.copyfile(target, elsewhere)
    tamper_value(elsewhere)
    target.unlink()
    target.symlink_to(elsewhere)
    assert mmlu_then(facts) == 17.5
    assert not target.is_symlink()  # replaced by a real file
