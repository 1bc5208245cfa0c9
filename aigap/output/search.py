"""Search hits laid out: the answer first, then the fact id and the match."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aigap.answers.search import Found, Hit
from aigap.core.labels import label
from aigap.core.model import Lang
from aigap.output.layout import every_row
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


SEARCH_FIELDS = (
    "rank",
    "id",
    "kind",
    "score",
    "headline",
    "date",
    "who",
    "source_id",
    "field",
    "snippet",
)


def search_record(rank: int, hit: Hit) -> Record:
    return {
        "rank": rank,
        "id": hit.record.id,
        "kind": hit.kind,
        "score": hit.score,
        "headline": hit.headline,
        "date": hit.date,
        "who": hit.who,
        "source_id": hit.source_id,
        "field": hit.field,
        "snippet": hit.snippet,
    }


def search_listing(found: Found, lang: Lang) -> Listing:
    """Each hit's answer first (figure, date, who, source), then the fact id and the match."""
    records = [search_record(rank, hit) for rank, hit in enumerate(found.hits, 1)]
    columns = [
        Column("rank", label("rank", lang), numeric=True),
        Column("answer", label("search.answer", lang), ratio=1),
    ]
    cells = []
    first_with: dict[str, str] = {}  # a note repeated on many facts is shown once
    for rank, hit in enumerate(found.hits, 1):
        about = " · ".join(x for x in (hit.date, hit.who, hit.source_id) if x)
        lines = [hit.headline, about, f"{hit.record.id} ({hit.kind})"]
        # a match the headline or the actor already shows needs no line of its own
        if hit.snippet and hit.snippet.strip("…") not in f"{hit.headline} {hit.who}":
            seen = first_with.setdefault(hit.snippet, hit.record.id)
            shown = hit.snippet if seen == hit.record.id else label("search.same", lang, id=seen)
            lines.append(f"{hit.field}: {shown}")
        cells.append([str(rank), "\n".join(line for line in lines if line)])
    notes = []
    if found.total > len(found.hits) and found.hits:
        more = found.total - len(found.hits)
        notes.append(label("search.more", lang, more=more, words=found.words, total=found.total))
    if found.hits:
        notes.append(label("search.help", lang))
    return Listing(
        label("title.search", lang, words=found.words, total=found.total),
        columns,
        records,
        cells=cells,
        notes=notes,
        groups=every_row(found.hits),
        fields=SEARCH_FIELDS,
    )
