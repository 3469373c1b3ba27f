package dev.ecosystem.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecosystem.model.ActivationTrigger;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.ChecklistItem;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import dev.ecosystem.model.TierMetric;
import dev.ecosystem.model.TierRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A program's terms as JSON and back, field by field: the profile and the plan are classes with builders (the
 * profile's tags as {@code namespace:value}, the plan's model by {@link AttributionModel#name()}), and every decimal
 * is kept as text so its scale reads back equal.
 */
final class ProgramJson {
    private ProgramJson() {
    }

    static String write(ProgramTerms terms) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", terms.type().name());
        json.put("name", terms.name());
        json.put("profile", profile(terms.profile()));
        json.put("commission", plan(terms.commission()));
        json.put("protectionWindow", terms.protectionWindow().toString());
        json.put("checklist", terms.checklist().stream().map(item -> List.of(item.key(), item.title())).toList());
        List<Object> tiers = new ArrayList<>();
        for (TierRule rule : terms.tiers()) {
            Map<String, String> thresholds = new LinkedHashMap<>();
            rule.thresholds().forEach((metric, least) -> thresholds.put(metric.name(), least.toString()));
            tiers.add(Map.of("tier", rule.tier(), "thresholds", thresholds));
        }
        json.put("tiers", tiers);
        json.put("activation", terms.activation().stream().map(Enum::name).toList());
        json.put("dormancyDays", terms.dormancyDays());
        json.put("valueProposition", terms.valueProposition());
        return Columns.json(json);
    }

    static ProgramTerms read(String text) {
        JsonNode json = Columns.tree(text);
        PartnerType type = PartnerType.valueOf(json.get("type").asText());
        ProgramTerms.Builder terms = ProgramTerms.builder(type, json.get("name").asText())
                .profile(profile(json.get("profile")))
                .commission(plan(json.get("commission")))
                .protectionWindow(Duration.parse(json.get("protectionWindow").asText()))
                .dormancyDays(json.get("dormancyDays").asInt())
                .valueProposition(json.get("valueProposition").asText());
        json.get("checklist").forEach(item -> terms.checklistItem(item.get(0).asText(), item.get(1).asText()));
        for (JsonNode tier : json.get("tiers")) {
            Map<TierMetric, BigDecimal> thresholds = new EnumMap<>(TierMetric.class);
            entries(tier.get("thresholds"), (metric, least) -> thresholds.put(TierMetric.valueOf(metric),
                    new BigDecimal(least.asText())));
            terms.tier(new TierRule(tier.get("tier").asText(), thresholds));
        }
        List<ActivationTrigger> activation = new ArrayList<>();
        json.get("activation").forEach(trigger -> activation.add(ActivationTrigger.valueOf(trigger.asText())));
        return terms.activation(activation.get(0), activation.subList(1, activation.size())
                .toArray(ActivationTrigger[]::new)).build();
    }

    private static Map<String, Object> profile(IdealPartnerProfile profile) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partnerType", profile.partnerType().name());
        json.put("required", profile.required().stream().map(Tag::toString).toList());
        Map<String, Integer> preferred = new LinkedHashMap<>();
        profile.preferred().forEach((tag, weight) -> preferred.put(tag.toString(), weight));
        json.put("preferred", preferred);
        json.put("excluded", profile.excluded().stream().map(Tag::toString).toList());
        json.put("preferredSignals", profile.preferredSignals());
        json.put("sizeBands", profile.sizeBands().stream().map(Enum::name).toList());
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (Criterion criterion : Criterion.values()) {
            weights.put(criterion.name(), profile.weight(criterion));
        }
        json.put("weights", weights);
        json.put("overlapTarget", profile.overlapTarget());
        json.put("includeExistingPartners", profile.includeExistingPartners());
        return json;
    }

    private static IdealPartnerProfile profile(JsonNode json) {
        IdealPartnerProfile.Builder profile = IdealPartnerProfile.builder(
                PartnerType.valueOf(json.get("partnerType").asText()));
        json.get("required").forEach(tag -> profile.require(Tag.parse(tag.asText())));
        entries(json.get("preferred"), (tag, weight) -> profile.prefer(Tag.parse(tag), weight.asInt()));
        json.get("excluded").forEach(tag -> profile.exclude(Tag.parse(tag.asText())));
        entries(json.get("preferredSignals"), (signal, weight) -> profile.preferSignal(signal, weight.asInt()));
        List<SizeBand> bands = new ArrayList<>();
        json.get("sizeBands").forEach(band -> bands.add(SizeBand.valueOf(band.asText())));
        profile.sizeBands(bands.toArray(SizeBand[]::new));
        entries(json.get("weights"), (criterion, weight) -> profile.weight(Criterion.valueOf(criterion),
                weight.asInt()));
        return profile.overlapTarget(json.get("overlapTarget").asInt())
                .includeExistingPartners(json.get("includeExistingPartners").asBoolean())
                .build();
    }

    private static Map<String, Object> plan(CommissionPlan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", plan.name());
        json.put("model", plan.model().name());
        json.put("rate", plan.rate().toString());
        Map<String, String> tierRates = new LinkedHashMap<>();
        plan.tierRates().forEach((tier, rate) -> tierRates.put(tier, rate.toString()));
        json.put("tierRates", tierRates);
        json.put("volumeTiers", plan.volumeTiers().entrySet().stream()
                .map(tier -> List.of(tier.getKey().toString(), tier.getValue().toString())).toList());
        json.put("wholeVolume", plan.wholeVolume());
        json.put("recurringMonths", plan.recurringMonths());
        json.put("annualCap", plan.annualCap() == null ? null : plan.annualCap().toString());
        json.put("holdDays", plan.holdDays());
        json.put("clawbackDays", plan.clawbackDays());
        return json;
    }

    private static CommissionPlan plan(JsonNode json) {
        Map<String, BigDecimal> tierRates = new LinkedHashMap<>();
        entries(json.get("tierRates"), (tier, rate) -> tierRates.put(tier, new BigDecimal(rate.asText())));
        NavigableMap<BigDecimal, BigDecimal> volumeTiers = new TreeMap<>();
        json.get("volumeTiers").forEach(tier -> volumeTiers.put(new BigDecimal(tier.get(0).asText()),
                new BigDecimal(tier.get(1).asText())));
        JsonNode cap = json.get("annualCap");
        return new CommissionPlan(json.get("name").asText(), AttributionModel.parse(json.get("model").asText()),
                new BigDecimal(json.get("rate").asText()), tierRates, volumeTiers,
                json.get("wholeVolume").asBoolean(), json.get("recurringMonths").asInt(),
                cap == null || cap.isNull() ? null : new BigDecimal(cap.asText()), json.get("holdDays").asInt(),
                json.get("clawbackDays").asInt());
    }

    private static void entries(JsonNode object, BiConsumer<String, JsonNode> action) {
        object.properties().forEach(entry -> action.accept(entry.getKey(), entry.getValue()));
    }
}
