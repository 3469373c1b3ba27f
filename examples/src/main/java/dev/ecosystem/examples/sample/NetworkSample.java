package dev.ecosystem.examples.sample;

import dev.ecosystem.examples.sample.Words.Family;
import dev.ecosystem.examples.sample.Words.Title;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.SizeBand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Makes the sample network: companies with profiles, and their contacts. */
final class NetworkSample {
    private static final List<String> REGIONS = List.of("north-america", "emea", "apac", "latam");
    private static final Map<String, String> REGION_NAMES = Map.of("north-america", "North America", "emea", "EMEA",
            "apac", "APAC", "latam", "Latin America");
    private static final Map<String, String> VERTICAL_INDUSTRIES = Map.ofEntries(
            Map.entry("healthtech", "healthcare"), Map.entry("edtech", "education"),
            Map.entry("proptech", "real-estate"), Map.entry("legaltech", "legal"), Map.entry("insurtech", "insurance"),
            Map.entry("govtech", "government"), Map.entry("construction-tech", "construction"),
            Map.entry("logistics-tech", "logistics"), Map.entry("hospitality-tech", "hospitality"),
            Map.entry("field-service-management", "construction"), Map.entry("fleet-management", "logistics"),
            Map.entry("nonprofit-software", "nonprofit"));
    private static final Map<String, String> SERVICE_PHRASES = Map.ofEntries(
            Map.entry("agency", "digital agency"), Map.entry("consulting", "consultancy"),
            Map.entry("systems-integrator", "systems integrator"), Map.entry("reseller", "reseller"),
            Map.entry("managed-services", "managed services provider"),
            Map.entry("implementation-partner", "implementation partner"),
            Map.entry("marketing-agency", "marketing agency"), Map.entry("development-agency", "development studio"),
            Map.entry("training", "training company"), Map.entry("var", "value-added reseller"),
            Map.entry("msp", "managed IT services provider"), Map.entry("staffing", "staffing firm"));

    private final Dice dice;
    private final Set<String> names = new HashSet<>();
    private final Set<String> slugs = new HashSet<>();
    private final List<Company> companies = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();

    private NetworkSample(long seed) {
        this.dice = new Dice(seed);
    }

    /** The companies (the two tenants first) and their contacts. */
    record Result(List<Company> companies, List<Contact> contacts) {
    }

    static Result generate(long seed, int companyCount) {
        NetworkSample sample = new NetworkSample(seed);
        sample.tenants();
        for (int i = sample.companies.size() + 1; i <= companyCount; i++) {
            sample.companies.add(sample.company(companyId(i)));
        }
        for (int i = 0; i < sample.companies.size(); i++) {
            sample.companies.set(i, sample.contacts(sample.companies.get(i)));
        }
        return new Result(List.copyOf(sample.companies), List.copyOf(sample.contacts));
    }

    static CompanyId companyId(int number) {
        return CompanyId.of(String.format(Locale.ROOT, "co-%04d", number));
    }

    /** The two tenants whose CRMs ship with the sample: written by hand, so the quickstart has a story. */
    private void tenants() {
        companies.add(reserve(Company.builder(SampleDataGenerator.TENANT_A, "Mailcadence")
                .webDomain("mailcadence.io")
                .description("Mailcadence is an email marketing and marketing automation platform for mid-market "
                        + "e-commerce and SaaS teams. Its partner program pays referral fees and lists 300+ "
                        + "integrations in its marketplace.")
                .businessTags("email-marketing", "marketing-automation", "martech", "sms-marketing", "saas", "b2b")
                .industries("e-commerce", "retail", "saas")
                .regions("north-america", "emea")
                .sizeBand(SizeBand.MEDIUM)
                .productCategories("email-marketing", "marketing-automation")
                .signals("runs-partner-program", "pays-referral-fees", "has-marketplace", "co-sells",
                        "has-open-api")
                .listed(true)
                .build()));
        companies.add(reserve(Company.builder(SampleDataGenerator.TENANT_B, "Ledgerline")
                .webDomain("ledgerline.com")
                .description("Ledgerline is a billing and payments platform for subscription businesses: recurring "
                        + "billing, invoicing and revenue reporting in one place. Headquartered in Dublin, it co-sells "
                        + "with CRM and marketing partners across North America, EMEA and APAC.")
                .businessTags("billing", "payments", "subscription-management", "invoicing", "revops", "saas", "b2b")
                .industries("saas", "e-commerce", "financial-services", "media")
                .regions("north-america", "emea", "apac")
                .sizeBand(SizeBand.LARGE)
                .productCategories("billing", "payments", "subscription-management")
                .signals("runs-partner-program", "co-sells", "refers-regularly", "has-open-api")
                .listed(true)
                .build()));
    }

