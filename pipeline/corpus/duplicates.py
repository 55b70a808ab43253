"""Reposts: one story that several articles carry (syndicated copies, small edits).

Each article gets a MinHash signature of its word shingles (computed once per
article in the engine from the cleaned text, so it is cached with the
extraction); `Reposts` indexes the signatures with locality-sensitive hashing
(datasketch's MinHash LSH), so finding a story's earlier copy costs one lookup
however large the corpus is, never a comparison of all pairs.

A copy with another header, footer or outlet line and a few edited words shares
most of its shingles with the original (estimated Jaccard similarity at least
`THRESHOLD`); two different articles share almost none, even on one topic.
"""
from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

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
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(found))
    return minhash.hashvalues.astype(SIGNATURE_DTYPE).tobytes()


def _minhash(signature: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=signature.astype(np.uint64), scheme=SCHEME)


class Reposts:
    """Feed articles in reading order; each is answered with the first-read article it
    repeats, or None for a story not seen before."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        # Only originals are indexed, so a copy of a copy points to the first; their order
        # decides which of several matches is the first read. 512 bytes an original.
        self.originals: dict[str, tuple[int, np.ndarray]] = {}

    def add(self, article_id: str, signature: bytes) -> str | None:
        if not signature or article_id in self.originals:  # an article listed twice is no repost
            return None
        values = np.frombuffer(signature, SIGNATURE_DTYPE)
        minhash = _minhash(values)
        # LSH gives candidates; the share of equal signature values (the estimated
        # Jaccard similarity) confirms them.
        matches = [(self.originals[key][0], key) for key in self.index.query(minhash)
                   if np.mean(self.originals[key][1] == values) >= self.threshold]
        if matches:
            return min(matches)[1]
        self.originals[article_id] = (len(self.originals), values)
        self.index.insert(article_id, minhash)
        return None
