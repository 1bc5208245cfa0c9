"""Charts for a slide or an article: the US–China gaps then → now, and model scores.

``gap_figure`` and ``scores_figure`` are pure functions from query rows to a
matplotlib ``Figure``; ``save`` writes one atomically as SVG or PNG. matplotlib
is imported only inside these functions, so only ``aigap chart`` pays for it.

Fonts are loaded from their files through ``FontProperties(fname=...)`` on
each text, never registered with matplotlib's global font manager or rc:
DejaVu Sans (shipped with matplotlib) for English, NanumGothic (shipped in the
``koreanize-matplotlib`` wheel, SIL Open Font License) for Korean, so Hangul
renders on a fresh machine. The ``koreanize_matplotlib`` package itself is
never imported: importing it changes matplotlib's global rc settings.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
import textwrap
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from aigap.answers.gaps import GapRow, gap_rows
from aigap.answers.scores import ScoreRow, score_rows
from aigap.core import derive
from aigap.core.errors import AigapError, Phrase
from aigap.core.labels import LABELS, label
from aigap.core.model import Fact, Lang, Source
from aigap.core.numbers import date_words
from aigap.kinds.gap import GapValue
from aigap.output import files
from aigap.output.show import author_name

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.text import Text

    from aigap.kinds.score import Score


# The only import of the query layer: the rows a chart is drawn from.


__all__ = [
    "EXTENSIONS",
    "chart_format",
    "gap_figure",
    "gap_rows",
    "save",
    "score_rows",
    "scores_figure",
    "source_note",
]

# matplotlib logs WARNINGs on stderr when HOME is unwritable ("Matplotlib created a
# temporary cache directory ..."): it copes, and a reader can do nothing about it.
# Set before matplotlib is first imported (only this command imports this module).
logging.getLogger("matplotlib").setLevel(logging.ERROR)

EXTENSIONS = (".svg", ".png")
# 16:9; PNG at DPI gives 1920 × 1080 px, a full-HD slide.
SIZE_INCHES = (12.8, 7.2)
DPI = 150
R = TypeVar("R")  # a row of a chart (GapRow, ScoreRow)

_INK = "#1a1a1a"
_MUTED = "#5f6368"
_GRID = "#e3e3e3"
_THEN = "#9aa0a6"
_NOW = "#1a4f8b"
_COUNTRY_COLOURS = {"US": "#1f5fa8", "CN": "#c8102e"}
_OTHER_COLOUR = "#6b6b6b"
# A primary source's locator that names a figure ("Figure 2.1.37"): the source
# line lists its number after the report's name, as "Fig. 2.1.36, 2.1.37"
_FIGURE = re.compile(r"(?:Figure|Fig\.|그림)\s*([\d.]*\d)")
_HANGUL = re.compile("[\uac00-\ud7a3]")


@contextlib.contextmanager
def _style() -> Iterator[None]:
    """rc settings for drawing and saving, restored afterwards: nothing global
    changes. Warnings stay off stderr: every text's glyphs are checked
    (``_Fonts.drawable``) and every axis limit is finite (``_limits``); what
    matplotlib may still say about figures near the float limits (an overflow
    while padding an axis) is no business of the reader's."""
    from matplotlib import rc_context  # matplotlib loads only when a chart is drawn

    with (
        rc_context(
            {
                "svg.fonttype": "none",  # text stays text: findable, editable in a slide tool
                "svg.hashsalt": "aigap",  # the same chart twice is the same file
                "axes.unicode_minus": False,  # U+2212 is missing from NanumGothic
            }
        ),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        yield


def _label(key: str, lang: Lang, **values: object) -> str:
    return label(f"chart.{key}", lang, **values)


def _label_or(key: str, lang: Lang, default: str) -> str:
    """The chart label ``key``, or ``default`` (a unit's id) where the catalogue has none."""
    return _label(key, lang) if f"chart.{key}" in LABELS else default


def chart_format(path: str) -> str:
    """The format a chart file name asks for ('svg' or 'png'); anything else is an error."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in EXTENSIONS:
        raise AigapError.said(
            "error.chart.format",
            path=path,
            ext=repr(ext) if ext else Phrase("error.chart.no_extension"),
            exts=Phrase("error.or", {"a": EXTENSIONS[0], "b": EXTENSIONS[1]}),
        )
    return ext[1:]


# --- fonts -----------------------------------------------------------------


def font_files(lang: Lang) -> tuple[Path, Path]:
    """The regular and bold font files the chart's text is set in."""
    if lang == "ko":
        from importlib.util import find_spec  # only for a Korean chart

        # find_spec locates the package without running its __init__ (which
        # would change matplotlib's global rc settings).
        spec = find_spec("koreanize_matplotlib")
        locations = list(spec.submodule_search_locations or ()) if spec else []
        for location in locations:
            fonts = Path(location) / "fonts"
            regular, bold = fonts / "NanumGothic.ttf", fonts / "NanumGothicBold.ttf"
            if regular.is_file() and bold.is_file():
                return regular, bold
        raise AigapError.said("error.chart.font")
    import matplotlib  # matplotlib loads only when a chart is drawn

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return fonts / "DejaVuSans.ttf", fonts / "DejaVuSans-Bold.ttf"


# Korean fonts a reader's machine may have, after the one aigap ships: an SVG
# names them so that a slide tool without NanumGothic still draws Hangul.
_KO_FALLBACKS = ["Malgun Gothic", "Apple SD Gothic Neo", "Noto Sans CJK KR", "sans-serif"]
_MISSING = "□"  # drawn for a character no chart font has (an emoji): visible, no warning


class _Fonts:
    """Font properties from files, one per size and weight.

    Each text is set in the language's font, or in the other one when only it
    has every character (a Korean-only name in an English chart); a character
    neither font has is drawn as □. The properties carry the font's family
    name and weight, so an SVG (text kept as text) names its font and bold.
    """

    def __init__(self, lang: Lang) -> None:
        from matplotlib.font_manager import get_font  # matplotlib loads only when a chart is drawn

        self.files = [font_files(lang)]
        if lang == "en":
            # no Korean font: Hangul is drawn as □, never a warning
            with contextlib.suppress(AigapError):
                self.files.append(font_files("ko"))
        self.korean = 0 if lang == "ko" else 1
        self.names = [get_font(str(regular)).family_name for regular, _ in self.files]
        self.charmaps = [set(get_font(str(regular)).get_charmap()) for regular, _ in self.files]

    def __call__(self, size: float, bold: bool = False, text: str = "") -> FontProperties:
        # matplotlib loads only when a chart is drawn
        from matplotlib.font_manager import FontProperties

        which = self._which(text)
        regular, bold_file = self.files[which]
        # the file draws the PNG; the family and weight are what an SVG names
        fallbacks = _KO_FALLBACKS if which == self.korean else ["sans-serif"]
        return FontProperties(
            family=[self.names[which], *fallbacks],
            weight="bold" if bold else "normal",
            fname=bold_file if bold else regular,
            size=size,
        )

    def _which(self, text: str) -> int:
        """The font with the most of the text's characters: the language's
        first, then the other (Hangul in an English chart)."""
        needed = {ord(c) for c in text if not c.isspace()}
        missing = [len(needed - charmap) for charmap in self.charmaps]
        return missing.index(min(missing))

    def drawable(self, text: str) -> str:
        """Data as the chart draws it, literally: ``$`` escaped (never mathtext;
        matplotlib draws ``\\$`` as ``$``), control characters as spaces, and a
        character no chart font has as □ (never a "Glyph missing" warning)."""
        text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
        charmap = self.charmaps[self._which(text)]
        text = "".join(c if c.isspace() or ord(c) in charmap else _MISSING for c in text)
        return text.replace("$", "\\$")


def _literal(fig: Figure, fonts: _Fonts) -> None:
    """Every text of the figure (tick labels aside: set where they are made)
    drawn literally in a font that has its characters, at its size and weight."""

    texts: list[Text] = list(fig.texts)
    for figure_legend in fig.legends:
        texts += figure_legend.get_texts()
    for ax in fig.axes:
        texts += [*ax.texts, ax.xaxis.label]
        legend = ax.get_legend()
        if legend is not None:
            texts += legend.get_texts()
    for t in texts:
        if not t.get_text():
            continue
        prop = t.get_fontproperties()
        drawn = fonts.drawable(t.get_text())
        t.set_text(drawn)
        bold = prop.get_weight() in ("bold", 700)
        t.set_fontproperties(fonts(prop.get_size_in_points(), bold, drawn))


# --- text ------------------------------------------------------------------


def label_value(value: float, unit: str, lang: Lang, places: int | None = None) -> str:
    """A value as a chart label: as many decimals as printed, no thousands separator."""
    if not math.isfinite(value) or abs(value) >= 1e15:  # an absurd figure: short, not 309 digits
        return f"{value:.3g}" + _label_or(f"suffix.{unit}", lang, "")
    if places is None:
        places = derive.decimals(value)
    return f"{value:.{places}f}" + _label_or(f"suffix.{unit}", lang, "")


def _places(printed: str, value: float) -> int:
    """Decimal places of the number as the article prints it."""
    found = re.search(r"\d+(?:\.(\d+))?", printed)
    if found is None:
        return derive.decimals(value)
    return len(found.group(1) or "")


def _primary_name(source: Source, lang: Lang) -> str:
    """A primary source as a reader looks it up: who published it and its title
    ("Stanford HAI, Artificial Intelligence Index Report 2025"); the title alone
    when it already names them ("deepseek-ai/DeepSeek-R1 (model card)")."""
    title = source.headline.get(lang)
    who = author_name(source.authors[0], lang) if source.authors else source.outlet.get(lang)
    return title if who.casefold() in title.casefold() else f"{who}, {title}"


def _primary_sources(
    facts: Sequence[Fact], primary: dict[str, Source], lang: Lang
) -> list[tuple[str, list[str]]]:
    """The primary sources the facts were checked against (their ``primary:``
    records), each named once, in order, with the figures or places they cite."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    for fact in facts:
        for cited in fact.primary:
            if cited.source not in primary:
                continue
            figures, places = found.setdefault(cited.source, ([], []))
            where = cited.locator or ""
            figure = _FIGURE.fullmatch(where.strip())
            if figure is not None:
                if figure.group(1) not in figures:
                    figures.append(figure.group(1))
            elif where and where not in places:
                places.append(where)
    named = []
    for source_id, (figures, places) in found.items():
        parts = list(places)
        if figures:
            numbers = ", ".join(sorted(figures, key=_figure_key))
            parts.insert(0, _label("figure", lang, numbers=numbers))
        named.append((_primary_name(primary[source_id], lang), parts))
    return named


def _figure_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def _with_places(name: str, where: Sequence[str]) -> str:
    """ "Report (Fig. 2.1.37)"; after a title that ends in brackets, "title, place"."""
    if not where:
        return name
    places = "; ".join(where)
    return f"{name}, {places}" if name.endswith(")") else f"{name} ({places})"


def source_note(
    sources: Sequence[Source],
    facts: Sequence[Fact],
    lang: Lang,
    primary: Sequence[Source] = (),
) -> str:
    """'Source: outlet, date, citing primary (Fig. …)', from the source records:
    the article, and the primary sources (``primary:``) its facts were checked against."""
    by_id = {p.id: p for p in primary}
    parts = []
    for source in sources:
        # what a reader can look up: the outlet and its date in words; no ids,
        # no "(date inferred)" (aigap show SOURCE says how the date is known)
        text = f"{source.outlet.get(lang)}, {date_words(source.published, lang)}"
        theirs = [f for f in facts if f.source == source.id]
        primaries = [
            _with_places(name, where) for name, where in _primary_sources(theirs, by_id, lang)
        ]
        if primaries:
            text += ", " + _label("citing", lang, what="; ".join(primaries))
        parts.append(text)
    return _label("source", lang) + "; ".join(parts)


def _reported_line(rows: Sequence[ScoreRow], lang: Lang) -> str:
    """'Scores as reported by DeepSeek, in its DeepSeek-R1 model card', when a
    party to the comparison measured them; empty otherwise."""
    who = list(dict.fromkeys(r.score.reported_by.get(lang) for r in rows if r.score.reported_by))
    return _label("reported_by", lang, who="; ".join(who)) if who else ""


# --- figures ---------------------------------------------------------------


def _figure(fonts: _Fonts, title: str, subtitle: str, source: str, note: str, lang: Lang) -> Figure:
    from matplotlib.figure import Figure  # matplotlib loads only when a chart is drawn

    fig = Figure(figsize=SIZE_INCHES, dpi=DPI, facecolor="white")
    fig.text(0.04, 0.955, title, fontproperties=fonts(19, bold=True), color=_INK, va="top")
    fig.text(0.04, 0.895, subtitle, fontproperties=fonts(12), color=_MUTED, va="top")
    fig.text(0.04, 0.045, source, fontproperties=fonts(9.5), color=_MUTED, va="bottom")
    fig.text(0.04, 0.02, note, fontproperties=fonts(9.5), color=_MUTED, va="bottom")
    fig.text(
        0.96,
        0.02,
        _label("credit", lang),
        fontproperties=fonts(9.5, bold=True),
        color=_MUTED,
        ha="right",
        va="bottom",
    )
    return fig


def _style_axes(ax: Axes, fonts: _Fonts) -> None:
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(_MUTED)
    ax.tick_params(axis="y", length=0, pad=10)
    ax.tick_params(axis="x", colors=_MUTED)
    ax.grid(axis="x", color=_GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    for tick in ax.get_xticklabels():
        tick.set_fontproperties(fonts(10))


_TOP, _BOTTOM = 0.80, 0.16
_ROW_HEIGHT = 0.085  # of the figure's height: a few rows stay rows, not bands


def _panels(fig: Figure, sizes: Sequence[int]) -> list[Axes]:
    ratios = [n + 1.4 for n in sizes]
    # one panel (a scores chart, one benchmark) gets taller rows: less empty slide
    row = _ROW_HEIGHT * (1.4 if len(sizes) == 1 else 1)
    height = min(_TOP - _BOTTOM, row * (sum(ratios) + 1.5 * (len(sizes) - 1)))
    middle = (_TOP + _BOTTOM) / 2
    grid = fig.add_gridspec(
        len(sizes),
        1,
        left=0.22,
        right=0.95,
        top=middle + height / 2,
        bottom=middle - height / 2,
        height_ratios=ratios,
        hspace=0.75 if len(sizes) > 1 else 0,
    )
    return [fig.add_subplot(grid[i, 0]) for i in range(len(sizes))]


_LABEL_ROOM = 0.45  # of the width: row labels never take more of the slide


def _fit(fig: Figure, title: Text) -> None:
    """Keep every text on the slide, whatever the data's lengths: make room for the
    longest row label (wrapped when longer than the room there is), shrink a long
    title, and wrap what is still too wide (title, subtitle, source, note, panel
    headings) onto more lines; the source line moves up above a note of several."""
    # matplotlib loads only when a chart is drawn
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.ticker import FixedFormatter  # the same: only when a chart is drawn

    renderer = FigureCanvasAgg(fig).get_renderer()
    width = fig.bbox.width
    for ax in fig.axes:
        ticks = ax.get_yticklabels()
        wrapped = [_wrap(t, (_LABEL_ROOM - 0.04) * width - 16, renderer) for t in ticks]
        if any(wrapped):
            # the drawn labels come from the formatter: give it the wrapped words
            ax.yaxis.set_major_formatter(FixedFormatter([t.get_text() for t in ticks]))
    labels = [t for ax in fig.axes for t in ax.get_yticklabels() if t.get_text()]
    widest = max((t.get_window_extent(renderer).width for t in labels), default=0.0)
    left = min(_LABEL_ROOM, max(0.12, 0.04 + (widest + 16) / width))
    for ax in fig.axes:
        box = ax.get_position()
        ax.set_position((left, box.y0, box.x1 - left, box.height))
    room = 0.92 * width
    size = title.get_fontproperties().get_size_in_points()  # get_fontsize(), typed as float
    while title.get_window_extent(renderer).width > room and size > 12:
        size -= 0.5
        title.set_fontsize(size)
    title_, subtitle, source, note, credit = fig.texts[:5]
    for text in (title_, subtitle, source):
        _wrap(text, room, renderer)
    if "\n" in title_.get_text():  # the subtitle sits just below the title's lines
        bottom = title_.get_window_extent(renderer).y0 / fig.bbox.height
        subtitle.set_y(min(subtitle.get_position()[1], bottom - 0.012))
    _wrap(note, room - credit.get_window_extent(renderer).width - 24, renderer)
    if "\n" in note.get_text():  # the source line sits just above the note's lines
        top = note.get_window_extent(renderer).y1 / fig.bbox.height
        source.set_y(max(source.get_position()[1], top + 0.008))
    for ax in fig.axes:
        for heading in ax.texts:
            _wrap(heading, 0.96 * width - ax.get_position().x0 * width, renderer)


def _wrap(text: Text, room: float, renderer: RendererBase) -> bool:
    """Wrap ``text`` onto lines no wider than ``room`` pixels; True when it had to."""
    words = text.get_text()
    wide = text.get_window_extent(renderer).width
    if not words or wide <= room:
        return False
    chars = max(4, round(len(words) * room / wide))
    for _ in range(20):  # a few narrower tries: measured widths, not character counts
        text.set_text(textwrap.fill(" ".join(words.split()), chars, break_on_hyphens=False))
        if text.get_window_extent(renderer).width <= room or chars <= 4:
            break
        chars = max(4, int(chars * 0.9))
    return True


def _by(rows: Iterable[R], key: Callable[[R], str]) -> dict[str, list[R]]:
    groups: dict[str, list[R]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return groups


def _sources(rows: Sequence[GapRow] | Sequence[ScoreRow]) -> list[Source]:
    return list({r.source.id: r.source for r in rows}.values())


def _primary(rows: Sequence[GapRow] | Sequence[ScoreRow]) -> list[Source]:
    return list({p.id: p for r in rows for p in r.primary}.values())


def gap_title(rows: Sequence[GapRow], lang: Lang) -> str:
    """A title that states the finding: how many gaps narrowed, or by how much."""
    if len(rows) == 1:
        row = rows[0]
        then = label_value(
            row.then.value, row.gap.unit, lang, _places(row.then.printed, row.then.value)
        )
        now = label_value(
            row.now.value, row.gap.unit, lang, _places(row.now.printed, row.now.value)
        )
        key = "gap_one_same"
        if row.now.value < row.then.value:
            key = "gap_one_narrowed"
        elif row.now.value > row.then.value:
            key = "gap_one_widened"
        return _label(key, lang, name=row.benchmark.name.get(lang), then=then, now=now)
    narrowed = sum(1 for r in rows if r.now.value < r.then.value)
    key = "gap_all_narrowed" if narrowed == len(rows) else "gap_some_narrowed"
    return _label(key, lang, n=len(rows), k=narrowed)


def gap_figure(rows: Sequence[GapRow], lang: Lang = "en") -> Figure:
    """A dumbbell per benchmark (○ then → ● now), one panel per unit, never one axis for both."""
    if not rows:
        raise AigapError.said("error.chart.no_gaps")
    fonts = _Fonts(lang)
    with _style():
        fig = _figure(
            fonts,
            gap_title(rows, lang),
            _label("gap_subtitle", lang),
            source_note(_sources(rows), [r.gap for r in rows], lang, _primary(rows)),
            _label("inferred_note", lang) if any(r.gap.inferred for r in rows) else "",
            lang,
        )
        groups = _by(rows, lambda r: r.gap.unit)
        for ax, (unit, group) in zip(
            _panels(fig, [len(g) for g in groups.values()]), groups.items(), strict=True
        ):
            _gap_panel(ax, unit, group, fonts, lang)
        _literal(fig, fonts)
        _fit(fig, fig.texts[0])
    return fig


def _gap_panel(ax: Axes, unit: str, group: Sequence[GapRow], fonts: _Fonts, lang: Lang) -> None:
    """One unit's panel: its dumbbells, benchmark names, axis, legend and heading."""
    ys = list(range(len(group)))[::-1]
    for y, row in zip(ys, group, strict=True):
        _dumbbell(ax, y, row, unit, fonts, lang)
    ax.set_yticks(ys, [fonts.drawable(r.benchmark.name.get(lang)) for r in group])
    for tick in ax.get_yticklabels():
        tick.set_fontproperties(fonts(12, text=tick.get_text()))
        tick.set_color(_INK)
    ax.set_ylim(-0.8, len(group) - 0.2)
    _set_xlim(ax, _limits([v for r in group for v in (r.then.value, r.now.value)]))
    axis_label = _label_or(f"axis.{unit}", lang, unit)
    ax.set_xlabel(axis_label, fontproperties=fonts(10.5), color=_MUTED)
    _style_axes(ax, fonts)
    _period_legend(ax, group, fonts, lang)
    _heading(ax, _label_or(f"unit.{unit}", lang, unit), fonts)


def _limits(values: Sequence[float], *, zero: bool = True) -> tuple[float, float]:
    """An axis from 0 (or below the lowest value) to a little past the highest,
    finite whatever the values: a 0 → 0 gap gets 0–1, a figure near the float
    limit no padding that would overflow, a non-finite one no say."""
    finite = [v for v in values if math.isfinite(v)] or [0.0]
    low, high = min(finite), max(finite)
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    span = high - low
    if not math.isfinite(span):  # ±1.797e308: the span itself overflows
        return low, high
    pad = span * 0.1 if span > 0 else max(abs(high) * 0.1, 1.0)
    lo = low if zero and low == 0 else low - pad
    hi = high + pad
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo == hi:
        return (low, high) if low < high else (low - 1.0, high + 1.0)
    return lo, hi


def _set_xlim(ax: Axes, limits: tuple[float, float]) -> None:
    """The axis limits; an axis out to absurd figures (1.797e308) gets just its
    two ends as ticks, in plain short numbers (matplotlib's default locator and
    formatter overflow there)."""
    # matplotlib loads only when a chart is drawn
    from matplotlib.ticker import FixedLocator, FuncFormatter

    ax.set_xlim(*limits)
    if max(map(abs, limits)) > 1e15:  # beyond what the default ticks and labels handle
        ax.xaxis.set_major_locator(FixedLocator(list(limits)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:.3g}"))


def _heading(ax: Axes, text: str, fonts: _Fonts) -> None:
    """A panel's heading, left above it (a text of the axes: drawn literally)."""
    ax.text(
        0,
        1.04,
        text,
        transform=ax.transAxes,
        fontproperties=fonts(11, bold=True),
        color=_MUTED,
        va="bottom",
    )


def _dumbbell(ax: Axes, y: int, row: GapRow, unit: str, fonts: _Fonts, lang: Lang) -> None:
    """○ then joined to ● now, each value printed beside its dot."""
    then, now = row.then, row.now
    ax.plot(
        [then.value, now.value],
        [y, y],
        color=_GRID,
        linewidth=5,
        solid_capstyle="round",
        zorder=1,
    )
    ax.scatter(
        [then.value],
        [y],
        s=130,
        facecolor="white",
        edgecolor=_THEN,
        linewidth=2.2,
        zorder=3,
    )
    ax.scatter([now.value], [y], s=130, color=_NOW, zorder=4)
    # then above its dot, now below its own: they never overlap
    for point, colour, dy, va in ((then, _MUTED, 9, "bottom"), (now, _NOW, -10, "top")):
        ax.annotate(
            label_value(point.value, unit, lang, _places(point.printed, point.value)),
            (point.value, y),
            xytext=(0, dy),
            textcoords="offset points",
            ha="center",
            va=va,
            color=colour,
            fontproperties=fonts(11, bold=point is now),
        )


def _period_legend(ax: Axes, group: Sequence[GapRow], fonts: _Fonts, lang: Lang) -> None:
    """'○ end of 2023  ● now' when every row of the panel shares its two periods."""
    from matplotlib.lines import Line2D  # matplotlib loads only when a chart is drawn

    periods = dict.fromkeys(
        (_period(r.then, r.gap.inferred, lang), _period(r.now, r.gap.inferred, lang)) for r in group
    )
    if len(periods) != 1:
        return
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=9,
            markerfacecolor="white",
            markeredgecolor=_THEN,
            markeredgewidth=2,
        ),
        Line2D([], [], marker="o", linestyle="", markersize=9, color=_NOW),
    ]
    then_label, now_label = next(iter(periods))
    ax.legend(
        handles,
        [then_label, now_label],
        loc="lower right",
        frameon=False,
        prop=fonts(10),
        ncols=2,
        bbox_to_anchor=(1, 1),
        borderaxespad=0.2,
    )


