"""Shared fixtures: every test runs with a plain terminal and its own cache."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from aigap.cli import app

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO.parent / "shared" / "sources"
# The articles are reference material beside the repository, not in it: a
# fresh clone has no ../shared, so the tests that read them skip (.ci/run has them).
needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(),
    reason=f"the source articles ({SOURCES}) are reference material outside the repository",
)


@pytest.fixture(scope="session", autouse=True)
def one_click_tree_per_app() -> Iterator[None]:
    """Typer turns the app into Click commands on every ``CliRunner.invoke``: about
    0.1 s of reading signatures and annotations, a third of the fast tier's CPU. The
    tree of an app does not change, so each app's group is built once.

    ``typer.main.get_command`` looks ``get_group`` up on each call; it then adds the
    completion options to the group again, so the group's own options are put back
    first.
    """
    build = typer.main.get_group
    built: dict[int, tuple[typer.Typer, Any, list[Any]]] = {}

    def get_group(typer_instance: typer.Typer) -> Any:
        key = id(typer_instance)
        if key not in built:
            group = build(typer_instance)
            built[key] = (typer_instance, group, list(group.params))
        _, group, params = built[key]
        group.params[:] = params
        return group

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.main, "get_group", get_group)
        yield


@pytest.fixture(scope="session")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache of the shipped base, built once by an ordinary command.

    Each test starts from a copy of it: its own cache still, but without
    reading and validating facts.yaml again (most of the fast tier's time).
    Tests of a cold cache use their own fact files or their own cache dir.
    """
    directory = tmp_path_factory.mktemp("warm-cache")
    unset: dict[str, str | None] = {name: None for name in _AIGAP_ENV}
    result = CliRunner().invoke(
        app, ["sources"], env={**unset, "AIGAP_CACHE_DIR": str(directory), "NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.output
    return directory


_AIGAP_ENV = (
    "AIGAP_FACTS",
    "AIGAP_LANG",
    "AIGAP_MAX_BYTES",
    "AIGAP_NO_CACHE",
    "AIGAP_NO_PACKAGED",
    "FORCE_COLOR",
)


@pytest.fixture(autouse=True)
def plain_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory, warm_cache: Path
) -> None:
    for name in _AIGAP_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "dumb")
    cache = tmp_path_factory.mktemp("cache")
    shutil.copytree(warm_cache, cache, dirs_exist_ok=True)
    monkeypatch.setenv("AIGAP_CACHE_DIR", str(cache))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def facts_path() -> Path:
    """The shipped fact base, as the installed package sees it."""
    from aigap.factfiles.files import packaged_facts_path

    return packaged_facts_path()


# A search hit's fields in JSON, CSV and Markdown, in order: spelt out, not taken from
# aigap.output.search, so that a change to the published fields fails a test.
SEARCH_HIT_FIELDS = [
    "rank",
    "id",
    "kind",
    "score",
    "headline",
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "who",
    "source_id",
    "original_source_id",
    "field",
    "snippet",
    "weak",
]


BIG_BASE_FACTS = 2_000


@pytest.fixture(scope="module")
def big_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated base (benchmarks/generate_facts.py), one per test module."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate_facts import write  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    path: Path = write(BIG_BASE_FACTS, tmp_path_factory.mktemp("big"))
    return path
