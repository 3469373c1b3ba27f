package dev.ecosystem.partnership.internal;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.partnership.LifecycleRun;
import dev.ecosystem.partnership.PartnershipOperations;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@link PartnershipOperations} on one client's engine. */
public final class HostPartnershipOperations implements PartnershipOperations {
    private final PartnershipEngine engine;

    /** The host's side of {@code engine}. */
    public HostPartnershipOperations(PartnershipEngine engine) {
        this.engine = engine;
    }

    @Override
    public LifecycleRun runDue(Instant now) {
        return engine.runDue(now);
    }

    @Override
    public Invitation read(String token) {
        return engine.read(token);
    }

    @Override
    public Invitation accept(String token, CompanyId acceptingCompany) {
        return engine.accept(token, acceptingCompany);
    }

    @Override
    public Invitation decline(String token, @Nullable String reason) {
        return engine.decline(token, reason);
    }
}
