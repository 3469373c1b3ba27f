-- Partnership lifecycle, issue 20: invitations, each partnership record's status history, and each record's
-- lifecycle state (recruitment, activation, activity, dormancy, checklist). Whole records as JSON beside the columns
-- queries filter on; due_at and dormancy_due_at are NULL once nothing is due, so the scheduler's scans skip them.
CREATE TABLE ${prefix}invitations (
    id              VARCHAR(128) PRIMARY KEY,
    vendor          VARCHAR(128) NOT NULL,
    invitee         VARCHAR(128),
    due_at          BIGINT,
    version         BIGINT NOT NULL,
    body            CHARACTER VARYING NOT NULL
);
CREATE INDEX ${prefix}invitations_vendor ON ${prefix}invitations (vendor, id);
CREATE INDEX ${prefix}invitations_invitee ON ${prefix}invitations (invitee, id);
CREATE INDEX ${prefix}invitations_due ON ${prefix}invitations (due_at, id);

CREATE TABLE ${prefix}partnership_transitions (
    owner           VARCHAR(128) NOT NULL,
    partnership     VARCHAR(128) NOT NULL,
    seq             INTEGER NOT NULL,
    body            CHARACTER VARYING NOT NULL,
    PRIMARY KEY (owner, partnership, seq)
);

CREATE TABLE ${prefix}partnership_lifecycles (
    owner           VARCHAR(128) NOT NULL,
    id              VARCHAR(128) NOT NULL,
    dormancy_due_at BIGINT,
    body            CHARACTER VARYING NOT NULL,
    PRIMARY KEY (owner, id)
);
CREATE INDEX ${prefix}partnership_lifecycles_dormancy ON ${prefix}partnership_lifecycles (dormancy_due_at, owner, id);
