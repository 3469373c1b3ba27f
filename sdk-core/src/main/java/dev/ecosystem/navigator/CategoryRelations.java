package dev.ecosystem.navigator;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.Tag;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How product categories sit in a customer's stack: which feed which. Used by {@link Criterion#COMPLEMENTARITY}: a
 * candidate whose category is upstream or downstream of one of the searcher's complements it. Categories are
 * normalized like {@link Tag} values.
 *
 * <pre>{@code
 * CategoryRelations relations = CategoryRelations.builder()
 *         .feeds("crm", "email-marketing")        // CRM data flows into email marketing
 *         .feeds("email-marketing", "analytics")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CategoryRelations {
    private static final CategoryRelations NONE = new CategoryRelations(Map.of(), Map.of());

    private final Map<String, SortedSet<String>> downstream;
    private final Map<String, SortedSet<String>> upstream;

    private CategoryRelations(Map<String, SortedSet<String>> downstream, Map<String, SortedSet<String>> upstream) {
        this.downstream = downstream;
        this.upstream = upstream;
    }

    /** No relations: complementarity never scores. */
    public static CategoryRelations none() {
        return NONE;
    }

    /** Starts empty relations. */
    public static Builder builder() {
        return new Builder();
    }

    /** Categories that feed {@code category}. */
    public Set<String> upstreamOf(String category) {
        return upstream.getOrDefault(Tag.normalize(category, "category"), Collections.emptySortedSet());
    }

    /** Categories {@code category} feeds. */
    public Set<String> downstreamOf(String category) {
        return downstream.getOrDefault(Tag.normalize(category, "category"), Collections.emptySortedSet());
    }

    /** Collects relations. */
    public static final class Builder {
        private final Map<String, SortedSet<String>> downstream = new HashMap<>();
        private final Map<String, SortedSet<String>> upstream = new HashMap<>();

        private Builder() {
        }

        /**
         * {@code upstreamCategory} feeds {@code downstreamCategory} in a customer's stack.
         *
         * @throws ValidationException when the two are the same category
         */
        public Builder feeds(String upstreamCategory, String downstreamCategory) {
            String from = Tag.normalize(upstreamCategory, "upstream category");
            String to = Tag.normalize(downstreamCategory, "downstream category");
            if (from.equals(to)) {
                throw new ValidationException("a category cannot feed itself, but was " + Checks.quote(from));
            }
            downstream.computeIfAbsent(from, key -> new TreeSet<>()).add(to);
            upstream.computeIfAbsent(to, key -> new TreeSet<>()).add(from);
            return this;
        }

        /** Builds the relations. */
        public CategoryRelations build() {
            return new CategoryRelations(frozen(downstream), frozen(upstream));
        }

        private static Map<String, SortedSet<String>> frozen(Map<String, SortedSet<String>> relations) {
            Map<String, SortedSet<String>> copy = new HashMap<>();
            relations.forEach((key, values) -> copy.put(key, Collections.unmodifiableSortedSet(new TreeSet<>(values))));
            return Collections.unmodifiableMap(copy);
        }
    }
}
