-- Which companies each company blocked from introductions (added with the introduction workflow).
CREATE TABLE ${prefix}company_blocks (
    owner   VARCHAR(128) NOT NULL,
    blocked VARCHAR(128) NOT NULL,
    PRIMARY KEY (owner, blocked)
);