    private Company reserve(Company company) {
        names.add(company.name().toLowerCase(Locale.ROOT));
        slugs.add(Dice.slug(company.name()));
        return company;
    }

    private Company company(CompanyId id) {
        boolean services = dice.chance(0.18);
        Family family = services ? Words.SERVICES : dice.weighted(Words.PRODUCT_FAMILIES, Family::weight);
        SizeBand size = size(services);
        String name = name(family, services);
        String slug = Dice.slug(name);
        String tld = services
                ? dice.weighted(List.of("com:60", "co.uk:12", "de:6", "com.au:6", "co:4", "fr:4", "nl:4", "ca:4"),
                        NetworkSample::weight)
                : dice.weighted(List.of("com:55", "io:15", "co:6", "ai:6", "app:3", "co.uk:5", "de:3", "com.au:3",
                        "fr:2", "nl:2"), NetworkSample::weight);
        tld = tld.substring(0, tld.indexOf(':'));

        Set<String> tags = new LinkedHashSet<>();
        List<String> categories = new ArrayList<>();
        String primary = dice.zipf(family.tags(), 0.9);
        tags.add(primary);
        categories.add(primary);
        List<String> extras;
        if (services) {
            extras = dice.zipfDistinct(Words.SERVICES.tags(), 1.2, dice.chance(0.4) ? 1 : 0, tags);
            for (int i = dice.between(1, 2); i > 0; i--) {
                Family focus = dice.weighted(Words.PRODUCT_FAMILIES, Family::weight);
                extras.addAll(dice.zipfDistinct(focus.tags(), 1.1, dice.between(1, 2), tags));
            }
        } else {
            // A vertical product does one industry's version of what other families do: no second vertical.
            Family source = family.name().equals("vertical")
                    ? dice.weighted(Words.PRODUCT_FAMILIES.subList(0, Words.PRODUCT_FAMILIES.size() - 1),
                            Family::weight)
                    : family;
            extras = dice.zipfDistinct(source.tags(), 0.9, dice.between(1, 3), tags);
            if (dice.chance(0.25)) {
                Family other = dice.weighted(Words.PRODUCT_FAMILIES, Family::weight);
                extras.addAll(dice.zipfDistinct(other.tags(), 1.1, 1, tags));
            }
        }
        if (!extras.isEmpty() && dice.chance(0.4)) {
            categories.add(extras.get(0));
        }
        generalTags(tags, services, size, family);

        Set<String> industries = new LinkedHashSet<>();
        if (VERTICAL_INDUSTRIES.containsKey(primary)) {
            industries.add(VERTICAL_INDUSTRIES.get(primary));
        }
        dice.zipfDistinct(Words.INDUSTRIES, 0.8, dice.between(1, 4) - industries.size(), industries);

        List<String> regions = regions(tld);
        List<String> signals = signals(services, size);
        Company.Builder company = Company.builder(id, name)
                .webDomain(slug + "." + tld)
                .businessTags(tags.toArray(String[]::new))
                .industries(industries)
                .regions(regions)
                .sizeBand(size)
                .productCategories(categories)
                .signals(signals)
                .listed(dice.chance(0.85));
        company.description(services
                ? servicesDescription(name, primary, extras, industries, size, regions, signals)
                : productDescription(name, primary, extras, industries, size, regions, signals, tags));
        return company.build();
    }

