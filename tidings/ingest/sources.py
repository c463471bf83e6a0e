"""Where inputs come from: files, directories, globs, archives, URLs, URL lists and stdin.

``read_sources`` turns a list of specs into a stream of raw ``Article | Rejection`` (before
cleaning): ``-`` is stdin; ``http(s)://…`` is fetched (a feed's items, or a page); ``@FILE``
reads one spec per line from FILE; a directory is walked (recursively, members filtered by
include/exclude globs); a pattern with ``*?[`` is expanded as a glob (``**`` recursive);
anything else is a file.
"""

from __future__ import annotations

import fnmatch
import glob
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from tidings.ingest.fetch import Fetcher, Response, is_url
from tidings.ingest.options import IngestOptions
from tidings.ingest.readers import read_bytes, read_path
from tidings.models import Article, Rejection

logger = logging.getLogger(__name__)

Result = Article | Rejection


def member_selected(name: str, options: IngestOptions) -> bool:
    """Whether a directory or archive member passes the filters: it matches one of the
    include globs (when there are any) and none of the exclude globs. Globs are matched
    against the base name and the relative path."""
    base = PurePosixPath(name).name
    rel = name.replace(os.sep, "/")

    def hit(patterns: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatchcase(base, p) or fnmatch.fnmatchcase(rel, p)
                   for p in patterns)

    if options.include and not hit(options.include):
        return False
    return not hit(options.exclude)


def walk(root: Path, options: IngestOptions) -> Iterator[Path]:
    """Files under ``root`` that pass the filters, in a stable (sorted) order."""
    if options.recursive:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if member_selected(path.relative_to(root).as_posix(), options):
                    yield path
    else:
        for path in sorted(root.iterdir()):
            if path.is_file() and member_selected(path.name, options):
                yield path


def read_directory(root: Path, options: IngestOptions,
                   fetcher: Fetcher | None = None) -> Iterator[Result]:
    """Every selected file under ``root``; article ids are paths relative to ``root`` without
    the extension (``business/001``), so files of the same name in two folders stay apart."""
    for path in walk(root, options):
        rel = path.relative_to(root).as_posix()
        art_id = rel
        for suffix in (".gz", ".zip"):
            if art_id.lower().endswith(suffix):
                art_id = art_id[: -len(suffix)]
        art_id = str(PurePosixPath(art_id).with_suffix(""))
        yield from read_path(path, options=options, article_id=art_id, fetcher=fetcher)


def read_url(url: str, options: IngestOptions, fetcher: Fetcher) -> Iterator[Result]:
    """A fetched URL: a feed yields its items, a page its article."""
    resp = fetcher.get(url)
    if not isinstance(resp, Response):
        yield resp
        return
    art_id = "url-" + _short_hash(resp.url)
    yield from read_bytes(resp.content, url, fmt=options.fmt, article_id=art_id,
                          options=options, fetcher=fetcher, content_type=resp.content_type,
                          url=resp.url)


def _short_hash(s: str) -> str:
    import hashlib

    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:16]


def read_sources(specs: Iterable[str], options: IngestOptions | None = None, *,
                 fetcher: Fetcher | None = None, stdin: IO[bytes] | None = None,
                 ) -> Iterator[Result]:
    """Raw articles (before cleaning) from every spec, in order. Never raises for bad input."""
    opts = options or IngestOptions()
    own_fetcher: Fetcher | None = None
    try:
        for spec in specs:
            if spec == "-":
                data = (stdin or sys.stdin.buffer).read()
                yield from read_bytes(data, "<stdin>", fmt=opts.fmt, article_id="stdin",
                                      options=opts, fetcher=fetcher)
            elif is_url(spec):
                if fetcher is None:
                    own_fetcher = own_fetcher or Fetcher(opts)
                yield from read_url(spec, opts, fetcher or own_fetcher)  # type: ignore[arg-type]
            elif spec.startswith("@") and len(spec) > 1:
                yield from _read_list(spec[1:], opts, fetcher, stdin)
            elif Path(spec).is_dir():
                yield from read_directory(Path(spec), opts, fetcher)
            elif any(c in spec for c in "*?[") and not Path(spec).exists():
                matches = sorted(glob.glob(spec, recursive=True))
                files = [m for m in matches if Path(m).is_file()]
                if not files:
                    yield Rejection(spec, "ingest", "not-found", "the pattern matches no file")
                for m in files:
                    yield from read_path(m, options=opts, fetcher=fetcher)
            else:
                yield from read_path(spec, options=opts, fetcher=fetcher)
    finally:
        if own_fetcher is not None:
            own_fetcher.close()


def _read_list(path: str, opts: IngestOptions, fetcher: Fetcher | None,
               stdin: IO[bytes] | None) -> Iterator[Result]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        yield Rejection(path, "ingest", "not-found", "no such list file")
        return
    except (OSError, UnicodeDecodeError) as exc:
        yield Rejection(path, "ingest", "unreadable", f"cannot read the list file: {exc}")
        return
    specs = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    yield from read_sources(specs, opts, fetcher=fetcher, stdin=stdin)


__all__ = ["member_selected", "read_directory", "read_sources", "read_url", "walk"]
