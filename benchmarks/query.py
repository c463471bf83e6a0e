"""Query speed: generate a store of N synthetic events and time the queries the product runs.

    .venv/bin/python benchmarks/query.py                        # 10,000,000 events, temp store
    .venv/bin/python benchmarks/query.py --events 1000000       # a smaller store
    .venv/bin/python benchmarks/query.py --db /tmp/q.duckdb --keep      # keep the store
    .venv/bin/python benchmarks/query.py --db /tmp/q.duckdb --reuse     # time a kept store again
    .venv/bin/python benchmarks/query.py --only timeseries --repeats 9

The store is made by the project's own code (``tidings.store.Store`` creates and migrates it;
clusters are rebuilt from their members by the store's own SQL and copied onto the events by
``tidings.store.clusters.sync_events``, as ingest leaves them) and filled in DuckDB SQL from
``range(N)`` with hash expressions, so it is deterministic for a given ``--seed``:

- about 200 actors (the codes of ``coding/data/actors``: countries first, ranked by how often
  they are in the news, and a few IGOs and armed groups), drawn Zipf-like (rank r ~ 1/r) for
  source and target, with a role suffix (GOV, MIL, ...) per report; about 15 % of reports
  have no target;
- CAMEO codes from the project's codebook, weighted towards the common roots (statements,
  consultations, appeals) the way news coding is;
- real-world events (clusters) on days spread over ten years (2016-2025, three times as many at
  the end as at the start), each reported 1.6 times on average (geometric, at most 41 reports),
  reports published 0-3 days after the event; 85 % of events dated to the day, 8 % to the month,
  7 % undated (publication day);
- statuses mixed (86 % occurred, 6 % negated or denied, 8 % planned, conditional or
  hypothetical), about 40 % of reports located;
- articles in arrival order with four events on average (one to many), one sentence row per
  sentence holding an event, one evidence row per event, 300 outlets drawn Zipf-like.

Then each query is timed as the CLI or the API runs it — ``tidings.analysis`` functions (the
CLI's ``tidings query``) and ``tidings.api.corpus.Corpus`` methods (the API's ``/v1`` handlers)
on a read-only store: the first run in a freshly opened store ("cold": DuckDB's buffers empty,
the OS page cache as it is) and the median of ``--repeats`` warm runs. A table is printed and
the figures, with the machine and its load average, are written to
``benchmarks/results/query-<timestamp>-<N>.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb  # noqa: E402
import yaml  # noqa: E402

from tidings.store import Store  # noqa: E402
from tidings.store.actorcodes import split_code  # noqa: E402
from tidings.store.clusters import sync_events  # noqa: E402
from tidings.store.db import EVENT_COLUMNS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"

FIRST_DAY = date(2016, 1, 1)
DAYS = 3653  # 2016-01-01 .. 2025-12-31
SLOTS = 100_000  # resolution of the weighted draws (slot tables)
N_ACTORS = 200
N_OUTLETS = 300
MEAN_REPORTS = 1.6  # reports per real-world event (geometric)
CODER = "tidings.coder.cameo.v1"

# The actors most often in the news first (rank 1 is drawn most); the remaining countries of
# coding/data/actors/countries.yaml follow in file order.
TOP_ACTORS = (
    "USA", "RUS", "CHN", "ISR", "UKR", "PSE", "IRN", "GBR", "IGOUNO", "FRA", "DEU", "IND",
    "TUR", "SYR", "EGY", "PSEGOVHMS", "SAU", "PAK", "AFG", "IRQ", "JPN", "KOR", "PRK", "IGONAT",
    "LBN", "QAT", "YEM", "SDN", "IGOEEC", "NGA", "BRA", "MEX", "CAN", "AUS", "LBNREBHEZ", "ITA",
    "ESP", "POL", "VEN", "LBY", "JOR", "ARE", "AFGGOVTAL", "ETH", "SOM", "KEN", "ZAF", "TWN",
    "PHL", "IDN", "IMGMOSALQ", "MMR", "IGOUNOWHO", "IGOOPC", "IGOARL",
)
# Role suffixes of a country actor, per 100 reports ('' = the country itself).
ROLES = (("", 40), ("GOV", 30), ("MIL", 10), ("OPP", 4), ("COP", 4), ("LEG", 3), ("JUD", 3),
         ("REB", 2), ("BUS", 2), ("MED", 2))
# CAMEO root weights, roughly the mix of coded news (GDELT-like: talk far more than fighting).
ROOT_WEIGHTS = {
    "01": 20.0, "02": 6.0, "03": 6.0, "04": 20.0, "05": 8.0, "06": 2.0, "07": 3.0, "08": 2.0,
    "09": 1.0, "10": 2.0, "11": 5.0, "12": 3.0, "13": 2.0, "14": 2.0, "15": 1.0, "16": 1.5,
    "17": 4.0, "18": 2.0, "19": 5.0, "20": 0.3,
}
OUTLETS = ("Reuters", "AP", "AFP", "BBC", "Al Jazeera", "The Guardian", "The New York Times",
           "Xinhua", "TASS", "Anadolu", "Times of Israel", "Ahram Online", "Dawn", "NHK")
# (status, per 1,000 real-world events); a cluster keeps one status class (see clusters.py)
STATUSES = (("asserted", 800), ("claimed", 60), ("negated", 30), ("denied", 30),
            ("planned", 40), ("conditional", 20), ("hypothetical", 20))


# --------------------------------------------------------------------------- generation
def _slots(weights: list[float]) -> list[int]:
    """``SLOTS`` slots, each the index of one item, in proportion to ``weights``: a uniform
    hash modulo ``SLOTS`` then draws item i with probability weights[i] / sum(weights)."""
    total = sum(weights)
    out: list[int] = []
    acc = 0.0
    for i, w in enumerate(weights):
        acc += w
        upto = round(acc / total * SLOTS)
        out.extend([i] * (upto - len(out)))
    return out[:SLOTS] + [len(weights) - 1] * (SLOTS - len(out))


def _zipf(n: int, s: float = 1.0) -> list[float]:
    return [1.0 / (r ** s) for r in range(1, n + 1)]


def _actor_tables() -> tuple[dict[str, list[Any]], dict[str, list[Any]], dict[str, list[Any]]]:
    """Base actors (rank order), their slot table and every base+role code with its parts."""
    data = resources.files("tidings.coding") / "data" / "actors"
    countries = yaml.safe_load((data / "countries.yaml").read_text(encoding="utf-8"))
    groups = yaml.safe_load((data / "groups.yaml").read_text(encoding="utf-8"))
    names = {c["code"]: c["name"] for c in countries if isinstance(c, dict)}
    names.update({g["code"]: g["name"] for g in groups if isinstance(g, dict)})
    order = [a for a in TOP_ACTORS if a in names]
    order += [c["code"] for c in countries if c["code"] not in order and len(c["code"]) == 3]
    order = order[:N_ACTORS]
    base = {"base": list(range(len(order))), "code": order,
            "name": [names[a] for a in order]}
    slots = {"slot": list(range(SLOTS)), "base": _slots(_zipf(len(order)))}
    combos: dict[str, list[Any]] = {k: [] for k in ("base", "role", "code", "country", "grp",
                                                    "text")}
    for b, code in enumerate(order):
        for r, (role, _) in enumerate(ROLES):
            full = code + role if len(code) == 3 else code  # a group code takes no role
            parts = split_code(full)
            combos["base"].append(b)
            combos["role"].append(r)
            combos["code"].append(full)
            combos["country"].append(parts.country)
            combos["grp"].append(parts.group)
            combos["text"].append(names[code] + (f" {role.lower()}" if role and len(code) == 3
                                                  else ""))
    return base, slots, combos


def _cameo_tables() -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """The codebook and its slot table: a root by ROOT_WEIGHTS, then within the root the
    unspecified three-digit code (x0) 3, other three-digit codes 1, four-digit 0.3, the bare
    two-digit root 0.5."""
    from tidings.coding.codebook import load_codebook

    book = load_codebook()
    codes = [book[c] for c in book.codes()]
    table: dict[str, list[Any]] = {k: [] for k in ("cidx", "code", "root", "name", "goldstein",
                                                   "quad", "ptype", "pmode")}
    weights: list[float] = []
    per_root: dict[str, float] = {}
    raw: list[float] = []
    for c in codes:
        w = {2: 0.5, 3: 3.0 if c.code.endswith("0") else 1.0}.get(len(c.code), 0.3)
        raw.append(w)
        per_root[c.root] = per_root.get(c.root, 0.0) + w
    for i, c in enumerate(codes):
        table["cidx"].append(i)
        table["code"].append(c.code)
        table["root"].append(c.root)
        table["name"].append(c.name)
        table["goldstein"].append(c.goldstein)
        table["quad"].append(c.quad_class)
        table["ptype"].append(c.plover_type)
        table["pmode"].append(c.plover_mode)
        weights.append(ROOT_WEIGHTS.get(c.root, 0.5) * raw[i] / per_root[c.root])
    return table, {"slot": list(range(SLOTS)), "cidx": _slots(weights)}


def _outlet_tables() -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    names = list(OUTLETS) + [f"Outlet {i:03d}" for i in range(len(OUTLETS), N_OUTLETS)]
    return ({"oidx": list(range(N_OUTLETS)), "name": names},
            {"slot": list(range(SLOTS)), "oidx": _slots(_zipf(N_OUTLETS, 0.9))})


def _status_tables() -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """A real-world event's status class (1,000 slots), and per class a report's status
    (1,000 slots each), in the proportions of STATUSES."""
    cls_of = {"asserted": 0, "claimed": 0, "negated": 1, "denied": 1, "planned": 2,
              "conditional": 2, "hypothetical": 2}
    classes = [sum(n for st, n in STATUSES if cls_of[st] == k) for k in range(3)]
    pick: dict[str, list[Any]] = {"cls": [], "slot": [], "status": []}
    for k in range(3):
        members = [(st, n) for st, n in STATUSES if cls_of[st] == k]
        acc, upto = 0, 0
        total = sum(n for _, n in members)
        for st, n in members:
            acc += n
            end = round(acc / total * 1000)
            for slot in range(upto, end):
                pick["cls"].append(k)
                pick["slot"].append(slot)
                pick["status"].append(st)
            upto = end
    cls: dict[str, list[Any]] = {"slot": [], "cls": []}
    acc, upto = 0, 0
    for k, n in enumerate(classes):
        acc += n
        end = round(acc / sum(classes) * 1000)
        cls["slot"].extend(range(upto, end))
        cls["cls"].extend([k] * (end - upto))
        upto = end
    return cls, pick


@dataclass
class Generated:
    events: int
    articles: int
    sentences: int
    clusters: int
    seconds: float
    steps: dict[str, float] = field(default_factory=dict)


def _roles() -> dict[str, list[Any]]:
    """100 slots → role index, in proportion to ROLES."""
    out: dict[str, list[Any]] = {"slot": [], "role": []}
    for r, (_, n) in enumerate(ROLES):
        out["role"].extend([r] * n)
    out["slot"] = list(range(len(out["role"])))
    return out


def generate(path: str | Path, events: int, *, seed: int = 0,
             log: Callable[[str], None] = lambda s: None) -> Generated:
    """Create the store at ``path`` (through ``Store``: the real schema and migrations) and
    fill it with ``events`` synthetic events; see the module docstring."""
    import pyarrow as pa

    t0 = time.perf_counter()
    steps: dict[str, float] = {}
    store = Store(str(path))
    conn = store.conn
    try:
        if int(store.scalar("SELECT count(*) FROM events")):
            raise SystemExit(f"{path} already holds events: pass a new --db, or --reuse")
        base, slots, combos = _actor_tables()
        cameo, cameo_slots = _cameo_tables()
        outlets, outlet_slots = _outlet_tables()
        classes, statuses = _status_tables()
        for name, cols in (("g_base", base), ("g_actor_slots", slots), ("g_actors", combos),
                           ("g_roles", _roles()), ("g_cameo", cameo),
                           ("g_cameo_slots", cameo_slots), ("g_outlets", outlets),
                           ("g_outlet_slots", outlet_slots), ("g_classes", classes),
                           ("g_statuses", statuses)):
            conn.register("tmp_" + name, pa.table(cols))
            conn.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM tmp_{name}")
            conn.unregister("tmp_" + name)
        s = int(seed) * 1000
        # h: a 64-bit hash of (x, salt); u: a uniform [0, 1) from it
        conn.execute(f"CREATE TEMP MACRO h(x, k) AS hash(x, k + {s})")
        conn.execute("CREATE TEMP MACRO u(x, k) AS (h(x, k) % 1000000)::DOUBLE / 1000000")

        def step(name: str, sql: str, params: list[Any] | None = None) -> None:
            t = time.perf_counter()
            conn.execute(sql, params or [])
            steps[name] = round(time.perf_counter() - t, 2)
            log(f"  {name:<22} {steps[name]:7.1f} s")

        run_id = store.start_run("ingest", coder=CODER,
                                 inputs=[f"benchmarks/query.py --events {events} --seed {seed}"])
        n_clusters = int(events / MEAN_REPORTS * 1.05) + 16
        p = 1.0 - 1.0 / MEAN_REPORTS  # geometric: P(k) = (1 - p) p^(k - 1), mean 1 / (1 - p)
        first = FIRST_DAY.isoformat()
        # real-world events: number of reports, day, actors (country/group level), code,
        # status class, located or not
        step("real-world events", f"""
            CREATE TEMP TABLE g_cl AS
            SELECT c, k, sum(k) OVER (ORDER BY c ROWS UNBOUNDED PRECEDING) - k AS before,
                   d, src, tgt, cidx, cls, located
            FROM (
                SELECT g.c,
                       1 + least(40, floor(ln(greatest(u(g.c, 1), 1e-9)) / ln({p})))::INTEGER
                         AS k,
                       floor({DAYS} * (sqrt(1 + 8 * u(g.c, 2)) - 1) / 2)::INTEGER AS d,
                       sa.base AS src,
                       CASE WHEN u(g.c, 5) < 0.10 THEN NULL ELSE ta.base END AS tgt,
                       cs.cidx, gc.cls, u(g.c, 7) < 0.5 AS located
                FROM (SELECT range AS c FROM range({n_clusters})) g
                JOIN g_actor_slots sa ON sa.slot = h(g.c, 3) % {SLOTS}
                JOIN g_actor_slots ta ON ta.slot = h(g.c, 4) % {SLOTS}
                JOIN g_cameo_slots cs ON cs.slot = h(g.c, 6) % {SLOTS}
                JOIN g_classes gc ON gc.slot = h(g.c, 8) % 1000
            )""")
        # reports: exactly `events` of them, each published 0-3 days after its event
        step("reports", """
            CREATE TEMP TABLE g_rep AS
            SELECT c, j, d + (CASE WHEN j = 0 THEN h(c * 64 + j, 10) % 2
                                   ELSE h(c * 64 + j, 10) % 4 END)::INTEGER AS rday
            FROM (SELECT c, d, before, unnest(range(k)) AS j FROM g_cl WHERE before < ?)
            WHERE before + j < ?""", [events, events])
        # arrival order = publication order; an article ends after a report with p = 1/4
        step("arrival order", """
            CREATE TEMP TABLE g_ord AS
            SELECT c, j, rday, i,
                   sum(CASE WHEN i = 0 OR h(i, 12) % 4 = 0 THEN 1 ELSE 0 END)
                       OVER (ORDER BY i ROWS UNBOUNDED PRECEDING) - 1 AS a
            FROM (SELECT c, j, rday, row_number() OVER (ORDER BY rday, h(c * 64 + j, 11)) - 1
                  AS i FROM g_rep)""")
        conn.execute("DROP TABLE g_rep")
        # the report's place in its article (two of three events have a sentence of their
        # own), its id (article-sentence-position-code), the article's publication day, and
        # its rank in arrival order as the store numbers it (seq, sentence, event id)
        step("article positions", """
            CREATE TEMP TABLE g_ev AS
            SELECT *, row_number() OVER (ORDER BY a, sidx, event_id) AS arrival
            FROM (SELECT x.*, (pos * 7 // 10)::INTEGER AS sidx,
                         aid || '-' || (pos * 7 // 10) || '-' || pos || '-' || cm.code
                             AS event_id
                  FROM (SELECT c, j, rday, i, a,
                               (i - min(i) OVER (PARTITION BY a))::INTEGER AS pos,
                               'a' || lpad(a::VARCHAR, 9, '0') AS aid,
                               max(rday) OVER (PARTITION BY a) AS pday
                        FROM g_ord) x
                  JOIN g_cl USING (c) JOIN g_cameo cm USING (cidx))""")
        conn.execute("DROP TABLE g_ord")
        step("articles", f"""
            INSERT INTO articles (id, seq, content_hash, text, title, published, published_date,
                                  outlet, url, origin, language, dateline, metadata, run_id)
            SELECT aid, a + 1, md5(text), text, title, strftime(pub, '%Y-%m-%d'), pub,
                   o.name, 'https://news.example/' || aid, 'synthetic', 'en', NULL,
                   json_object('title', title, 'outlet', o.name,
                               'published', strftime(pub, '%Y-%m-%d')), {run_id}
            FROM (
                SELECT a, aid, DATE '{first}' + max(pday) AS pub,
                       'Synthetic article ' || aid || ' with ' || count(*) || ' events.' AS text,
                       'Report ' || aid AS title
                FROM g_ev GROUP BY a, aid
            ) x JOIN g_outlet_slots os ON os.slot = h(x.a, 13) % {SLOTS}
            JOIN g_outlets o USING (oidx)
            ORDER BY a""")
        columns = ", ".join(EVENT_COLUMNS + ("seq", "day", "outlet", "published", "url",
                                             "arrival"))
        step("events", f"""
            INSERT INTO events ({columns})
            SELECT event_id, ('0x' || substr(md5(event_id), 1, 15))::BIGINT, aid, sidx,
                   s_text || ' ' || trig || coalesce(' ' || t_text, '') || '.',
                   s_text, s_code, 0, length(s_text), s_country, s_grp,
                   t_text, t_code, t_start, t_start + length(t_text), t_country, t_grp,
                   code, root, name, goldstein, quad, ptype, pmode, status,
                   CASE WHEN status = 'conditional' THEN 'if talks resume' END,
                   CASE WHEN status = 'conditional' THEN 0 END,
                   CASE WHEN status = 'conditional' THEN 15 END,
                   CASE WHEN status = 'claimed' THEN 'officials' END,
                   CASE WHEN status = 'claimed' THEN s_country || 'GOV' END,
                   trig, length(s_text) + 1, length(s_text) + 1 + length(trig),
                   ev_date, precision, lo, hi,
                   CASE WHEN loc THEN l_name END, CASE WHEN loc THEN l_country END,
                   CASE WHEN loc THEN round(-60 + 120 * u(c, 21), 4) END,
                   CASE WHEN loc THEN round(-180 + 360 * u(c, 22), 4) END,
                   CASE WHEN loc THEN 'country' END,
                   round(0.5 + 0.45 * u(i, 23), 2), '{CODER}',
                   json_object('article_id', aid, 'event_id', event_id, 'sentence_index', sidx,
                               'source', json_object('text', s_text, 'code', s_code),
                               'target', CASE WHEN t_code IS NOT NULL THEN
                                   json_object('text', t_text, 'code', t_code) END,
                               'cameo', code, 'cameo_root', root, 'cameo_name', name,
                               'goldstein', goldstein, 'quad_class', quad, 'status', status,
                               'date', ev_date, 'date_precision', precision,
                               'coder', '{CODER}'),
                   {run_id},
                   a + 1, CASE WHEN lo = hi THEN lo ELSE pub END, outlet,
                   strftime(pub, '%Y-%m-%d'), 'https://news.example/' || aid, arrival
            FROM (
                SELECT ev.i, ev.c, ev.a, ev.aid, ev.sidx, ev.event_id, ev.arrival,
                       DATE '{first}' + ev.pday AS pub, o.name AS outlet,
                       sa.text AS s_text, sa.code AS s_code, sa.country AS s_country,
                       sa.grp AS s_grp,
                       CASE WHEN keep_t THEN ta.text END AS t_text,
                       CASE WHEN keep_t THEN ta.code END AS t_code,
                       CASE WHEN keep_t THEN ta.country END AS t_country,
                       CASE WHEN keep_t THEN ta.grp END AS t_grp,
                       length(sa.text) + 2 + length(lower(split_part(cm.name, ' ', 1)))
                           AS t_start,
                       cm.code, cm.root, cm.name, cm.goldstein, cm.quad, cm.ptype, cm.pmode,
                       lower(split_part(cm.name, ' ', 1)) AS trig,
                       st.status,
                       CASE WHEN dp < 0.85 THEN strftime(DATE '{first}' + cl.d, '%Y-%m-%d')
                            WHEN dp < 0.93 THEN strftime(DATE '{first}' + cl.d, '%Y-%m')
                       END AS ev_date,
                       CASE WHEN dp < 0.85 THEN 'day' WHEN dp < 0.93 THEN 'month'
                       END AS precision,
                       CASE WHEN dp < 0.85 THEN DATE '{first}' + cl.d
                            WHEN dp < 0.93 THEN date_trunc('month', DATE '{first}' + cl.d)
                            ELSE DATE '{first}' + ev.pday END::DATE AS lo,
                       CASE WHEN dp < 0.85 THEN DATE '{first}' + cl.d
                            WHEN dp < 0.93 THEN last_day(DATE '{first}' + cl.d)
                            ELSE DATE '{first}' + ev.pday END::DATE AS hi,
                       cl.located AND u(ev.i, 20) < 0.8 AND length(lb.code) = 3 AS loc,
                       lb.name AS l_name, lb.code AS l_country
                FROM (SELECT *, u(i, 14) AS dp, u(i, 15) >= 0.05 AS keep_t FROM g_ev) ev
                JOIN g_cl cl USING (c)
                JOIN g_roles rs ON rs.slot = h(ev.i, 16) % 100
                JOIN g_roles rt ON rt.slot = h(ev.i, 17) % 100
                JOIN g_actors sa ON sa.base = cl.src AND sa.role = rs.role
                LEFT JOIN g_actors ta ON ta.base = cl.tgt AND ta.role = rt.role
                JOIN g_cameo cm ON cm.cidx = cl.cidx
                JOIN g_statuses st ON st.cls = cl.cls AND st.slot = h(ev.i, 18) % 1000
                JOIN g_base lb ON lb.base = CASE WHEN cl.tgt IS NOT NULL AND u(cl.c, 19) < 0.5
                                                 THEN cl.tgt ELSE cl.src END
                JOIN g_outlet_slots os ON os.slot = h(ev.a, 13) % {SLOTS}
                JOIN g_outlets o ON o.oidx = os.oidx
            )
            ORDER BY i""")  # arrival order, as ingest writes them
        step("event evidence", """
            INSERT INTO event_evidence
            SELECT event_id, 0, trigger_text, trigger_start, trigger_end FROM events""")
        step("sentences", """
            INSERT INTO sentences
            SELECT article_id, sentence_index, text, start_char, start_char + length(text),
                   json_object('article_id', article_id, 'index', sentence_index,
                               'text', text, 'start', start_char,
                               'end', start_char + length(text),
                               'tokens', json('[]'), 'entities', json('[]'))
            FROM (SELECT article_id, sentence_index, first(sentence ORDER BY event_id) AS text,
                         sentence_index * 200 AS start_char
                  FROM events GROUP BY ALL)
            ORDER BY article_id, sentence_index""")
        # a cluster is named after its first report in arrival order (clusters.py)
        step("cluster members", """
            INSERT INTO cluster_members
            SELECT event_id, 'c' || first_value(event_id) OVER (PARTITION BY c ORDER BY i)
            FROM g_ev ORDER BY i""")
        step("clusters (rebuild)", _rebuild_all_sql())
        t = time.perf_counter()
        sync_events(store)  # each event's cluster onto its row, as ingest leaves it
        steps["clusters onto events"] = round(time.perf_counter() - t, 2)
        log(f"  {'clusters onto events':<22} {steps['clusters onto events']:7.1f} s")
        for t in ("g_ev", "g_cl"):
            conn.execute(f"DROP TABLE {t}")
        n_events = int(store.scalar("SELECT count(*) FROM events"))
        n_articles = int(store.scalar("SELECT count(*) FROM articles"))
        store.update_run(run_id, status="done", finished=True, articles_read=n_articles,
                         articles_ingested=n_articles, events=n_events)
        t = time.perf_counter()
        conn.execute("CHECKPOINT")
        steps["checkpoint"] = round(time.perf_counter() - t, 2)
        out = Generated(
            events=n_events, articles=n_articles,
            sentences=int(store.scalar("SELECT count(*) FROM sentences")),
            clusters=int(store.scalar("SELECT count(*) FROM clusters")),
            seconds=round(time.perf_counter() - t0, 2), steps=steps)
    finally:
        store.close()
    return out


def _rebuild_all_sql() -> str:
    """The store's own cluster rebuild (``clusters._REBUILD``) over every cluster at once."""
    from tidings.store import clusters

    where = "WHERE list_contains(?, m.cluster_id)"
    if where not in clusters._REBUILD:
        raise RuntimeError("tidings.store.clusters._REBUILD changed: update benchmarks/query.py")
    return clusters._REBUILD.replace(where, "")


# --------------------------------------------------------------------------- queries
@dataclass
class Case:
    name: str
    command: str  # what a user runs to make the product run this query
    run: Callable[[Any], int]  # on a Store (cli) or a Corpus (api); returns rows
    api: bool


def cases(source: str = "USA", target: str = "RUS", country: str = "EGY",
          year: int = 2024) -> list[Case]:
    """The queries, with the functions the CLI and the API call. ``source`` and ``target``
    are the two most frequent actors (the largest dyad), ``country`` a mid-ranked one."""
    from tidings.analysis import Filters, dyads, events, timeseries
    from tidings.api.corpus import encode_cursor

    pair = Filters(source=source, target=target)
    since, until = date(year, 1, 1), date(year, 12, 31)
    listing = Filters(source=source, root="04", status="asserted", since=since, until=until)
    page = 100  # api_page_size

    def api_events(filters: Filters, offset: int = 0, sort: str = "day") -> Callable[[Any], int]:
        def run(corpus: Any) -> int:
            res = corpus.events(filters, unit="reports", sort=sort, limit=page,
                                cursor=encode_cursor(offset) if offset else None)
            return len(res.rows)
        return run

    q = f"source={source}&root=04&status=asserted&since={since}&until={until}"
    return [
        Case("timeseries month, dyad",
             f"tidings query timeseries --source {source} --target {target} --freq month",
             lambda st: len(timeseries(st, pair, freq="month", unit="events", by_dyad=True)),
             api=False),
        Case("timeseries day, dyad (API)",
             f"GET /v1/timeseries?source={source}&target={target}&freq=day",
             lambda c: len(c.timeseries(pair, freq="day", unit="events", by_dyad=False)),
             api=True),
        Case("timeseries month, reports",
             f"tidings query timeseries --source {source} --target {target} --unit reports",
             lambda st: len(timeseries(st, pair, freq="month", unit="reports", by_dyad=True)),
             api=False),
        Case("events filtered, page 1 (API)", f"GET /v1/events?{q}",
             api_events(listing), api=True),
        Case("events filtered, page 2 (API)", f"GET /v1/events?{q}&cursor=<next of page 1>",
             api_events(listing, page), api=True),
        Case("events filtered, page 50 (API)",
             f"GET /v1/events?{q}&cursor=<offset 4900>",
             api_events(listing, 49 * page), api=True),
        Case("events dyad, newest first (API)",
             f"GET /v1/events?source={source}&target={target}&sort=-day",
             api_events(pair, sort="-day"), api=True),
        Case("events, country (API)", f"GET /v1/events?actor={country}",
             api_events(Filters(actor=country)), api=True),
        Case("events, country (CLI)", f"tidings query events --actor {country} --since {since}",
             lambda st: len(events(st, Filters(actor=country, since=since), unit="reports",
                                   limit=50)), api=False),
        Case("dyads top 100 (API)", "GET /v1/dyads",
             lambda c: len(c.dyads(Filters(), unit="events", limit=100)), api=True),
        Case("dyads top 30, country (CLI)", f"tidings query dyads --actor {country}",
             lambda st: len(dyads(st, Filters(actor=country), unit="events", limit=30)),
             api=False),
    ]


@dataclass
class Timing:
    name: str
    command: str
    rows: int
    cold: float
    warm_median: float
    warm_min: float
    warm_max: float
    warm: list[float]


def time_cases(path: str | Path, selected: list[Case], repeats: int = 5,
               log: Callable[[str], None] = lambda s: None) -> list[Timing]:
    """Each case: a fresh read-only store (a ``Corpus`` for API cases), one cold run, then
    ``repeats`` warm runs."""
    from tidings.api.corpus import Corpus

    out: list[Timing] = []
    for case in selected:
        handle: Any = Corpus(str(path)) if case.api else Store(str(path), read_only=True)
        try:
            if case.api:
                handle.store()  # open it: the server opens its store before the first request
            t = time.perf_counter()
            rows = case.run(handle)
            cold = time.perf_counter() - t
            warm: list[float] = []
            for _ in range(repeats):
                t = time.perf_counter()
                n = case.run(handle)
                warm.append(time.perf_counter() - t)
                if n != rows:
                    raise RuntimeError(f"{case.name}: {rows} rows cold, {n} warm")
        finally:
            handle.close()
        timing = Timing(case.name, case.command, rows, round(cold, 4),
                        round(statistics.median(warm), 4) if warm else round(cold, 4),
                        round(min(warm), 4) if warm else round(cold, 4),
                        round(max(warm), 4) if warm else round(cold, 4),
                        [round(w, 4) for w in warm])
        log(f"  {case.name:<34} {rows:>6} rows  cold {cold:6.3f} s  "
            f"warm {timing.warm_median:6.3f} s")
        out.append(timing)
    return out


# --------------------------------------------------------------------------- report
def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(str(path) + ".wal")) if p.exists())


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def machine() -> dict[str, Any]:
    mem = None
    with contextlib.suppress(ValueError, OSError, AttributeError):
        mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    return {"cpus": len(os.sched_getaffinity(0)), "cpu": _cpu_model(), "memory_gb": mem,
            "python": platform.python_version(), "duckdb": duckdb.__version__,
            "platform": platform.platform()}


