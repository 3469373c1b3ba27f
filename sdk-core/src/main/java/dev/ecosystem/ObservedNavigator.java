package dev.ecosystem;

import dev.ecosystem.internal.Timed;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.navigator.Navigator;
import dev.ecosystem.navigator.PartnerMatch;
import dev.ecosystem.spi.Telemetry;

/**
 * A tenant's navigator whose calls are timed as {@link Telemetry.Operation#SEARCH}. It wraps the navigator at the
 * facade, so the search path behind it can change without touching the measurement.
 */
final class ObservedNavigator implements Navigator {
    private static final String PROVIDER = "navigator";

    private final Navigator navigator;
    private final Telemetry telemetry;

    /** {@code navigator}, reporting to {@code telemetry}. */
    ObservedNavigator(Navigator navigator, Telemetry telemetry) {
        this.navigator = navigator;
        this.telemetry = telemetry;
    }

    @Override
    public Page<PartnerMatch> search(IdealPartnerProfile profile, PageRequest page) {
        return Timed.call(telemetry, Telemetry.Operation.SEARCH, PROVIDER, () -> navigator.search(profile, page));
    }

    @Override
    public PartnerMatch evaluate(IdealPartnerProfile profile, CompanyId company) {
        return Timed.call(telemetry, Telemetry.Operation.SEARCH, PROVIDER, () -> navigator.evaluate(profile, company));
    }
}
