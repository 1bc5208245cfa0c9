"""Search hits laid out: the answer first, then the fact id and the match.

A table shows the hits that match the question well; when none does it says
so and shows at most ``CLOSEST`` weak hits, marked as the closest facts, not
answers. JSON and CSV list every hit with its ``weak`` flag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aigap import kinds
from aigap.answers.search import SUBJECT_WEIGHT, Found, Hit
from aigap.core.labels import field_name, label
from aigap.core.model import Fact, Lang, PartialDate, words_source
from aigap.core.numbers import date_short
from aigap.output.layout import date_fields, date_names, every_row, kind_label, words_line
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


SEARCH_FIELDS = (
    "rank",
    "id",
    "kind",
    "score",
    "headline",
    *date_names("date"),
    "who",
    "source_id",
    "original_source_id",
    "field",
    "snippet",
    "weak",
)


def search_record(rank: int, hit: Hit) -> Record:
    return {
        "rank": rank,
        "id": hit.record.id,
        "kind": hit.kind,
        "score": hit.score,
        "headline": hit.headline,
        **date_fields("date", PartialDate.parse(hit.date) if hit.date else None),
        "who": hit.who,
        "source_id": hit.source_id,
        # a quote's original words come from their own source, not the article
        "original_source_id": _words_source(hit),
        "field": hit.field,
        "snippet": hit.snippet,
        "weak": hit.weak,
    }


def _words_source(hit: Hit) -> str | None:
    return words_source(hit.record) if isinstance(hit.record, Fact) else None


CLOSEST = 3  # weak hits a table shows when nothing matches well


def _names_subject(hit: Hit) -> bool:
    """Whether the hit matched in a field that names the fact's subject (speaker, model)."""
    if not isinstance(hit.record, Fact) or hit.field == "id":
        return False
    return kinds.of(hit.record).search_weights().get(hit.field, 0) >= SUBJECT_WEIGHT


def search_listing(found: Found, lang: Lang) -> Listing:
    """Each hit's answer first (figure, date, who, source), then the fact id and the match.

    A table shows the hits that match well; when none does, it says so and
    shows at most ``CLOSEST`` weak hits, each marked as closest, not an answer.
    JSON and CSV list every hit with its ``weak`` flag.
    """
    nothing = bool(found.hits) and found.nothing
    shown = [h for h in found.hits if not h.weak] if not nothing else found.hits[:CLOSEST]
    records = [search_record(rank, hit) for rank, hit in enumerate(found.hits, 1)]
    columns = [
        Column("rank", label("rank", lang), numeric=True),
        Column("answer", label("search.answer", lang), ratio=1),
    ]
    cells = []
    first_with: dict[str, str] = {}  # a note repeated on many facts is shown once
    for rank, hit in enumerate(shown, 1):
        when = PartialDate.parse(hit.date) if hit.date else None
        day = date_short(when, lang) if when else hit.date  # "2024년 말", not "2024-end"
        about = " · ".join(x for x in (day, hit.who, hit.source_id) if x)
        mark = f"{label('search.closest', lang)} " if hit.weak else ""
        # a quote's original words: where they are cited from, under the article's id
        words = words_line(hit.record, lang) if isinstance(hit.record, Fact) else None
        lines = [mark + hit.headline, about, words or ""]
        lines.append(f"{hit.record.id} ({kind_label(hit.kind, lang)})")
        # a match the headline or the actor already shows needs no line of its own,
        # nor does the fact's subject named in the other language (Nvidia: 엔비디아)
        if (
            hit.snippet
            and hit.snippet.strip("…") not in f"{hit.headline} {hit.who}"
            and not _names_subject(hit)
        ):
            seen = first_with.setdefault(hit.snippet, hit.record.id)
            said = hit.snippet if seen == hit.record.id else label("search.same", lang, id=seen)
            lines.append(f"{field_name(hit.field, lang, hit.kind)}: {said}")
        cells.append([str(rank), "\n".join(line for line in lines if line)])
    notes = []
    for typed, words in found.corrections:
        notes.append(label("search.corrected", lang, words=words, typed=typed))
    if nothing:
        notes.append(label("search.nothing", lang, words=found.words))
    elif found.total > len(shown) and shown:
        more = found.total - len(shown)
        notes.append(label("search.more", lang, more=more, words=found.words, total=found.total))
    if shown:
        notes.append(label("search.help", lang))
    title = (
        label("title.search_weak", lang, words=found.words)
        if nothing
        else label("title.search", lang, words=found.words, total=found.total)
    )
    return Listing(
        title,
        columns,
        records,
        cells=cells,
        notes=notes,
        groups=every_row(shown),
        fields=SEARCH_FIELDS,
    )
