package dev.ecosystem.program;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.spi.BriefDrafter;
import org.jspecify.annotations.Nullable;

/**
 * How enablement briefs are drafted and sent; pass to {@code EcosystemClient.Builder.briefs(...)}.
 *
 * <pre>{@code
 * BriefSettings settings = BriefSettings.of(LlmBriefDrafter.create("gpt-4o-mini", key, TemplateBriefDrafter.create()))
 *         .withSender(EmailAddress.of("partners@acme.example", "Acme Partners"));
 * }</pre>
 *
 * @param drafter writes briefs from program terms
 * @param sender the address briefs are sent from, or {@code null} for the introductions' sender
 */
public record BriefSettings(BriefDrafter drafter, @Nullable EmailAddress sender) {
    /** Validates. */
    public BriefSettings {
        Checks.required(drafter, "brief drafter");
    }

    /** The template drafter and the introductions' sender. */
    public static BriefSettings defaults() {
        return of(TemplateBriefDrafter.create());
    }

    /** {@code drafter} and the introductions' sender. */
    public static BriefSettings of(BriefDrafter drafter) {
        return new BriefSettings(drafter, null);
    }

    /** A copy sending from {@code address}. */
    public BriefSettings withSender(EmailAddress address) {
        return new BriefSettings(drafter, Checks.required(address, "brief sender"));
    }
}
