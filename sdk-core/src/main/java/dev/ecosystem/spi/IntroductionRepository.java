package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import org.jspecify.annotations.Nullable;

/** Introductions. Each is visible to its requester's and its target's company, to nobody else. */
public interface IntroductionRepository {
    /**
     * Stores a new introduction at version 0 and returns it as stored.
     *
     * @throws dev.ecosystem.ConflictException when the id is taken
     */
    Introduction insert(Introduction introduction);

    /**
     * Replaces the stored introduction if its version is still {@code introduction.version()}; returns it as
     * stored, with the version increased by one.
     *
     * @throws dev.ecosystem.ConflictException when the stored version differs (a concurrent update won), or the
     *     update would change the requester's or the target's company
     * @throws dev.ecosystem.NotFoundException when there is no such introduction
     */
    Introduction update(Introduction introduction);

    /** The introduction, if {@code party} is one of its two companies; otherwise {@code null}. */
    @Nullable Introduction get(CompanyId party, IntroductionId id);

    /** Introductions involving {@code party}, in ascending id order. */
    Page<Introduction> list(CompanyId party, PageRequest page);
}
