package dev.ecosystem.jdbc;

import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.internal.ListedValues.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A sink that writes down what it is handed, as {@code FIELD=value} and {@code end id}. */
final class RecordingSink implements ListedValues.Sink {
    private final List<String> seen;
    private final String failAt;

    /** Writes to {@code seen}; throws at the end of the company {@code failAt}. */
    RecordingSink(List<String> seen, String failAt) {
        this.seen = seen;
        this.failAt = failAt;
    }

    /** Writes to {@code seen}, never failing. */
    RecordingSink(List<String> seen) {
        this(seen, "");
    }

    @Override
    public void value(Field field, byte[] utf8, int from, int to) {
        seen.add(field + "=" + new String(utf8, from, to - from, StandardCharsets.UTF_8));
    }

    @Override
    public void end(String id) {
        if (id.equals(failAt)) {
            throw new IllegalArgumentException("no " + id);
        }
        seen.add("end " + id);
    }
}
