package dev.ecosystem.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's fast path for many rows: {@code COPY} (CSV). New rows go straight into the target; rows that may
 * replace stored ones go into a temporary staging table shaped like the target, then into the target with one
 * {@code INSERT ... SELECT ... ON CONFLICT}. Loaded only on PostgreSQL, so the driver stays an optional dependency.
 */
final class PostgresCopy {
    private static final int CHUNK_CHARS = 1 << 16;
    private static final String UNIQUE_VIOLATION = "23505";

    private PostgresCopy() {
    }

    /**
     * Inserts {@code rows} (values in {@code columns} order) when none of their keys is in {@code table} yet, and
     * returns {@code true}; else writes nothing and returns {@code false}. The {@code COPY} runs in a savepoint: the
     * first stored key fails it on the primary key, and it is rolled back. This costs no look-up beforehand, whose
     * plan PostgreSQL may get wrong for a table that grew since it was planned.
     */
    static boolean insertIfNew(JdbcTransaction tx, String what, String table, List<String> columns,
            List<Object[]> rows) {
        tx.checkOpen();
        try {
            Connection connection = tx.begunConnection();
            Savepoint before = connection.setSavepoint();
            try {
                copy(connection.unwrap(PGConnection.class), "COPY " + table + " (" + String.join(", ", columns)
                        + ") FROM STDIN (FORMAT csv)", rows);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(before);
                return false;
            }
            connection.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            throw tx.failed(what, e);
        }
    }

    /** Inserts or replaces {@code rows} (values in {@code columns} order, no repeated key) in {@code table}. */
    static void upsert(JdbcTransaction tx, String what, String table, List<String> key, List<String> columns,
            List<Object[]> rows) {
        tx.checkOpen();
        String stage = "eco_stage_" + Integer.toHexString(table.hashCode() & Integer.MAX_VALUE);
        String updates = columns.stream().filter(column -> !key.contains(column))
                .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
        try {
            Connection connection = tx.begunConnection();
            copyAndUpsert(connection, stage, table, key, columns, updates, rows);
        } catch (SQLException e) {
            throw tx.failed(what, e);
        }
    }

    private static void copyAndUpsert(Connection connection, String stage, String table, List<String> key,
            List<String> columns, String updates, List<Object[]> rows) throws SQLException {
        String columnList = String.join(", ", columns);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " + table
                    + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
            copy(connection.unwrap(PGConnection.class), "COPY " + stage + " (" + columnList
                    + ") FROM STDIN (FORMAT csv)", rows);
            // Emptying the stage in the same statement leaves it ready for the next upsert of this transaction.
            statement.executeUpdate("WITH staged AS (DELETE FROM " + stage + " RETURNING " + columnList
                    + ") INSERT INTO " + table + " (" + columnList + ") SELECT " + columnList + " FROM staged"
                    + " ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET " + updates);
        }
    }

    private static void copy(PGConnection connection, String sql, List<Object[]> rows) throws SQLException {
        CopyIn copy = connection.getCopyAPI().copyIn(sql);
        try {
            StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        chunk.append(',');
                    }
                    appendCsv(chunk, row[i]);
                }
                chunk.append('\n');
                if (chunk.length() >= CHUNK_CHARS) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    /**
     * One CSV field: nothing for null (COPY's CSV null), else the text in double quotes, quotes doubled; bytes in
     * {@code bytea}'s hex input form.
     */
    private static void appendCsv(StringBuilder out, @Nullable Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString()
                : value instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes) : value.toString();
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
