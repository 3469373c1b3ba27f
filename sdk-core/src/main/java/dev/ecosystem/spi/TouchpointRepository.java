package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import org.jspecify.annotations.Nullable;

/** Each tenant's append-only attribution ledger: entries are never changed or removed. */
public interface TouchpointRepository {
    /**
     * Appends an entry.
     *
     * @throws dev.ecosystem.error.ConflictException when the owner already has an entry with this id
     * @throws dev.ecosystem.error.NotFoundException when {@code reverses} names no entry of the owner
     */
    void append(Touchpoint touchpoint);

    /** The owner's entry, or {@code null}. */
    @Nullable Touchpoint get(CompanyId owner, TouchpointId id);

    /** The owner's entries in ascending id order. */
    Page<Touchpoint> list(CompanyId owner, PageRequest page);
}