    private @Nullable SizeBand size(boolean services) {
        if (dice.chance(0.04)) {
            return null;
        }
        List<String> bands = services
                ? List.of("MICRO:30", "SMALL:40", "MEDIUM:20", "LARGE:8", "ENTERPRISE:2")
                : List.of("MICRO:12", "SMALL:28", "MEDIUM:30", "LARGE:19", "ENTERPRISE:11");
        String band = dice.weighted(bands, NetworkSample::weight);
        return SizeBand.valueOf(band.substring(0, band.indexOf(':')));
    }

    private String name(Family family, boolean services) {
        for (int attempt = 0; ; attempt++) {
            String compound = dice.pick(Words.NAME_STARTS) + dice.pick(Words.NAME_ENDS);
            double style = dice.unit();
            String name;
            if (services) {
                String word = dice.pick(family.nameWords());
                if (style < 0.45) {
                    name = (dice.chance(0.5) ? dice.pick(Words.PLACES) : dice.pick(Words.LAST_NAMES)) + " " + word;
                } else if (style < 0.8) {
                    name = compound + " " + word;
                } else {
                    name = dice.pick(Words.LAST_NAMES) + " & " + dice.pick(Words.LAST_NAMES);
                }
            } else if (style < 0.6) {
                name = compound;
            } else if (style < 0.85) {
                name = dice.pick(Words.NAME_STARTS) + " " + dice.pick(family.nameWords());
            } else {
                name = compound + " " + dice.pick(family.nameWords());
            }
            if (attempt > 1000) {
                throw new IllegalStateException("ran out of company names");
            }
            if (!names.contains(name.toLowerCase(Locale.ROOT)) && !slugs.contains(Dice.slug(name))) {
                names.add(name.toLowerCase(Locale.ROOT));
                slugs.add(Dice.slug(name));
                return name;
            }
        }
    }

    private void generalTags(Set<String> tags, boolean services, @Nullable SizeBand size, Family family) {
        if (dice.chance(services ? 0.1 : 0.75)) {
            tags.add("saas");
        }
        if (dice.chance(0.35)) {
            tags.add("b2b");
        }
        if (!services && dice.chance(family.name().equals("data") ? 0.4 : 0.15)) {
            tags.add("ai");
        }
        if ((size == SizeBand.MICRO || size == SizeBand.SMALL) && dice.chance(0.3)) {
            tags.add("smb");
        }
        if (size == SizeBand.MEDIUM && dice.chance(0.3)) {
            tags.add("mid-market");
        }
        if ((size == SizeBand.LARGE || size == SizeBand.ENTERPRISE) && dice.chance(0.35)) {
            tags.add("enterprise-software");
        }
        boolean technical = family.name().equals("devops") || family.name().equals("data");
        if (!services && dice.chance(technical ? 0.3 : 0.06)) {
            tags.add("api-first");
        }
        if (!services && dice.chance(0.08)) {
            tags.add("plg");
        }
        if (technical && dice.chance(0.12)) {
            tags.add("open-source");
        }
        if (!services && dice.chance(0.05)) {
            tags.add("mobile");
        }
    }

    private List<String> regions(String tld) {
        String home;
        if (List.of("co.uk", "de", "fr", "nl").contains(tld)) {
            home = "emea";
        } else if (tld.equals("com.au")) {
            home = "apac";
        } else if (tld.equals("ca")) {
            home = "north-america";
        } else {
            home = dice.weighted(List.of("north-america:80", "emea:15", "apac:5"), NetworkSample::weight);
            home = home.substring(0, home.indexOf(':'));
        }
        List<String> regions = new ArrayList<>();
        for (String region : REGIONS) {
            double p = switch (region) {
                case "north-america" -> 0.5;
                case "emea" -> 0.45;
                case "apac" -> 0.25;
                default -> 0.12;
            };
            if (region.equals(home) || dice.chance(p)) {
                regions.add(region);
            }
        }
        return regions;
    }

