-- Each tenant's CRM snapshot revision, and each company's account-mapping sharing policy towards each partner.
CREATE TABLE ${prefix}crm_revisions (
    tenant   VARCHAR(128) PRIMARY KEY,
    revision BIGINT NOT NULL
);

CREATE TABLE ${prefix}sharing_policies (
    owner   VARCHAR(128) NOT NULL,
    partner VARCHAR(128) NOT NULL,
    policy  CHARACTER VARYING NOT NULL,
    PRIMARY KEY (owner, partner)
);
