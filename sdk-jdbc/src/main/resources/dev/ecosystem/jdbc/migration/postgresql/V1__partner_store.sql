-- The PartnerStore tables. Every ${prefix} is the table prefix the host chose.
-- Ids sort with COLLATE "C" so that keyset paging matches Java's String order on every database.
-- Instants are BIGINT nanoseconds since the epoch (UTC): exact for Java's Instant, which timestamptz is not.
-- Lists, sets and maps nobody queries by (tags, properties, the email message) are JSON text.

CREATE TABLE ${prefix}companies (
    id                 VARCHAR(128) COLLATE "C" PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    web_domain         VARCHAR(253),
    description        VARCHAR(4000) NOT NULL,
    business_tags      TEXT NOT NULL,
    industries         TEXT NOT NULL,
    regions            TEXT NOT NULL,
    size_band          VARCHAR(16),
    product_categories TEXT NOT NULL,
    signals            TEXT NOT NULL,
    listed             BOOLEAN NOT NULL
);

CREATE TABLE ${prefix}contacts (
    company_id    VARCHAR(128) COLLATE "C" NOT NULL,
    id            VARCHAR(128) COLLATE "C" NOT NULL,
    name          VARCHAR(200) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(200),
    title         VARCHAR(200),
    role_tags     TEXT NOT NULL,
    opted_out     BOOLEAN NOT NULL,
    PRIMARY KEY (company_id, id)
);

CREATE TABLE ${prefix}partnerships (
    owner     VARCHAR(128) COLLATE "C" NOT NULL,
    id        VARCHAR(128) COLLATE "C" NOT NULL,
    partner   VARCHAR(128) COLLATE "C" NOT NULL,
    type      VARCHAR(32) NOT NULL,
    status    VARCHAR(32) NOT NULL,
    since     DATE NOT NULL,
    PRIMARY KEY (owner, id),
    CONSTRAINT ${prefix}partnerships_one_per_partner UNIQUE (owner, partner)
);

-- The whole introduction (consents, history) is the JSON body; the columns repeat what queries filter on.
CREATE TABLE ${prefix}introductions (
    id                VARCHAR(128) COLLATE "C" PRIMARY KEY,
    requester_company VARCHAR(128) COLLATE "C" NOT NULL,
    requester         VARCHAR(128) NOT NULL,
    target_company    VARCHAR(128) COLLATE "C" NOT NULL,
    target            VARCHAR(128) NOT NULL,
    status            VARCHAR(32) NOT NULL,
    is_open           BOOLEAN NOT NULL,
    created_at        BIGINT NOT NULL,
    next_due_at       BIGINT,
    version           BIGINT NOT NULL,
    body              TEXT NOT NULL
);
CREATE INDEX ${prefix}introductions_requester ON ${prefix}introductions (requester_company, id);
CREATE INDEX ${prefix}introductions_target ON ${prefix}introductions (target_company, id);
CREATE INDEX ${prefix}introductions_due ON ${prefix}introductions (next_due_at, id);

CREATE TABLE ${prefix}accounts (
    tenant          VARCHAR(128) COLLATE "C" NOT NULL,
    id              VARCHAR(128) COLLATE "C" NOT NULL,
    name            VARCHAR(500) NOT NULL,
    domain          TEXT,
    lifecycle_stage TEXT,
    properties      TEXT NOT NULL,
    updated_at      BIGINT,
    PRIMARY KEY (tenant, id)
);

CREATE TABLE ${prefix}deals (
    tenant      VARCHAR(128) COLLATE "C" NOT NULL,
    id          VARCHAR(128) COLLATE "C" NOT NULL,
    name        VARCHAR(500) NOT NULL,
    account_ids TEXT NOT NULL,
    amount      NUMERIC,
    currency    VARCHAR(3),
    pipeline    TEXT,
    stage       VARCHAR(200) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    created_at  BIGINT NOT NULL,
    close_date  DATE,
    properties  TEXT NOT NULL,
    PRIMARY KEY (tenant, id)
);

CREATE TABLE ${prefix}crm_checkpoints (
    tenant     VARCHAR(128) COLLATE "C" PRIMARY KEY,
    checkpoint VARCHAR(10000) NOT NULL
);

CREATE TABLE ${prefix}touchpoints (
    owner       VARCHAR(128) COLLATE "C" NOT NULL,
    id          VARCHAR(128) COLLATE "C" NOT NULL,
    partner     VARCHAR(128) NOT NULL,
    account_id  VARCHAR(128),
    deal_id     VARCHAR(128),
    kind        VARCHAR(32) NOT NULL,
    occurred_at BIGINT NOT NULL,
    origin      VARCHAR(500),
    reverses    VARCHAR(128),
    PRIMARY KEY (owner, id)
);

CREATE TABLE ${prefix}outbox (
    id                  VARCHAR(128) COLLATE "C" PRIMARY KEY,
    tenant              VARCHAR(128) COLLATE "C" NOT NULL,
    message_id          VARCHAR(1000) NOT NULL,
    message             TEXT NOT NULL,
    origin              TEXT,
    status              VARCHAR(16) NOT NULL,
    attempts            INTEGER NOT NULL,
    next_attempt_at     BIGINT NOT NULL,
    last_error          TEXT,
    receipt_message_id  VARCHAR(1000),
    receipt_provider_id TEXT,
    receipt_thread_id   TEXT,
    receipt_sent_at     BIGINT,
    created_at          BIGINT NOT NULL,
    CONSTRAINT ${prefix}outbox_one_per_message_id UNIQUE (message_id)
);
CREATE INDEX ${prefix}outbox_due ON ${prefix}outbox (status, next_attempt_at, id);
CREATE INDEX ${prefix}outbox_by_tenant ON ${prefix}outbox (tenant, status, id);

CREATE TABLE ${prefix}idempotency_keys (
    tenant    VARCHAR(128) COLLATE "C" NOT NULL,
    idem_key  VARCHAR(1000) COLLATE "C" NOT NULL,
    idem_value TEXT NOT NULL,
    PRIMARY KEY (tenant, idem_key)
);
