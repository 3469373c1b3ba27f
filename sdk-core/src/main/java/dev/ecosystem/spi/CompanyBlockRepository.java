package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;

/**
 * Which companies each company has blocked from introductions. A block is one-sided as stored; the intro workflow
 * refuses a request when either side has blocked the other. Keyed by (owner, blocked). Every method refuses a null
 * argument with a {@link dev.ecosystem.error.ValidationException}.
 */
public interface CompanyBlockRepository {
    /**
     * Records that {@code owner} blocks {@code blocked}; returns whether it was not blocked before.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code owner} and {@code blocked} are the same company
     */
    boolean block(CompanyId owner, CompanyId blocked);

    /** Lifts the block; returns whether there was one. */
    boolean unblock(CompanyId owner, CompanyId blocked);

    /** Whether {@code owner} blocks {@code other}. */
    boolean isBlocked(CompanyId owner, CompanyId other);

    /**
     * The companies {@code owner} blocks, in ascending (binary) id order, one page at a time.
     *
     * @throws dev.ecosystem.error.ValidationException when the page's cursor is malformed or comes from another list
     */
    Page<CompanyId> list(CompanyId owner, PageRequest page);

    /**
     * The companies that block {@code blocked}: the other direction of {@link #list}, in ascending (binary) id order,
     * one page at a time. A search reads it once to leave out every company that blocks the searcher, instead of
     * asking {@link #isBlocked} about each result, so a store answers it from an index on the blocked company.
     *
     * @throws dev.ecosystem.error.ValidationException when the page's cursor is malformed or comes from another list
     *     (a cursor of {@link #list} included)
     */
    Page<CompanyId> blockers(CompanyId blocked, PageRequest page);
}
