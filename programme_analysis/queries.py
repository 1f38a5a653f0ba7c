"""Read-only queries on the programme database's public views. Each returns a DataFrame.

Every query opens its own short read-only connection (DuckDB connections are not
shared between Streamlit sessions) and takes user choices only as bound parameters.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from loaders.build import DATA_DIR, build, build_lock, default_database, is_stale
from loaders.errors import SourceError
from loaders.publish.export_parquet import connect as parquet_connect

from . import database_files
from .colours import distinct_colours
from .database_files import DatabaseUnavailable
from .money_views import Reference, Residents

BUILD_WAIT_SECONDS = 300  # how long the app waits for another process's build before saying so


def ensure_database(database: Path | None = None, progress: bool = False, data_dir: Path | None = None) -> Path:
    """Return the database's path, building it first when it is missing, out of date or unreadable.

    A database the app did not build from ``data_dir`` (see ``database_files.origin``) is only read.
    Builds hold ``loaders.build.build_lock``: a second process waits, then finds the database
    built and does not build it again. Raises :class:`DatabaseUnavailable` with the reason.
    """
    database = database or default_database()
    data_dir = data_dir or DATA_DIR
    default = DATA_DIR / "programmes.duckdb"
    if not _needs_build(database, data_dir, default):
        return database
    missing = database_files.missing_sources(data_dir)
    if missing:
        raise DatabaseUnavailable("sources_missing", ", ".join(missing))
    try:
        with build_lock(database).acquire(timeout=BUILD_WAIT_SECONDS):
            if not _needs_build(database, data_dir, default):  # another process built it while this one waited
                return database
            report = build(database, data_dir=data_dir, progress=progress)
    except SourceError as exc:
        raise DatabaseUnavailable("sources_unreadable", str(exc)) from exc
    except TimeoutError as exc:
        raise DatabaseUnavailable("build_busy", str(database)) from exc
    if not report.ok:
        raise DatabaseUnavailable("build_failed", "; ".join(report.failures))
    return database


def _needs_build(database: Path, data_dir: Path, default: Path) -> bool:
    state = database_files.origin(database, data_dir, default)
    return state in ("missing", "unreadable") or (state == "ours" and is_stale(database, data_dir))


def read_sql(database: Path, sql: str, params: list | None = None) -> pd.DataFrame:
    """One short read-only connection per query: a rebuild can swap the file in at any moment.

    A file that went missing or cannot be read (deleted, truncated, overwritten) raises
    :class:`DatabaseUnavailable`; a wrong query still raises DuckDB's own error.
    """
    try:
        con = parquet_connect(database) if database.is_dir() else duckdb.connect(str(database), read_only=True)
    except duckdb.Error as exc:
        raise DatabaseUnavailable("unreadable", str(database)) from exc
    with con:
        try:
            return con.execute(sql, params or []).df()
        except (duckdb.IOException, duckdb.InternalException, duckdb.SerializationException) as exc:
            raise DatabaseUnavailable("unreadable", str(database)) from exc


def communities(database: Path) -> pd.DataFrame:
    return read_sql(database, "SELECT * FROM communities ORDER BY name_en, community_id")


def _shown_together(frame: pd.DataFrame, database: Path, community_ids: list[str]) -> pd.DataFrame:
    """``frame`` with the colours of ``community_ids`` told apart (``colours.distinct_colours``): the same for the
    same choice on every page and slide, whichever of them has rows in ``frame``."""
    stored = read_sql(
        database, "SELECT community_id, colour FROM communities WHERE list_contains(?, community_id)", [community_ids]
    )
    given = distinct_colours(community_ids, dict(zip(stored["community_id"], stored["colour"], strict=True)))
    return frame.assign(colour=frame["community_id"].map(given))


def programmes(database: Path) -> pd.DataFrame:
    """One row per programme with the figures of its overview card."""
    return read_sql(
        database,
        """
        SELECT p.*, c.name_uk, c.name_en, c.colour,
            (SELECT SUM(planned_total_thousand_uah) FROM programme_years y WHERE y.programme_id = p.programme_id) AS planned_total_thousand_uah,
            (SELECT COUNT(*) FROM measures m WHERE m.programme_id = p.programme_id) AS measure_count,
            (SELECT COUNT(*) FROM partners r WHERE r.programme_id = p.programme_id) AS partner_count,
            (SELECT string_agg(DISTINCT status, ',') FROM programme_years y WHERE y.programme_id = p.programme_id) AS year_statuses
        FROM programmes p JOIN communities c USING (community_id)
        ORDER BY c.name_en, p.community_id, p.year_from
        """,
    )


def programme_years(database: Path, community_ids: list[str]) -> pd.DataFrame:
    """Planned totals per community and year; a year without any amount keeps a NULL total."""
    return read_sql(
        database,
        """
        SELECT y.*, c.name_uk, c.name_en, c.colour, p.year_from, p.year_to
        FROM programme_years y JOIN communities c USING (community_id) JOIN programmes p USING (programme_id)
        WHERE list_contains(?, y.community_id)
        ORDER BY y.community_id, p.year_from, y.year
        """,
        [community_ids],
    ).pipe(_shown_together, database, community_ids)


def spending(database: Path, community_ids: list[str], years: list[int]) -> pd.DataFrame:
    """Every measure and year, with category names in both languages."""
    return read_sql(
        database,
        """
        SELECT s.*, c.name_uk AS community_uk, c.name_en AS community_en, c.colour,
            k.name_uk AS category_uk, k.name_en AS category_en, k.colour AS category_colour, p.year_from, p.year_to
        FROM spending s
        JOIN communities c USING (community_id)
        JOIN categories k USING (category_id)
        JOIN programmes p USING (programme_id)
        WHERE list_contains(?, s.community_id) AND list_contains(?, s.year)
        ORDER BY s.community_id, p.year_from, s.sort_order, s.year
        """,
        [community_ids, years],
    ).pipe(_shown_together, database, community_ids)


def search_measures(
    database: Path, community_ids: list[str], years: list[int], category_ids: list[str], statuses: list[str], words: str
) -> pd.DataFrame:
    """Measures whose title or section contains ``words`` (case-insensitive), as a bound parameter."""
    return read_sql(
        database,
        """
        SELECT s.community_id, s.programme_id, c.name_uk AS community_uk, c.name_en AS community_en, s.year, s.measure_code, s.measure_title,
            s.section, s.category_id, k.name_uk AS category_uk, k.name_en AS category_en,
            s.amount_thousand_uah, s.amount_status, s.amount_text, s.source_file, s.source_line, l.text AS source_text,
            (SELECT string_agg(i.message, ' | ' ORDER BY i.issue_id) FROM data_issues i
             WHERE i.source_file = s.source_file AND i.source_line = s.source_line) AS data_issues,
            (SELECT string_agg(i.kind, ',' ORDER BY i.issue_id) FROM data_issues i
             WHERE i.source_file = s.source_file AND i.source_line = s.source_line) AS data_issue_kinds
        FROM spending s
        JOIN communities c USING (community_id)
        JOIN categories k USING (category_id)
        JOIN source_lines l ON l.source_file = s.source_file AND l.source_line = s.source_line
        WHERE list_contains(?, s.community_id) AND list_contains(?, s.year)
          AND list_contains(?, s.category_id) AND list_contains(?, s.amount_status)
          AND (? = '' OR contains(lower(s.measure_title), lower(?)) OR contains(lower(COALESCE(s.section, '')), lower(?))
               OR contains(lower(k.name_uk), lower(?)) OR contains(lower(k.name_en), lower(?)))
        ORDER BY s.community_id, s.sort_order, s.year
        """,
        [community_ids, years, category_ids, statuses, words, words, words, words, words],
    )


def categories(database: Path) -> pd.DataFrame:
    return read_sql(database, "SELECT * FROM categories ORDER BY sort_order")


def partners(database: Path, community_ids: list[str]) -> pd.DataFrame:
    return read_sql(
        database,
        """
        SELECT r.*, c.name_uk AS community_uk, c.name_en AS community_en, c.colour,
            c.latitude AS community_latitude, c.longitude AS community_longitude
        FROM partners r JOIN communities c USING (community_id)
        WHERE list_contains(?, r.community_id)
        ORDER BY r.community_id, r.agreement_date NULLS LAST, r.partner_name_uk
        """,
        [community_ids],
    ).pipe(_shown_together, database, community_ids)


def partner_spending(database: Path, community_ids: list[str]) -> pd.DataFrame:
    return read_sql(
        database,
        """
        SELECT s.*, c.name_uk AS community_uk, c.name_en AS community_en
        FROM partner_spending s JOIN communities c USING (community_id)
        WHERE list_contains(?, s.community_id)
        ORDER BY s.source_line
        """,
        [community_ids],
    )


def twinning_measures(database: Path, community_ids: list[str], years: list[int]) -> pd.DataFrame:
    """Measures that serve sister-city relations in general (category twinning_exchanges)."""
    return read_sql(
        database,
        """
        SELECT community_id, measure_code, measure_title, year, amount_thousand_uah, amount_status, source_file, source_line
        FROM spending
        WHERE category_id = 'twinning_exchanges' AND list_contains(?, community_id) AND list_contains(?, year)
        ORDER BY community_id, sort_order, year
        """,
        [community_ids, years],
    )


def data_issues(database: Path) -> pd.DataFrame:
    return read_sql(
        database,
        """
        SELECT i.*, l.text AS source_text
        FROM data_issues i LEFT JOIN source_lines l USING (source_file, source_line)
        ORDER BY i.community_id, CASE i.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, i.source_line
        """,
    )


def reconciliation(database: Path) -> pd.DataFrame:
    return read_sql(database, "SELECT * FROM reconciliation ORDER BY community_id, scope DESC, year, section_code")


def available_years(database: Path) -> list[int]:
    return read_sql(database, "SELECT DISTINCT year FROM programme_years ORDER BY year")["year"].tolist()


def reference(database: Path) -> Reference:
    """Price factors (``price_factors`` view), populations with their sources, and the territory each programme is for."""
    factors = read_sql(database, "SELECT year, factor_to_base_year, base_year FROM price_factors")
    people = read_sql(database, "SELECT community_id, entity, population, reference_date, source_url FROM population")
    register = read_sql(
        database,
        "SELECT c.community_id, r.population, r.source FROM communities c JOIN community_register r USING (katottg)",
    )
    adopted = read_sql(database, "SELECT community_id, adopted_for FROM programmes")
    residents = {}
    for r in people.itertuples():
        basis = "city" if r.entity == "city" else "community_cited"
        residents[(r.community_id, basis)] = Residents(
            _count(r.population), r.entity, _text(r.reference_date), "cited", _text(r.source_url)
        )
    for r in register.itertuples():
        residents[(r.community_id, "community")] = Residents(
            _count(r.population), "community", None, "register", credit=r.source
        )
    return Reference(
        factors=dict(zip(factors["year"].astype(int), factors["factor_to_base_year"].astype(float), strict=True)),
        base_year=int(factors["base_year"].max()) if not factors.empty else None,
        residents=residents,
        adopted_for=dict(zip(adopted["community_id"], adopted["adopted_for"], strict=True)),
    )


def _count(value) -> int | None:
    return None if pd.isna(value) else int(value)


def _text(value) -> str | None:
    return None if pd.isna(value) else str(value)


def population(database: Path) -> pd.DataFrame:
    """Every population figure: those cited in population.csv and the register's, with the territory each programme is for."""
    return read_sql(
        database,
        """
        SELECT p.community_id, c.name_uk AS community_uk, c.name_en AS community_en, p.entity, 'cited' AS figure_source, p.population,
            p.reference_date, p.source_url, p.note AS credit, g.adopted_for
        FROM population p JOIN communities c USING (community_id) LEFT JOIN programmes g USING (community_id)
        UNION ALL
        SELECT c.community_id, c.name_uk, c.name_en, 'community', 'register', r.population, NULL, NULL, r.source, g.adopted_for
        FROM communities c JOIN community_register r USING (katottg) LEFT JOIN programmes g USING (community_id)
        ORDER BY community_en, community_id, entity, figure_source DESC
        """,
    )


