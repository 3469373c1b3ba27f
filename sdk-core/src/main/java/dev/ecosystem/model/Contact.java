package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.internal.base.SortedArraySet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A person at a company of the network. A contact who opted out of introductions is never emailed by the SDK.
 *
 * <p>Other companies can name a contact in an introduction request only when its company marked it
 * {@code reachableForIntroductions}: contacts are private by construction, so an id another company guesses or was
 * told gets the same refusal as an unknown one.
 *
 * @param id the contact's id
 * @param companyId the company the person works for (the tenant that owns this record)
 * @param name the person's name
 * @param email where the person is reached
 * @param title job title, or {@code null}
 * @param roleTags what the person does (all in the {@code ROLE} namespace)
 * @param optedOutOfIntroductions whether the person asked never to be introduced
 * @param reachableForIntroductions whether other companies may name this person as the target of an introduction
 *     request (its own company always may, as requester or introducer); {@code false} unless the company says so
 */
public record Contact(
        ContactId id,
        CompanyId companyId,
        String name,
        EmailAddress email,
        @Nullable String title,
        SortedSet<Tag> roleTags,
        boolean optedOutOfIntroductions,
        boolean reachableForIntroductions) {

    /** Validates every field. */
    public Contact {
        Checks.required(id, "contact id");
        Checks.required(companyId, "contact companyId");
        name = Checks.singleLine(name, "contact name", 200);
        Checks.required(email, "contact email");
        title = title == null || title.isBlank() ? null : Canon.text(Checks.singleLine(title, "contact title", 200));
        Checks.noNulls(roleTags, "roleTags");
        for (Tag tag : roleTags) {
            if (tag.namespace() != Tag.Namespace.ROLE) {
                throw new ValidationException("roleTags of contact " + id + " must be role tags, but contained " + tag);
            }
        }
        roleTags = Canon.collection(SortedArraySet.copyOf(roleTags, Canon::tag));
    }

    /** Starts a builder with the required fields. */
    public static Builder builder(ContactId id, CompanyId companyId, String name, String email) {
        return new Builder(id, companyId, name, email);
    }

    /** A copy with the opt-out flag set as given. */
    public Contact withOptedOut(boolean optedOut) {
        return new Contact(id, companyId, name, email, title, roleTags, optedOut, reachableForIntroductions);
    }

    /** Builds a {@link Contact}. */
    public static final class Builder {
        private final ContactId id;
        private final CompanyId companyId;
        private final String name;
        private final String email;
        private @Nullable String title;
        private final Set<Tag> roleTags = new LinkedHashSet<>();
        private boolean optedOut;
        private boolean reachable;

        private Builder(ContactId id, CompanyId companyId, String name, String email) {
            this.id = id;
            this.companyId = companyId;
            this.name = name;
            this.email = email;
        }

        /** Job title. */
        public Builder title(@Nullable String title) {
            this.title = title;
            return this;
        }

        /** Adds role tags by value ({@code "head-of-partnerships"}); the {@code role:} prefix is implied. */
        public Builder roleTags(String... values) {
            for (String value : values) {
                roleTags.add(Tag.role(value));
            }
            return this;
        }

        /** Replaces the role tags. */
        public Builder roleTags(Collection<Tag> tags) {
            roleTags.clear();
            roleTags.addAll(tags);
            return this;
        }

        /** Whether the person opted out of introductions. */
        public Builder optedOutOfIntroductions(boolean optedOut) {
            this.optedOut = optedOut;
            return this;
        }

        /**
         * Whether other companies may name the person as the target of an introduction (default {@code false}:
         * a company decides who of its people can be asked for by others).
         */
        public Builder reachableForIntroductions(boolean reachable) {
            this.reachable = reachable;
            return this;
        }

        /** Validates and builds. */
        public Contact build() {
            return new Contact(id, companyId, name, new EmailAddress(email, name), title, new TreeSet<>(roleTags),
                    optedOut, reachable);
        }
    }
}
