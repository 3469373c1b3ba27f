-- Outbox fencing: each claim raises an entry's claim number, and updates from an older claim are refused; the time a
-- dispatcher last handed the message to the mailer without its outcome being recorded yet.
ALTER TABLE ${prefix}outbox ADD COLUMN claim BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ${prefix}outbox ADD COLUMN send_started_at BIGINT;
