"""The Dask engine: a LocalCluster of 2 worker processes writes exactly the local run's tables."""
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from pipeline.engine import batch, engines
from pipeline.engine.cache import Cache
from pipeline.output import tables
from pipeline.read.inputs import read_inputs
from pipeline.records import Article

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "articles"


def sample_articles() -> list[Article]:
    return [a for a in read_inputs([SAMPLES]) if isinstance(a, Article)]


def csv_tables(results) -> dict[str, str]:
    frames = tables.build_tables(results, results.errors)
    return {name: frame.to_csv(index=False, lineterminator="\n") for name, frame in frames.items()}


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as local:
        yield local


def test_dask_cluster_writes_the_local_tables(cluster, tmp_path):
    with batch.run(sample_articles(), None, workers=1) as local:
        expected = csv_tables(local)
    with Cache(tmp_path) as store:
        with batch.run(sample_articles(), store, engine="dask",
                     scheduler=cluster.scheduler_address) as remote:
            assert (remote.computed, remote.cached, remote.errors) == (5, 0, [])
            assert csv_tables(remote) == expected
            assert [ex.article.article_id for ex in remote] == [a.article_id for a in sample_articles()]
        assert len(store) == 5  # the client cached what the workers sent back
        # a rerun against the cluster finds everything in the cache and sends nothing
        with batch.run(sample_articles(), store, engine="dask", scheduler="tcp://0.0.0.0:1") as again:
            assert (again.computed, again.cached) == (0, 5)
    with Client(cluster.scheduler_address) as client:  # the cluster is still whole
        assert len(client.scheduler_info()["workers"]) == 2


def test_workers_running_other_code_are_refused(cluster, monkeypatch):
    monkeypatch.setattr(engines, "code_version", lambda: "not-the-workers-version")
    with pytest.raises(RuntimeError, match="2 of 2 Dask workers run another version"):
        batch.run(sample_articles()[:1], None, engine="dask", scheduler=cluster.scheduler_address)