def price_index(database: Path) -> pd.DataFrame:
    """The CPI table with each year's factor to base-year prices."""
    return read_sql(
        database,
        "SELECT f.year, c.cpi_dec_over_dec_pct, f.factor_to_base_year, f.base_year, c.source_url FROM price_factors f LEFT JOIN cpi c USING (year) ORDER BY year",
    )


def stated_year_totals(database: Path, community_ids: list[str], years: list[int]) -> pd.DataFrame:
    """Each yearly total as the document prints it, with its source line."""
    return read_sql(
        database,
        """
        SELECT p.community_id, p.programme_id, t.year, t.stated_total_thousand_uah, t.total_text, p.source_file, t.source_line, l.text AS source_text
        FROM stated_totals t
        JOIN programmes p USING (programme_id)
        JOIN source_lines l ON l.source_file = p.source_file AND l.source_line = t.source_line
        WHERE t.scope = 'year' AND list_contains(?, p.community_id) AND list_contains(?, t.year)
        ORDER BY p.community_id, t.year
        """,
        [community_ids, years],
    )


def line_pictures(database: Path, source_files: list[str], source_lines: list[int]) -> pd.DataFrame:
    """The crops of the scanned pages that lines of ``source_files`` were read from by OCR (``line_pictures``), for the
    lines among ``source_lines``; the caller keeps the (file, line) pairs it shows."""
    return read_sql(
        database,
        """
        SELECT p.source_file, p.source_line, p.page, p.png, l.locator
        FROM line_pictures p JOIN source_lines l USING (source_file, source_line)
        WHERE list_contains(?, p.source_file) AND list_contains(?, p.source_line)
        ORDER BY p.source_file, p.source_line
        """,
        [source_files, source_lines],
    )


