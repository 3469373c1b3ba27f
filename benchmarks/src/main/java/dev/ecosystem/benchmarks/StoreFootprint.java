package dev.ecosystem.benchmarks;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Tag;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Prints the heap the in-memory store retains per company, each stored through the public API
 * ({@code client.register(profile)} and {@code client.as(company).contacts().save(contact)}) with one contact and
 * ten tags: eight business tags on the profile and two role tags on the contact, drawn Zipf-like (exponent 1) from
 * vocabularies of 3,000 business and 200 role tags, as users type them (so every company brings its own tag
 * strings, as a host reading them from its database would). The figure is the live heap after full GCs with the
 * store held (the client closed and dropped, so the navigator's index is not counted) minus the live heap after the
 * store is dropped too, divided by the number of companies.
 *
 * <pre>
 * ./mvnw -o -q -B -pl benchmarks -am package -DskipTests
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.ecosystem.benchmarks.StoreFootprint 200000 [histogram.txt]
 * </pre>
 *
 * <p>With a second argument it also writes a class histogram of the live heap (store held) to that file. Company
 * descriptions come from 97 texts, as templated descriptions repeat; {@code -Dfootprint.uniqueDescriptions=true}
 * gives every company its own, the worst case for the store's sharing of repeated texts.
 */
public final class StoreFootprint {
    private static final int BUSINESS_VOCABULARY = 3_000;
    private static final int ROLE_VOCABULARY = 200;

    private static final boolean UNIQUE_DESCRIPTIONS = Boolean.getBoolean("footprint.uniqueDescriptions");

    private StoreFootprint() {
    }

    /**
     * Stores {@code args[0]} companies (default 200,000) and prints the bytes retained per company; writes a class
     * histogram to {@code args[1]} when given.
     */
    public static void main(String[] args) {
        int companies = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        long before = liveHeap();
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        long start = System.nanoTime();
        fill(store, companies, 20260101L);
        long fillMillis = (System.nanoTime() - start) / 1_000_000;
        long withStore = liveHeap();
        long perCompany = (withStore - before) / companies;
        System.out.printf("companies=%d fill=%d ms store retains %.1f MB = %d bytes per company%n", companies,
                fillMillis, (withStore - before) / 1048576.0, perCompany);
        if (args.length > 1) {
            dump(args[1], store);
        }
        store = null;
        long after = liveHeap();
        System.out.printf("after dropping the store: %.1f MB above the start%n", (after - before) / 1048576.0);
    }

    /** Registers {@code companies} companies with one contact each into {@code store} through a client. */
    static void fill(InMemoryPartnerStore store, int companies, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] business = zipf(BUSINESS_VOCABULARY);
        double[] roles = zipf(ROLE_VOCABULARY);
        try (EcosystemClient client = EcosystemClient.builder().store(store).build()) {
            for (int i = 0; i < companies; i++) {
                CompanyId id = CompanyId.of(String.format("c%07d", i));
                Company profile = Company.builder(id, "Company " + i)
                        .webDomain("company" + i + ".example.com")
                        .description("We make things for customers of kind "
                                + (UNIQUE_DESCRIPTIONS ? i : i % 97) + ".")
                        .businessTags(tags(random, business, 8, "business"))
                        .industries("software")
                        .regions("emea")
                        .listed(true)
                        .build();
                client.register(profile);
                client.as(id).contacts().save(Contact.builder(ContactId.of("p" + i), id, "Person " + i,
                                "person" + i + "@company" + i + ".example.com")
                        .title("Head of Partnerships")
                        .roleTags(tags(random, roles, 2, "role"))
                        .reachableForIntroductions(true)
                        .build());
            }
        }
    }

    private static List<Tag> tags(SplittableRandom random, double[] cumulative, int count, String prefix) {
        Set<Integer> ranks = new LinkedHashSet<>();
        while (ranks.size() < count) {
            double draw = random.nextDouble();
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] < draw) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            ranks.add(low);
        }
        List<Tag> tags = new ArrayList<>();
        for (int rank : ranks) {
            tags.add(Tag.parse(prefix + ":" + prefix + "-tag-" + rank)); // a new string each time, as read from a file
        }
        return tags;
    }

    private static double[] zipf(int vocabulary) {
        double[] cumulative = new double[vocabulary];
        double sum = 0;
        for (int rank = 0; rank < vocabulary; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < vocabulary; rank++) {
            cumulative[rank] /= sum;
        }
        return cumulative;
    }

    /** Writes a class histogram of the live heap to {@code file} while {@code store} is still held. */
    private static void dump(String file, Object store) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), (String) ManagementFactory
                    .getPlatformMBeanServer().invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        System.out.println("histogram of " + store.getClass().getSimpleName() + " in " + file);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
