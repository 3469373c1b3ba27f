-- Issue 18: the match keys account mapping derives from each account (registrable domain and its hash, normalized
-- name), computed at sync outside the transaction and stored beside the account, so that an app node that did not
-- sync builds its first account-mapping index without normalizing every account again. Opaque to the store; the SDK
-- checks the version they carry. NULL: stored without keys.
ALTER TABLE ${prefix}accounts ADD COLUMN match_keys BYTEA;
