package dev.ecosystem.jdbc;

import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.MailReceipt;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.ProviderException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A mail provider shared by app nodes in separate processes: every message handed to it becomes a row of the table
 * {@code sink} in the test's PostgreSQL schema, with no uniqueness, so a message sent twice shows as two rows. Like
 * Gmail or Graph, it can look a message up by Message-ID, which {@link #resend} does first. A {@link Fault} makes
 * every n-th send of this node stall longer than the lease, or fail as a temporary SMTP refusal.
 */
final class SinkMailer implements Mailer {
    /** What goes wrong, per node. */
    enum Fault {
        /** Nothing. */
        NONE,
        /** Every 10th send waits longer than the lease before the provider accepts it. */
        STALL_EVERY_10TH,
        /** Every 7th send is refused as a temporary failure. */
        FAIL_EVERY_7TH
    }

    private final DataSource pool;
    private final String table;
    private final int node;
    private final Fault fault;
    private final Duration sendTime;
    private final Duration stall;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger calls = new AtomicInteger();

    SinkMailer(DataSource pool, String schema, int node, Fault fault, Duration sendTime, Duration stall) {
        this.pool = pool;
        this.table = schema + ".sink";
        this.node = node;
        this.fault = fault;
        this.sendTime = sendTime;
        this.stall = stall;
    }

    /** Creates the provider's table in {@code schema}. */
    static void create(DataSource pool, String schema) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + schema + ".sink (message_id TEXT NOT NULL, node INTEGER NOT NULL, "
                    + "stalled BOOLEAN NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        }
    }

    @Override
    public MailReceipt send(EmailMessage message) {
        int call = calls.incrementAndGet();
        if (fault == Fault.FAIL_EVERY_7TH && call % 7 == 0) {
            throw ProviderException.retryable("sink", 421, null, "421 4.7.0 try again later");
        }
        boolean stalled = fault == Fault.STALL_EVERY_10TH && call % 10 == 0;
        pause(stalled ? stall : sendTime);
        sql("INSERT INTO " + table + " (message_id, node, stalled) VALUES (?, ?, ?)", statement -> {
            statement.setString(1, message.messageId());
            statement.setInt(2, node);
            statement.setBoolean(3, stalled);
            statement.executeUpdate();
            return null;
        });
        return new MailReceipt(message.messageId(), "sink-" + node + "-" + call, null, clock.instant());
    }

    /** Looks the message up first, as Gmail and Graph do, and sends it only when the provider does not have it. */
    @Override
    public MailReceipt resend(EmailMessage message) {
        Integer sentBy = sql("SELECT node FROM " + table + " WHERE message_id = ? LIMIT 1", statement -> {
            statement.setString(1, message.messageId());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        });
        if (sentBy != null) {
            return new MailReceipt(message.messageId(), "sink-" + sentBy + "-found", null, clock.instant());
        }
        return send(message);
    }

    private interface Work<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T sql(String sql, Work<T> work) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.run(statement);
        } catch (SQLException e) {
            throw ProviderException.unavailable("sink", "sink unreachable: " + e.getMessage(), e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unavailable("sink", "interrupted", e);
        }
    }
}
