"""natasha's NER model (slovnet) run on the tokens the Doc already has.

slovnet's own `NER(text)` tokenizes the text again with razdel, wraps every word
and tag in record objects and decodes the CRF with a dozen numpy calls a token
(`np.indices` among them): for a news article that was about half of the NLP
stage. `Tagger` runs the same model on the same words and decodes them with the
same float operations in the same order (the convolutions' windows gathered faster,
into the same matrix), so the tags, and the spans, are the same.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def embedding():
    """natasha's word embeddings, shared by its NER, morphology and syntax models.

    Their matrices are small, so BLAS threads only contend with each other and with the
    pool's other processes (under load a one-sentence call took 200 ms instead of 2 ms):
    one BLAS thread per process, the pool parallelises by processes."""
    from natasha import NewsEmbedding
    from threadpoolctl import threadpool_limits
    threadpool_limits(limits=1, user_api="blas")
    return NewsEmbedding()


def viterbi(emissions: np.ndarray, mask: np.ndarray, transitions: np.ndarray) -> list[int]:
    """slovnet's `CRF.decode` for a batch of one (emissions: words × tags): the same sums,
    maxima and backtrack."""
    score = emissions[0]
    history = []
    for index in range(1, len(emissions)):
        step = score[:, None] + transitions + emissions[index][None, :]
        history.append(step.argmax(0))
        if mask[index]:
            score = step.max(0)  # the value at each argmax, which is what slovnet takes
    best = score.argmax()
    tags = [best]
    for indexes in reversed(history[:int(mask.sum()) - 1]):
        best = indexes[best]
        tags.append(best)
    tags.reverse()
    return tags


def _conv(conv, input: np.ndarray) -> np.ndarray:
    """slovnet's `Conv1d` for a batch of one. slovnet gathers the windows matrix through a
    strided view (a slow copy); this fills the same matrix a kernel column at a time, then
    makes the same matrix product."""
    padded = np.pad(input, ((0, 0), (0, 0), (conv.padding, conv.padding)), mode="constant",
                    constant_values=0)[0]
    filters, in_dim, kernel = conv.weight.shape
    count = padded.shape[1] - kernel + 1
    windows = np.empty((count, in_dim, kernel), dtype=padded.dtype)
    for j in range(kernel):
        windows[:, :, j] = padded[:, j:j + count].T
    windows = windows.reshape(count, in_dim * kernel)
    weight = conv.weight.array.reshape(filters, in_dim * kernel)
    output = np.matmul(windows, weight.T) + conv.bias.array
    return output.reshape(1, count, filters).swapaxes(2, 1)


def _forward(model, word_id: np.ndarray, shape_id: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
    """slovnet's `Tag.__call__` (embedding, CNN encoder, projection), with `_conv`."""
    x = np.swapaxes(model.emb(word_id, shape_id), 2, 1)
    mask = np.expand_dims(pad_mask, axis=1)
    for layer in model.encoder.layers:
        x = layer.norm(layer.relu(_conv(layer.conv, x)))
        x[mask.repeat(x.shape[1], axis=1)] = 0
    return model.head(np.swapaxes(x, 2, 1))


def bio_spans(tags: list[str], starts: list[int], stops: list[int]) -> list[tuple[str, int, int]]:
    """(type, start, stop) of each entity in BIO tags, read as slovnet's `bio_spans` reads them."""
    found, previous, start, stop = [], None, None, None
    for tag, token_start, token_stop in zip(tags, starts, stops):
        part, _, type_ = tag.partition("-")
        if part == "O":
            if previous:
                found.append((previous, start, stop))
                previous = None
        elif part == "B":
            if previous:
                found.append((previous, start, stop))
            previous, start, stop = type_, token_start, token_stop
        elif part == "I":
            stop = token_stop
    if previous:
        found.append((previous, start, stop))
    return found


class Tagger:
    """A natasha NER tagger (`NewsNERTagger`) applied to words already tokenized."""

    def __init__(self, natasha_tagger):
        self.infer = natasha_tagger.infer
        encoder = self.infer.encoder
        self.pad_id = encoder.words_vocab.pad_id
        self.transitions = self.infer.model.head.crf.transitions.array
        self.tags_vocab = self.infer.decoder.tags_vocab

        # slovnet's encoding of a word (its vocabulary id, its shape's id), per distinct word:
        # bounded, a long run meets new words all the time.
        @lru_cache(maxsize=100_000)
        def word_ids(word: str) -> tuple[int, int]:
            from slovnet.shape import word_shape
            return encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(word_shape(word))

        self.word_ids = word_ids

    def tags(self, words: list[str]) -> list[str]:
        """The BIO tag of each word (`B-PER`, `I-LOC`, `O`, ...)."""
        if not words:
            return []
        ids = [self.word_ids(w) for w in words]
        word_id = np.array([[i for i, _ in ids]])
        shape_id = np.array([[s for _, s in ids]])
        pad_mask = word_id == self.pad_id
        emissions = _forward(self.infer.model, word_id, shape_id, pad_mask)[0]
        return [self.tags_vocab.decode(t) for t in viterbi(emissions, ~pad_mask[0], self.transitions)]

    def spans(self, words: list[str], starts: list[int], stops: list[int]) -> list[tuple[str, int, int]]:
        """(type, start, stop) of each entity among the words, whose offsets are given."""
        return bio_spans(self.tags(words), starts, stops)
