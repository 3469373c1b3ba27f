-- Referrals (deal registrations), issue 19: the whole record as JSON beside the columns queries filter on. The
-- conflict and expiry lookups only ever want accepted registrations, so their indexes hold only those.
CREATE TABLE ${prefix}registrations (
    id              VARCHAR(128) COLLATE "C" PRIMARY KEY,
    vendor          VARCHAR(128) COLLATE "C" NOT NULL,
    partner         VARCHAR(128) COLLATE "C" NOT NULL,
    status          VARCHAR(32) NOT NULL,
    is_open         BOOLEAN NOT NULL,
    accepted_at     BIGINT,
    protected_until BIGINT,
    domain_key      VARCHAR(253) COLLATE "C",
    name_key        VARCHAR(500) COLLATE "C" NOT NULL,
    version         BIGINT NOT NULL,
    body            TEXT NOT NULL
);
CREATE INDEX ${prefix}registrations_vendor ON ${prefix}registrations (vendor, id);
CREATE INDEX ${prefix}registrations_partner ON ${prefix}registrations (partner, id);
CREATE INDEX ${prefix}registrations_partner_vendor ON ${prefix}registrations (partner, vendor, id);
CREATE INDEX ${prefix}registrations_domain ON ${prefix}registrations (vendor, domain_key)
    WHERE status = 'ACCEPTED';
CREATE INDEX ${prefix}registrations_name ON ${prefix}registrations (vendor, name_key) WHERE status = 'ACCEPTED';
CREATE INDEX ${prefix}registrations_open ON ${prefix}registrations (vendor, partner) WHERE is_open;
CREATE INDEX ${prefix}registrations_expiring ON ${prefix}registrations (protected_until, id)
    WHERE status = 'ACCEPTED';
