"""A 50 MB text file is rejected by the size cap (``max_bytes``, 20 MiB) with a clear reason,
without being read into memory; a gzip bomb stops at the cap too."""

from __future__ import annotations

import gzip
import io
import tracemalloc

from tidings.ingest import IngestOptions, ingest
from tidings.models import Rejection

MB = 1024 * 1024


def _peak(fn):
    tracemalloc.start()
    try:
        out = fn()
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_50_mb_file_is_rejected_by_the_cap_without_loading_it(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        line = b"Egypt accused Israel of blocking aid convoys at the Rafah crossing.\n"
        for _ in range(50 * MB // len(line) + 1):
            f.write(line)
    assert path.stat().st_size >= 50 * MB
    small = tmp_path / "small.txt"
    small.write_text("Egypt and Israel met in Cairo on Tuesday to discuss aid convoys.")
    list(ingest([str(small)]))  # imports and lazy loads happen here, not in the measurement
    items, peak = _peak(lambda: list(ingest([str(path)])))
    with capsys.disabled():
        print(f"\n50 MB file: {items[0].reason}: {items[0].detail}; peak Python memory "
              f"{peak / MB:.2f} MiB")
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert items[0].reason == "too-large" and "the cap is 20,971,520" in items[0].detail
    assert peak < 5 * MB, "the file was read into memory before the size check"


def test_50_mb_on_stdin_is_rejected(capsys):
    """stdin has no size to stat: it is read, then capped (peak memory ≈ the input)."""
    data = b"a " * (25 * MB)
    items, peak = _peak(lambda: list(ingest(["-"], stdin=io.BytesIO(data))))
    with capsys.disabled():
        print(f"\n50 MB on stdin: {items[0].reason}; peak Python memory {peak / MB:.1f} MiB")
    assert [i.reason for i in items] == ["too-large"]


def test_gzip_bomb_stops_at_the_cap(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b" " * (60 * MB), compresslevel=9))
    assert path.stat().st_size < MB
    items = list(ingest([str(path)], IngestOptions()))
    assert [i.reason for i in items] == ["too-large"]
    assert "once decompressed" in items[0].detail
