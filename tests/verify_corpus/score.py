"""Score ``aigap verify`` on the draft corpus: python tests/verify_corpus/score.py [tune|heldout].

Each expected claim is paired with the claim verify reports on the same line
whose figure contains the expected one (or is contained in it). Reported:

- planted errors flagged with an error verdict (target >= 90%), and with the
  right verdict (>= 80%);
- correct claims wrongly flagged with an error verdict (<= 5%), and matched
  to the right fact as supported (>= 90%);
- claims the base cannot check reported as unverified;
- claims verify reports that the corpus does not list (with an error verdict:
  false alarms outside the annotations).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import msgspec
import yaml

HERE = Path(__file__).resolve().parent
ERRORS = {"contradicted", "wrong-unit", "misattributed", "impossible-date"}


class Scores(msgspec.Struct):
    split: str
    drafts: int = 0
    claims: int = 0
    planted: int = 0
    flagged: int = 0
    right_verdict: int = 0
    correct: int = 0
    wrongly_flagged: int = 0
    right_fact: int = 0
    unchecked: int = 0
    unverified: int = 0
    extra: int = 0
    extra_errors: int = 0
    misses: list[str] = msgspec.field(default_factory=list)

    def share(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def lines(self) -> list[str]:
        return [
            f"{self.split}: {self.drafts} drafts, {self.claims} claims "
            f"({self.correct} correct, {self.planted} planted errors, {self.unchecked} unchecked)",
            f"  planted errors flagged with an error verdict: {self.flagged}/{self.planted}"
            f" = {self.share(self.flagged, self.planted):.0%} (target >= 90%)",
            f"  planted errors with the right verdict:        {self.right_verdict}/{self.planted}"
            f" = {self.share(self.right_verdict, self.planted):.0%} (target >= 80%)",
            f"  correct claims wrongly flagged:               {self.wrongly_flagged}/{self.correct}"
            f" = {self.share(self.wrongly_flagged, self.correct):.0%} (target <= 5%)",
            f"  correct claims matched to the right fact:     {self.right_fact}/{self.correct}"
            f" = {self.share(self.right_fact, self.correct):.0%} (target >= 90%)",
            f"  unchecked figures reported as unverified:     {self.unverified}/{self.unchecked}"
            f" = {self.share(self.unverified, self.unchecked):.0%}",
            f"  claims reported beyond the annotations: {self.extra}"
            f" ({self.extra_errors} with an error verdict)",
        ]


def load(split: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((HERE / f"{split}.yaml").read_text(encoding="utf-8"))
    drafts: list[dict[str, Any]] = data["drafts"]
    return drafts


def _same(expected: str, reported: str) -> bool:
    a, b = " ".join(expected.split()), " ".join(reported.split())
    return a in b or b in a


def score(split: str, check: Any) -> Scores:
    """``check(text, lang)`` -> the report's claims as JSON records."""
    result = Scores(split)
    for entry in load(split):
        result.drafts += 1
        reported = list(check(entry["text"], entry["lang"]))
        used: set[int] = set()
        for want in entry["claims"]:
            result.claims += 1
            got = None
            for i, claim in enumerate(reported):
                mine = claim["line"] == want["line"] and _same(want["figure"], claim["figure"])
                if i not in used and mine:
                    got = claim
                    used.add(i)
                    break
            verdict = got["verdict"] if got else None
            fact = got["fact_id"] if got else None
            kind = want["kind"]
            where = f"{entry['id']}:{want['line']} {want['figure']!r}"
            if kind == "planted":
                result.planted += 1
                result.flagged += verdict in ERRORS
                result.right_verdict += verdict == want["verdict"]
            elif kind == "correct":
                result.correct += 1
                result.wrongly_flagged += verdict in ERRORS
                result.right_fact += verdict == "supported" and fact == want["fact"]
            else:
                result.unchecked += 1
                result.unverified += verdict == "unverified"
            if verdict != want["verdict"] or (want["fact"] and fact != want["fact"]):
                result.misses.append(
                    f"{where}: expected {want['verdict']} {want['fact']}, got {verdict} {fact}"
                )
        for i, claim in enumerate(reported):
            if i not in used:
                result.extra += 1
                result.extra_errors += claim["verdict"] in ERRORS
                result.misses.append(
                    f"{entry['id']}:{claim['line']} extra {claim['figure']!r}:"
                    f" {claim['verdict']} {claim['fact_id']}"
                )
    return result


def checker() -> Any:
    """verify on the packaged base, through the library: one store for every draft."""
    from aigap.answers.verify import verify
    from aigap.factfiles.files import packaged_facts_path
    from aigap.opener import open_store
    from aigap.output.verify import report_data

    store = open_store([str(packaged_facts_path())])

    def check(text: str, lang: str) -> list[dict[str, Any]]:
        claims: list[dict[str, Any]] = report_data(verify(store, text, "en"))["claims"]  # type: ignore[assignment]
        return claims

    return check


def main(argv: list[str]) -> int:
    splits = argv or ["tune", "heldout"]
    check = checker()
    for split in splits:
        result = score(split, check)
        print("\n".join(result.lines()))
        if "-v" in sys.argv or "--misses" in sys.argv:
            print("\n".join("    " + m for m in result.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:] if not a.startswith("-")]))
