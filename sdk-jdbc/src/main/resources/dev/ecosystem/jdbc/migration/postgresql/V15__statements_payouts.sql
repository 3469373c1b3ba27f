-- Stored commission statements and their payout ledger, issue 20: the whole record (lines and history included) as
-- JSON beside the columns queries filter on. A vendor has one statement per partner, period and plan.
CREATE TABLE ${prefix}statements (
    id           VARCHAR(128) COLLATE "C" PRIMARY KEY,
    vendor       VARCHAR(128) COLLATE "C" NOT NULL,
    partner      VARCHAR(128) COLLATE "C" NOT NULL,
    period_start VARCHAR(10) COLLATE "C" NOT NULL,
    period_end   VARCHAR(10) COLLATE "C" NOT NULL,
    plan_name    VARCHAR(200) COLLATE "C" NOT NULL,
    status       VARCHAR(16) NOT NULL,
    version      BIGINT NOT NULL,
    body         TEXT NOT NULL
);
CREATE UNIQUE INDEX ${prefix}statements_key ON ${prefix}statements (vendor, partner, period_start, period_end,
    plan_name);
CREATE INDEX ${prefix}statements_vendor ON ${prefix}statements (vendor, id);
CREATE INDEX ${prefix}statements_partner ON ${prefix}statements (vendor, partner, id);