def source_locators(database: Path) -> dict[int, str]:
    """Where each line of a database's single source file is in the original ("table 2, row 5")."""
    frame = read_sql(database, "SELECT source_line, locator FROM source_lines")
    return dict(zip(frame["source_line"], frame["locator"], strict=True))


def partner_register(database: Path, community_ids: list[str]) -> pd.DataFrame:
    """Each programme's partners beside the partnership map's (view ``partner_register``), with the
    community, the programme's years and the money the programme ties to the relationship."""
    return read_sql(
        database,
        """
        SELECT r.*, c.name_uk AS community_uk, c.name_en AS community_en,
            c.latitude AS community_latitude, c.longitude AS community_longitude,
            p.year_from, p.year_to,
            (SELECT SUM(d.amount_thousand_uah) FROM destination_spending d WHERE d.partner_id = r.partner_id) AS tied_thousand_uah
        FROM partner_register r JOIN communities c USING (community_id)
        LEFT JOIN programmes p USING (programme_id)
        WHERE list_contains(?, r.community_id)
        ORDER BY r.community_id, r.register_status = 'register_only', r.partner_id, r.map_partner_order
        """,
        [community_ids],
    )


def partnership_map(database: Path) -> pd.DataFrame:
    """The Ministry's partnership map, one row per partner, with the loaded community each row belongs to (if any)."""
    return read_sql(
        database,
        """
        SELECT m.*, c.community_id
        FROM partnership_map m LEFT JOIN communities c ON c.katottg IN (m.katottg, m.register_katottg)
        ORDER BY m.map_row
        """,
    )


