/**
 * Immutable value types of the partner ecosystem: companies and their contacts, tags, partnerships, CRM snapshots
 * (accounts, deals), introductions, touchpoints and emails. Every type validates on construction and fails with a
 * {@link dev.ecosystem.error.ValidationException} that names the field and the value.
 */
@NullMarked
package dev.ecosystem.model;

import org.jspecify.annotations.NullMarked;
