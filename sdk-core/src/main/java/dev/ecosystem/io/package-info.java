/**
 * Loading a network and CRM snapshots from files: {@link dev.ecosystem.io.NetworkFiles} reads companies and
 * contacts from CSV or JSON into a {@link dev.ecosystem.io.Network}, which {@link
 * dev.ecosystem.io.Network#storeInto stores} in one transaction; {@link dev.ecosystem.io.CrmFiles} reads a tenant's
 * CRM accounts and deals from CSV.
 *
 * <p>Loading is all or nothing: every row is parsed and validated before anything is returned. Bad input fails with
 * one {@link dev.ecosystem.error.ValidationException} that lists up to ten problems, one per line, each naming the file, the
 * 1-based line, the column (CSV) or field (JSON), and the value:
 * {@code companies.csv line 17, column business_tags: tag value must be 1 to 64 letters, ... but was "b2b!"}.
 */
@NullMarked
package dev.ecosystem.io;

import org.jspecify.annotations.NullMarked;
