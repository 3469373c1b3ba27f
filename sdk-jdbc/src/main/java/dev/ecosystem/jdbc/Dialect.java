package dev.ecosystem.jdbc;

import dev.ecosystem.error.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What differs between the databases the store supports: how to upsert, how to draw from a sequence, and the
 * provider name in errors.
 */
enum Dialect {
    H2("h2") {
        @Override
        String upsert(String table, List<String> keys, List<String> columns) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + placeholders(columns.size()) + ")";
        }

        @Override
        String nextValue(String sequence) {
            return "NEXT VALUE FOR " + sequence;
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        String upsert(String table, List<String> keys, List<String> columns) {
            String updates = columns.stream().filter(column -> !keys.contains(column))
                    .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + placeholders(columns.size()) + ") ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                    + updates;
        }

        @Override
        String nextValue(String sequence) {
            return "nextval('" + sequence + "')";
        }
    };

    private final String vendor;

    Dialect(String vendor) {
        this.vendor = vendor;
    }

    /** The Flyway vendor folder and the suffix of the provider name in errors. */
    String vendor() {
        return vendor;
    }

    /** The provider name carried by {@link dev.ecosystem.spi.ProviderException}s: {@code jdbc:postgresql}. */
    String provider() {
        return "jdbc:" + vendor;
    }

    /** An insert-or-replace of one row by its key, with one {@code ?} per column in {@code columns} order. */
    abstract String upsert(String table, List<String> keys, List<String> columns);

    /** The expression that draws the next value of a sequence, named as {@link Tables#name} names it. */
    abstract String nextValue(String sequence);

    /** The dialect of a database, by the product name its driver reports. */
    static Dialect of(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new ValidationException("JdbcPartnerStore supports H2 and PostgreSQL, but the DataSource connects to "
                + productName);
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
