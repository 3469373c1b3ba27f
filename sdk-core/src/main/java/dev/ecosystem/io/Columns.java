package dev.ecosystem.io;

import java.util.List;
import java.util.Set;

/**
 * The columns of one kind of file.
 *
 * @param file the conventional file name, used in messages when reading from a {@link java.io.Reader}
 * @param names the defined columns in their CSV (snake_case) spelling, in file order
 * @param required the columns a CSV header must have
 * @param extrasAllowed whether other columns are allowed (and become properties) instead of being an error
 */
record Columns(String file, List<String> names, Set<String> required, boolean extrasAllowed) {
    Columns {
        names = List.copyOf(names);
        required = Set.copyOf(required);
    }

    /** The JSON (camelCase) spelling of a column: {@code web_domain} is {@code webDomain}. */
    static String jsonName(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** The column names joined for a message, such as {@code id, name, web_domain}. */
    String list() {
        return String.join(", ", names);
    }

    /** The JSON field names joined for a message. */
    String jsonList() {
        return String.join(", ", names.stream().map(Columns::jsonName).toList());
    }
}
