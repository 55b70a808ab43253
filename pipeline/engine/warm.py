"""The worker pool's fork server imports this module first (its preload): every model, grammar
and rule file loads there once, and each worker forks with them in memory (pages shared), so
a pool, and each replacement pool, starts without loading anything. `engines.start_workers`
starts the server at the beginning of a run: it loads while this process reads the inputs
and looks them up in the cache.
"""
import signal

# Ctrl-C and SIGTERM are the main process's to handle (the fork server ignores SIGINT only once
# it has loaded): a server killed while loading would leave the run without workers.
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGTERM, signal.SIG_IGN)

from .run import load_models  # noqa: E402 - after the signals: loading takes seconds

try:
    load_models()
except Exception:  # noqa: BLE001 - each worker then loads with its first article, whose
    pass           # failure becomes that article's error row instead of a broken pool
