"""Each class of bad input becomes a Rejection(stage, reason, detail); the batch goes on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tidings.ingest import IngestOptions, decode, ingest, summarize
from tidings.models import Article, Rejection

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def one_rejection(items) -> Rejection:
    [r] = list(items)
    assert isinstance(r, Rejection), r
    assert r.stage == "ingest" and r.detail
    return r


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b" \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (bytes(range(1, 32)) * 40, "binary"),
    (b"caf\xe9 au lait \xff\xfe", "encoding"),
    (b"\xff\xfeN\x00o\x00\x00\xd8", "encoding"),  # UTF-16 with a lone surrogate
])
def test_bad_files(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    r = one_rejection(ingest([str(f)]))
    assert r.reason == reason and r.origin == str(f) and r.article_id == "bad"


def test_wrong_encodings_are_detected_and_decoded():
    latin1 = "The club paid £15.8m for the striker, café owners said.".encode("latin-1")
    assert decode(latin1, "x") == "The club paid £15.8m for the striker, café owners said."
    cp1252 = "He said “no” – twice.".encode("cp1252")
    assert decode(cp1252, "x") == "He said “no” – twice."
    utf16 = "Kyiv and Kharkiv were shelled overnight.".encode("utf-16")
    assert decode(utf16, "x") == "Kyiv and Kharkiv were shelled overnight."
    cyrillic = ("Правительство объявило о новых мерах поддержки фермеров, пострадавших от "
                "засухи, сообщили в министерстве.").encode("cp1251")
    assert "Правительство" in str(decode(cyrillic, "x"))
    assert decode(b"line one\r\nline two\r", "x") == "line one\nline two\n"


def test_size_cap(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"The army advanced. " * 1000)
    r = one_rejection(ingest([str(f)], IngestOptions(max_bytes=1000)))
    assert r.reason == "too-large" and "1,000" in r.detail


def test_size_cap_applies_after_decompression(tmp_path):
    import gzip

    f = tmp_path / "bomb.txt.gz"
    f.write_bytes(gzip.compress(b"a" * 100_000))
    r = one_rejection(ingest([str(f)], IngestOptions(max_bytes=10_000)))
    assert r.reason == "too-large"


def test_html_with_no_body():
    r = one_rejection(ingest([str(DATA / "empty-body.html")]))
    assert r.reason == "no-main-text"


def test_malformed_feed():
    r = one_rejection(ingest([str(DATA / "broken.rss")]))
    assert r.reason == "feed" and "malformed" in r.detail


def test_broken_archives(tmp_path):
    (tmp_path / "x.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "y.zip").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "z.warc").write_bytes(b"WARC/1.0\r\nnot really a record")
    reasons = [r.reason for r in ingest([str(tmp_path / n) for n in ("x.gz", "y.zip",
                                                                      "z.warc")])]
    assert reasons == ["archive", "archive", "warc"]


def test_other_languages_are_rejected_with_their_code():
    r = one_rejection(ingest([str(DATA / "french.txt")]))
    assert r.reason == "language:fr"
    [a] = list(ingest([str(DATA / "french.txt")], IngestOptions(languages=())))
    assert isinstance(a, Article) and a.language == "fr"


def test_short_texts_are_not_language_checked():
    [a] = list(ingest(["-"], stdin=io.BytesIO(b"Egypt condemned Israel.")))
    assert isinstance(a, Article)


def test_missing_file_and_directory_reasons(tmp_path):
    [r] = list(ingest([str(tmp_path / "nope.txt")]))
    assert isinstance(r, Rejection) and r.reason == "not-found"


def test_only_furniture_is_rejected_after_cleaning(tmp_path):
    f = tmp_path / "furniture.txt"
    f.write_text("Share this article\n\nAdvertisement\n\nSubscribe to our newsletter\n")
    assert one_rejection(ingest([str(f)])).reason == "empty-after-cleaning"


def test_a_batch_goes_on_past_every_bad_input(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "good.txt").write_bytes((DATA / "plain-headline.txt").read_bytes())
    (tmp_path / "copy.txt").write_bytes((DATA / "plain-headline.txt").read_bytes())
    (tmp_path / "fr.txt").write_bytes((DATA / "french.txt").read_bytes())
    (tmp_path / "big.txt").write_bytes(b"x " * 5000)
    items = list(ingest([str(tmp_path), str(DATA / "broken.rss"), str(tmp_path / "gone.txt")],
                        IngestOptions(max_bytes=4000)))
    s = summarize(items)
    assert s.ingested == 1 and s.duplicates == 1
    assert dict(s.rejected) == {"binary": 1, "empty": 1, "language:fr": 1, "too-large": 1,
                                "feed": 1, "not-found": 1}
    assert s.read == len(items) == 8
