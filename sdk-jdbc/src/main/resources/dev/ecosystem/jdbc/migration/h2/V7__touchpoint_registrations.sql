-- A ledger entry can be about a partner's referral (deal registration), issue 19.
ALTER TABLE ${prefix}touchpoints ADD COLUMN registration_id VARCHAR(128);
