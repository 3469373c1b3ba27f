-- The outbox's hand-over note becomes the time from which the next attempt may look the message up and send it again:
-- one lease after the holder's lease ends (renewed while its call lasts), or when a failed call ended. Notes written
-- before keep their old meaning, the time of the hand-over, and are looked up from then on, as before.
ALTER TABLE ${prefix}outbox RENAME COLUMN send_started_at TO look_up_from;
