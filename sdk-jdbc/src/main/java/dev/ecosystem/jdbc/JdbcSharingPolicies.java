package dev.ecosystem.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecosystem.model.ChangeKind;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.spi.SharingPolicyRepository;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sharing policies in the {@code sharing_policies} table, one per (owner, partner), each as JSON:
 * {@code {"minimumCount": 3, "exactCounts": false, "rules": {"customers": {"visibility": "RECORDS", "fields":
 * ["name"]}}}}. A policy stored before {@code exactCounts} existed reads back with noised counts (false), the safe
 * default.
 */
final class JdbcSharingPolicies implements SharingPolicyRepository {
    private final JdbcTransaction tx;
    private final String table;

    JdbcSharingPolicies(JdbcTransaction tx) {
        this.tx = tx;
        this.table = tx.table("sharing_policies");
    }

    @Override
    public void put(CompanyId owner, CompanyId partner, SharingPolicy policy) {
        Map<String, Object> rules = new LinkedHashMap<>();
        policy.rules().forEach((population, rule) -> rules.put(population.name(), Map.of(
                "visibility", rule.visibility().name(), "fields", List.copyOf(rule.fields()))));
        String json = Columns.json(Map.of("minimumCount", policy.minimumCount(), "exactCounts",
                policy.exactCounts(), "rules", rules));
        tx.upsertWithChange("put sharing policy", table, List.of("owner", "partner"),
                List.of("owner", "partner", "policy"), new Object[] {owner.value(), partner.value(), json},
                ChangeKind.SHARING_POLICY, owner, partner.value());
    }

    @Override
    public @Nullable SharingPolicy get(CompanyId owner, CompanyId partner) {
        String json = tx.queryOne("get sharing policy", "SELECT policy FROM " + table
                + " WHERE owner = ? AND partner = ?", row -> row.getString(1), owner.value(), partner.value());
        return json == null ? null : policy(Columns.tree(json));
    }

    @Override
    public boolean remove(CompanyId owner, CompanyId partner) {
        return tx.changedIf(tx.update("remove sharing policy", "DELETE FROM " + table
                + " WHERE owner = ? AND partner = ?", owner.value(), partner.value()) > 0, ChangeKind.SHARING_POLICY,
                owner, partner.value());
    }

    private static SharingPolicy policy(JsonNode json) {
        Map<Population, SharingPolicy.Rule> rules = new LinkedHashMap<>();
        json.get("rules").properties().forEach(entry -> {
            Set<String> fields = new HashSet<>();
            entry.getValue().get("fields").forEach(field -> fields.add(field.asText()));
            rules.put(new Population(entry.getKey()), new SharingPolicy.Rule(
                    SharingPolicy.Visibility.valueOf(entry.getValue().get("visibility").asText()), fields));
        });
        JsonNode exact = json.get("exactCounts");
        return new SharingPolicy(rules, json.get("minimumCount").asInt(), exact != null && exact.asBoolean());
    }
}
