package dev.ecosystem.benchmarks.overlap;

import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Two CRMs' account domains, generated deterministically from a seed: each side has {@code size} accounts, the
 * first 20% of the second side are companies the first side has too (at a different position and typed
 * differently), and every domain is written the way people type them into CRMs: schemes, {@code www.} and other
 * sub-domains, paths, queries, ports, mixed case, multi-part public suffixes, some free-mail domains, some blanks and
 * IP addresses. Each account is in one of three populations (customers 30%, open opportunities 20%, prospects 50%)
 * and, one in ten, also in a fourth.
 *
 * @param domainsA the first side's raw domains ({@code null}: none)
 * @param populationsA the first side's population bit sets
 * @param domainsB the second side's raw domains
 * @param populationsB the second side's population bit sets
 */
public record AccountLists(String[] domainsA, int[] populationsA, String[] domainsB, int[] populationsB) {
    /** Four populations: three standard ones and a custom one. */
    public static final int POPULATIONS = 4;

    private static final String[] FIRST = {
        "iron", "silver", "north", "blue", "cedar", "maple", "summit", "harbor", "pioneer", "vector", "quill", "beacon",
        "keystone", "castle", "river", "stone", "bright", "swift", "golden", "oak", "pine", "falcon", "eagle", "atlas",
        "nova", "orbit", "pixel", "quantum", "terra", "urban", "valley", "willow", "zenith", "apex", "crest", "delta",
        "ember", "forge", "glacier", "horizon", "indigo", "jade", "kite", "lumen", "meadow", "nimbus", "onyx", "prairie",
    };
    private static final String[] SECOND = {
        "bridge", "line", "works", "labs", "systems", "analytics", "logistics", "foods", "health", "energy", "solar",
        "capital", "media", "robotics", "apparel", "brewing", "dental", "legal", "cloud", "soft", "data", "stack",
        "flow", "hub", "point", "shift", "track", "sync", "base", "dock", "desk", "craft", "mart", "pay", "ware",
    };
    private static final String[] SUFFIXES = {
        "com", "com", "com", "com", "com", "net", "org", "io", "co", "ai", "de", "fr", "nl", "ie", "us", "ca", "ch",
        "co.uk", "co.uk", "org.uk", "com.au", "net.au", "com.br", "co.jp", "co.in", "com.sg", "co.nz", "co.za",
        "com.mx", "es", "it", "se", "app", "dev", "tech",
    };
    private static final String[] SUBDOMAINS = {"www.", "www.", "www.", "shop.", "app.", "eu.", "my.", "go."};
    private static final String[] PATHS = {"/", "/en-us", "/about", "/contact", "/?utm_source=linkedin",
        "/home#top", "/products/index.html"};
    private static final String[] GENERIC = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com"};

    /** Generates the two lists. */
    public static AccountLists generate(int size, long seed) {
        Random random = new Random(seed);
        int overlap = size / 5;
        String[] a = new String[size];
        int[] pa = new int[size];
        String[] b = new String[size];
        int[] pb = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = typed(company(i), random);
            pa[i] = population(random);
        }
        for (int i = 0; i < size; i++) {
            // the first `overlap` companies of B are companies of A, spread over A's list
            long company = i < overlap ? (long) i * 5 + 3 : size + i;
            b[i] = typed(company(company), random);
            pb[i] = population(random);
        }
        return new AccountLists(a, pa, b, pb);
    }

    /** The registrable domain of company {@code n}: unique per n (the label alone is). */
    public static String company(long n) {
        String first = FIRST[(int) (n % FIRST.length)];
        String second = SECOND[(int) ((n / FIRST.length) % SECOND.length)];
        long number = n / ((long) FIRST.length * SECOND.length);
        String suffix = SUFFIXES[(int) (((n * 0x9E3779B97F4A7C15L) >>> 40) % SUFFIXES.length)];
        String label = number == 0 ? first + second : first + (number % 2 == 0 ? "-" : "") + second + number;
        return label + "." + suffix;
    }

    private static @Nullable String typed(String domain, Random random) {
        int roll = random.nextInt(100);
        if (roll < 2) {
            return null;
        }
        if (roll < 4) {
            return GENERIC[random.nextInt(GENERIC.length)];
        }
        if (roll < 5) {
            return "10." + random.nextInt(256) + "." + random.nextInt(256) + ".1";
        }
        StringBuilder text = new StringBuilder(64);
        int scheme = random.nextInt(10);
        if (scheme < 3) {
            text.append("https://");
        } else if (scheme < 5) {
            text.append("http://");
        } else if (scheme == 5) {
            text.append("HTTPS://");
        }
        if (random.nextInt(3) == 0) {
            text.append(SUBDOMAINS[random.nextInt(SUBDOMAINS.length)]);
        }
        int casing = random.nextInt(10);
        if (casing == 0) {
            text.append(domain.toUpperCase(java.util.Locale.ROOT));
        } else if (casing == 1) {
            text.append(Character.toUpperCase(domain.charAt(0))).append(domain, 1, domain.length());
        } else {
            text.append(domain);
        }
        if (random.nextInt(10) == 0) {
            text.append(random.nextBoolean() ? ":443" : ":8080");
        }
        if (random.nextInt(4) == 0) {
            text.append(PATHS[random.nextInt(PATHS.length)]);
        }
        return text.toString();
    }

    private static int population(Random random) {
        int roll = random.nextInt(10);
        int standard = roll < 3 ? 1 : roll < 5 ? 2 : 4;
        return random.nextInt(10) == 0 ? standard | 8 : standard;
    }
}
