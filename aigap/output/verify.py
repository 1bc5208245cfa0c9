"""``aigap verify``'s output: a table, a Markdown checklist for an editor, or JSON."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from aigap.core.labels import label
from aigap.core.model import Lang
from aigap.output.render import Column, Listing, safe, write_json

if TYPE_CHECKING:
    from aigap.answers.verify import Checked, Report
    from aigap.core.jsontypes import Record


def verdict_text(verdict: str, lang: Lang) -> str:
    return label(f"verdict.{verdict}", lang)


def summary_line(report: Report, lang: Lang) -> str:
    """'9 claims: 6 supported, 1 contradicted, ...' (verdicts with none left out)."""
    counts = report.summary()
    parts = [
        label("verify.count", lang, n=n, verdict=verdict_text(v, lang))
        for v, n in counts.items()
        if n
    ]
    if not parts:
        return label("verify.nothing", lang)
    total = len(report.claims)
    key = "verify.summary_one" if total == 1 else "verify.summary"
    return label(key, lang, total=total, counts=", ".join(parts))


def claim_record(claim: Checked) -> Record:
    """One claim as JSON: the verdict in the catalogue's English words, ids as they are."""
    return {
        "line": claim.line,
        "text": claim.text,
        "figure": claim.figure,
        "verdict": claim.verdict,
        "fact_id": claim.fact_id,
        "says": claim.says,
        "source_id": claim.source_id,
    }


def report_data(report: Report) -> Record:
    return {
        "claims": [claim_record(c) for c in report.claims],
        "summary": dict(report.summary()),
    }


def write_report_json(report: Report, out: IO[str]) -> None:
    write_json(report_data(report), out)


def report_listing(report: Report, draft: str, lang: Lang) -> Listing:
    """The claims as a table in the run's language, with the summary line under it."""
    records: list[Record] = []
    for claim in report.claims:
        records.append(
            {
                "line": claim.line,
                "claim": claim.text,
                "figure": claim.figure,
                "verdict": verdict_text(claim.verdict, lang),
                "says": claim.says or label("verify.no_base", lang),
                "fact_id": claim.fact_id or "",
                "source_id": claim.source_id or "",
            }
        )
    columns = [
        Column("line", label("verify.line", lang), numeric=True),
        Column("claim", label("verify.claim", lang), ratio=3, min_width=28),
        Column("figure", label("verify.figure", lang), max_width=16),
        Column("verdict", label("verify.verdict", lang), max_width=14),
        Column("says", label("verify.says", lang), max_width=30),
        Column("fact_id", label("verify.fact", lang), optional=True, max_width=28),
        Column("source_id", label("verify.source", lang), optional=True, max_width=18),
    ]
    listing = Listing(
        label("verify.title", lang, draft=draft),
        columns,
        records,
        notes=[summary_line(report, lang)] if report.claims else [],
        fields=[c.key for c in columns],
    )
    listing.empty = label("verify.nothing", lang)
    return listing


def _md(text: str) -> str:
    """Draft or base text as Markdown text, never markup."""
    out = safe(text, keep_newlines=False).replace("\\", "\\\\")
    for ch in "`*_[]<>|#~":
        out = out.replace(ch, "\\" + ch)
    return out


def write_checklist(report: Report, draft: str, lang: Lang, out: IO[str]) -> None:
    """The claims as a Markdown task list: supported ones ticked, the rest to look at."""
    out.write(f"# {_md(label('verify.checklist', lang, draft=draft))}\n\n")
    for claim in report.claims:
        tick = "x" if claim.verdict == "supported" else " "
        where = label("verify.checklist_line", lang, line=claim.line)
        line = (
            f"- [{tick}] {where}: **{_md(verdict_text(claim.verdict, lang))}** — "
            f"{_md(claim.figure)} — {_md(claim.text)}"
        )
        if claim.says:
            line += f"\n  - {_md(label('verify.says', lang))}: {_md(claim.says)}"
            where = ", ".join(_md(i) for i in (claim.fact_id, claim.source_id) if i)
            line += f" ({where})" if where else ""  # an impossible date: no fact to cite
        out.write(line + "\n")
    out.write(f"\n{_md(summary_line(report, lang))}\n")
