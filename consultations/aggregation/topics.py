"""Topics: distinct opinions that say similar things, grouped per article by TF-IDF cosine similarity.

Documents are the space-separated terms from lexicon.terms. Vectors are TF-IDF (sublinear term
frequency, smoothed IDF, unit length) in a scipy.sparse matrix. Within one article, pairs with cosine
≥ TOPIC_SIMILARITY are found by sparse products in row chunks; then greedy star clustering: the
document with the most neighbours becomes a centre and takes its unassigned neighbours, and so on;
finally each non-centre moves to its most similar centre. The representative is the medoid (the member
closest to the topic's centroid); keywords are the centroid's heaviest terms.

Terms present in more than COMMON_TERM_SHARE of an article's documents, and in more than
COMMON_TERM_MIN_DOCUMENTS of them (e.g. "宅基地" in a large homestead consultation), are left out of
the similarity there (not of the keywords): they say little about which sub-topic a comment is in, and
they would make the pair search quadratic (Σ document-frequency² multiply-adds per article).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

TOPIC_SIMILARITY = 0.3
KEYWORDS_PER_TOPIC = 5
COMMON_TERM_SHARE = 0.02
COMMON_TERM_MIN_DOCUMENTS = 500  # small consultations keep every term
_ROW_CHUNK = 500  # rows per sparse product: bounds the memory of the partial similarities


@dataclass
class TermMatrix:
    """Unit-length TF-IDF rows, one per document, over `vocabulary`."""

    rows: sparse.csr_matrix
    vocabulary: list[str]


@dataclass
class TopicGroup:
    members: list[int]  # document indices, the medoid first, then ascending
    keywords: list[str]
    article: str | None


def term_matrix(documents: Sequence[str]) -> TermMatrix:
    """TF-IDF of space-separated terms; the vocabulary in order of first appearance (deterministic)."""
    index: dict[str, int] = {}
    columns: list[int] = []
    row_ends = [0]
    for document in documents:
        columns.extend(index.setdefault(term, len(index)) for term in document.split())
        row_ends.append(len(columns))
    counts = sparse.csr_matrix(
        (np.ones(len(columns), dtype=np.float32), np.asarray(columns, dtype=np.int32), row_ends),
        shape=(len(documents), len(index)),
    )
    counts.sum_duplicates()
    counts.data = 1.0 + np.log(counts.data)
    document_frequency = np.bincount(counts.indices, minlength=len(index))
    idf = np.log((1.0 + len(documents)) / (1.0 + document_frequency)) + 1.0
    weighted = counts.multiply(idf.astype(np.float32)[np.newaxis, :]).tocsr()
    return TermMatrix(_unit_rows(weighted), list(index))


def _unit_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scaled: sparse.csr_matrix = sparse.diags((1.0 / norms).astype(np.float32)) @ matrix
    return scaled.tocsr()


def _without_common_terms(rows: sparse.csr_matrix) -> sparse.csr_matrix:
    document_frequency = np.bincount(rows.indices, minlength=rows.shape[1])
    common = document_frequency > max(COMMON_TERM_SHARE * rows.shape[0], COMMON_TERM_MIN_DOCUMENTS)
    if not common.any():
        return rows
    kept = rows.copy()
    kept.data[common[kept.indices]] = 0.0
    kept.eliminate_zeros()
    return _unit_rows(kept)


def similar_pairs(rows: sparse.csr_matrix, threshold: float = TOPIC_SIMILARITY) -> sparse.csr_matrix:
    """Symmetric matrix of the cosine similarities ≥ threshold between different rows."""
    transposed = rows.T.tocsc()
    blocks = []
    for start in range(0, rows.shape[0], _ROW_CHUNK):
        block = (rows[start : start + _ROW_CHUNK] @ transposed).tocsr()
        block.data[block.data < threshold] = 0.0
        block.eliminate_zeros()
        blocks.append(block)
    neighbours = sparse.vstack(blocks).tocsr() if blocks else sparse.csr_matrix(rows.shape[:1] * 2)
    neighbours.setdiag(0.0)
    neighbours.eliminate_zeros()
    return neighbours


def star_clusters(neighbours: sparse.csr_matrix) -> np.ndarray:
    """Centre index of each row: greedy star clustering, then each member moves to its closest centre."""
    count = neighbours.shape[0]
    degree = np.diff(neighbours.indptr)
    centre = np.full(count, -1, dtype=np.int64)
    for row in np.lexsort((np.arange(count), -degree)):  # most neighbours first, ties by position
        if centre[row] != -1:
            continue
        centre[row] = row
        adjacent = neighbours.indices[neighbours.indptr[row] : neighbours.indptr[row + 1]]
        free = adjacent[centre[adjacent] == -1]
        centre[free] = row
    centres = np.flatnonzero(centre == np.arange(count))
    to_centres = neighbours[:, centres].tocsr()  # similarity of each row to each centre
    for row in np.flatnonzero(centre != np.arange(count)):
        start, stop = to_centres.indptr[row], to_centres.indptr[row + 1]
        similarities = to_centres.data[start:stop]
        best = np.flatnonzero(similarities == similarities.max())
        centre[row] = centres[to_centres.indices[start:stop][best]].min()
    return centre


def _keywords(weights: np.ndarray, term_ids: np.ndarray, vocabulary: list[str]) -> list[str]:
    order = np.lexsort((term_ids, -weights))[:KEYWORDS_PER_TOPIC]
    return [vocabulary[term_ids[i]] for i in order]


def describe(matrix: TermMatrix, groups: list[np.ndarray], article: str | None) -> list[TopicGroup]:
    """Medoid and keywords of each group of document indices (ascending)."""
    if not groups:
        return []
    membership = sparse.csr_matrix(
        (
            np.ones(sum(g.size for g in groups), dtype=np.float32),
            np.concatenate(groups),
            np.cumsum([0] + [g.size for g in groups]),
        ),
        shape=(len(groups), matrix.rows.shape[0]),
    )
    centroids = (membership @ matrix.rows).tocsr()
    result = []
    for number, members in enumerate(groups):
        start, stop = centroids.indptr[number], centroids.indptr[number + 1]
        keywords = _keywords(centroids.data[start:stop], centroids.indices[start:stop], matrix.vocabulary)
        if members.size > 2:
            closeness = np.asarray((matrix.rows[members] @ centroids[number].T).todense()).ravel()
            medoid = int(members[np.flatnonzero(closeness == closeness.max())[0]])
        else:
            medoid = int(members[0])
        ordered = [medoid] + [int(m) for m in members if m != medoid]
        result.append(TopicGroup(ordered, keywords, article))
    return result


def group_topics(matrix: TermMatrix, articles: Sequence[str | None]) -> list[TopicGroup]:
    """Topics of all documents, never mixing articles; the largest first."""
    topics: list[TopicGroup] = []
    for article, documents in _by_article(articles).items():
        rows = matrix.rows[documents]
        centre = star_clusters(similar_pairs(_without_common_terms(rows)))
        groups = [documents[np.flatnonzero(centre == c)] for c in np.unique(centre)]
        topics.extend(describe(matrix, groups, article))
    topics.sort(key=lambda topic: (-len(topic.members), min(topic.members)))
    return topics


def _by_article(articles: Sequence[str | None]) -> dict[str | None, np.ndarray]:
    positions: dict[str | None, list[int]] = {}
    for position, article in enumerate(articles):
        positions.setdefault(article, []).append(position)
    return {article: np.asarray(found, dtype=np.int64) for article, found in positions.items()}


def closest_topics(
    matrix: TermMatrix,
    topic_members: Sequence[Sequence[int]],
    topic_articles: Sequence[str | None],
    documents: Sequence[int],
    document_articles: Sequence[str | None],
) -> list[int | None]:
    """For each document, the topic of its article with the most similar centroid (≥ threshold), or None."""
    found: list[int | None] = [None] * len(documents)
    topics_by_article = _by_article(topic_articles)
    for article, positions in _by_article(document_articles).items():
        topic_numbers = topics_by_article.get(article)
        if topic_numbers is None:
            continue
        members = [topic_members[t] for t in topic_numbers]
        membership = sparse.csr_matrix(
            (
                np.ones(sum(len(m) for m in members), dtype=np.float32),
                np.concatenate([np.asarray(m, dtype=np.int64) for m in members]),
                np.cumsum([0] + [len(m) for m in members]),
            ),
            shape=(len(members), matrix.rows.shape[0]),
        )
        centroids_t = _unit_rows((membership @ matrix.rows).tocsr()).T.tocsc()
        rows = np.asarray([documents[p] for p in positions], dtype=np.int64)
        for start in range(0, rows.size, _ROW_CHUNK):
            similarity = (matrix.rows[rows[start : start + _ROW_CHUNK]] @ centroids_t).tocsr()
            for offset in range(similarity.shape[0]):
                low, high = similarity.indptr[offset], similarity.indptr[offset + 1]
                if low == high:
                    continue
                values = similarity.data[low:high]
                best = np.flatnonzero(values == values.max())
                if values[best[0]] >= TOPIC_SIMILARITY:
                    chosen = similarity.indices[low:high][best].min()
                    found[int(positions[start + offset])] = int(topic_numbers[chosen])
    return found