def table(timings: list[Timing]) -> str:
    lines = [f"{'query':<34} {'rows':>6} {'cold s':>8} {'warm median s':>14} {'min':>7} "
             f"{'max':>7}", "-" * 82]
    for t in timings:
        flag = "" if t.warm_median < 1.0 else "  > 1 s"
        lines.append(f"{t.name:<34} {t.rows:>6} {t.cold:>8.3f} {t.warm_median:>14.3f} "
                     f"{t.warm_min:>7.3f} {t.warm_max:>7.3f}{flag}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000_000, help="events to generate")
    ap.add_argument("--db", help="the store file (default: a temporary file, removed at the "
                                 "end unless --keep)")
    ap.add_argument("--keep", action="store_true", help="keep the store file")
    ap.add_argument("--reuse", action="store_true",
                    help="time the store already at --db (no generation)")
    ap.add_argument("--repeats", type=int, default=5, help="warm runs per query (median)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", help="time only the queries whose name contains this text")
    ap.add_argument("--out", type=Path, default=RESULTS, help="folder for the JSON result")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, flush=True)

    tmp = None
    if args.db:
        path = Path(args.db)
    else:
        tmp = tempfile.mkdtemp(prefix="tidings-query-")
        path = Path(tmp) / "query.duckdb"
    if args.reuse and not path.exists():
        ap.error(f"--reuse: no store at {path}")
    if not args.reuse and path.exists():
        ap.error(f"{path} exists: pass --reuse to time it, or another --db")
    load_start = os.getloadavg()
    gen: Generated | None = None
    try:
        if not args.reuse:
            log(f"generating {args.events:,} events into {path}")
            gen = generate(path, args.events, seed=args.seed, log=log)
            log(f"generated {gen.events:,} events, {gen.articles:,} articles, "
                f"{gen.sentences:,} sentences, {gen.clusters:,} clusters in {gen.seconds:.1f} s")
        size = _size(path)
        with Store(str(path), read_only=True) as st:
            counts = st.counts()
        log(f"store: {counts['events']:,} events, {size / 2**20:,.0f} MiB on disk")
        selected = [c for c in cases() if not args.only or args.only in c.name]
        load_before = os.getloadavg()
        log(f"timing {len(selected)} queries (cold, then median of {args.repeats} warm); "
            f"load average {load_before[0]:.2f}")
        timings = time_cases(path, selected, args.repeats, log=log)
        load_after = os.getloadavg()
    finally:
        if tmp and not args.keep:
            for p in (path, Path(str(path) + ".wal")):
                p.unlink(missing_ok=True)
            os.rmdir(tmp)
    print()
    print(table(timings))
    now = datetime.now(UTC)
    result = {
        "when": now.isoformat(timespec="seconds"),
        "command": "python benchmarks/query.py " + " ".join(argv if argv is not None
                                                             else sys.argv[1:]),
        "machine": {**machine(),
                    "load_avg_at_start": [round(x, 2) for x in load_start],
                    "load_avg_before_queries": [round(x, 2) for x in load_before],
                    "load_avg_at_end": [round(x, 2) for x in load_after]},
        "store": {"path": str(path) if (args.keep or args.db) else None, "bytes": size,
                  "mib": round(size / 2**20, 1), "counts": counts},
        "generation": gen.__dict__ if gen else None,
        "repeats": args.repeats,
        "queries": [t.__dict__ for t in timings],
        "all_under_1s_warm": all(t.warm_median < 1.0 for t in timings),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    dest = args.out / f"query-{now:%Y%m%d-%H%M%S}-{counts['events']}.json"
    dest.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nstore {size / 2**20:,.0f} MiB; "
          + (f"generated in {gen.seconds:.1f} s; " if gen else "")
          + f"load average {load_after[0]:.2f} at the end; results: {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
