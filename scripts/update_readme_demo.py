"""Refresh the README's demo table with the real output of `tidings code` on the example."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    out = subprocess.run(
        [sys.executable, "-m", "tidings", "code", "examples/cairo-gaza-crossing.txt"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    readme = ROOT / "README.md"
    text = readme.read_text()
    block = "<!-- demo-start -->\n```\n" + out.rstrip() + "\n```\n<!-- demo-end -->"
    new = re.sub(r"<!-- demo-start -->.*?<!-- demo-end -->", lambda _: block, text, flags=re.S)
    readme.write_text(new)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
