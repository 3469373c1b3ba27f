-- Enablement briefs of partner programs, issue 20: every version as JSON beside the columns lookups filter on, and one
-- row per (version, partner contact) it was sent to, so that a version reaches each person once.
CREATE TABLE ${prefix}program_briefs (
    vendor          VARCHAR(128) COLLATE "C" NOT NULL,
    program         VARCHAR(128) COLLATE "C" NOT NULL,
    version         INTEGER NOT NULL,
    status          VARCHAR(16) NOT NULL,
    body            TEXT NOT NULL,
    PRIMARY KEY (vendor, program, version)
);
CREATE INDEX ${prefix}program_briefs_approved ON ${prefix}program_briefs (vendor, program, version)
    WHERE status = 'APPROVED';
CREATE TABLE ${prefix}brief_deliveries (
    vendor          VARCHAR(128) COLLATE "C" NOT NULL,
    program         VARCHAR(128) COLLATE "C" NOT NULL,
    version         INTEGER NOT NULL,
    partner         VARCHAR(128) COLLATE "C" NOT NULL,
    contact         VARCHAR(128) COLLATE "C" NOT NULL,
    outbox_entry    VARCHAR(128) COLLATE "C" NOT NULL,
    enqueued_at     BIGINT NOT NULL,
    PRIMARY KEY (vendor, program, version, partner, contact)
);
