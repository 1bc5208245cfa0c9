"""The pre-commit hook (.pre-commit-hooks.yaml) in a real repository of fact files.

`pre-commit try-repo` installs the hook from this checkout into its own
virtualenv (pip, so it needs the package index) and runs it in a temporary
git repository that has a `.pre-commit-config.yaml`, as every repository
using the hook has: that file, and other dot-files, are configuration, not
fact files, and must not be checked.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = [
    pytest.mark.slow,  # installs the hook's own environment: a minute or so
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None,
        reason="pre-commit is not installed (it is in the test extra: pip install '.[test]')",
    ),
    pytest.mark.skipif(
        shutil.which("git") is None or not (REPO / ".git").exists(),
        reason="try-repo needs this checkout to be a git repository",
    ),
]

GIT = ["git", "-c", "user.name=aigap tests", "-c", "user.email=tests@aigap.invalid"]
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
HANG = 900  # seconds; only stops a hang (the first run installs an environment)


def _repository(tmp_path: Path) -> Path:
    repo = tmp_path / "facts-repo"
    (repo / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(REPO / "facts.yaml", repo / "facts.yaml")
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (repo / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "facts"], cwd=repo, check=True)
    return repo


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(REPO), "aigap-check", "--all-files", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG,
    )


def test_the_hook_checks_fact_files_and_leaves_configuration_alone(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    home = tmp_path / "pre-commit-home"
    clean = _try_repo(repo, home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "facts.yaml: " in clean.stdout and "no problems" in clean.stdout
    assert ".pre-commit-config.yaml" not in clean.stdout.split("====")[-1]
    assert "ci.yml" not in clean.stdout.split("====")[-1]

    (repo / "mine.yaml").write_text("schema: 1\nclaims:\n  - id: x\n", encoding="utf-8")
    subprocess.run([*GIT, "add", "mine.yaml"], cwd=repo, check=True)
    broken = _try_repo(repo, home)  # the environment is reused: a second or two
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "mine.yaml:3" in broken.stdout


def test_the_documented_configuration_works(tmp_path: Path) -> None:
    """docs/check.md's form: this repository at a commit id in `.pre-commit-config.yaml`."""
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    repo = _repository(tmp_path)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {rev}\n    hooks:\n      - id: aigap-check\n",
        encoding="utf-8",
    )
    subprocess.run([*GIT, "add", ".pre-commit-config.yaml"], cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "home"), "PRE_COMMIT_COLOR": "never"}
    run = subprocess.run(
        [*PRE_COMMIT, "run", "--all-files", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no problems" in run.stdout
