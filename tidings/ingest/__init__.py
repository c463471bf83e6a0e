"""Files, streams and feeds → Article | Rejection: reading, fetching, cleaning, metadata and
duplicates (see docs/ingest.md).

``ingest(specs, options)`` is the stage's entry point; the modules, in data-flow order:
``sources`` (where inputs come from) → ``readers`` / ``feeds`` / ``warc`` (formats) →
``clean`` (boilerplate, with an offset map) → ``metadata`` (date, outlet, language) →
``dedup`` (exact and near duplicates); ``fetch`` does HTTP and ``watch`` polls feeds.
"""

from tidings.ingest.clean import Cleaned, Dateline, OffsetMap, Removed, clean_text
from tidings.ingest.dedup import Deduplicator, original_of
from tidings.ingest.feeds import parse_feed, read_feed_text
from tidings.ingest.fetch import Fetcher, Response
from tidings.ingest.options import OPTIONS, IngestOptions
from tidings.ingest.prepare import (
    IngestSummary,
    Prepared,
    ingest,
    prepare,
    prepare_all,
    summarize,
)
from tidings.ingest.readers import FORMATS, decode, detect_format, read_bytes, read_path
from tidings.ingest.sources import read_sources
from tidings.ingest.watch import FeedWatcher, parse_interval, watch_feeds

__all__ = [
    "FORMATS",
    "OPTIONS",
    "Cleaned",
    "Dateline",
    "Deduplicator",
    "FeedWatcher",
    "Fetcher",
    "IngestOptions",
    "IngestSummary",
    "OffsetMap",
    "Prepared",
    "Removed",
    "Response",
    "clean_text",
    "decode",
    "detect_format",
    "ingest",
    "original_of",
    "parse_feed",
    "parse_interval",
    "prepare",
    "prepare_all",
    "read_bytes",
    "read_feed_text",
    "read_path",
    "read_sources",
    "summarize",
    "watch_feeds",
]
