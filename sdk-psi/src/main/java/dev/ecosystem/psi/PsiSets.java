package dev.ecosystem.psi;

import dev.ecosystem.TenantScope;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Population;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One side's keys per population: the elements a {@link PsiSession} intersects. A key is compared exactly as given
 * (its UTF-8 bytes), so both sides must normalize keys the same way; {@link #fromOverlaps} gives the registrable
 * domains account mapping uses. A key in several populations is blinded and sent once, with the combination of
 * populations it belongs to.
 *
 * <pre>{@code
 * PsiSets mine = PsiSets.of(Map.of(Population.CUSTOMERS, List.of("acme.com", "globex.com"),
 *         Population.OPEN_OPPORTUNITIES, List.of("initech.com")));
 * PsiSets fromCrm = PsiSets.fromOverlaps(client.as(acmeId));
 * }</pre>
 */
public final class PsiSets {
    /** The most populations a set may have. */
    public static final int MAX_POPULATIONS = 64;
    /** The longest key, in characters. */
    public static final int MAX_KEY_LENGTH = 1024;

    private static final List<Population> STANDARD = List.of(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES,
            Population.PROSPECTS);

    private final List<Population> populations;
    private final String[] keys;
    private final long[] masks;

    private PsiSets(List<Population> populations, String[] keys, long[] masks) {
        this.populations = populations;
        this.keys = keys;
        this.masks = masks;
    }

    /**
     * The keys of each population. Populations are ordered standard ones first, then custom ones by name; duplicate
     * keys are merged.
     *
     * @throws ValidationException when a population or key is null, a key is empty or longer than
     *     {@value #MAX_KEY_LENGTH} characters, there is no population or more than {@value #MAX_POPULATIONS}
     */
    public static PsiSets of(Map<Population, ? extends Collection<String>> keysPerPopulation) {
        Checks.required(keysPerPopulation, "keysPerPopulation");
        if (keysPerPopulation.isEmpty() || keysPerPopulation.size() > MAX_POPULATIONS) {
            throw new ValidationException("keysPerPopulation must have 1 to " + MAX_POPULATIONS
                    + " populations, but had " + keysPerPopulation.size());
        }
        List<Population> order = new ArrayList<>();
        for (Population population : keysPerPopulation.keySet()) {
            order.add(Checks.required(population, "population"));
        }
        order.sort(Comparator.comparingInt((Population p) -> STANDARD.contains(p) ? STANDARD.indexOf(p) : 3)
                .thenComparing(Population::name));
        Map<String, Long> byKey = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            Population population = order.get(i);
            Collection<String> keys = Checks.required(keysPerPopulation.get(population),
                    "keys of population " + population);
            long bit = 1L << i;
            for (String key : keys) {
                byKey.merge(validKey(key, population), bit, (a, b) -> a | b);
            }
        }
        String[] keys = new String[byKey.size()];
        long[] masks = new long[byKey.size()];
        int index = 0;
        for (Map.Entry<String, Long> entry : byKey.entrySet()) {
            keys[index] = entry.getKey();
            masks[index++] = entry.getValue();
        }
        return new PsiSets(List.copyOf(order), keys, masks);
    }

    /** One population, {@link Population#CUSTOMERS}, with these keys. */
    public static PsiSets single(Collection<String> keys) {
        return of(Map.of(Population.CUSTOMERS, Checks.required(keys, "keys")));
    }

    /**
     * The acting company's registrable domains per population from its CRM snapshot, normalized and classified by
     * the same rules as {@link dev.ecosystem.overlap.Overlaps#matrix}. Accounts without a usable domain are left out:
     * PSI matches on domains only, never on names.
     */
    public static PsiSets fromOverlaps(TenantScope scope) {
        Checks.required(scope, "scope");
        Map<Population, Set<String>> keys = scope.overlaps().domainKeys();
        return of(keys);
    }

    /** The populations, in matrix row order. */
    public List<Population> populations() {
        return populations;
    }

    /** The number of distinct keys over all populations. */
    public int size() {
        return keys.length;
    }

    /**
     * The keys of one population.
     *
     * @throws ValidationException when the population is not in this set
     */
    public Set<String> keys(Population population) {
        long bit = 1L << indexOf(population);
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < keys.length; i++) {
            if ((masks[i] & bit) != 0) {
                result.add(keys[i]);
            }
        }
        return Collections.unmodifiableSet(result);
    }

    int indexOf(Population population) {
        int index = populations.indexOf(Checks.required(population, "population"));
        if (index < 0) {
            throw new ValidationException("population " + population + " is not in this set; it has " + populations);
        }
        return index;
    }

    String key(int index) {
        return keys[index];
    }

    long mask(int index) {
        return masks[index];
    }

    @Override
    public String toString() {
        // Never the keys themselves: they are CRM data.
        return "PsiSets[populations=" + populations + ", distinctKeys=" + keys.length + "]";
    }

    private static String validKey(String key, Population population) {
        if (key == null) {
            throw new ValidationException("keys of population " + population + " must not contain null");
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new ValidationException("a key of population " + population + " must have 1 to " + MAX_KEY_LENGTH
                    + " characters, but had " + key.length());
        }
        return key;
    }
}
