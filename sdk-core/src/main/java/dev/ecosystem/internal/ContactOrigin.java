package dev.ecosystem.internal;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import org.jspecify.annotations.Nullable;

/**
 * The origin of an outbox entry sent to one contact outside an introduction (an enablement brief, for example): what
 * caused it, and the contact, so that the outbox dispatcher can check right before sending that the contact has not
 * opted out since the entry was enqueued. The parts are joined by line feeds, which no id contains; such an origin is
 * never read as an introduction id.
 */
public final class ContactOrigin {
    private static final String MARK = "to-contact";

    private ContactOrigin() {
    }

    /** A contact an outbox entry goes to. */
    public record Ref(CompanyId company, ContactId contact) {
    }

    /** The origin of an entry to {@code to} caused by {@code cause}, a one-line text such as {@code brief:p1:2}. */
    public static String of(String cause, Contact to) {
        return Checks.singleLine(cause, "cause", 200) + "\n" + MARK + "\n" + to.companyId().value() + "\n"
                + to.id().value();
    }

    /** What caused an entry with this origin: its first line. */
    public static String cause(String origin) {
        int end = origin.indexOf('\n');
        return end < 0 ? origin : origin.substring(0, end);
    }

    /** The contact an origin names, or {@code null} when it is not a contact origin. */
    public static @Nullable Ref parse(@Nullable String origin) {
        if (origin == null) {
            return null;
        }
        String[] parts = origin.split("\n", -1);
        if (parts.length != 4 || !parts[1].equals(MARK)) {
            return null;
        }
        try {
            return new Ref(CompanyId.of(parts[2]), ContactId.of(parts[3]));
        } catch (ValidationException e) {
            return null;
        }
    }
}
