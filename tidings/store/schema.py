"""The store's schema as ordered migrations.

``schema_version`` holds one row per applied step; ``migrate`` applies the steps a store lacks,
each in its own transaction, so a store made by an older tidings is brought up to date when it
is opened. A step is never edited once released: a change is a new step.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from tidings.store.errors import StoreError

logger = logging.getLogger(__name__)

# (version, description, SQL statements)
MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "articles, parses, mentions, events, evidence, rejections, clusters, runs", (
        """CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY,
            kind VARCHAR NOT NULL,              -- ingest | recode
            coder VARCHAR,
            tidings_version VARCHAR,
            dictionaries JSON,
            settings JSON,
            inputs JSON,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL,            -- running | done | failed
            articles_read INTEGER DEFAULT 0,
            articles_ingested INTEGER DEFAULT 0,
            articles_present INTEGER DEFAULT 0,
            articles_replaced INTEGER DEFAULT 0,
            rejected INTEGER DEFAULT 0,
            events INTEGER DEFAULT 0
        )""",
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            seq BIGINT NOT NULL UNIQUE,          -- arrival order (clustering is incremental)
            content_hash VARCHAR NOT NULL,       -- sha256 of text + metadata
            text VARCHAR NOT NULL,
            title VARCHAR,
            published VARCHAR,
            published_date DATE,
            outlet VARCHAR,
            url VARCHAR,
            origin VARCHAR,
            language VARCHAR,
            dateline VARCHAR,
            metadata JSON,
            run_id INTEGER
        )""",
        """CREATE TABLE sentences (
            article_id VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            start_char INTEGER,
            end_char INTEGER,
            parse JSON NOT NULL,                 -- ParsedSentence.to_dict(): no spaCy to re-code
            PRIMARY KEY (article_id, sentence_index)
        )""",
        """CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR,
            code VARCHAR,
            rule VARCHAR,
            actor_name VARCHAR,
            PRIMARY KEY (article_id, start_char, end_char)
        )""",
        """CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            gid BIGINT NOT NULL,                 -- integer id (GDELT GLOBALEVENTID)
            article_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            sentence VARCHAR,
            source_text VARCHAR, source_code VARCHAR, source_start INTEGER, source_end INTEGER,
            source_country VARCHAR, source_group VARCHAR,
            target_text VARCHAR, target_code VARCHAR, target_start INTEGER, target_end INTEGER,
            target_country VARCHAR, target_group VARCHAR,
            cameo VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL, cameo_name VARCHAR,
            goldstein DOUBLE, quad_class INTEGER,
            plover_type VARCHAR, plover_mode VARCHAR,
            status VARCHAR NOT NULL,
            condition_text VARCHAR, condition_start INTEGER, condition_end INTEGER,
            claimant_text VARCHAR, claimant_code VARCHAR,
            trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            date VARCHAR, date_precision VARCHAR,
            date_lo DATE, date_hi DATE,          -- event date as a range (else publication day)
            location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE,
            location_lon DOUBLE, location_precision VARCHAR,
            confidence DOUBLE,
            coder VARCHAR,
            record JSON NOT NULL,                -- Event.to_dict(), every field as coded
            run_id INTEGER
        )""",
        """CREATE TABLE event_evidence (
            event_id VARCHAR NOT NULL,
            n INTEGER NOT NULL,
            text VARCHAR, start_char INTEGER, end_char INTEGER,
            PRIMARY KEY (event_id, n)
        )""",
        """CREATE TABLE rejections (
            rejection_key VARCHAR PRIMARY KEY,   -- sha256 of origin, article id, stage, reason
            origin VARCHAR, stage VARCHAR, reason VARCHAR, detail VARCHAR, article_id VARCHAR,
            run_id INTEGER
        )""",
        """CREATE TABLE clusters (
            cluster_id VARCHAR PRIMARY KEY,      -- 'c' + the founding event's id
            gid BIGINT NOT NULL,
            source_key VARCHAR, target_key VARCHAR, cameo_root VARCHAR, status_class VARCHAR,
            scope VARCHAR,                       -- '' or, for undated reports, the article id
            country VARCHAR,
            date_lo DATE, date_hi DATE,
            num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,
            earliest_event_id VARCHAR, earliest_article_id VARCHAR, earliest_published VARCHAR
        )""",
        """CREATE TABLE cluster_members (
            event_id VARCHAR PRIMARY KEY,
            cluster_id VARCHAR NOT NULL
        )""",
        "CREATE INDEX events_article ON events (article_id)",
        "CREATE INDEX members_cluster ON cluster_members (cluster_id)",
        "CREATE INDEX clusters_key ON clusters (source_key, cameo_root)",
    )),
    # Queries read one table: every event row carries what they filter, group and sort on,
    # so no query joins articles, cluster_members and clusters (issue #9: a 10 M event store).
    (2, "events carry their article's fields, their day, dyad and cluster", (
        "ALTER TABLE events ADD COLUMN seq BIGINT",             # the article's arrival order
        "ALTER TABLE events ADD COLUMN day DATE",               # the day queries use
        "ALTER TABLE events ADD COLUMN outlet VARCHAR",
        "ALTER TABLE events ADD COLUMN published VARCHAR",
        "ALTER TABLE events ADD COLUMN url VARCHAR",
        "ALTER TABLE events ADD COLUMN cluster_id VARCHAR",     # kept by store.clusters
        "ALTER TABLE events ADD COLUMN source_key VARCHAR",     # the dyad (its cluster's)
        "ALTER TABLE events ADD COLUMN target_key VARCHAR",
        "ALTER TABLE events ADD COLUMN num_mentions INTEGER",   # its cluster's counts
        "ALTER TABLE events ADD COLUMN num_articles INTEGER",
        "ALTER TABLE events ADD COLUMN num_sources INTEGER",
        "ALTER TABLE events ADD COLUMN arrival BIGINT",          # rank in arrival order
        "ALTER TABLE events ADD COLUMN cluster_key BIGINT",      # its cluster's least arrival
        """UPDATE events SET seq = a.seq, outlet = a.outlet, published = a.published,
               url = a.url,
               day = CASE WHEN events.date_lo = events.date_hi THEN events.date_lo
                          ELSE coalesce(a.published_date, events.date_lo) END
           FROM articles a WHERE a.id = events.article_id""",
        """UPDATE events SET cluster_id = x.cluster_id,
               source_key = coalesce(nullif(x.source_key, ''),
                   CASE WHEN coalesce(events.source_code, '') = '' THEN NULL
                        WHEN events.source_group IS NOT NULL
                        THEN events.source_country || '/' || events.source_group
                        ELSE events.source_country END),
               target_key = coalesce(nullif(x.target_key, ''),
                   CASE WHEN coalesce(events.target_code, '') = '' THEN NULL
                        WHEN events.target_group IS NOT NULL
                        THEN events.target_country || '/' || events.target_group
                        ELSE events.target_country END),
               num_mentions = x.num_mentions, num_articles = x.num_articles,
               num_sources = x.num_sources, arrival = x.arrival, cluster_key = x.cluster_key
           FROM (SELECT y.*,
                        CASE WHEN y.cluster_id IS NOT NULL
                             THEN min(y.arrival) OVER (PARTITION BY y.cluster_id) END
                            AS cluster_key
                 FROM (SELECT e.event_id, m.cluster_id, c.source_key, c.target_key,
                              c.num_mentions, c.num_articles, c.num_sources,
                              row_number() OVER (ORDER BY e.seq, e.sentence_index, e.event_id)
                                  AS arrival
                       FROM events e LEFT JOIN cluster_members m USING (event_id)
                       LEFT JOIN clusters c ON c.cluster_id = m.cluster_id) y) x
           WHERE x.event_id = events.event_id""",
    )),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(conn: Any) -> int:
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(row[0] or 0)


def migrate(conn: Any) -> int:
    """Apply the migrations the store lacks; returns the schema version."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(f"the store has schema version {version}, this tidings knows up to "
                         f"{SCHEMA_VERSION}", hint="upgrade tidings")
    if version == 0:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                     "description VARCHAR, applied_at TIMESTAMP)")
    for step, description, statements in MIGRATIONS:
        if step <= version:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            for sql in statements:
                conn.execute(sql)
            conn.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                         [step, description, datetime.now(UTC).replace(tzinfo=None)])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        logger.info("store migrated to schema version %d: %s", step, description)
        version = step
    return version


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "current_version", "migrate"]
