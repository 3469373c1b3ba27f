package dev.ecosystem.benchmarks.overlap;

import com.google.common.net.InternetDomainName;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The baseline: the straightforward way with Guava. Each raw domain is cut to its host with {@code String} methods,
 * then {@code InternetDomainName.from(host).topDomainUnderRegistrySuffix()} gives the registrable domain; the two
 * sides are joined through hash maps of {@code String}.
 */
public final class GuavaOverlapBaseline {
    private final Set<String> generic;
    private Map<String, Integer> lastA = Map.of();
    private Map<String, Integer> lastB = Map.of();

    /** A baseline that leaves out these generic domains, like the engine. */
    public GuavaOverlapBaseline(Set<String> generic) {
        this.generic = generic;
    }

    /** Same contract as {@code DomainJoin.matrix}. */
    public long[][] matrix(String[] domainsA, int[] populationsA, String[] domainsB, int[] populationsB,
            int populations) {
        lastA = side(domainsA, populationsA);
        lastB = side(domainsB, populationsB);
        long[][] counts = new long[populations][populations];
        for (Map.Entry<String, Integer> entry : lastA.entrySet()) {
            Integer other = lastB.get(entry.getKey());
            if (other != null) {
                for (int i = 0; i < populations; i++) {
                    for (int j = 0; j < populations; j++) {
                        if ((entry.getValue() & (1 << i)) != 0 && (other & (1 << j)) != 0) {
                            counts[i][j]++;
                        }
                    }
                }
            }
        }
        return counts;
    }

    /** The registrable domains both sides of the last call had. */
    public List<String> matchedDomains() {
        return lastA.keySet().stream().filter(lastB::containsKey).toList();
    }

    private Map<String, Integer> side(String[] domains, int[] populations) {
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < domains.length; i++) {
            String key = registrable(domains[i]);
            if (key != null && !generic.contains(key)) {
                keys.merge(key, populations[i], (x, y) -> x | y);
            }
        }
        return keys;
    }

    static @Nullable String registrable(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String host = raw.strip().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        for (char end : new char[] {'/', '?', '#'}) {
            int at = host.indexOf(end);
            if (at >= 0) {
                host = host.substring(0, at);
            }
        }
        host = host.substring(host.lastIndexOf('@') + 1);
        int port = host.indexOf(':');
        if (port >= 0) {
            host = host.substring(0, port);
        }
        try {
            InternetDomainName name = InternetDomainName.from(host);
            return name.isUnderRegistrySuffix() ? name.topDomainUnderRegistrySuffix().toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
