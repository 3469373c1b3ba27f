package dev.ecosystem.program.internal;

import dev.ecosystem.model.ChecklistItem;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import dev.ecosystem.model.TierRule;
import dev.ecosystem.spi.BriefRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A program's terms in words, for a {@link dev.ecosystem.spi.BriefDrafter}: nothing about partners or contacts. */
final class BriefFacts {
    private BriefFacts() {
    }

    static BriefRequest request(String vendorName, PartnerProgram program) {
        ProgramTerms terms = program.terms();
        List<String> checklist = new ArrayList<>();
        for (ChecklistItem item : terms.checklist()) {
            checklist.add(item.title());
        }
        List<String> tiers = new ArrayList<>();
        for (TierRule tier : terms.tiers()) {
            tiers.add(tier.tier());
        }
        return new BriefRequest(vendorName, terms.name(), terms.type(), profile(terms.profile()),
                terms.valueProposition(), commission(terms.commission()), terms.protectionWindow().toDays(),
                checklist, tiers);
    }

    /** Required, then preferred (heaviest first), then excluded traits, signals and sizes. */
    static List<String> profile(IdealPartnerProfile profile) {
        List<String> lines = new ArrayList<>();
        profile.required().forEach(tag -> lines.add("must be " + trait(tag)));
        profile.preferred().entrySet().stream()
                .sorted(Map.Entry.<Tag, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> lines.add("ideally " + trait(entry.getKey())));
        profile.excluded().forEach(tag -> lines.add("not " + trait(tag)));
        profile.preferredSignals().keySet().forEach(signal -> lines.add("ideally shows: " + words(signal)));
        if (!profile.sizeBands().isEmpty()) {
            List<String> sizes = new ArrayList<>();
            for (SizeBand band : SizeBand.values()) {
                if (profile.sizeBands().contains(band)) {
                    sizes.add(size(band));
                }
            }
            lines.add("company size: " + String.join(" or ", sizes));
        }
        return lines;
    }

    private static String trait(Tag tag) {
        return tag.namespace() == Tag.Namespace.ROLE ? "with people working in " + words(tag.value())
                : "a business in " + words(tag.value());
    }

    private static String size(SizeBand band) {
        return switch (band) {
            case MICRO -> "1 to 10 people";
            case SMALL -> "11 to 50 people";
            case MEDIUM -> "51 to 200 people";
            case LARGE -> "201 to 1,000 people";
            case ENTERPRISE -> "more than 1,000 people";
        };
    }

    /** The plan's rates, tiers, volume steps, cap, hold and clawback, one line each. */
    static List<String> commission(CommissionPlan plan) {
        List<String> lines = new ArrayList<>();
        lines.add(percent(plan.rate()) + " of the revenue credited to you (plan \"" + plan.name() + "\", "
                + plan.model().name() + " attribution)");
        plan.tierRates().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(tier -> lines.add(percent(tier.getValue()) + " at tier " + tier.getKey()));
        plan.volumeTiers().forEach((threshold, rate) -> lines.add(percent(rate) + " from a yearly volume of "
                + plain(threshold)
                + (plan.wholeVolume() ? ", on the whole year's volume" : ", on the volume above it")));
        if (plan.recurringMonths() > 0) {
            lines.add("paid monthly for " + plan.recurringMonths() + " months from the close, 1/12 of the yearly "
                    + "amount each month");
        }
        if (plan.annualCap() != null) {
            lines.add("at most " + plain(plan.annualCap()) + " per calendar year");
        }
        if (plan.holdDays() > 0) {
            lines.add("each earning is held " + plan.holdDays() + " days before it is paid");
        }
        if (plan.clawbackDays() > 0) {
            lines.add("a refund or churn within " + plan.clawbackDays() + " days of the close reverses its "
                    + "commission");
        }
        return lines;
    }

    private static String percent(BigDecimal rate) {
        return plain(rate) + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String words(String normalized) {
        return normalized.replace('-', ' ');
    }
}
