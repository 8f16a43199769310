"""Checks on submitted text: length, control characters, invalid Unicode, and the sensitive-word list."""

import unicodedata
from functools import lru_cache
from pathlib import Path

import ahocorasick

from api.errors import InvalidInput

SHIPPED_SENSITIVE_WORDS = Path(__file__).parent / "data" / "sensitive_words.txt"
ALLOWED_CONTROLS = {"\n", "\t"}
# Bidirectional overrides and isolates can make text display differently from what it says.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_text(text: str, *, min_chars: int, max_chars: int, what: str = "意见") -> str:
    """Return the text with line endings normalised and outer blanks trimmed, or raise a clear error."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > max_chars:  # first: the character scan below is Python-speed, and a body may be 16 MB
        raise InvalidInput(
            f"{what}内容过长：最多 {max_chars} 个字，当前 {len(text)} 个字", code="TEXT_TOO_LONG"
        )
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs" or (0xFDD0 <= ord(char) <= 0xFDEF) or (ord(char) & 0xFFFE) == 0xFFFE:
            raise InvalidInput(f"{what}内容包含无效的字符编码，请检查后重新输入", code="TEXT_INVALID_UNICODE")
        if (category == "Cc" and char not in ALLOWED_CONTROLS) or char in BIDI_CONTROLS:
            raise InvalidInput(
                f"{what}内容包含不可见的控制字符（U+{ord(char):04X}），请删除后重新提交",
                code="TEXT_CONTROL_CHARACTER",
            )
    if len(text) < min_chars:
        raise InvalidInput(f"{what}内容不能为空，且至少 {min_chars} 个字", code="TEXT_TOO_SHORT")
    return text


class SensitiveWords:
    """Find listed terms in a text (Aho-Corasick, linear in the text); matches flag, never drop."""

    def __init__(self, words: list[str]):
        self._automaton: ahocorasick.Automaton | None = None
        words = sorted({w.strip() for w in words if w.strip() and not w.startswith("#")})
        if words:
            self._automaton = ahocorasick.Automaton()
            for word in words:
                self._automaton.add_word(word.casefold(), word)
            self._automaton.make_automaton()

    def find(self, text: str) -> list[str]:
        if self._automaton is None:
            return []
        return sorted({word for _, word in self._automaton.iter(text.casefold())})


@lru_cache(maxsize=4)
def load_sensitive_words(extra_file: Path | None = None) -> SensitiveWords:
    """The shipped list plus the deployment's own file (CANYU_SENSITIVE_WORDS_FILE)."""
    lines = SHIPPED_SENSITIVE_WORDS.read_text(encoding="utf-8").splitlines()
    if extra_file is not None:
        lines += Path(extra_file).read_text(encoding="utf-8").splitlines()
    return SensitiveWords(lines)
