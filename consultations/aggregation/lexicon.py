"""Words for topic grouping: jieba with the domain dictionary, and the stop words left out.

The shipped files are in consultations/data/aggregation/ (userdict.txt, stopwords.txt). A deployment
adds its own, without code changes, as files with the same names in the folder named by the setting
`aggregation_lexicon_dir` (CANYU_AGGREGATION_LEXICON_DIR); they are loaded in addition to the shipped ones.

jieba keeps its dictionary per process and does not cache user words, so `load_lexicon` runs once at
the start of every process that segments: the aggregation job's process and each worker of its
process pool (as the pool's initializer). This module imports only jieba and `segmentation` (which
imports only jieba), so a pool worker starts fast.
"""

from pathlib import Path

import jieba

from consultations import segmentation

DEFAULT_LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "aggregation"
USER_DICT_FILE = "userdict.txt"
STOPWORDS_FILE = "stopwords.txt"

_stopwords: frozenset[str] = frozenset()
_loaded_dirs: set[Path] = set()


def _entries(path: Path) -> list[str]:
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def load_lexicon(extra_dir: Path | None = None) -> None:
    """Load jieba, the user dictionaries and the stop words into this process (once per folder)."""
    global _stopwords
    jieba.setLogLevel(60)
    jieba.initialize()
    for folder in (DEFAULT_LEXICON_DIR, extra_dir):
        if folder is None or folder.resolve() in _loaded_dirs:
            continue
        for entry in _entries(folder / USER_DICT_FILE):
            word, *rest = entry.split()
            frequency = int(rest[0]) if rest and rest[0].isdigit() else None
            jieba.add_word(word, freq=frequency)
        segmentation.dictionary_changed()
        _stopwords = _stopwords | frozenset(_entries(folder / STOPWORDS_FILE))
        _loaded_dirs.add(folder.resolve())


def stopwords() -> frozenset[str]:
    return _stopwords


def terms(text: str) -> list[str]:
    """The words of a normalized text that count for topics: no stop words, single characters or numbers.

    HMM=False: the HMM only guesses unknown words (mostly names and typos, which are not what a topic
    is about) and costs ≈ 30 % of jieba's time. Single characters carry little topic meaning.
    """
    stop = _stopwords
    return [
        word
        for word in jieba.lcut(text.lower(), HMM=False)
        if len(word) > 1 and word not in stop and word.isalnum() and not word.isdigit()
    ]


def terms_joined(texts: list[str]) -> list[str]:
    """`terms` of each text, space-separated: cheap to send back from a worker process."""
    return [" ".join(terms(text)) for text in texts]


def load_lexicon_for_worker(extra_dir: str | None) -> None:
    """Process-pool initializer (picklable arguments only)."""
    load_lexicon(Path(extra_dir) if extra_dir else None)
