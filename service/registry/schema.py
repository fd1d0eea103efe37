"""The registry's schema as an ordered list of migrations, recorded in the database.

sqlite-utils 4 ships ``Migrations`` (the applied names live in
``_sqlite_migrations``), so opening an older database applies only what it
lacks, each step in its own transaction. Never edit a migration that has
shipped: add a new one, so every database in the field walks the same path.

Declaration order is application order, and a migration's name is its identity
in every database, so names are never changed. ``0003_list_indexes`` was once
declared after ``0100_evaluations``; it is now declared before it. Moving a
declaration is safe where renaming is not: sqlite-utils applies, in list order,
the names a database lacks, and the two touch different tables. Migrations are
frozen SQL and never call live code (which changes); data derived by live code
(0002's dedup index for agreements filed before it) is rebuilt by the opener.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("kerjasama_registry")


@MIGRATIONS(name="0001_core")
def _core(db: Database) -> None:
    """Files, agreements and everything hanging off them (the first released schema)."""
    db.executescript(
        """
        CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            version INTEGER NOT NULL DEFAULT 1,
            status TEXT NOT NULL DEFAULT 'needs_review',
            merged_into INTEGER REFERENCES agreements(id),
            doc_type TEXT,
            title TEXT,
            signing_date TEXT,
            signing_year INTEGER,
            end_date TEXT,
            min_confidence REAL,
            parent_norm TEXT,
            current TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX agreements_status ON agreements(status, min_confidence);
        CREATE INDEX agreements_year ON agreements(signing_year);
        CREATE INDEX agreements_end ON agreements(end_date);
        CREATE INDEX agreements_parent ON agreements(parent_norm);

        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            name TEXT NOT NULL,
            mime TEXT NOT NULL,
            size INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            ocr_pages INTEGER NOT NULL,
            path TEXT NOT NULL,
            source TEXT NOT NULL,
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE INDEX files_agreement ON files(agreement_id);

        CREATE TABLE pages (
            sha256 TEXT NOT NULL REFERENCES files(sha256),
            number INTEGER NOT NULL,
            method TEXT NOT NULL,
            text TEXT NOT NULL,
            ocr_confidence REAL,
            rotation INTEGER NOT NULL DEFAULT 0,
            skew REAL NOT NULL DEFAULT 0,
            seconds REAL NOT NULL DEFAULT 0,
            error TEXT,
            PRIMARY KEY (sha256, number)
        );

        CREATE TABLE extractions (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            sha256 TEXT NOT NULL REFERENCES files(sha256),
            extractor_version TEXT NOT NULL,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX extractions_agreement ON extractions(agreement_id, id);

        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            reason TEXT NOT NULL,
            user TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX corrections_agreement ON corrections(agreement_id, field, id);
        CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
            BEGIN SELECT RAISE(ABORT, 'corrections are an audit trail: never rewritten'); END;
        CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
            BEGIN SELECT RAISE(ABORT, 'corrections are an audit trail: never deleted'); END;

        CREATE TABLE parties (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            position INTEGER NOT NULL,
            role TEXT,
            institution TEXT,
            kind TEXT,
            region_code TEXT,
            region_name TEXT,
            PRIMARY KEY (agreement_id, position)
        );
        CREATE INDEX parties_region ON parties(region_code);

        CREATE TABLE numbers (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            number TEXT NOT NULL,
            norm TEXT NOT NULL,
            PRIMARY KEY (agreement_id, norm)
        );
        CREATE INDEX numbers_norm ON numbers(norm);

        CREATE TABLE links (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            from_agreement INTEGER NOT NULL REFERENCES agreements(id),
            to_agreement INTEGER NOT NULL REFERENCES agreements(id),
            score REAL,
            reasons TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            resolved_by TEXT,
            resolved_at TEXT,
            UNIQUE (kind, from_agreement, to_agreement)
        );
        CREATE INDEX links_to ON links(to_agreement);

        CREATE TABLE failures (
            sha256 TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            error_code TEXT NOT NULL,
            message TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            at TEXT NOT NULL
        );

        CREATE TABLE search (
            agreement_id INTEGER PRIMARY KEY REFERENCES agreements(id),
            title TEXT,
            parties TEXT,
            scope TEXT,
            text TEXT
        );
        """
    )
    db.table("search").enable_fts(
        ["title", "parties", "scope", "text"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )


@MIGRATIONS(name="0002_dedup_blocking")
def _dedup_blocking(db: Database) -> None:
    """Blocking keys and a text fingerprint per agreement, so the near-duplicate
    check reads a handful of candidates instead of every agreement, and the
    numbers each agreement cites (its parent), read out of the citation phrase.
    Existing agreements get both computed here, so an upgraded registry dedups
    and links against what it already holds."""
    db.executescript(
        """
        CREATE TABLE blocking_keys (
            key TEXT NOT NULL,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            PRIMARY KEY (key, agreement_id)
        ) WITHOUT ROWID;
        CREATE INDEX blocking_keys_agreement ON blocking_keys(agreement_id);
        CREATE TABLE citations (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            norm TEXT NOT NULL,
            PRIMARY KEY (agreement_id, norm)
        ) WITHOUT ROWID;
        CREATE INDEX citations_norm ON citations(norm);
        ALTER TABLE agreements ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
        """
    )
    # The rows of existing agreements are filled by ``connection.RegistryConnection``
    # right after this migration is applied (``derive.rebuild_dedup_index``): a
    # migration is frozen SQL, the derived index is computed by the live code.


@MIGRATIONS(name="0003_list_indexes")
def _list_indexes(db: Database) -> None:
    """Indexes that answer the list/search filters and sorts without reading the
    wide agreement rows (``service.registry.queries``): a region and the codes
    under it as one range over (region_code, agreement_id); a status with its
    rows in id order (a status filter paged deep); every id with its status, so
    the default list (all but merged, newest first) skips its offset in the
    index; the review queue's order (lowest confidence first) as an expression
    index. The new region index covers every lookup the old one served, so that
    one goes."""
    db.executescript(
        """
        CREATE INDEX parties_region_agreement ON parties(region_code, agreement_id);
        DROP INDEX parties_region;
        CREATE INDEX agreements_status_id ON agreements(status, id);
        CREATE INDEX agreements_id_status ON agreements(id, status);
        CREATE INDEX agreements_queue ON agreements(status, COALESCE(min_confidence, -1), id);
        """
    )


@MIGRATIONS(name="0100_evaluations")
def _evaluations(db: Database) -> None:
    """Monev evaluations (``service.reports.evaluations``): one row per evaluation of
    one agreement for one fiscal year, a score and note per criterion beside it.
    An evaluation is a record of what a reviewer judged, so it is never rewritten:
    a new judgement is a new row, and the latest per agreement and year is current."""
    db.executescript(
        """
        CREATE TABLE evaluations (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            fiscal_year INTEGER NOT NULL,
            evaluator TEXT NOT NULL,
            summary TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX evaluations_agreement ON evaluations(agreement_id, fiscal_year, id);
        CREATE INDEX evaluations_year ON evaluations(fiscal_year, agreement_id, id);
        CREATE TABLE evaluation_scores (
            evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
            criterion TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (evaluation_id, criterion)
        ) WITHOUT ROWID;
        CREATE TRIGGER evaluations_no_update BEFORE UPDATE ON evaluations
            BEGIN SELECT RAISE(ABORT, 'evaluations are a record: never rewritten'); END;
        CREATE TRIGGER evaluations_no_delete BEFORE DELETE ON evaluations
            BEGIN SELECT RAISE(ABORT, 'evaluations are a record: never deleted'); END;
        CREATE TRIGGER evaluation_scores_no_update BEFORE UPDATE ON evaluation_scores
            BEGIN SELECT RAISE(ABORT, 'evaluations are a record: never rewritten'); END;
        CREATE TRIGGER evaluation_scores_no_delete BEFORE DELETE ON evaluation_scores
            BEGIN SELECT RAISE(ABORT, 'evaluations are a record: never deleted'); END;
        """
    )


@MIGRATIONS(name="0500_monev_bodies")
def _monev_bodies(db: Database) -> None:
    """Monev records beside the agreements (``service.reports``): each reporting
    body's yearly report as a trail of actions (drafted, submitted, accepted,
    returned with a note), never rewritten; the good-practice flag and evidence
    files of an evaluation; and each agreement's success indicators (promised
    outputs and what was achieved), kept as versions so an edit never loses
    what was there."""
    db.executescript(
        """
        CREATE TABLE report_actions (
            id INTEGER PRIMARY KEY,
            body_code TEXT NOT NULL,
            fiscal_year INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('draft', 'submit', 'accept', 'return')),
            user TEXT NOT NULL,
            note TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX report_actions_body ON report_actions(fiscal_year, body_code, id);
        CREATE TRIGGER report_actions_no_update BEFORE UPDATE ON report_actions
            BEGIN SELECT RAISE(ABORT, 'report actions are a record: never rewritten'); END;
        CREATE TRIGGER report_actions_no_delete BEFORE DELETE ON report_actions
            BEGIN SELECT RAISE(ABORT, 'report actions are a record: never deleted'); END;

        CREATE TABLE evaluation_flags (
            evaluation_id INTEGER PRIMARY KEY REFERENCES evaluations(id),
            good_practice INTEGER NOT NULL DEFAULT 0,
            story TEXT
        );
        CREATE TABLE evaluation_evidence (
            id INTEGER PRIMARY KEY,
            evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
            criterion TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            name TEXT NOT NULL,
            mime TEXT NOT NULL,
            size INTEGER NOT NULL,
            path TEXT NOT NULL
        );
        CREATE INDEX evaluation_evidence_evaluation ON evaluation_evidence(evaluation_id);
        CREATE TRIGGER evaluation_flags_no_update BEFORE UPDATE ON evaluation_flags
            BEGIN SELECT RAISE(ABORT, 'evaluations are a record: never rewritten'); END;
        CREATE TRIGGER evaluation_evidence_no_update BEFORE UPDATE ON evaluation_evidence
            BEGIN SELECT RAISE(ABORT, 'evaluations are a record: never rewritten'); END;

        CREATE TABLE indicators (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            version INTEGER NOT NULL,
            position INTEGER NOT NULL,
            output TEXT NOT NULL,
            target TEXT,
            achieved TEXT,
            source TEXT NOT NULL,
            user TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (agreement_id, version, position)
        );
        CREATE INDEX indicators_agreement ON indicators(agreement_id, version);
        """
    )


@MIGRATIONS(name="0400_learned_aliases")
def _learned_aliases(db: Database) -> None:
    """What reviewers taught: a misread institution, signatory or jabatan and its correction,
    applied to later extractions when they are filed."""
    db.executescript(
        """
        CREATE TABLE learned_aliases (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            wrong TEXT NOT NULL,
            right TEXT NOT NULL,
            correction_id INTEGER NOT NULL REFERENCES corrections(id),
            confidence REAL NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (key, wrong)
        );
        """
    )


@MIGRATIONS(name="0401_search_replaced")
def _search_replaced(db: Database) -> None:
    """The words reviewers replaced, per agreement (rowid = agreement id), so a query
    naming a corrected-away value does not find the agreement through its page text
    (``service.registry.search_index``). Filled, with the field columns of ``search``
    (which now hold every current value), by the opener right after this migration."""
    db.executescript(
        """
        CREATE VIRTUAL TABLE search_replaced USING fts5(
            words, tokenize = 'unicode61 remove_diacritics 2'
        );
        """
    )


@MIGRATIONS(name="0700_jobs")
def _jobs(db: Database) -> None:
    """The one job store: every upload on its way into the registry, with its lease.

    Until now a job lived in three places (huey's queue, ``service.db`` and the
    registry's failures). Here the row is the record the API shows and, on the
    SQLite backend, the queue itself: a worker claims a row (``lease_owner``,
    ``lease_expires_at``), renews the lease while it reads, and hands back a
    result (``result_ref``); a lapsed lease is claimed again until
    ``attempts`` run out. On Redis the stream's pending list holds the lease and
    the row mirrors it. ``jobs_one_in_flight`` keeps "one queued or running job
    per sha256" a single atomic insert (as ``service.db``'s 0202 did); the rows
    of ``service.db`` are moved here by ``service.jobs.adopt``."""
    db.executescript(
        """
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            mime TEXT NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('queued', 'running', 'done', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            user TEXT NOT NULL,
            created_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT,
            outcome TEXT,
            agreement_id INTEGER,
            duplicate_of INTEGER,
            error TEXT,
            message TEXT,
            queue_ref TEXT,
            lease_owner TEXT,
            lease_expires_at REAL,
            heartbeat_at REAL,
            result_ref TEXT
        );
        CREATE INDEX jobs_status ON jobs(status, created_at);
        CREATE INDEX jobs_sha ON jobs(sha256);
        CREATE INDEX jobs_user ON jobs(user, created_at);
        CREATE UNIQUE INDEX jobs_one_in_flight ON jobs(sha256)
            WHERE status IN ('queued', 'running');
        """
    )