def _period(value: GapValue, inferred: bool, lang: Lang) -> str:
    """'end of 2023*': the date in absolute words (never the article's '지난해
    말': charts outlive articles), * when it is inferred."""
    return date_words(value.date, lang) + ("*" if inferred else "")


def _margin_text(margin: float, unit: str, lang: Lang) -> str:
    # a margin between two accuracies is in percentage points
    if f"chart.margin_suffix.{unit}" in LABELS:
        return label_value(margin, "", lang) + _label(f"margin_suffix.{unit}", lang)
    return label_value(margin, "pp" if unit == "percent" else unit, lang)


def _best(group: Sequence[ScoreRow]) -> dict[str, Score]:
    """Each country's best score in a benchmark's ranked rows."""
    best: dict[str, Score] = {}
    for row in group:  # ranked: the first of each country is its best
        best.setdefault(row.score.country, row.score)
    return best


def _model(score: Score, lang: Lang) -> str:
    """A model's name as a label: 'DeepSeek-R1', 'Google' (the sentence is in the note)."""
    return score.model.get(lang)


def scores_title(rows: Sequence[ScoreRow], lang: Lang) -> str:
    """One finding: how the best US and Chinese models compare on one benchmark.

    A lead smaller than one of the test's problems (AIME 2024: 0.6 pp of 30
    problems, 3.3 pp each) is no lead: the title says how close they are."""
    group = rows
    bench = group[0].benchmark
    best = _best(group)
    us, cn = best["US"], best["CN"]
    name = bench.name.get(lang)
    margin = derive.change(min(us.value, cn.value), max(us.value, cn.value))
    one_item = 100 / bench.items if bench.items and us.unit == "percent" else None
    if one_item is not None and margin < one_item:
        return _label(
            "scores_close",
            lang,
            name=name,
            a=_model(us if us.value >= cn.value else cn, lang),
            b=_model(cn if us.value >= cn.value else us, lang),
            items=bench.items,
        )
    leader = "US" if us.value >= cn.value else "CN"
    return _label(
        "scores_lead",
        lang,
        name=name,
        country=_label(f"country.{leader}", lang),
        margin=_margin_text(margin, us.unit, lang),
    )


