"""Files, streams and feeds → Article | Rejection."""

from tidings.ingest.readers import FORMATS, detect_format, read_bytes, read_path

__all__ = ["FORMATS", "detect_format", "read_bytes", "read_path"]
