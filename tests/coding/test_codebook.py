import csv

import pytest

from tidings.coding.codebook import load_codebook
from tidings.errors import CodingError


def test_codebook_has_every_cameo_code():
    cb = load_codebook()
    assert len(cb) == 318
    assert cb.roots() == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize(
    ("code", "goldstein", "quad", "root"),
    [("010", 0.0, 1, "01"), ("036", 4.0, 1, "03"), ("0872", 9.0, 2, "08"),
     ("111", -2.0, 3, "11"), ("173", -5.0, 4, "17"), ("190", -10.0, 4, "19"),
     ("2042", -10.0, 4, "20")],
)
def test_known_values(code, goldstein, quad, root):
    c = load_codebook()[code]
    assert (c.goldstein, c.quad_class, c.root) == (goldstein, quad, root)


def test_goldstein_and_quad_class_match_the_reference(shared):
    rows = list(csv.DictReader((shared / "reference/cameo/cameo_event_codes.csv").open()))
    cb = load_codebook()
    assert {r["code"] for r in rows} == set(cb.codes())
    for r in rows:
        c = cb[r["code"]]
        expected = float(r["goldstein"]) if r["goldstein"] else None
        assert c.goldstein == expected, r["code"]
        assert c.quad_class == int(r["quad_class"]), r["code"]
        assert c.name == r["name"]


def test_plover_crosswalk(shared):
    rows = csv.DictReader((shared / "reference/plover/cameo_to_plover.csv").open())
    cb = load_codebook()
    for r in rows:
        assert cb[r["cameo_code"]].plover_type == r["plover_event_type"], r["cameo_code"]
    assert cb["010"].plover_type is None  # PLOVER drops public statements
    assert cb["0874"].plover_type == "RETREAT"


def test_unknown_code_is_a_coding_error():
    with pytest.raises(CodingError, match="999"):
        load_codebook()["999"]
