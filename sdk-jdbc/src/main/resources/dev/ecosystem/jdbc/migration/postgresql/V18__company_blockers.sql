-- Issue 18: a navigator search reads the companies that block the searcher once, instead of asking about each result,
-- so the blocks are read by the blocked company too. The primary key (owner, blocked) serves the other direction.
CREATE INDEX ${prefix}company_blocks_blocked ON ${prefix}company_blocks (blocked, owner);
