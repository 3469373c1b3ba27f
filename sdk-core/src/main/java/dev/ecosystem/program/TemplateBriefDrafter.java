package dev.ecosystem.program;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.BriefSection;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.spi.BriefDraft;
import dev.ecosystem.spi.BriefDrafter;
import dev.ecosystem.spi.BriefRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default {@link BriefDrafter}: a fixed, plain English brief filled with the program's terms. Needs no network
 * and never fails for a valid request; pass it as the fallback of an AI drafter.
 *
 * <pre>{@code
 * BriefDrafter drafter = TemplateBriefDrafter.create();
 * }</pre>
 */
public final class TemplateBriefDrafter implements BriefDrafter {
    private static final TemplateBriefDrafter INSTANCE = new TemplateBriefDrafter();

    private TemplateBriefDrafter() {
    }

    /** The drafter (stateless, shared). */
    public static TemplateBriefDrafter create() {
        return INSTANCE;
    }

    @Override
    public BriefDraft draft(BriefRequest request) {
        Checks.required(request, "request");
        String vendor = request.vendorName();
        Map<BriefSection, String> sections = new EnumMap<>(BriefSection.class);
        sections.put(BriefSection.IDEAL_PARTNER, "We are looking for " + kind(request.partnerType())
                + " who fit this profile:\n\n" + bullets(request.idealPartner().isEmpty()
                        ? List.of("any company whose customers could use " + vendor) : request.idealPartner()));
        sections.put(BriefSection.VALUE_PROPOSITION, request.valueProposition().isBlank()
                ? "Partner with " + vendor + " and earn a commission on every customer you bring us. Your "
                        + "registered referrals are protected while we work them, so the credit stays yours."
                : request.valueProposition());
        sections.put(BriefSection.GOOD_REFERRAL, "A good referral is a company with a real need " + vendor
                + " solves, and a person there you can introduce us to. Before you register one, check that:\n\n"
                + bullets(List.of("it fits the profile above",
                        "you have talked to the person who decides, and they agreed to hear from us",
                        "it is not already a customer of " + vendor,
                        "you know roughly what they need and when")));
        StringBuilder register = new StringBuilder("Register each referral with ").append(vendor)
                .append(" before you introduce it: the company's name, its web domain and the person to contact. ")
                .append(vendor).append(" accepts or rejects it");
        if (request.protectionDays() > 0) {
            register.append("; once accepted, it is protected for ").append(request.protectionDays())
                    .append(request.protectionDays() == 1 ? " day" : " days")
                    .append(": no other partner earns on it in that time");
        }
        register.append('.');
        if (!request.checklist().isEmpty()) {
            register.append("\n\nBefore your first referral:\n\n").append(bullets(request.checklist()));
        }
        sections.put(BriefSection.HOW_TO_REGISTER, register.toString());
        StringBuilder commission = new StringBuilder(bullets(request.commission().isEmpty()
                ? List.of("as agreed with " + vendor) : request.commission()));
        if (!request.tiers().isEmpty()) {
            commission.append("\n\nTiers, from the first: ").append(String.join(", ", request.tiers()))
                    .append(". Higher tiers can earn higher rates.");
        }
        sections.put(BriefSection.COMMISSION, commission.toString());
        return new BriefDraft(request.programName() + ": partner brief from " + vendor, sections, null);
    }

    private static String kind(PartnerType type) {
        return type.name().toLowerCase(Locale.ROOT) + " partners";
    }

    private static String bullets(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(text.length() == 0 ? "" : "\n").append("- ").append(line.strip().replace('\n', ' '));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "TemplateBriefDrafter";
    }
}
