package dev.ecosystem.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Where the store's tables live: an optional schema (quoted, so its case is kept) and a prefix for every table name.
 *
 * @param schema the schema, or {@code null} for the connection's current one
 * @param prefix the prefix of every table name, such as {@code eco_}
 */
record Tables(@Nullable String schema, String prefix) {
    String name(String table) {
        return schema == null ? prefix + table : "\"" + schema + "\"." + prefix + table;
    }
}
