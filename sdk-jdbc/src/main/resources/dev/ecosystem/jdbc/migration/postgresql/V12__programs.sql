-- Partner programs, issue 20: every version of a vendor's program per partner type, with the terms as JSON (keys
-- in binary order, as elsewhere).
-- first_of_type holds the type on version 1 only: the unique index keeps one program per type and vendor.
CREATE TABLE ${prefix}programs (
    vendor        VARCHAR(128) COLLATE "C" NOT NULL,
    id            VARCHAR(128) COLLATE "C" NOT NULL,
    version       INTEGER NOT NULL,
    type          VARCHAR(32) NOT NULL,
    first_of_type VARCHAR(32),
    is_current    BOOLEAN NOT NULL,
    saved_at      BIGINT NOT NULL,
    body          TEXT NOT NULL,
    PRIMARY KEY (vendor, id, version)
);
CREATE UNIQUE INDEX ${prefix}programs_one_per_type ON ${prefix}programs (vendor, first_of_type);
CREATE INDEX ${prefix}programs_current ON ${prefix}programs (vendor, is_current, id);
CREATE INDEX ${prefix}programs_type ON ${prefix}programs (vendor, type, is_current);

-- Tier reviews per program and period (review_key: period end, then start), each partner's current tier, and the
-- history of promotions and demotions per partner (change_key: period end, start, program).
CREATE TABLE ${prefix}program_tier_reviews (
    vendor     VARCHAR(128) COLLATE "C" NOT NULL,
    program    VARCHAR(128) COLLATE "C" NOT NULL,
    review_key VARCHAR(32) COLLATE "C" NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (vendor, program, review_key)
);
CREATE TABLE ${prefix}program_tiers (
    vendor  VARCHAR(128) COLLATE "C" NOT NULL,
    program VARCHAR(128) COLLATE "C" NOT NULL,
    partner VARCHAR(128) COLLATE "C" NOT NULL,
    tier    VARCHAR(100) NOT NULL,
    PRIMARY KEY (vendor, program, partner)
);
CREATE TABLE ${prefix}program_tier_changes (
    vendor     VARCHAR(128) COLLATE "C" NOT NULL,
    partner    VARCHAR(128) COLLATE "C" NOT NULL,
    change_key VARCHAR(200) COLLATE "C" NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (vendor, partner, change_key)
);

-- Certifications of partners' people (days as ISO text), counted per partner on a day for CERTIFIED_PEOPLE.
CREATE TABLE ${prefix}certifications (
    vendor       VARCHAR(128) COLLATE "C" NOT NULL,
    partner      VARCHAR(128) COLLATE "C" NOT NULL,
    cert_key     VARCHAR(500) COLLATE "C" NOT NULL,
    person       VARCHAR(254) NOT NULL,
    certified_on VARCHAR(10) COLLATE "C" NOT NULL,
    valid_until  VARCHAR(10) COLLATE "C" NOT NULL,
    body         TEXT NOT NULL,
    PRIMARY KEY (vendor, partner, cert_key)
);
CREATE INDEX ${prefix}certifications_valid ON ${prefix}certifications (vendor, valid_until);

-- Registrations accepted in a period, counted per partner by tier reviews.
CREATE INDEX ${prefix}registrations_accepted ON ${prefix}registrations (vendor, accepted_at)
    WHERE accepted_at IS NOT NULL;
