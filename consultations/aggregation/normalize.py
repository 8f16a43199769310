"""Text normalization before comparing comments: one spelling for the same text.

NFKC folds full-width letters, digits and punctuation to their half-width forms (and the ideographic
space to a plain one); whitespace runs collapse to one space; traditional characters optionally become
simplified ones, so a copy retyped in traditional script still matches its template.

Copy detection compares *skeletons*: the normalized text reduced to its letters, digits and CJK
characters, lower-cased. `skeletons` computes them for a whole batch with numpy, as UTF-32 code
arrays, because it runs over every comment (a million of them) while `normalize` only runs on the
distinct texts that are segmented into words.
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import zhconv  # type: ignore[import-untyped]
import zhconv.zhconv as zhconv_tables  # type: ignore[import-untyped]

_WHITESPACE = re.compile(r"\s+")
_CODE_POINTS = 0x110000


@dataclass(frozen=True)
class _Tables:
    fold: np.ndarray  # uint32 per code point: its NFKC form when that is one character (full-width → ASCII)
    complex: np.ndarray  # bool per code point: NFKC needs context or expands it (combining marks, jamo, …)
    traditional: np.ndarray  # bool per code point: zhconv changes this character on its own
    traditional_set: frozenset[str]
    word: np.ndarray  # bool per code point: a letter, digit or CJK character (str.isalnum)
    lower: np.ndarray  # uint32 per code point: its lower-case form (itself when none or not one char)


def _load_zhconv() -> None:
    # By full path: zhconv then reads its dictionary with `with open` (its default path leaks the file).
    zhconv_tables.loaddict(str(Path(zhconv_tables.__file__).with_name(zhconv_tables.DICTIONARY)))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Per-code-point lookup tables (≈ 0.4 s, once per process)."""
    _load_zhconv()
    fold = np.arange(_CODE_POINTS, dtype=np.uint32)
    complex_ = np.zeros(_CODE_POINTS, dtype=bool)
    complex_[0x1100:0x1200] = complex_[0x3131:0x318F] = True  # Hangul jamo compose into syllables
    for code in range(_CODE_POINTS):
        char = chr(code)
        if unicodedata.combining(char):
            complex_[code] = True
        elif not unicodedata.is_normalized("NFKC", char):
            folded = unicodedata.normalize("NFKC", char)
            if len(folded) == 1:
                fold[code] = ord(folded)
            else:
                complex_[code] = True
    table: dict[str, str] = zhconv_tables.getdict("zh-cn")
    traditional_chars = frozenset(key for key, value in table.items() if len(key) == 1 and key != value)
    traditional = np.zeros(_CODE_POINTS, dtype=bool)
    traditional[[ord(ch) for ch in traditional_chars]] = True
    word = np.fromiter((chr(c).isalnum() for c in range(_CODE_POINTS)), dtype=bool, count=_CODE_POINTS)
    lower = np.arange(_CODE_POINTS, dtype=np.uint32)
    for code in np.flatnonzero(word).tolist():
        lowered = chr(code).lower()
        if len(lowered) == 1:
            lower[code] = ord(lowered)
    return _Tables(fold, complex_, traditional, traditional_chars, word, lower)


def _nfkc(text: str) -> str:
    # The quick check is ~100× faster than normalize() on text that is already NFKC (nearly all).
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def _simplified(text: str) -> str:
    _tables()  # loads zhconv's dictionary first
    return str(zhconv.convert(text, "zh-cn"))


def normalize(text: str, *, to_simplified: bool = True) -> str:
    """Return the text in NFKC form, whitespace collapsed and (optionally) in simplified characters."""
    text = _WHITESPACE.sub(" ", _nfkc(text)).strip()
    # zhconv is pure Python (≈ 25 µs per 100 characters): only convert text with a traditional character.
    if to_simplified and not _tables().traditional_set.isdisjoint(text):
        text = _simplified(text)
    return text


@dataclass(frozen=True)
class Skeletons:
    """Skeletons of a batch of texts as UTF-32 code points, concatenated."""

    codes: np.ndarray  # uint32
    lengths: np.ndarray  # int64, one per text

    def text(self, position: int) -> str:
        start = int(self.lengths[:position].sum())
        return _decode(self.codes[start : start + self.lengths[position]])


# surrogatepass: a lone surrogate (possible in JSON input) is kept as a code point, not an error.
def _encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return codes, lengths


def _decode(codes: np.ndarray) -> str:
    return codes.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def _rows_with(flags: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The texts (row numbers) having at least one flagged code point."""
    totals = np.zeros(flags.size + 1, dtype=np.int64)
    np.cumsum(flags, out=totals[1:])
    ends = np.cumsum(lengths)
    return np.flatnonzero(totals[ends] > totals[ends - lengths])


def _replace_rows(
    codes: np.ndarray, lengths: np.ndarray, rows: np.ndarray, change: Callable[[str], str]
) -> tuple[np.ndarray, np.ndarray]:
    """Apply a string function to some texts of a concatenated batch."""
    starts = np.cumsum(lengths) - lengths
    pieces = []
    lengths = lengths.copy()
    done = 0
    for row in rows.tolist():
        start, stop = int(starts[row]), int(starts[row] + lengths[row])
        replacement = np.frombuffer(
            change(_decode(codes[start:stop])).encode("utf-32-le", "surrogatepass"), dtype=np.uint32
        )
        pieces += [codes[done:start], replacement]
        lengths[row] = replacement.size
        done = stop
    pieces.append(codes[done:])
    return np.concatenate(pieces), lengths


def skeletons(texts: Sequence[str], *, to_simplified: bool = True) -> Skeletons:
    """Normalize raw texts and keep only their letters, digits and CJK characters, lower-cased.

    NFKC is applied code point by code point through a table (texts with combining sequences go
    through unicodedata), and zhconv only to texts with a traditional character.
    """
    tables = _tables()
    codes, lengths = _encode(texts)
    complex_rows = _rows_with(tables.complex[codes], lengths)
    if complex_rows.size:
        codes, lengths = _replace_rows(codes, lengths, complex_rows, _nfkc)
    codes = tables.fold[codes]
    if to_simplified:
        traditional_rows = _rows_with(tables.traditional[codes], lengths)
        if traditional_rows.size:
            codes, lengths = _replace_rows(codes, lengths, traditional_rows, _simplified)
    keep = tables.word[codes]
    kept = np.zeros(keep.size + 1, dtype=np.int64)
    np.cumsum(keep, out=kept[1:])
    ends = np.cumsum(lengths)
    return Skeletons(tables.lower[codes[keep]], kept[ends] - kept[ends - lengths])


def skeleton(text: str, *, to_simplified: bool = True) -> str:
    """The skeleton of one text, as a string."""
    return skeletons([text], to_simplified=to_simplified).text(0)
