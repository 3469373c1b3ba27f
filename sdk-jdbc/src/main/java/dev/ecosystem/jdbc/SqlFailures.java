package dev.ecosystem.jdbc;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.spi.ProviderException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;

/** Turns {@link SQLException}s into the SDK's exceptions, by SQLState (and H2's error codes where it has its own). */
final class SqlFailures {
    /** H2: "Concurrent update in table": its form of a serialization failure. */
    private static final int H2_CONCURRENT_UPDATE = 90131;
    /** H2: "Timeout trying to lock table": another transaction holds the row. */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private SqlFailures() {
    }

    /**
     * The exception to throw for {@code e} raised while doing {@code what}: a {@link RetryableConflict} when the
     * transaction lost to a concurrent one, a {@link ProviderException} otherwise.
     */
    static EcosystemException translate(Dialect dialect, String what, SQLException e) {
        String state = e.getSQLState();
        if (isConcurrencyFailure(e)) {
            return new RetryableConflict(what + " lost to a concurrent transaction (" + dialect.provider()
                    + " SQLState " + state + ")", e);
        }
        return new ProviderException(dialect.provider(), 0, null, isConnectionFailure(e),
                describe(dialect, what, e), e);
    }

    /** The failure of taking a connection from the DataSource: an exhausted pool, a database that is down. */
    static ProviderException noConnection(String provider, SQLException e) {
        String hint = e instanceof SQLTransientConnectionException
                ? "; the pool is exhausted or the database is unreachable: a larger pool or fewer concurrent "
                        + "transactions may help"
                : "";
        return ProviderException.unavailable(provider, "could not get a connection from the DataSource"
                + stateOf(e) + ": " + e.getMessage() + hint, e);
    }

    static String describe(Dialect dialect, String what, SQLException e) {
        String message = isConnectionFailure(e)
                ? " failed: the connection to the database was lost; the transaction was rolled back by the database"
                : " failed";
        return dialect.provider() + ": " + what + message + stateOf(e) + ": " + firstLine(e.getMessage());
    }

    private static boolean isConcurrencyFailure(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state)
                || e.getErrorCode() == H2_CONCURRENT_UPDATE || e.getErrorCode() == H2_LOCK_TIMEOUT;
    }

    /** Whether the connection is gone (SQLState class 08, or 57P01..57P03: the server terminated the session). */
    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static String stateOf(SQLException e) {
        return e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
