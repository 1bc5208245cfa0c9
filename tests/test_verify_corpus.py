"""aigap verify on its draft corpus (tests/verify_corpus): the issue's targets, measured.

tune.yaml is what the rules were tuned on; heldout.yaml was written before
tuning and never tuned on (docs/verify.md reports both). Both parts must meet
the issue's targets: planted errors flagged >= 90% (the right verdict >= 80%),
correct claims wrongly flagged <= 5%, matched to the right fact >= 90%.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from aigap.answers.verify import VERDICTS

sys.path.insert(0, str(Path(__file__).resolve().parent / "verify_corpus"))

from score import Scores, checker, load, score


@pytest.fixture(scope="module")
def check():  # type: ignore[no-untyped-def]
    return checker()


def _shares(result: Scores) -> tuple[float, float, float, float]:
    return (
        result.share(result.flagged, result.planted),
        result.share(result.right_verdict, result.planted),
        result.share(result.wrongly_flagged, result.correct),
        result.share(result.right_fact, result.correct),
    )


def test_the_corpus_is_big_enough_and_split() -> None:
    tune, heldout = load("tune"), load("heldout")
    claims = [c for d in tune + heldout for c in d["claims"]]
    assert len(claims) >= 120
    assert {d["lang"] for d in tune} == {d["lang"] for d in heldout} == {"en", "ko"}
    assert not {d["id"] for d in tune} & {d["id"] for d in heldout}
    kinds = {c.get("error") for c in claims if c["kind"] == "planted"}
    assert {"number", "period", "unit", "scale", "others-number", "others-words"} <= kinds
    assert {c["verdict"] for c in claims} == set(VERDICTS)


def test_tuning_part_meets_the_targets(check) -> None:  # type: ignore[no-untyped-def]
    flagged, right, false_flags, right_fact = _shares(score("tune", check))
    assert flagged >= 0.9 and right >= 0.8 and false_flags <= 0.05 and right_fact >= 0.9


def test_held_out_part_meets_the_targets(check) -> None:  # type: ignore[no-untyped-def]
    flagged, right, false_flags, right_fact = _shares(score("heldout", check))
    assert flagged >= 0.9 and right >= 0.8 and false_flags <= 0.05 and right_fact >= 0.9
