"""``ingest_into`` with an executor whose workers are other processes (``concurrent``): the
next batch is handed to the workers before the previous one is stored, and the store ends the
same."""

from __future__ import annotations

import threading

import pytest

from tests.store.fakes import FakePipeline, article
from tests.store.test_store import ARTICLES, Boom, snapshot
from tidings.store import Store, ingest_into


class AheadPipeline(FakePipeline):
    """A fake executor whose ``submit`` does the work at once and, like a real one, reports a
    failure only when the results are read."""

    concurrent = True

    def submit(self, items):
        done, error = [], None
        try:
            done.extend(self.run(list(items)))
        except Exception as exc:  # noqa: BLE001 - raised when read, as a worker's would be
            error = exc

        def results():
            yield from done
            if error is not None:
                raise error

        return results()


class FailingAhead(AheadPipeline):
    def __init__(self, fail_on: str) -> None:
        super().__init__()
        self.fail_on = fail_on

    def run(self, items):
        for r in super().run(items):
            if getattr(r, "article", None) is not None and r.article.id == self.fail_on:
                raise Boom(self.fail_on)
            yield r


# one id again in the next batch: unchanged (present), then changed (replaced)
REPEATS = [*ARTICLES, ARTICLES[0], article("a2", "EGYGOV ISR 190\nUSA ISR 042", outlet="AFP",
                                           published="2024-03-03")]


@pytest.mark.parametrize("commit_every", [1, 2, 3, 100])
def test_parsing_ahead_stores_what_one_batch_at_a_time_stores(commit_every):
    one, ahead = Store(":memory:"), Store(":memory:")
    s1 = ingest_into(one, FakePipeline(), REPEATS, commit_every=commit_every)
    s2 = ingest_into(ahead, AheadPipeline(), REPEATS, commit_every=commit_every)
    assert snapshot(ahead) == snapshot(one)
    assert s2.to_dict() | {"run_id": 0} == s1.to_dict() | {"run_id": 0}
    assert (s2.present, s2.replaced) == (1, 1)


def test_the_next_batch_goes_to_the_workers_before_the_last_is_stored():
    started = threading.Event()

    class Signalling(AheadPipeline):
        def run(self, items):
            items = list(items)
            if any(a.id == "a3" for a in items if hasattr(a, "text")):
                started.set()  # the second batch's parse has begun
            yield from super().run(items)

    seen = []

    def on_batch(stats):
        if stats.batches == 1:  # the first commit is done; the second batch is on its way
            seen.append(started.is_set())

    ingest_into(Store(":memory:"), Signalling(), ARTICLES, commit_every=2, on_batch=on_batch)
    assert seen == [True]


def test_a_crash_while_parsing_ahead_keeps_whole_batches():
    full = Store(":memory:")
    ingest_into(full, FakePipeline(), ARTICLES, commit_every=2)
    store = Store(":memory:")
    with pytest.raises(Boom):
        ingest_into(store, FailingAhead("a3"), ARTICLES, commit_every=2)
    assert [r[0] for r in store.execute("SELECT id FROM articles ORDER BY seq").fetchall()] == \
        ["a1", "a2"]
    assert store.execute("SELECT status FROM runs").fetchone()[0] == "failed"
    ingest_into(store, AheadPipeline(), ARTICLES, commit_every=2)
    assert snapshot(store) == snapshot(full)