def comparable(rows: Sequence[ScoreRow]) -> list[ScoreRow]:
    """The rows of the one benchmark a scores chart shows: the only one given,
    or the first (file order) with both a US and a Chinese model. A chart never
    ranks one country against nothing: a benchmark without both is refused."""
    groups = list(_by(rows, lambda r: r.benchmark.id).values())
    both = [g for g in groups if {"US", "CN"} <= set(_best(g))]
    if len(groups) == 1 and not both:
        name = groups[0][0].benchmark
        raise AigapError.said("error.chart.one_country", name=name.name.get("en"), id=name.id)
    if not both:
        raise AigapError.said("error.chart.no_scores")
    return both[0]


def scores_figure(rows: Sequence[ScoreRow], lang: Lang = "en") -> Figure:
    """One benchmark's models, ranked, US and Chinese in their colours: one finding."""
    if not rows:
        raise AigapError.said("error.chart.no_scores")
    rows = comparable(rows)
    fonts = _Fonts(lang)
    with _style():
        notes = [_reported_line(rows, lang)]
        if any(r.score.inferred for r in rows):
            notes.append(_label("inferred_note", lang))
        fig = _figure(
            fonts,
            scores_title(rows, lang),
            _label("scores_subtitle", lang),
            source_note(_sources(rows), [r.score for r in rows], lang, _primary(rows)),
            " · ".join(n for n in notes if n),
            lang,
        )
        (ax,) = _panels(fig, [len(rows)])
        _scores_panel(ax, rows, fonts, lang)
        _country_legend(fig, rows, fonts, lang)
        _literal(fig, fonts)
        _fit(fig, fig.texts[0])
    return fig


