package dev.ecosystem.spi.support;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Opaque keyset cursors: a cursor names the last key of the previous page, so paging stays consistent while
 * records are added or removed. A cursor carries the name of the listing it belongs to, so one listing's cursor is
 * refused by another.
 */
public final class Cursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursors() {
    }

    /** A cursor for {@code listing} that continues after {@code lastKey}. */
    public static String encode(String listing, String lastKey) {
        return ENCODER.encodeToString((listing + '\n' + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The last key a cursor names, or {@code null} for the first page.
     *
     * @throws ValidationException when the cursor is not one {@link #encode} made for this listing
     */
    public static @Nullable String decode(String listing, @Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(listing, cursor);
        }
        int newline = text.indexOf('\n');
        if (newline < 0 || !text.substring(0, newline).equals(listing)) {
            throw malformed(listing, cursor);
        }
        return text.substring(newline + 1);
    }

    private static ValidationException malformed(String listing, String cursor) {
        return new ValidationException("cursor is malformed or belongs to another listing than " + listing
                + ": " + Checks.quote(cursor) + "; pass the nextCursor of the previous page unchanged");
    }
}
