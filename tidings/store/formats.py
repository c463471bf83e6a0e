"""Column lists of the exchange formats, carried in the package (tests check them against
``shared/reference``): GDELT 2.0 events (61 columns, tab-separated, no header) and POLECAT
(40 columns), plus PLOVER JSON's fields.
"""

from __future__ import annotations

# GDELT 2.0 event table, in order (gdelt2_events_columns.csv; header names as in BigQuery use
# GLOBALEVENTID and SQLDATE for the first two).
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code",
    "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type",
    "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type",
    "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
)

# POLECAT release files, in order (polecat_columns.csv, the 40-column header).
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country",
    "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title",
    "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District", "Province",
    "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
    "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
    "Version",
)

# PLOVER JSON (plover_json_fields.csv): event-level fields, and which are required.
PLOVER_EVENT_FIELDS: tuple[str, ...] = (
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
    "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
    "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
)
PLOVER_REQUIRED: tuple[str, ...] = ("id", "date", "actor", "event")
PLOVER_ENTITY_FIELDS: tuple[str, ...] = (
    "code", "sector", "entity_text", "identifier_id", "identifier_text", "religion",
    "ethnicity", "office", "gender", "age",
)
PLOVER_LOCATION_FIELDS: tuple[str, ...] = (
    "extracted_place", "resolved_place", "geonameid", "lat", "lon", "city", "district",
    "province", "country", "country_code", "feature_class", "feature_code", "resolution",
)
PLOVER_CITE_FIELDS: tuple[str, ...] = (
    "corpus", "citation", "url", "title", "language", "publication", "license", "copyright",
    "coder", "codebook", "version",
)
PLOVER_TEXT_INFO_FIELDS: tuple[str, ...] = ("sequence", "start", "end", "text_story")

QUAD_NAMES: dict[int, str] = {
    1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
    4: "MATERIAL CONFLICT",
}

__all__ = [
    "GDELT_COLUMNS",
    "PLOVER_CITE_FIELDS",
    "PLOVER_ENTITY_FIELDS",
    "PLOVER_EVENT_FIELDS",
    "PLOVER_LOCATION_FIELDS",
    "PLOVER_REQUIRED",
    "PLOVER_TEXT_INFO_FIELDS",
    "POLECAT_COLUMNS",
    "QUAD_NAMES",
]
