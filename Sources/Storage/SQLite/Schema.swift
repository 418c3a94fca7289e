/// The numbered migrations, oldest first.
enum Schema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "grievances and their events", sql: """
            CREATE TABLE grievances (
                id                INTEGER PRIMARY KEY,
                tracking_code     TEXT NOT NULL UNIQUE,
                kind              TEXT NOT NULL CHECK (kind IN ('phan-anh','kien-nghi','khieu-nai','to-cao','y-kien')),
                channel           TEXT NOT NULL,
                status            TEXT NOT NULL,
                text              TEXT NOT NULL,
                submitter_name    TEXT,
                submitter_address TEXT,
                submitter_phone   TEXT,
                submitter_email   TEXT,
                confidential      INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
                received_at       TEXT NOT NULL,
                province_code     TEXT,
                commune_code      TEXT,
                residential       TEXT,
                topic             TEXT,
                lead_unit         TEXT,
                authority         TEXT,
                due_accept        TEXT,
                due_resolve       TEXT,
                due_authority     TEXT,
                paused_since      TEXT,
                paused_days       INTEGER NOT NULL DEFAULT 0,
                merged_into       TEXT,
                updated_at        TEXT NOT NULL
            );
            CREATE TABLE grievance_coordinating_units (
                grievance_id INTEGER NOT NULL REFERENCES grievances(id) ON DELETE CASCADE,
                unit         TEXT NOT NULL,
                PRIMARY KEY (grievance_id, unit)
            ) WITHOUT ROWID;
            CREATE TABLE grievance_events (
                id           INTEGER PRIMARY KEY,
                grievance_id INTEGER NOT NULL REFERENCES grievances(id),
                sequence     INTEGER NOT NULL,
                at           TEXT NOT NULL,
                type         TEXT NOT NULL,
                from_status  TEXT,
                to_status    TEXT,
                actor        TEXT,
                reason       TEXT,
                details      TEXT NOT NULL DEFAULT '{}',
                UNIQUE (grievance_id, sequence)
            );
            -- The history is evidence: the database itself refuses to change or erase it.
            CREATE TRIGGER grievance_events_append_only_update BEFORE UPDATE ON grievance_events
            BEGIN SELECT RAISE(ABORT, 'grievance events are append-only'); END;
            CREATE TRIGGER grievance_events_append_only_delete BEFORE DELETE ON grievance_events
            BEGIN SELECT RAISE(ABORT, 'grievance events are append-only'); END;
            """),
        Migration(version: 2, name: "indexes for status lists, unit inboxes and overdue queries", sql: """
            CREATE INDEX grievances_by_status ON grievances(status, due_resolve);
            CREATE INDEX grievances_by_lead_unit ON grievances(lead_unit, status);
            CREATE INDEX grievance_coordinating_units_by_unit ON grievance_coordinating_units(unit);
            CREATE INDEX grievances_by_received ON grievances(received_at);
            """),
        Migration(version: 3, name: "staff corrections of topic and kind, to retrain the classifier", sql: """
            CREATE TABLE classification_corrections (
                id           INTEGER PRIMARY KEY,
                grievance_id INTEGER NOT NULL REFERENCES grievances(id),
                text         TEXT NOT NULL,
                old_topic    TEXT,
                new_topic    TEXT,
                old_kind     TEXT NOT NULL,
                new_kind     TEXT NOT NULL,
                at           TEXT NOT NULL,
                actor        TEXT
            );
            """),
        Migration(version: 4, name: "which rule placed a grievance, under which rules version and deadline policy", sql: """
            ALTER TABLE grievances ADD COLUMN rule_id TEXT;
            ALTER TABLE grievances ADD COLUMN rules_version TEXT;
            ALTER TABLE grievances ADD COLUMN deadline_policy TEXT;
            """),
        Migration(version: 5, name: "imports: what was taken in (idempotency), quarantine, attachments", sql: """
            -- One row per record taken in: importing the same row or message again finds its key here.
            -- Keys: 'mid:<Message-ID>', 'row:<sha256>', 'mail:<sha256>'.
            CREATE TABLE intake_keys (
                key          TEXT PRIMARY KEY,
                grievance_id INTEGER NOT NULL REFERENCES grievances(id),
                source       TEXT NOT NULL,
                at           TEXT NOT NULL
            ) WITHOUT ROWID;
            -- Records that could not be taken in, kept whole with where they were and why.
            CREATE TABLE quarantine (
                id     INTEGER PRIMARY KEY,
                key    TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL,
                reason TEXT NOT NULL,
                raw    BLOB NOT NULL,
                at     TEXT NOT NULL
            );
            CREATE TABLE attachments (
                id             INTEGER PRIMARY KEY,
                grievance_id   INTEGER NOT NULL REFERENCES grievances(id),
                event_sequence INTEGER NOT NULL,
                name           TEXT,
                type           TEXT NOT NULL,
                size           INTEGER NOT NULL,
                sha256         TEXT NOT NULL,
                content        BLOB NOT NULL
            );
            CREATE INDEX attachments_by_grievance ON attachments(grievance_id);
            """),
            Migration(version: 6, name: "the kind check as comparisons: its IN list made SQLite build a temporary table on every insert",
                  sql: "", apply: KindCheckRewrite.apply),
        Migration(version: 7, name: "intake keys as 16-byte hashes, without the source and time the received event has", sql: """
            ALTER TABLE intake_keys RENAME TO intake_keys_v5;
            -- key: the first 16 bytes of the SHA-256 of 'mid:<Message-ID>', 'row:<sha256>' or 'mail:<sha256>'.
            CREATE TABLE intake_keys (
                key          BLOB PRIMARY KEY,
                grievance_id INTEGER NOT NULL REFERENCES grievances(id)
            ) WITHOUT ROWID;
            """, apply: IntakeKeyCompaction.apply),
        Migration(version: 8, name: "quarantine: what it takes to read a record again (quarantine retry)", sql: """
            -- format: 'csv' or 'mail'; a sheet row's header row (UTF-8), delimiter (a byte) and date
            -- order ('day-first' or 'month-first'). NULL for records quarantined before.
            ALTER TABLE quarantine ADD COLUMN format TEXT;
            ALTER TABLE quarantine ADD COLUMN header BLOB;
            ALTER TABLE quarantine ADD COLUMN delimiter INTEGER;
            ALTER TABLE quarantine ADD COLUMN date_order TEXT;
            """),
        Migration(version: 9, name: "accounts, the audit log, grants to see a denouncer's identity, the registering office", sql: """
            CREATE TABLE users (
                id                   INTEGER PRIMARY KEY,
                login                TEXT NOT NULL UNIQUE,
                name                 TEXT,
                role                 TEXT NOT NULL CHECK (role IN ('registrar', 'member', 'head', 'supervisor', 'admin')),
                unit                 TEXT,
                password_hash        TEXT NOT NULL,
                must_change_password INTEGER NOT NULL DEFAULT 0,
                disabled             INTEGER NOT NULL DEFAULT 0,
                created_at           TEXT NOT NULL,
                updated_at           TEXT NOT NULL
            );
            -- Who did what to which grievance or account; written in the transaction of what it records.
            CREATE TABLE audit_log (
                id            INTEGER PRIMARY KEY,
                at            TEXT NOT NULL,
                login         TEXT NOT NULL,
                action        TEXT NOT NULL,
                tracking_code TEXT,
                subject       TEXT,
                detail        TEXT
            );
            CREATE INDEX audit_log_by_login ON audit_log(login, id);
            CREATE INDEX audit_log_by_code ON audit_log(tracking_code, id);
            -- An admin's grant to one user to see one grievance's protected identity, with the reason.
            CREATE TABLE identity_grants (
                id           INTEGER PRIMARY KEY,
                grievance_id INTEGER NOT NULL REFERENCES grievances(id) ON DELETE CASCADE,
                login        TEXT NOT NULL,
                reason       TEXT NOT NULL,
                granted_by   TEXT NOT NULL,
                granted_at   TEXT NOT NULL,
                UNIQUE (grievance_id, login)
            );
            -- The office that registered it: what a registrar sees.
            ALTER TABLE grievances ADD COLUMN office TEXT;
            CREATE INDEX grievances_by_office ON grievances(office, received_at);
            """),
        Migration(version: 10, name: "failed logins, to throttle guessing per account and per address", sql: """
            -- key: 'login:NAME' or 'address:IP'; one row per failed attempt, kept for the window.
            CREATE TABLE login_failures (
                id  INTEGER PRIMARY KEY,
                key TEXT NOT NULL,
                at  TEXT NOT NULL
            );
            CREATE INDEX login_failures_by_key ON login_failures(key, at);
            """),
        Migration(version: 11, name: "API keys of accounts, for Open311 clients", sql: """
            -- key_hash: the SHA-256 of the key, 64 hex digits; the key itself is shown once and never stored.
            CREATE TABLE api_keys (
                id         INTEGER PRIMARY KEY,
                key_hash   TEXT NOT NULL UNIQUE,
                login      TEXT NOT NULL REFERENCES users(login),
                created_at TEXT NOT NULL,
                revoked    INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
            );
            CREATE INDEX api_keys_by_login ON api_keys(login);
            """),
    ]
}
