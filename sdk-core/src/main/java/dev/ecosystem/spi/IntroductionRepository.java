package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Introductions, with their consents and their history (stored as part of the {@link Introduction}). Each is
 * visible to its requester's and its target's company, to nobody else.
 */
public interface IntroductionRepository {
    /**
     * Stores a new introduction at version 0 and returns it as stored.
     *
     * @throws dev.ecosystem.error.ConflictException when the id is taken
     */
    Introduction insert(Introduction introduction);

    /**
     * Replaces the stored introduction if its version is still {@code introduction.version()}; returns it as
     * stored, with the version increased by one.
     *
     * @throws dev.ecosystem.error.ConflictException when the stored version differs (a concurrent update won), or the
     *     update would change the requester's or the target's company
     * @throws dev.ecosystem.error.NotFoundException when there is no such introduction
     */
    Introduction update(Introduction introduction);

    /** The introduction, if {@code party} is one of its two companies; otherwise {@code null}. */
    @Nullable Introduction get(CompanyId party, IntroductionId id);

    /** Introductions involving {@code party}, in ascending id order. */
    Page<Introduction> list(CompanyId party, PageRequest page);

    /**
     * Open introductions (not {@link dev.ecosystem.model.IntroductionStatus#isTerminal() terminal}) whose
     * {@link Introduction#nextDueAt()} is at or before {@code now}, of every company, earliest due first (ties in
     * ascending id order), at most {@code limit}. A host-level call for the scheduler: it is not scoped to a tenant.
     *
     * @throws dev.ecosystem.error.ValidationException when {@code now} is null or {@code limit} is not between 1 and 1000
     */
    List<Introduction> due(Instant now, int limit);

    /**
     * How many open introductions created at or after {@code since} have {@code contact} of {@code company} as
     * their {@code party}: as requester ({@code requesterCompany}, {@code requester}) or as target
     * ({@code targetCompany}, {@code target}). Used to enforce the open-request limits.
     *
     * @throws dev.ecosystem.error.ValidationException when an argument is null
     */
    long countOpen(IntroParty party, CompanyId company, ContactId contact, Instant since);
}
