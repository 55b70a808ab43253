"""Work in a forked child process, for the writers of a run's output set.

What the main process writes is single-threaded Python (XlsxWriter's cells, the report's
HTML, networkx's graph files): on a rerun, once the workers are done, one core would idle
while the workbook, the report and the graphs are written one after another. A child forks
with everything computed so far (the corpus tables, the imported modules), so it starts at
once and sends back only what its work returns. It must not use a database connection of
its parent (one connection on both sides of a fork corrupts SQLite's locks): `prepare` opens
its own first. Where processes cannot fork (Windows), the work runs in this process.
"""
from __future__ import annotations

import multiprocessing
import signal
import traceback
from typing import Callable

CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


class ChildFailed(RuntimeError):
    """The work failed in the child: the message is its exception's; `details` its traceback."""

    def __init__(self, message: str, details: str = ""):
        super().__init__(message)
        self.details = details


class Forked:
    """`work()` running in a forked child after `prepare()`; `result()` waits for what it returned."""

    def __init__(self, work: Callable[[], object], prepare: Callable[[], object]):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        # Daemonic: a main process that dies takes its writers with it.
        self._process = context.Process(target=_child, args=(work, prepare, send), daemon=True)
        self._process.start()
        send.close()

    def result(self):
        """What `work` returned; ChildFailed where it raised or the child died."""
        try:
            failed, value, details = self._receive.recv()
        except EOFError:  # killed (out of memory, a signal) before it could answer
            self._process.join()
            raise ChildFailed(f"a writer's process ended with status {self._process.exitcode}") from None
        finally:
            self._receive.close()
        self._process.join()
        if failed:
            raise ChildFailed(value, details)
        return value

    def cancel(self) -> None:
        """Stops the child (its files are staged ones: the run cleans them up)."""
        self._process.kill()
        self._process.join()
        self._receive.close()


def _child(work: Callable[[], object], prepare: Callable[[], object], send) -> None:
    # Ctrl-C and SIGTERM reach the whole process group: the main process handles them (it
    # cancels its writers), as it does for the extraction workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        prepare()
        answer = (False, work(), "")
    except BaseException as err:  # noqa: BLE001 - the parent raises it, with this traceback
        answer = (True, f"{type(err).__name__}: {err}", traceback.format_exc())
    send.send(answer)
    send.close()