    private List<String> signals(boolean services, @Nullable SizeBand size) {
        int scale = size == null ? 1 : size.ordinal();
        List<String> signals = new ArrayList<>();
        boolean program = dice.chance(services ? 0.45 : 0.12 + 0.12 * scale);
        if (program) {
            signals.add("runs-partner-program");
            if (dice.chance(0.6)) {
                signals.add("pays-referral-fees");
            }
        }
        if (dice.chance(services ? 0.5 : 0.2)) {
            signals.add("refers-regularly");
        }
        if (!services && dice.chance(0.04 + 0.06 * scale)) {
            signals.add("has-marketplace");
        }
        if (dice.chance(program ? 0.45 : 0.12)) {
            signals.add("co-sells");
        }
        if (!services && dice.chance(0.4)) {
            signals.add("has-open-api");
        }
        if (!services && dice.chance(0.3)) {
            signals.add("lists-integrations");
        }
        if (dice.chance(0.08)) {
            signals.add("hiring-partnerships");
        }
        if (!services && dice.chance(0.1)) {
            signals.add("recently-funded");
        }
        return signals;
    }

    private String productDescription(String name, String primary, List<String> extras, Set<String> industries,
            @Nullable SizeBand size, List<String> regions, List<String> signals, Set<String> tags) {
        String adjective = tags.contains("ai") && dice.chance(0.5) ? "AI-powered" : dice.pick(Words.ADJECTIVES);
        String thing = tags.contains("api-first") ? "API" : dice.pick(List.of("platform", "platform", "suite",
                "tool", "app"));
        StringBuilder text = new StringBuilder(name).append(" is ").append(article(adjective)).append(' ')
                .append(adjective).append(' ').append(phrase(primary)).append(' ').append(thing).append(" for ")
                .append(audience(size, industries)).append('.');
        moreSentences(text, name, extras, regions, signals);
        return text.toString();
    }

    private String servicesDescription(String name, String primary, List<String> extras, Set<String> industries,
            @Nullable SizeBand size, List<String> regions, List<String> signals) {
        String what = SERVICE_PHRASES.getOrDefault(primary, phrase(primary));
        List<String> tech = extras.stream().filter(tag -> !Words.SERVICES.tags().contains(tag)).toList();
        StringBuilder text = new StringBuilder(name).append(" is ").append(article(what)).append(' ').append(what)
                .append(" that helps ").append(audience(size, industries)).append(' ')
                .append(dice.pick(List.of("choose, implement and run", "roll out", "get more out of", "integrate",
                        "migrate to and scale")))
                .append(" their ").append(tech.isEmpty() ? "software" : phrase(tech.get(0)))
                .append(tech.size() > 1 ? " and " + phrase(tech.get(1)) : "").append(" stack.");
        moreSentences(text, name, List.of(), regions, signals);
        return text.toString();
    }

    private void moreSentences(StringBuilder text, String name, List<String> extras, List<String> regions,
            List<String> signals) {
        String city = dice.pick(Objects.requireNonNull(Words.CITIES.get(regions.get(0)))); // every region has cities
        List<String> sentences = new ArrayList<>();
        if (extras.size() >= 2) {
            sentences.add("It combines " + phrase(extras.get(0)) + " and " + phrase(extras.get(1))
                    + " in one place.");
        } else if (extras.size() == 1) {
            sentences.add("Teams also use it for " + phrase(extras.get(0)) + ".");
        }
        sentences.add(dice.chance(0.5)
                ? "Headquartered in " + city + ", it serves customers across " + regionList(regions) + "."
                : "Founded in " + dice.between(2005, 2023) + " in " + city + ".");
        if (signals.contains("runs-partner-program")) {
            sentences.add(signals.contains("pays-referral-fees")
                    ? "Its partner program pays referral fees and offers co-marketing."
                    : "It runs a partner program for agencies and technology partners.");
        }
        if (signals.contains("has-marketplace")) {
            sentences.add(name + " lists " + dice.between(2, 40) * 10 + "+ integrations in its marketplace.");
        }
        int keep = dice.between(1, Math.min(2, sentences.size()));
        for (String sentence : sentences.subList(0, keep)) {
            text.append(' ').append(sentence);
        }
    }