# National comparison (pages/peer_comparison.py): the register of every community and one row per loaded one.


def community_register(database: Path) -> pd.DataFrame:
    """Every territorial community in the register, with the loaded community that links to it (if any)."""
    return read_sql(
        database,
        """
        SELECT r.katottg, r.name_uk, r.oblast_uk, r.rayon_uk, r.type_uk, r.population, r.source,
            c.community_id
        FROM community_register r LEFT JOIN communities c USING (katottg)
        ORDER BY r.name_uk, r.oblast_uk, r.katottg
        """,
    )


def map_programmes(database: Path) -> pd.DataFrame:
    """Which loaded communities are on the partnership map and how many partners it lists for them."""
    return read_sql(
        database,
        """
        SELECT c.community_id, c.name_uk, c.name_en, c.katottg,
            (SELECT COUNT(*) FROM partnership_map m WHERE c.katottg IN (m.katottg, m.register_katottg)) AS map_partners,
            (SELECT COUNT(*) FROM partners r WHERE r.community_id = c.community_id) AS programme_partners
        FROM communities c
        ORDER BY c.name_en
        """,
    )


def community_programme_totals(database: Path) -> pd.DataFrame:
    """One row per loaded community: its register row, its programme years and planned total, and its partners."""
    return read_sql(
        database,
        """
        WITH years AS (
            SELECT community_id, year, SUM(planned_total_thousand_uah) AS planned_thousand_uah
            FROM programme_years GROUP BY community_id, year
        ),
        totals AS (
            SELECT community_id, COUNT(*) AS programme_years, COUNT(planned_thousand_uah) AS years_with_amount,
                SUM(planned_thousand_uah) AS planned_total_thousand_uah, MIN(year) AS year_from, MAX(year) AS year_to
            FROM years GROUP BY community_id
        ),
        partner_counts AS (SELECT community_id, COUNT(*) AS partner_count FROM partners GROUP BY community_id)
        SELECT c.community_id, c.name_uk, c.name_en, c.colour, c.latitude, c.longitude, c.katottg,
            r.name_uk AS register_name_uk, r.oblast_uk AS register_oblast_uk, r.type_uk, r.population AS register_population,
            t.programme_years, t.years_with_amount, t.planned_total_thousand_uah, t.year_from, t.year_to,
            COALESCE(p.partner_count, 0) AS partner_count
        FROM communities c
        LEFT JOIN community_register r USING (katottg)
        LEFT JOIN totals t USING (community_id)
        LEFT JOIN partner_counts p USING (community_id)
        ORDER BY c.community_id
        """,
    )


def community_category_totals(database: Path) -> pd.DataFrame:
    """Planned money per loaded community and category, over all its programme years (stated amounts only)."""
    return read_sql(
        database,
        """
        SELECT s.community_id, s.category_id, k.name_uk AS category_uk, k.name_en AS category_en, k.sort_order,
            SUM(s.amount_thousand_uah) AS planned_thousand_uah
        FROM spending s JOIN categories k USING (category_id)
        WHERE s.amount_status = 'stated'
        GROUP BY ALL
        ORDER BY s.community_id, k.sort_order
        """,
    )


def build_info(database: Path) -> dict[str, str]:
    """The ``build_info`` table as a dict (e.g. ``synthetic`` = ``true`` for generated test data)."""
    frame = read_sql(database, "SELECT key, value FROM build_info")
    return dict(zip(frame["key"], frame["value"], strict=True))
