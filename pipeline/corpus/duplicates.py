"""Reposts: one story that several articles carry (syndicated copies, small edits).

Each article gets a MinHash signature of its word shingles (computed once per
article in the engine from the cleaned text, so it is cached with the
extraction); the signatures are indexed with locality-sensitive hashing
(datasketch's MinHash LSH banding; the index lives in the cache's SQLite file,
`output/store.KeptRows`), so finding a story's earlier copy costs one lookup
however large the corpus is, never a comparison of all pairs, and `Reposts`
holds only the few articles that share a band with another.

A copy with another header, footer or outlet line and a few edited words shares
most of its shingles with the original (estimated Jaccard similarity at least
`THRESHOLD`); two different articles share almost none, even on one topic.
"""
from __future__ import annotations

import re
from typing import Iterable

import numpy as np

NUM_PERM = 128
SEED, SCHEME = 1, "affine32"  # datasketch's defaults, named: a signature is only comparable under both
SHINGLE_WORDS = 4
THRESHOLD = 0.4
WORD = re.compile(r"\w+")
SIGNATURE_DTYPE = np.uint32  # datasketch's hash values are 32-bit: half the bytes of its uint64


def shingles(text: str) -> set[bytes]:
    """Runs of SHINGLE_WORDS words, case and `ё` folded; a shorter text is one shingle."""
    words = WORD.findall(text.lower().replace("ё", "е"))
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[k:k + SHINGLE_WORDS]).encode() for k in range(len(words) - SHINGLE_WORDS + 1)}


def fingerprint(text: str) -> bytes:
    """The MinHash signature of a text as bytes (plain data: cached and pickled cheaply);
    empty for a text without words."""
    found = shingles(text)
    if not found:
        return b""
    from datasketch import MinHash  # here: datasketch imports scipy (half a second), the tables need neither

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(found))
    return minhash.hashvalues.astype(SIGNATURE_DTYPE).tobytes()


# datasketch's MinHash LSH banding for THRESHOLD and NUM_PERM: its own choice of b bands of r
# values (`MinHashLSH(threshold, num_perm).b, .r`, which a test checks; computing it takes
# scipy and half a second): two signatures are candidates when every value of one band is equal.
BAND_COUNT, BAND_VALUES = 32, 4
BAND_BYTES = BAND_VALUES * SIGNATURE_DTYPE().itemsize
BANDS = [(k * BAND_BYTES, (k + 1) * BAND_BYTES) for k in range(BAND_COUNT)]


def band_keys(signature: bytes) -> list[int]:
    """Each band as a signed 64-bit number to look candidates up by (its first values: they
    are hashes already, so they spread; its place mixed in); `similar_to` then checks the whole band."""
    return [int.from_bytes(signature[start:start + 8], "little", signed=True) ^ k
            for k, (start, _) in enumerate(BANDS)] if signature else []


def similar_to(signature: bytes, others: list[bytes], threshold: float = THRESHOLD) -> list[bool]:
    """For each of `others`: do the two repeat one story? They are LSH candidates (all the
    values of some band equal) and the share of equal values (the estimated Jaccard
    similarity of their shingles) is at least `threshold`. One numpy pass over all of them:
    an article may have hundreds of candidates."""
    result = [False] * len(others)
    full = [i for i, other in enumerate(others) if signature and len(other) == len(signature)]
    if full:
        mine = np.frombuffer(signature, SIGNATURE_DTYPE)
        equal = np.frombuffer(b"".join(others[i] for i in full), SIGNATURE_DTYPE).reshape(len(full), -1) == mine
        candidates = equal.reshape(len(full), BAND_COUNT, BAND_VALUES).all(axis=2).any(axis=1)
        for i, same in zip(full, candidates & (equal.mean(axis=1) >= threshold)):
            result[i] = bool(same)
    return result


def similar(a: bytes, b: bytes, threshold: float = THRESHOLD) -> bool:
    return similar_to(a, [b], threshold)[0]


class Reposts:
    """Feed articles in reading order; each is answered with the first-read article it
    repeats, or None for a story not seen before.

    The tables feed only the articles `similar` to another one (the pairs are found once,
    when an article is kept, in the cache's band index: `output/store.KeptRows`), each
    with the ids of those read before it: the others are no reposts and no one's original,
    and nothing of them is held."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        # Only originals are kept, so a copy of a copy points to the first; their order
        # decides which of several matches is the first read.
        self.originals: dict[str, tuple[int, bytes]] = {}

    def add(self, article_id: str, signature: bytes, earlier: Iterable[str] | None = None) -> str | None:
        """`earlier`: the ids of the articles read before this one that may be `similar` to it
        (None: look among every original added)."""
        if not signature or article_id in self.originals:  # an article listed twice is no repost
            return None
        matches = [(self.originals[key][0], key) for key in (self.originals if earlier is None else earlier)
                   if key in self.originals and similar(self.originals[key][1], signature, self.threshold)]
        if matches:
            return min(matches)[1]
        self.originals[article_id] = (len(self.originals), signature)
        return None