def _scores_panel(ax: Axes, group: Sequence[ScoreRow], fonts: _Fonts, lang: Lang) -> None:
    """One benchmark's panel: a dot per model, ranked, with its score, axis and heading."""
    unit = group[0].score.unit
    ys = list(range(len(group)))[::-1]
    for y, row in zip(ys, group, strict=True):
        score = row.score
        colour = _COUNTRY_COLOURS.get(score.country, _OTHER_COLOUR)
        ax.scatter([score.value], [y], s=150, color=colour, zorder=3)
        ax.annotate(
            label_value(score.value, unit, lang, _places(score.printed, score.value)),
            (score.value, y),
            xytext=(10, 0),
            textcoords="offset points",
            va="center",
            color=colour,
            fontproperties=fonts(11, bold=True),
        )
    labels = []
    for row in group:
        country = _label_or(f"country.{row.score.country}", lang, row.score.country)
        labels.append(fonts.drawable(f"{_model(row.score, lang)} ({country})"))
    ax.set_yticks(ys, labels)
    for tick, row in zip(ax.get_yticklabels(), group, strict=True):
        tick.set_fontproperties(fonts(12, text=tick.get_text()))
        tick.set_color(_COUNTRY_COLOURS.get(row.score.country, _INK))
    ax.set_ylim(-0.8, len(group) - 0.2)
    _score_scale(ax, unit, [r.score.value for r in group], fonts, lang)
    _style_axes(ax, fonts)
    bench = group[0].benchmark.name.get(lang)
    dates = ", ".join(
        dict.fromkeys(
            date_words(r.score.date, lang) + ("*" if r.score.inferred else "") for r in group
        )
    )
    _heading(ax, f"{bench} · {dates}", fonts)


