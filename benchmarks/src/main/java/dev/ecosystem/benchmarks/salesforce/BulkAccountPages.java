package dev.ecosystem.benchmarks.salesforce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Recorded-like Bulk API 2.0 result pages of Account rows, as Salesforce writes them: a header row, every non-null
 * value quoted (inner quotes doubled), a null as an empty unquoted value, LF line endings, UTF-8. The columns are
 * those of {@code BulkAccountRows}: {@code Id, Name, Website, BillingCountry, OwnerId, Type, SystemModstamp}.
 *
 * <p>The mix, drawn from a fixed seed: names from company words and legal forms, of which about 4% hold a comma
 * ({@code "Acme, Inc."}), 1% doubled quotes, 0.5% a line break and 3% non-ASCII letters; websites as URLs (65%), bare
 * domains (20%) or null (15%); one of 40 billing countries or null (10%); one of 300 owners; one of Salesforce's
 * seven default types or null (20%); a {@code SystemModstamp} in 2026.
 */
public final class BulkAccountPages {
    static final String HEADER = "\"Id\",\"Name\",\"Website\","
            + "\"BillingCountry\",\"OwnerId\",\"Type\",\"SystemModstamp\"";
    private static final String[] WORDS = {"Acme", "Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Stark",
        "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Hooli", "Vandelay", "Wonka", "Oscorp", "Aperture", "Blue Sky",
        "Red Rock", "Silver Lake", "Green Field", "Summit", "Pioneer", "Atlas", "Nimbus", "Vertex", "Quantum", "Harbor",
        "Evergreen", "Crescent", "Falcon"};
    private static final String[] FORMS = {"Inc.", "LLC", "Ltd", "GmbH", "S.A.", "AG", "B.V.", "Corp.", "Group", ""};
    private static final String[] NON_ASCII = {"Müller", "Société Générale", "Łódź Logistics", "株式会社テスト",
        "Ørsted", "Çelik", "São Paulo Tech", "Привет"};
    private static final String[] COUNTRIES = {"United States", "Germany", "France", "United Kingdom", "Japan",
        "Canada", "Brazil", "India", "Australia", "Spain", "Italy", "Netherlands", "Sweden", "Norway", "Denmark",
        "Finland", "Poland", "Austria", "Switzerland", "Belgium", "Ireland", "Portugal", "Mexico", "Argentina", "Chile",
        "South Africa", "Nigeria", "Kenya", "Egypt", "Israel", "Turkey", "China", "South Korea", "Singapore",
        "Indonesia", "Vietnam", "Thailand", "New Zealand", "Czech Republic", "Greece"};
    private static final String[] TYPES = {"Prospect", "Customer - Direct", "Customer - Channel",
        "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other"};
    private static final int OWNERS = 300;

    private BulkAccountPages() {
    }

    /** {@code accounts} rows in pages of {@code perPage}, each page with its header row. */
    public static List<byte[]> generate(int accounts, int perPage, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder(perPage * 160);
        for (int start = 0; start < accounts; start += perPage) {
            page.setLength(0);
            page.append(HEADER).append('\n');
            for (int i = start; i < Math.min(accounts, start + perPage); i++) {
                row(page, i, random);
            }
            pages.add(page.toString().getBytes(StandardCharsets.UTF_8));
        }
        return pages;
    }

    private static void row(StringBuilder out, int i, SplittableRandom random) {
        String word = WORDS[random.nextInt(WORDS.length)];
        String form = FORMS[random.nextInt(FORMS.length)];
        int kind = random.nextInt(1000);
        String name;
        if (kind < 40) {
            name = word + " " + i + ", " + (form.isEmpty() ? "Inc." : form);
        } else if (kind < 50) {
            name = "The \"" + word + "\" Company " + i;
        } else if (kind < 55) {
            name = word + " " + i + "\nHolding";
        } else if (kind < 85) {
            name = NON_ASCII[random.nextInt(NON_ASCII.length)] + " " + i;
        } else {
            name = (word + " " + i + " " + form).strip();
        }
        String domain = word.toLowerCase(Locale.ROOT).replace(' ', '-') + i + ".example.com";
        int site = random.nextInt(100);
        String website = site < 65 ? "https://www." + domain + "/" : site < 85 ? domain : null;
        String country = random.nextInt(10) == 0 ? null : COUNTRIES[random.nextInt(COUNTRIES.length)];
        String owner = String.format("005R00000%06dAAA", random.nextInt(OWNERS));
        String type = random.nextInt(5) == 0 ? null : TYPES[random.nextInt(TYPES.length)];
        String modstamp = String.format("2026-%02d-%02dT%02d:%02d:%02d.000Z", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60));
        value(out, String.format("001R0%010dAAA", i)).append(',');
        value(out, name).append(',');
        value(out, website).append(',');
        value(out, country).append(',');
        value(out, owner).append(',');
        value(out, type).append(',');
        value(out, modstamp).append('\n');
    }

    private static StringBuilder value(StringBuilder out, @Nullable String value) {
        return value == null ? out : out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
