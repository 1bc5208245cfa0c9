"""The whole story in date order: every dated entry of every kind of fact.

Each kind says what it contributes (``Kind.entries``, see aigap/kinds/base.py):
an event its happening, a gap each dated reading, a score its result, a
market move its change, a dated quote or claim its words. A new kind joins
the timeline by giving its facts a date or its own ``entries``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from aigap import kinds
from aigap.answers.sources import sources_of
from aigap.core.errors import AigapError, Phrase, nearest, suggest
from aigap.core.model import Benchmark, Day, Fact, Lang, PartialDate, Source, day_text
from aigap.kinds.base import Entry
from aigap.store.queries import CacheError
from aigap.store.schema import entries_from_data

if TYPE_CHECKING:
    from aigap.store.queries import Store


class Line(msgspec.Struct, frozen=True):
    """One entry of the timeline and the fact it comes from."""

    fact: Fact
    entry: Entry
    date: PartialDate  # the entry's (always dated on the timeline)


class Story(msgspec.Struct, frozen=True):
    lines: list[Line]
    sources: dict[str, Source]
    total: int = 0  # entries there are; more than ``lines`` when cut to a limit


def span(d: PartialDate) -> tuple[Day, Day]:
    """The first and last day a partial date covers."""
    return d.span


def check_range(since: PartialDate | None, until: PartialDate | None) -> None:
    if since is not None and until is not None and span(since)[0] > span(until)[1]:
        raise AigapError.said("error.since_after_until", since=since.iso, until=until.iso)


def check_tags(store: Store, sections: Sequence[str], wanted: set[str]) -> None:
    """A tag no fact of those kinds carries is an error that lists the known tags
    (exit 2): an empty answer would hide a typing slip."""
    if not wanted:
        return
    known = store.known_tags(sections)  # case-folded, from the cache's index
    unknown = sorted(wanted - {t.casefold() for t in known})
    if unknown:
        said = [
            Phrase(
                "error.unknown_tag",
                {"tags": ", ".join(map(repr, unknown)), "known": nearest(unknown[0], known)},
            )
        ]
        guess = suggest(unknown[0], {t: t for t in known})
        if guess is not None:
            said.append(Phrase("error.did_you_mean", {"name": guess}))
        raise AigapError(said)


def story(
    store: Store,
    lang: Lang,
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    tags: Sequence[str] = (),
    sections: Sequence[str] = (),
    limit: int | None = None,
) -> Story:
    """Dated entries of the chosen kinds (default: all) in date order.

    A partial date matches a range it overlaps; an unknown tag is an error
    (``check_tags``).
    """
    check_range(since, until)
    chosen = list(sections) or list(kinds.sections())
    wanted = {t.casefold() for t in tags}
    check_tags(store, chosen, wanted)
    start = span(since)[0] if since is not None else None
    end = span(until)[1] if until is not None else None
    benchmarks = {b.id: b for b in store.benchmarks()}
    lines: list[tuple[Day, int, Line]] = []
    # a fact's dlo/dhi in the cache span all its entries (every reading of a gap):
    # SQL picks the facts a date range can touch, Python their entries
    since_key = day_text(start) if start is not None else None
    until_key = day_text(end) if end is not None else None
    if limit is not None and _indexed(chosen):
        # a table shows ``limit`` entries: SQL picks them from the entries table
        # (sorted as below; of the facts with a tag asked for), and only their facts are built
        tagged = sorted(wanted) if wanted else None
        return _first(store, lang, benchmarks, chosen, since_key, until_key, limit, tagged)
    for section in chosen:
        if wanted:  # the tags index picks the facts: a tag costs what it matches
            facts = store.select(section, since=since_key, until=until_key, tags=sorted(wanted))
        elif start is None and end is None:
            facts = store.records(section)
        else:
            facts = store.select(section, since=since_key, until=until_key)
        for fact in facts:
            if wanted and not wanted.intersection(t.casefold() for t in fact.tags):
                continue
            for entry in kinds.of(fact).story(fact, lang, benchmarks):
                date = entry.date
                if date is None:
                    continue
                first, last = span(date)
                if (start is not None and last < start) or (end is not None and first > end):
                    continue
                lines.append((date.sort_key, len(lines), Line(fact, entry, date)))
    ordered = [line for _, _, line in sorted(lines, key=lambda t: (t[0], t[1]))]
    total = len(ordered)
    if limit is not None:  # the first ``limit`` entries; only their sources are read
        ordered = ordered[:limit]
    sources = sources_of(store, [ln.fact for ln in ordered], words=True)
    return Story(ordered, sources, total)


def _indexed(sections: Sequence[str]) -> bool:

    # a kind named twice would list its entries twice, as the loop above does
    return len(set(sections)) == len(sections) and all(map(entries_from_data, sections))


def _first(
    store: Store,
    lang: Lang,
    benchmarks: dict[str, Benchmark],
    sections: Sequence[str],
    since: str | None,
    until: str | None,
    limit: int,
    tags: Sequence[str] | None = None,
) -> Story:
    """``story`` cut to ``limit``, from the cache's entries table."""

    picked = store.timeline(sections, since, until, limit, tags)
    ordered: list[Line] = []
    for placed in picked.rows:
        fact, pos = placed.fact, placed.pos
        entries = kinds.of(fact).story(fact, lang, benchmarks)
        entry = entries[pos] if 0 <= pos < len(entries) else None
        date = entry.date if entry is not None else None
        if entry is None or date is None or day_text(date.sort_key) != placed.sortkey:
            raise CacheError(f"cached timeline entry of {fact.id!r} does not match the fact")
        ordered.append(Line(fact, entry, date))
    sources = sources_of(store, [ln.fact for ln in ordered], words=True)
    return Story(ordered, sources, picked.total)
