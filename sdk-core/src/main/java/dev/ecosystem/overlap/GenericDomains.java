package dev.ecosystem.overlap;

import dev.ecosystem.internal.base.DataLines;
import java.util.Set;

/** Reads the generic domains shipped with the SDK: one a line, {@code #} starting a comment. */
final class GenericDomains {
    private static final String RESOURCE = "generic-domains.txt";

    private GenericDomains() {
    }

    static Set<String> load() {
        return Set.copyOf(DataLines.read(GenericDomains.class, RESOURCE, "list of generic domains"));
    }
}
