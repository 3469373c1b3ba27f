package dev.ecosystem.navigator;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host's tag vocabulary: synonyms and a simple hierarchy. A profile asking for a tag matches companies with
 * that tag, any of its synonyms, or any tag below it: with {@code parent("business:email-marketing",
 * "business:martech")}, a search for {@code business:martech} matches a company tagged
 * {@code business:email-marketing}. Tags are written as {@link Tag#parse} reads them and normalized the same way.
 *
 * <pre>{@code
 * TagTaxonomy taxonomy = TagTaxonomy.builder()
 *         .synonym("business:e-mail-marketing", "business:email-marketing")
 *         .parent("business:email-marketing", "business:martech")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TagTaxonomy {
    private static final TagTaxonomy NONE = new TagTaxonomy(Map.of(), Map.of());

    private final Map<Tag, Tag> canonical;
    private final Map<Tag, Tag> parent;

    private TagTaxonomy(Map<Tag, Tag> canonical, Map<Tag, Tag> parent) {
        this.canonical = canonical;
        this.parent = parent;
    }

    /** No synonyms and no hierarchy: tags match only themselves. */
    public static TagTaxonomy none() {
        return NONE;
    }

    /** Starts an empty taxonomy. */
    public static Builder builder() {
        return new Builder();
    }

    /** The tag a synonym stands for, or the tag itself. */
    public Tag canonical(Tag tag) {
        return canonical.getOrDefault(Checks.required(tag, "tag"), tag);
    }

    /** The canonical form of the tag, then its ancestors, nearest first: what the tag matches as. */
    public List<Tag> expand(Tag tag) {
        List<Tag> expanded = new ArrayList<>(2);
        for (Tag current = canonical(tag); current != null; current = parent.get(current)) {
            expanded.add(current);
        }
        return expanded;
    }

    /** Collects synonyms and parents; {@link #build()} checks them. */
    public static final class Builder {
        private final Map<Tag, Tag> canonical = new HashMap<>();
        private final Map<Tag, Tag> parent = new HashMap<>();

        private Builder() {
        }

        /** {@code alias} means the same as {@code tag}; both as {@link Tag#parse} reads them. */
        public Builder synonym(String alias, String tag) {
            return synonym(Tag.parse(alias), Tag.parse(tag));
        }

        /** {@code alias} means the same as {@code tag}. */
        public Builder synonym(Tag alias, Tag tag) {
            Checks.required(alias, "synonym alias");
            Checks.required(tag, "synonym tag");
            if (alias.namespace() != tag.namespace()) {
                throw new ValidationException("synonym " + alias + " and tag " + tag + " must be in the same "
                        + "namespace");
            }
            if (alias.equals(tag)) {
                throw new ValidationException("synonym " + alias + " must differ from its tag");
            }
            Tag previous = canonical.putIfAbsent(alias, tag);
            if (previous != null && !previous.equals(tag)) {
                throw new ValidationException("synonym " + alias + " already stands for " + previous
                        + ", so it cannot also stand for " + tag);
            }
            return this;
        }

        /** {@code child} is a kind of {@code parent}; both as {@link Tag#parse} reads them. */
        public Builder parent(String child, String parent) {
            return parent(Tag.parse(child), Tag.parse(parent));
        }

        /** {@code child} is a kind of {@code parentTag}: a search for the parent matches the child. */
        public Builder parent(Tag child, Tag parentTag) {
            Checks.required(child, "child tag");
            Checks.required(parentTag, "parent tag");
            if (child.namespace() != parentTag.namespace()) {
                throw new ValidationException("child " + child + " and parent " + parentTag + " must be in the "
                        + "same namespace");
            }
            Tag previous = parent.putIfAbsent(child, parentTag);
            if (previous != null && !previous.equals(parentTag)) {
                throw new ValidationException("tag " + child + " already has parent " + previous
                        + "; a tag has at most one parent, so it cannot also have " + parentTag);
            }
            return this;
        }

        /**
         * Builds the taxonomy.
         *
         * @throws ValidationException when a synonym stands for another synonym or has a parent of its own, or the
         *     hierarchy has a cycle
         */
        public TagTaxonomy build() {
            for (Map.Entry<Tag, Tag> entry : canonical.entrySet()) {
                if (canonical.containsKey(entry.getValue())) {
                    throw new ValidationException("synonym " + entry.getKey() + " stands for " + entry.getValue()
                            + ", which is itself a synonym; name the canonical tag instead");
                }
                if (parent.containsKey(entry.getKey())) {
                    throw new ValidationException("synonym " + entry.getKey() + " cannot have a parent; give "
                            + entry.getValue() + " the parent instead");
                }
            }
            Map<Tag, Tag> canonicalParents = new HashMap<>();
            for (Map.Entry<Tag, Tag> entry : parent.entrySet()) {
                Tag parentTag = canonical.getOrDefault(entry.getValue(), entry.getValue());
                canonicalParents.put(entry.getKey(), parentTag);
            }
            for (Tag start : canonicalParents.keySet()) {
                Set<Tag> path = new LinkedHashSet<>();
                for (Tag current = start; current != null; current = canonicalParents.get(current)) {
                    if (!path.add(current)) {
                        throw new ValidationException("tag hierarchy has a cycle: " + path + " -> " + current);
                    }
                }
            }
            return new TagTaxonomy(Collections.unmodifiableMap(new HashMap<>(canonical)),
                    Collections.unmodifiableMap(canonicalParents));
        }
    }
}
