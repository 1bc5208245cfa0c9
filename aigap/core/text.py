"""Text as aigap compares it: Unicode NFC.

macOS file names and text copied from some applications arrive decomposed
(NFD): 한 as the three jamo ᄒ ᅡ ᆫ. Fact files are normalised to NFC when
read, and every query string goes through ``nfc`` where it enters, so both
forms find the same facts.
"""

from __future__ import annotations


def nfc(text: str) -> str:
    """``text`` in NFC; the quick checks make the common case (already NFC) cheap."""
    if text.isascii():
        return text
    import unicodedata  # only for non-ASCII text: most lookups never need it

    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def normalize_name(name: str) -> str:
    """Case-, space- and punctuation-insensitive form of a name (benchmark, entity, speaker)."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())
