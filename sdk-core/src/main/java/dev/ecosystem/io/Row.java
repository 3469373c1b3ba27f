package dev.ecosystem.io;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record of a file as read, before it becomes a model value: its raw values by column (CSV spelling) and where
 * each came from. Accessors throw {@link dev.ecosystem.error.ValidationException} with a message that does not repeat the
 * location; {@link Cells} adds it.
 */
interface Row {
    /** The file the record came from, such as {@code companies.csv}. */
    String source();

    /** The 1-based line the record starts on. */
    int line();

    /** The 1-based line of the column's value (in JSON a field can be on its own line). */
    int line(String column);

    /** How a message names the column: {@code column business_tags} or {@code field businessTags}. */
    String label(String column);

    /** The value, stripped; {@code null} when empty, JSON null or absent. */
    @Nullable String text(String column);

    /** The values of a multi-valued column, stripped, empty ones dropped. */
    List<String> values(String column);

    /** A true/false value; absent or empty is false. */
    boolean flag(String column);

    /** The non-empty values of columns the file kind does not define, by header name, in file order. */
    Map<String, String> extras();
}
