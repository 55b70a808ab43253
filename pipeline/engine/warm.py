"""The worker pool's fork server imports this module first (its preload): every model, grammar
and rule file loads there once, and each worker forks with them in memory (pages shared), so
a pool, and each replacement pool, starts without loading anything. `engines.start_workers`
starts the server at the beginning of a run: it loads while this process reads the inputs
and looks them up in the cache.
"""
from .engines import prepare_worker

prepare_worker()
