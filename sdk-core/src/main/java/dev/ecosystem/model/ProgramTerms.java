package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor offers partners of one type: the terms of a {@link PartnerProgram}, as the vendor writes them.
 * Immutable; build with {@link #builder(PartnerType, String)}.
 *
 * <pre>{@code
 * ProgramTerms referral = ProgramTerms.builder(PartnerType.REFERRAL, "Referral partners")
 *         .profile(IdealPartnerProfile.builder(PartnerType.REFERRAL).preferBusiness("agency", 3).build())
 *         .commission(CommissionPlan.builder("Referral 2026").rate(Rate.percent("10"))
 *                 .tierRate("gold", Rate.percent("15")).build())
 *         .protectionWindow(Duration.ofDays(180))
 *         .checklistItem("agreement", "Sign the partner agreement")
 *         .tier(new TierRule("registered", Map.of()))
 *         .tier(TierRule.of("gold", TierMetric.REGISTRATIONS_ACCEPTED, "5"))
 *         .activation(ActivationTrigger.ACCEPTED_REGISTRATION, ActivationTrigger.ATTRIBUTED_DEAL)
 *         .dormancyDays(90)
 *         .valueProposition("Earn 10% on every customer you refer")
 *         .build();
 * }</pre>
 *
 * @param type the partner type the program is for; a vendor has one program per type
 * @param name the program's name, shown to partners
 * @param profile the ideal partner profile recruiting for the program searches with
 * @param commission what partners earn
 * @param protectionWindow how long an accepted registration protects the partner's prospect, 1 day to 3 years; it
 *     takes precedence over the client's {@code ReferralSettings} window for partners of the program's type
 * @param checklist the onboarding steps, keys unique, in order
 * @param tiers the tiers from the lowest to the highest, names unique; empty for a program without tiers
 * @param activation the activities that move a recruited partner to active; not empty
 * @param dormancyDays days without activity after which an active partner is flagged dormant, 1 to 3,650
 * @param valueProposition why a partner joins, for the enablement brief; may be empty
 */
public record ProgramTerms(
        PartnerType type, String name, IdealPartnerProfile profile, CommissionPlan commission,
        Duration protectionWindow, List<ChecklistItem> checklist, List<TierRule> tiers,
        Set<ActivationTrigger> activation, int dormancyDays, String valueProposition) {

    /** Validates every field and copies the collections. */
    public ProgramTerms {
        Checks.required(type, "program type");
        name = Checks.singleLine(name, "program name", 200);
        Checks.required(profile, "program profile");
        if (profile.partnerType() != type) {
            throw new ValidationException("program profile must be for partner type " + type + ", but was for "
                    + profile.partnerType());
        }
        Checks.required(commission, "program commission");
        Checks.required(protectionWindow, "program protectionWindow");
        if (protectionWindow.compareTo(Duration.ofDays(1)) < 0 || protectionWindow.compareTo(Duration.ofDays(1098)) > 0) {
            throw new ValidationException("program protectionWindow must be between 1 day (P1D) and 3 years (P1098D),"
                    + " but was " + protectionWindow);
        }
        checklist = List.copyOf(Checks.noNulls(checklist, "program checklist"));
        unique(checklist.stream().map(ChecklistItem::key).toList(), "checklist item key");
        tiers = List.copyOf(Checks.noNulls(tiers, "program tiers"));
        unique(tiers.stream().map(TierRule::tier).toList(), "tier");
        Checks.noNulls(activation, "program activation");
        if (activation.isEmpty()) {
            throw new ValidationException("program activation must name at least one of "
                    + List.of(ActivationTrigger.values()) + ", but was empty");
        }
        activation = Collections.unmodifiableSet(EnumSet.copyOf(activation));
        Checks.range(dormancyDays, 1, 3650, "program dormancyDays");
        valueProposition = Checks.required(valueProposition, "program valueProposition").strip();
        if (valueProposition.length() > 2000) {
            throw new ValidationException("program valueProposition must be at most 2000 characters, but was "
                    + valueProposition.length());
        }
    }

    /**
     * Starts terms with a 0 % sourced plan named after the program, 90 days of protection, no checklist, no tiers,
     * every activation trigger, 90 days to dormancy and no value proposition. The profile has no default: set it with
     * {@link Builder#profile(IdealPartnerProfile)}.
     */
    public static Builder builder(PartnerType type, String name) {
        return new Builder(type, name);
    }

    /** A builder holding these terms, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(type, name).profile(profile).commission(commission)
                .protectionWindow(protectionWindow).dormancyDays(dormancyDays).valueProposition(valueProposition);
        builder.checklist.addAll(checklist);
        builder.tiers.addAll(tiers);
        builder.activation = EnumSet.copyOf(activation);
        return builder;
    }

    /** The tier named {@code tier}, or {@code null}. */
    public @Nullable TierRule tier(String tier) {
        for (TierRule rule : tiers) {
            if (rule.tier().equals(tier)) {
                return rule;
            }
        }
        return null;
    }

    private static void unique(List<String> keys, String field) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw new ValidationException("program " + field + " must be unique, but " + Checks.quote(key)
                        + " appears twice");
            }
        }
    }

    /** Builds {@link ProgramTerms}. */
    public static final class Builder {
        private final PartnerType type;
        private final String name;
        private @Nullable IdealPartnerProfile profile;
        private CommissionPlan commission;
        private Duration protectionWindow = Duration.ofDays(90);
        private final List<ChecklistItem> checklist = new ArrayList<>();
        private final List<TierRule> tiers = new ArrayList<>();
        private Set<ActivationTrigger> activation = EnumSet.allOf(ActivationTrigger.class);
        private int dormancyDays = 90;
        private String valueProposition = "";

        private Builder(PartnerType type, String name) {
            this.type = Checks.required(type, "program type");
            this.name = Checks.singleLine(name, "program name", 200);
            this.commission = CommissionPlan.builder(this.name).build();
        }

        /** The ideal partner profile; it must be for the program's type. */
        public Builder profile(IdealPartnerProfile profile) {
            this.profile = Checks.required(profile, "program profile");
            return this;
        }

        /** The commission plan. */
        public Builder commission(CommissionPlan commission) {
            this.commission = Checks.required(commission, "program commission");
            return this;
        }

        /** The protection window of accepted registrations. */
        public Builder protectionWindow(Duration window) {
            this.protectionWindow = Checks.required(window, "program protectionWindow");
            return this;
        }

        /** Adds an onboarding step. */
        public Builder checklistItem(String key, String title) {
            checklist.add(new ChecklistItem(key, title));
            return this;
        }

        /** Adds the next higher tier. */
        public Builder tier(TierRule tier) {
            tiers.add(Checks.required(tier, "program tier"));
            return this;
        }

        /** The activities that activate a recruited partner, replacing the default of all of them. */
        public Builder activation(ActivationTrigger first, ActivationTrigger... more) {
            Set<ActivationTrigger> triggers = EnumSet.of(Checks.required(first, "program activation"));
            for (ActivationTrigger trigger : Checks.required(more, "program activation")) {
                triggers.add(Checks.required(trigger, "program activation"));
            }
            this.activation = triggers;
            return this;
        }

        /** Days without activity before an active partner is flagged dormant. */
        public Builder dormancyDays(int days) {
            this.dormancyDays = days;
            return this;
        }

        /** Why a partner joins, in a sentence or two, for the enablement brief. */
        public Builder valueProposition(String text) {
            this.valueProposition = Checks.required(text, "program valueProposition");
            return this;
        }

        /** Validates and builds. */
        public ProgramTerms build() {
            if (profile == null) {
                throw new ValidationException("program profile is required: set the ideal partner profile of "
                        + type + " partners with profile(IdealPartnerProfile.builder(PartnerType." + type
                        + ")...build())");
            }
            return new ProgramTerms(type, name, profile, commission, protectionWindow, checklist, tiers, activation,
                    dormancyDays, valueProposition);
        }
    }
}
