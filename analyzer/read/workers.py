"""A process pool that survives its workers: each worker takes a batch of files and sends back one
result per file; when a worker dies (an out-of-memory kill, a crash in a C extension), the file
it was on fails alone, the rest of its batch is handed out again, and a new worker takes its place.

``multiprocessing.Pool.imap`` waits forever for a task whose worker was killed; here the parent
waits on every worker's result pipe and its process sentinel together, so a death is seen at once.
Results come out in the order of the input.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

# The worker side: set up once per process, then one call per item.
Setup = Callable[..., Any]
Work = Callable[[Any, Any], Any]


def _serve(conn: multiprocessing.connection.Connection, setup: Setup, setup_args: tuple, work: Work) -> None:
    state = setup(*setup_args)
    while True:
        batch = conn.recv()
        if batch is None:
            return
        for index, item in batch:
            conn.send((index, work(state, item)))


class _Worker:
    def __init__(self, ctx, setup: Setup, setup_args: tuple, work: Work) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, setup, setup_args, work), daemon=True)
        self.process.start()
        child.close()
        self.pending: deque[int] = deque()  # indices sent and not answered yet, in order

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
        self.conn.close()


def run(
    items: Sequence[Any],
    jobs: int,
    setup: Setup,
    setup_args: tuple,
    work: Work,
    on_death: Callable[[Any, int | None], Any],
    batch: int = 16,
) -> Iterator[Any]:
    """``work(setup(*setup_args), item)`` for every item in ``jobs`` processes, in input order;
    ``on_death(item, exitcode)`` stands in for the result of an item whose worker died on it."""
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    todo: deque[int] = deque(range(len(items)))
    done: dict[int, Any] = {}
    workers = [_Worker(ctx, setup, setup_args, work) for _ in range(min(jobs, len(items)))]
    next_out = 0
    try:
        while next_out < len(items):
            for w in workers:
                if not w.pending and todo and w.process.is_alive():
                    chunk = [todo.popleft() for _ in range(min(batch, len(todo)))]
                    try:
                        w.conn.send([(i, items[i]) for i in chunk])
                    except OSError:  # it died idle: the batch goes back, the sentinel replaces it
                        todo.extendleft(reversed(chunk))
                        continue
                    w.pending.extend(chunk)
            ready = multiprocessing.connection.wait([w.conn for w in workers] + [w.process.sentinel for w in workers])
            for w in list(workers):
                if w.conn in ready or w.process.sentinel in ready:
                    if not _drain(w, done):
                        workers.remove(w)
                        workers.append(_replace(w, items, todo, done, on_death, ctx, setup, setup_args, work))
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for w in workers:
            w.stop()


def _drain(w: _Worker, done: dict[int, Any]) -> bool:
    """Read every answer the worker has sent; False when it has died."""
    try:
        while w.conn.poll():
            index, result = w.conn.recv()
            w.pending.remove(index)
            done[index] = result
    except (EOFError, OSError):
        return False
    return w.process.is_alive()


def _replace(w: _Worker, items, todo: deque[int], done: dict[int, Any], on_death, ctx, setup, setup_args, work) -> _Worker:
    """The file a dead worker was on fails; the rest of its batch goes back to the front."""
    w.process.join(timeout=5)
    if w.pending:
        culprit = w.pending.popleft()
        done[culprit] = on_death(items[culprit], w.process.exitcode)
        todo.extendleft(reversed(w.pending))
    w.conn.close()
    return _Worker(ctx, setup, setup_args, work)
