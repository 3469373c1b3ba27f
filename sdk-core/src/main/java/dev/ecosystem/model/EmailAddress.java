package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox: an address such as {@code ada@acme.io} and an optional display name. Neither can hold CR, LF or other
 * control characters, so nothing built from one can inject a header. The domain part is lower-cased; the local part
 * is kept as given.
 *
 * @param address the address, {@code local@domain}
 * @param displayName the person's name, or {@code null}
 */
public record EmailAddress(String address, @Nullable String displayName) {
    // Deliberately narrower than RFC 5322: no quoted local parts, no comments, no IP literals.
    private static final Pattern ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}\\p{N}-]{2,63}");

    /** Validates both parts. */
    public EmailAddress {
        String given = Checks.singleLine(address, "email address", 254);
        int at = given.lastIndexOf('@');
        String normalized = at < 0 ? given : given.substring(0, at) + given.substring(at).toLowerCase(Locale.ROOT);
        if (!looksValid(normalized)) {
            throw new ValidationException("email address must look like name@example.com, but was "
                    + Checks.quote(address));
        }
        address = normalized;
        displayName = displayName == null || displayName.isBlank()
                ? null : Checks.singleLine(displayName, "email display name", 200);
    }

    /**
     * Whether {@code address} matches {@link #ADDRESS}: for an all-ASCII address (nearly all of them) by a scan that
     * decides the same grammar without the regex, which made rebuilding stored contacts slow; otherwise by the regex.
     */
    static boolean looksValid(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || !isAscii(address)) {
            return at > 0 && ADDRESS.matcher(address).matches();
        }
        return asciiLocalPart(address, at) && asciiDomain(address, at + 1);
    }

    static boolean matchesRegex(String address) {
        return ADDRESS.matcher(address).matches();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Atoms of letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, joined by single dots, before {@code end}. */
    private static boolean asciiLocalPart(String address, int end) {
        boolean atomStart = true;
        for (int i = 0; i < end; i++) {
            char c = address.charAt(i);
            if (c == '.') {
                if (atomStart) {
                    return false;
                }
                atomStart = true;
            } else if (isAlphanumeric(c) || "!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0) {
                atomStart = false;
            } else {
                return false;
            }
        }
        return !atomStart;
    }

    /**
     * One or more labels (alphanumeric at both ends, hyphens inside), each followed by a dot, then a last part of 2 to
     * 63 letters, digits or hyphens.
     */
    private static boolean asciiDomain(String address, int from) {
        int lastDot = address.lastIndexOf('.');
        if (lastDot < from) {
            return false;
        }
        int labelStart = from;
        for (int i = from; i <= lastDot; i++) {
            char c = address.charAt(i);
            if (c == '.') {
                if (i == labelStart || address.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!(isAlphanumeric(c) || (c == '-' && i != labelStart))) {
                return false;
            }
        }
        int last = address.length() - lastDot - 1;
        if (last < 2 || last > 63) {
            return false;
        }
        for (int i = lastDot + 1; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(isAlphanumeric(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** An address without a display name. */
    public static EmailAddress of(String address) {
        return new EmailAddress(address, null);
    }

    /** An address with a display name. */
    public static EmailAddress of(String address, String displayName) {
        return new EmailAddress(address, displayName);
    }

    /** The domain part, lower case. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
