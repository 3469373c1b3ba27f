package dev.ecosystem.jdbc;

import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.StoreChange;
import dev.ecosystem.spi.ChangeRepository;
import java.util.List;

/**
 * The change feed in the {@code changes} table. Writers insert rows without a revision (see
 * {@link JdbcTransaction#changed}), so concurrent writers never wait for each other on a counter. A reader first
 * stamps the committed rows that have none with the next values of the {@code change_revisions} sequence, holding
 * the lock on the one row of {@code change_stamp_lock}, then reads by revision.
 *
 * <p>Why this keeps the feed's promise that no change appears below a revision already read: stamping runs at
 * {@code READ COMMITTED} (the read is the transaction's first statement) and one stamper at a time, so every stamper
 * sees the previous stamper's committed revisions and gives only higher ones; and a change's revision becomes visible
 * together with, never before, all lower ones, since they were stamped by earlier, committed stampers or by the same
 * one. A reader that finds no unstamped row reads without the lock: what it can see is then all stamped.
 */
final class JdbcChanges implements ChangeRepository {
    private final JdbcTransaction tx;
    private final String table;
    private final String lock;
    private final String sequence;

    JdbcChanges(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("changes");
        this.lock = tx.table("change_stamp_lock");
        this.sequence = tx.table("change_revisions");
    }

    @Override
    public List<StoreChange> after(long revision, int limit) {
        stamp();
        return tx.query("read the change feed", "SELECT revision, kind, company, change_key, at FROM " + table
                + " WHERE revision > ? ORDER BY revision LIMIT ?", row -> new StoreChange(row.getLong("revision"),
                        ChangeKind.valueOf(row.getString("kind")), new CompanyId(row.getString("company")),
                        row.getString("change_key"), Columns.instant(row.getLong("at"))), revision, limit);
    }

    @Override
    public long latestRevision() {
        stamp();
        return tx.count("read the latest change revision", "SELECT COALESCE(MAX(revision), 0) FROM " + table);
    }

    /** Gives the committed changes that have no revision yet the next ones, one stamper at a time. */
    private void stamp() {
        tx.beginClaim("read the change feed");
        if (tx.queryOne("look for unstamped changes", "SELECT 1 FROM " + table + " WHERE revision IS NULL LIMIT 1",
                row -> Boolean.TRUE) == null) {
            return;
        }
        tx.query("lock the change feed", "SELECT id FROM " + lock + " WHERE id = 1 FOR UPDATE", row -> Boolean.TRUE);
        tx.update("stamp changes", "UPDATE " + table + " SET revision = " + tx.dialect().nextValue(sequence)
                + " WHERE revision IS NULL");
    }
}