def _score_scale(ax: Axes, unit: str, values: Sequence[float], fonts: _Fonts, lang: Lang) -> None:
    """The score axis: 0–105 for a percentage; an Elo rating's spread, since it has no zero."""
    finite = [v for v in values if math.isfinite(v)]
    if unit == "percent" and all(0 <= v <= 100 for v in finite):
        ax.set_xlim(0, 105)
    else:  # an Elo rating has no zero: its spread, finite whatever the values
        low, high = _limits(values, zero=False)
        pad = (high - low) * 0.15
        wide = (low - pad, high + pad * 1.6)
        _set_xlim(ax, wide if all(map(math.isfinite, wide)) else (low, high))
    unit_label = _label_or(f"score_unit.{unit}", lang, unit)
    ax.set_xlabel(
        _label("score_axis", lang, unit=unit_label),
        fontproperties=fonts(10.5),
        color=_MUTED,
    )


def _country_legend(fig: Figure, rows: Sequence[ScoreRow], fonts: _Fonts, lang: Lang) -> None:
    """The colour of each country the chart shows, top right."""
    from matplotlib.lines import Line2D  # matplotlib loads only when a chart is drawn

    countries = [c for c in _COUNTRY_COLOURS if any(r.score.country == c for r in rows)]
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=10, color=_COUNTRY_COLOURS[c])
        for c in countries
    ]
    fig.legend(
        handles,
        [_label(f"country.{c}", lang) for c in countries],
        loc="upper right",
        bbox_to_anchor=(0.95, 0.9),
        frameon=False,
        prop=fonts(11),
        ncols=2,
    )


# --- saving ----------------------------------------------------------------


def save(fig: Figure, path: str) -> None:
    """Write ``fig`` to ``path`` (SVG or PNG by extension) atomically, never over a
    file aigap did not write (aigap.output.files)."""

    fmt = chart_format(path)
    # No dates or software versions in the file: the same chart is the same bytes.
    # The mark says aigap wrote it, so the next chart may replace it.
    metadata: dict[str, str | None] = (
        {"Date": None, "Creator": files.MARK} if fmt == "svg" else {"Software": files.MARK}
    )

    def write(out: BinaryIO) -> None:
        with _style():
            fig.savefig(out, format=fmt, dpi=DPI, facecolor="white", metadata=metadata)

    files.write_atomic(path, write)


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))
