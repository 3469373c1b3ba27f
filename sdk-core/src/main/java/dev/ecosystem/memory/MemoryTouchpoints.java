package dev.ecosystem.memory;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.spi.TouchpointRepository;
import org.jspecify.annotations.Nullable;

/** Each owner's append-only ledger. */
final class MemoryTouchpoints implements TouchpointRepository {
    private final MemoryTransaction tx;
    private final Table<Touchpoint> touchpoints;

    MemoryTouchpoints(MemoryTransaction tx, Table<Touchpoint> touchpoints) {
        this.tx = tx;
        this.touchpoints = touchpoints;
    }

    @Override
    public void append(Touchpoint touchpoint) {
        tx.checkOpen();
        CompanyId owner = touchpoint.owner();
        if (touchpoints.get(owner, touchpoint.id().value()) != null) {
            throw new ConflictException("the ledger of " + owner + " already has touchpoint " + touchpoint.id()
                    + "; entries are never replaced: append a reversal and a new entry instead");
        }
        TouchpointId reversed = touchpoint.reverses();
        if (reversed != null && touchpoints.get(owner, reversed.value()) == null) {
            throw new NotFoundException("touchpoint " + touchpoint.id() + " reverses " + reversed
                    + ", which is not in the ledger of " + owner);
        }
        touchpoints.put(tx, owner, touchpoint.id().value(), touchpoint);
    }

    @Override
    public @Nullable Touchpoint get(CompanyId owner, TouchpointId id) {
        tx.checkOpen();
        return touchpoints.get(owner, id.value());
    }

    @Override
    public Page<Touchpoint> list(CompanyId owner, PageRequest page) {
        tx.checkOpen();
        return touchpoints.page(owner, page);
    }
}
