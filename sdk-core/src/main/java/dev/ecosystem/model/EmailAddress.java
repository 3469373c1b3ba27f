package dev.ecosystem.model;

import dev.ecosystem.ValidationException;
import dev.ecosystem.internal.Checks;
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
        if (!ADDRESS.matcher(normalized).matches()) {
            throw new ValidationException("email address must look like name@example.com, but was "
                    + Checks.quote(address));
        }
        address = normalized;
        displayName = displayName == null || displayName.isBlank()
                ? null : Checks.singleLine(displayName, "email display name", 200);
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
