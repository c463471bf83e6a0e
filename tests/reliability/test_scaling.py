"""Work per sentence must not grow with the article's length: an article four times as long
may take about four times as long, not sixteen. A quadratic step lets one long document
(a 2 MB POST /v1/code body, or a 20 MB file) hold the pipeline for hours.

Converting a parse was quadratic (found by the fuzz run: 1,000 sentences in one
paragraph took 9 s in spaCy and 25 s to convert); fixed by reading the doc text once.
No model is loaded: a blank English pipeline with a sentencizer stands in."""

from __future__ import annotations

import time


def _ratio(run, n: int) -> tuple[float, float, float]:
    run(n // 4)  # warm up
    small = min(_timed(run, n) for _ in range(2))
    big = min(_timed(run, 4 * n) for _ in range(2))
    return big / small, small, big


def _timed(run, n: int) -> float:
    t = time.perf_counter()
    run(n)
    return time.perf_counter() - t


def test_converting_a_long_paragraph_is_linear(capsys):
    import spacy

    from tidings.nlp import doc_to_sentences

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def run(n: int) -> None:
        doc = nlp(" ".join(["Egypt accused Israel of blocking aid convoys at Rafah."] * n))
        doc_to_sentences(doc, "a")

    ratio, small, big = _ratio(run, 250)
    with capsys.disabled():
        print(f"\nconvert: 250 sentences {small:.2f} s, 1000 sentences {big:.2f} s "
              f"(x{ratio:.1f}; linear is x4)")
    assert ratio < 8