    private String audience(@Nullable SizeBand size, Set<String> industries) {
        String scale = size == null ? "" : switch (size) {
            case MICRO, SMALL -> dice.pick(List.of("small ", "growing ", "lean "));
            case MEDIUM -> dice.pick(List.of("mid-market ", "fast-growing ", "scaling "));
            case LARGE, ENTERPRISE -> dice.pick(List.of("enterprise ", "global ", "large "));
        };
        String industry = industries.iterator().next();
        String industryPhrase = switch (industry) {
            case "saas" -> "SaaS";
            case "e-commerce" -> "e-commerce";
            default -> industry.replace('-', ' ');
        };
        return scale + industryPhrase + " " + dice.pick(List.of("teams", "companies", "businesses", "organizations"));
    }

    private static String regionList(List<String> regions) {
        List<String> names = regions.stream().map(REGION_NAMES::get).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static String phrase(String tag) {
        return Words.PHRASES.getOrDefault(tag, tag.replace('-', ' '));
    }

    private static String article(String word) {
        return "aeiouAEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static double weight(String valueAndWeight) {
        return Double.parseDouble(valueAndWeight.substring(valueAndWeight.indexOf(':') + 1));
    }

    /**
     * Adds the company's contacts and returns the company with its intake contact. People in partnerships or
     * alliances roles are reachable for introductions, and the first of them who did not opt out takes the
     * introductions addressed to the company. Both follow from the generated titles without drawing from the dice,
     * so the rest of the sample stays as it was.
     */
    private Company contacts(Company company) {
        int count = dice.weighted(List.of(2, 3, 4), n -> n == 2 ? 35 : n == 3 ? 40 : 25);
        boolean services = Words.SERVICES.tags().contains(company.primaryCategory());
        SizeBand size = company.sizeBand();
        List<Title> titles = new ArrayList<>();
        double founderFirst = size == SizeBand.MICRO ? 0.6 : size == SizeBand.SMALL ? 0.25 : 0.03;
        titles.add(dice.chance(founderFirst) ? dice.pick(Words.FOUNDER_TITLES) : dice.zipf(Words.PARTNER_TITLES, 0.8));
        while (titles.size() < count) {
            Title title = dice.chance(0.15)
                    ? dice.zipf(Words.PARTNER_TITLES, 0.8)
                    : dice.zipf(services ? Words.SERVICES_TITLES : Words.OTHER_TITLES, 0.6);
            if (titles.stream().noneMatch(taken -> taken.title().equals(title.title()))) {
                titles.add(title);
            }
        }
        Set<String> emails = new HashSet<>();
        String domain = company.webDomain();
        @Nullable ContactId intake = null;
        for (Title title : titles) {
            String first = dice.pick(Words.FIRST_NAMES);
            String last = dice.pick(Words.LAST_NAMES);
            String email = email(first, last, domain, emails);
            boolean reachable = title.roles().contains("partnerships") || title.roles().contains("alliances");
            Contact contact = Contact.builder(ContactId.of(String.format(Locale.ROOT, "ct-%05d",
                            contacts.size() + 1)), company.id(), first + " " + last, email)
                    .title(title.title())
                    .roleTags(title.roles().toArray(String[]::new))
                    .optedOutOfIntroductions(dice.chance(0.03))
                    .reachableForIntroductions(reachable)
                    .build();
            contacts.add(contact);
            if (intake == null && reachable && !contact.optedOutOfIntroductions()) {
                intake = contact.id();
            }
        }
        return company.toBuilder().introductionIntake(intake).build();
    }

    private String email(String first, String last, @Nullable String domain, Set<String> taken) {
        String f = Dice.slug(first);
        String l = Dice.slug(last);
        // first.last is the most common pattern, then first, flast, first_last and f.last.
        int pattern = dice.weighted(List.of(0, 1, 2, 3, 4), i -> new double[] {50, 20, 15, 5, 10}[i]);
        String local = switch (pattern) {
            case 0 -> f + "." + l;
            case 1 -> f;
            case 2 -> f.charAt(0) + l;
            case 3 -> f + "_" + l;
            default -> f.charAt(0) + "." + l;
        };
        String candidate = local;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = local + n;
        }
        return candidate + "@" + domain;
    }
}
