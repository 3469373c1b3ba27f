/**
 * Immutable value types of the partner ecosystem: companies and their contacts, tags, partnerships, CRM snapshots
 * (accounts, deals), introductions, touchpoints and emails, and every value a port stores or returns (programs and
 * their terms, briefs, certifications, tier reviews, invitations, registrations, statements, sharing policies). Every
 * type validates on construction and fails with a {@link dev.ecosystem.error.ValidationException} that names the
 * field and the value. Depends only on {@code dev.ecosystem.error} and {@code dev.ecosystem.internal.base}.
 */
@NullMarked
package dev.ecosystem.model;

import org.jspecify.annotations.NullMarked;
