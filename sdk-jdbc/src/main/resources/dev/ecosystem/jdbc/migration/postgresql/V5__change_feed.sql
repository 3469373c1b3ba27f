-- The change feed (StoreTransaction.changes()): one row per written company, contact, partnership, block, sharing
-- policy, or per tenant whose CRM snapshot changed in a transaction. Writers insert rows without a revision, so they
-- never contend for a counter; readers stamp the committed unstamped rows with the next revisions one reader at a
-- time (holding the lock row below), which makes revisions visible in ascending order on every node. Rows need no
-- key of their own: they are only ever read by revision.
CREATE SEQUENCE ${prefix}change_revisions START WITH 1 INCREMENT BY 1;

CREATE TABLE ${prefix}changes (
    revision   BIGINT,
    kind       VARCHAR(32) NOT NULL,
    company    VARCHAR(128) COLLATE "C" NOT NULL,
    change_key VARCHAR(256) COLLATE "C",
    at         BIGINT NOT NULL
);

-- Serves both the stamping (revision IS NULL) and the reading (revision > ?) of the feed.
CREATE INDEX ${prefix}changes_revision ON ${prefix}changes (revision);

-- The single row readers lock (SELECT ... FOR UPDATE) while they stamp.
CREATE TABLE ${prefix}change_stamp_lock (
    id INTEGER PRIMARY KEY
);
INSERT INTO ${prefix}change_stamp_lock (id) VALUES (1);
