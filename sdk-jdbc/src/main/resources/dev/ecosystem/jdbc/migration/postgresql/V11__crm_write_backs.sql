-- Writes to tenants' CRMs waiting to be carried out (a partner source recorded on a deal), issue 19: queued with the
-- credit that caused them, claimed with a lease and a fencing claim number like the outbox.
CREATE TABLE ${prefix}crm_write_backs (
    tenant          VARCHAR(128) COLLATE "C" NOT NULL,
    id              VARCHAR(128) COLLATE "C" NOT NULL,
    deal_id         VARCHAR(128) NOT NULL,
    partner         VARCHAR(128) NOT NULL,
    partner_name    VARCHAR(200) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    claim           BIGINT NOT NULL,
    PRIMARY KEY (tenant, id)
);
CREATE INDEX ${prefix}crm_write_backs_due ON ${prefix}crm_write_backs (status, next_attempt_at, tenant, id);
