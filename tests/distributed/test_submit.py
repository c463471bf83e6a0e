"""``submit``: an executor takes a whole batch at once (``ingest_into`` hands it the next batch
before it stores the last) and yields what ``run`` yields."""

from __future__ import annotations

import pytest

from tests.distributed.test_executors import SETTINGS, _items, cluster, reference  # noqa: F401
from tidings.distributed import DaskExecutor, LocalExecutor


@pytest.mark.model
def test_local_submit_yields_the_results_of_run(reference):  # noqa: F811
    with LocalExecutor(SETTINGS, workers=2, chunk_size=2) as executor:
        assert executor.concurrent
        first = executor.submit(_items())  # every chunk is with the workers now
        second = executor.submit(_items()[:2])
        assert list(first) == reference
        assert list(second) == reference[:2]
    assert not LocalExecutor(SETTINGS, workers=1).concurrent  # in this process: no submit


@pytest.mark.model
def test_local_submit_closed_early_cancels_the_rest():
    with LocalExecutor(SETTINGS, workers=2, chunk_size=1) as executor:
        results = executor.submit(_items())
        assert next(results).article.id == "a0"
        results.close()  # the chunks not started are cancelled; the pool stays usable
        assert [r.article.id for r in executor.run(_items()[:1])] == ["a0"]


@pytest.mark.model
def test_dask_submit_yields_the_results_of_run(cluster, reference):  # noqa: F811
    executor = DaskExecutor(SETTINGS, scheduler=cluster, partition_size=2)
    assert executor.concurrent
    assert list(executor.submit(_items())) == reference
