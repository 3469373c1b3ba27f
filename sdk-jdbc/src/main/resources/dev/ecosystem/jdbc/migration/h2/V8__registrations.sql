-- Referrals (deal registrations), issue 19: the whole record as JSON beside the columns queries filter on.
CREATE TABLE ${prefix}registrations (
    id              VARCHAR(128) PRIMARY KEY,
    vendor          VARCHAR(128) NOT NULL,
    partner         VARCHAR(128) NOT NULL,
    status          VARCHAR(32) NOT NULL,
    is_open         BOOLEAN NOT NULL,
    accepted_at     BIGINT,
    protected_until BIGINT,
    domain_key      VARCHAR(253),
    name_key        VARCHAR(500) NOT NULL,
    version         BIGINT NOT NULL,
    body            CHARACTER VARYING NOT NULL
);
CREATE INDEX ${prefix}registrations_vendor ON ${prefix}registrations (vendor, id);
CREATE INDEX ${prefix}registrations_partner ON ${prefix}registrations (partner, id);
CREATE INDEX ${prefix}registrations_partner_vendor ON ${prefix}registrations (partner, vendor, id);
CREATE INDEX ${prefix}registrations_domain ON ${prefix}registrations (vendor, domain_key, status);
CREATE INDEX ${prefix}registrations_name ON ${prefix}registrations (vendor, name_key, status);
CREATE INDEX ${prefix}registrations_open ON ${prefix}registrations (vendor, partner, is_open);
CREATE INDEX ${prefix}registrations_expiring ON ${prefix}registrations (status, protected_until, id);
