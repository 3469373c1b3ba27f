package dev.ecosystem.examples.sample;

import dev.ecosystem.examples.sample.Words.Country;
import dev.ecosystem.examples.sample.Words.Trade;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.SizeBand;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Makes two tenants' CRM snapshots over one world of businesses, so that a known share of accounts overlaps. Each
 * CRM writes domains and names its own messy way: schemes, {@code www.}, paths, ports, mixed case, missing domains,
 * free-mail domains, duplicates.
 */
final class CrmSample {
    /** Deals are created from this instant... */
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    /** ...up to this one, which is "now" for the sample: deals closing later are open. */
    static final Instant AS_OF = Instant.parse("2026-10-31T00:00:00Z");

    private static final List<String> LIFECYCLE = List.of("customer:22", "opportunity:12", "salesqualifiedlead:8",
            "marketingqualifiedlead:12", "lead:30", "subscriber:10", "evangelist:2", "other:4");
    private static final Map<String, Double> DEAL_WEIGHT = Map.of("customer", 5.0, "opportunity", 4.0,
            "salesqualifiedlead", 2.0, "marketingqualifiedlead", 0.8, "lead", 0.3, "subscriber", 0.1,
            "evangelist", 2.0, "other", 0.5);
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** How a tenant's CRM names things. */
    enum Style {
        /** Numeric ids, lower-case property names, HubSpot-like pipelines. */
        HUBSPOT(List.of("industry", "country", "employees"), "deal_source",
                List.of("Partner referral:12", "Inbound:35", "Outbound:30", "Event:8", ":15"),
                List.of("Sales Pipeline", "Partner Pipeline", "Renewals"),
                List.of("Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
                        "Decision Maker Bought-In", "Contract Sent"),
                List.of("Renewal Upcoming", "Renewal In Progress"), "Closed Won", "Closed Lost", "Renewed", "Churned",
                List.of("Growth plan", "Pro plan", "Enterprise plan", "SMS add-on", "Annual subscription",
                        "Onboarding package", "Dedicated IP add-on")),
        /** 18-character ids, Salesforce-like field names and stages. */
        SALESFORCE(List.of("Industry", "BillingCountry", "NumberOfEmployees"), "LeadSource",
                List.of("Partner Referral:12", "Web:35", "Outbound:25", "Trade Show:8", ":20"),
                List.of("New Business", "Partner Sourced", "Expansion"),
                List.of("Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote",
                        "Negotiation/Review"),
                List.of("Qualification", "Proposal/Price Quote", "Negotiation/Review"), "Closed Won", "Closed Lost",
                "Closed Won", "Closed Lost",
                List.of("Billing platform", "Payments", "Invoicing module", "Revenue recognition add-on",
                        "Multi-entity rollout", "Pilot"));

        final List<String> accountColumns;
        final String dealColumn;
        final List<String> sources;
        final List<String> pipelines;
        final List<String> openStages;
        final List<String> existingOpenStages;
        final String won;
        final String lost;
        final String existingWon;
        final String existingLost;
        final List<String> products;

        Style(List<String> accountColumns, String dealColumn, List<String> sources, List<String> pipelines,
                List<String> openStages, List<String> existingOpenStages, String won, String lost, String existingWon,
                String existingLost, List<String> products) {
            this.accountColumns = accountColumns;
            this.dealColumn = dealColumn;
            this.sources = sources;
            this.pipelines = pipelines;
            this.openStages = openStages;
            this.existingOpenStages = existingOpenStages;
            this.won = won;
            this.lost = lost;
            this.existingWon = existingWon;
            this.existingLost = existingLost;
            this.products = products;
        }
    }

    /** A business of the world: canonical name, legal suffix (maybe empty), registrable domain. */
    record Business(String name, String suffix, String domain, Country country, String industry, int employees) {
    }

    /** One tenant's snapshot, and the extra columns its files have. */
    record Tenant(CompanyId id, Style style, List<Account> accounts, List<Deal> deals) {
    }

    private final Dice dice;
    private final Set<String> names = new HashSet<>();
    private final Set<String> slugs = new HashSet<>();

    private CrmSample(long seed) {
        this.dice = new Dice(seed);
    }

    /**
     * Two tenants with {@code accounts} accounts each ({@code duplicates} of them repeats of another account),
     * {@code shared} businesses in both, and {@code deals} deals each.
     */
    static List<Tenant> generate(long seed, List<Company> network, int accounts, int shared, int duplicates,
            int deals) {
        CrmSample sample = new CrmSample(seed);
        int unique = accounts - duplicates;
        int own = unique - shared;
        List<Business> world = sample.world(network, shared + 2 * own);
        List<Business> a = new ArrayList<>(world.subList(0, shared + own));
        List<Business> b = new ArrayList<>(world.subList(0, shared));
        b.addAll(world.subList(shared + own, shared + 2 * own));
        return List.of(
                sample.tenant(SampleDataGenerator.TENANT_A, Style.HUBSPOT, a, duplicates, deals, 5_129_300_000L),
                sample.tenant(SampleDataGenerator.TENANT_B, Style.SALESFORCE, b, duplicates, deals, 8_300_000L));
    }

    /** Businesses in random order: some are network companies (partners show up in CRMs), the rest made up. */
    private List<Business> world(List<Company> network, int size) {
        List<Business> world = new ArrayList<>();
        for (Company company : network.subList(2, network.size())) {
            names.add(company.name().toLowerCase(Locale.ROOT));
            String domain = company.webDomain();
            slugs.add(domain == null ? Dice.slug(company.name()) : domain.substring(0, domain.indexOf('.')));
            if (domain != null && dice.chance(0.1)) {
                world.add(new Business(company.name(), dice.chance(0.5) ? "Inc." : "", domain, country(domain),
                        "Software", employees(company.sizeBand())));
            }
        }
        while (world.size() < size) {
            world.add(business());
        }
        dice.shuffle(world);
        return world.subList(0, size);
    }

    private Country country(String domain) {
        for (Country country : Words.COUNTRIES) {
            String tld = country.tlds().get(0);
            if (!tld.equals("com") && domain.endsWith("." + tld)) {
                return country;
            }
        }
        return Words.COUNTRIES.get(0);
    }

    private Business business() {
        Country country = dice.weighted(Words.COUNTRIES, Country::weight);
        for (int attempt = 0; attempt < 1000; attempt++) {
            Trade trade = dice.pick(Words.TRADES);
            double style = dice.unit();
            String name;
            if (style < 0.55) {
                name = dice.pick(Words.PLACES) + " " + trade.word();
            } else if (style < 0.8) {
                name = dice.pick(Words.LAST_NAMES) + " " + trade.word();
            } else if (style < 0.86) {
                trade = dice.pick(List.of(new Trade("", "Legal"), new Trade("", "Professional Services")));
                name = dice.pick(Words.LAST_NAMES) + " & " + dice.pick(Words.LAST_NAMES);
            } else {
                trade = new Trade("", "Software");
                name = dice.pick(Words.NAME_STARTS) + dice.pick(Words.NAME_ENDS);
            }
            String slug = dice.chance(0.2)
                    ? String.join("-", List.of(name.split("[ &]+")).stream().map(Dice::slug).toList())
                    : Dice.slug(name);
            if (names.add(name.toLowerCase(Locale.ROOT)) && slugs.add(Dice.slug(name))) {
                String suffix = dice.chance(0.6) ? dice.pick(country.suffixes()) : "";
                return new Business(name, suffix, slug + "." + dice.pick(country.tlds()), country, trade.industry(),
                        employees(null));
            }
        }
        throw new IllegalStateException("ran out of business names");
    }

    private int employees(@Nullable SizeBand band) {
        SizeBand size = band != null ? band : dice.weighted(List.of(SizeBand.values()),
                value -> new double[] {30, 30, 22, 12, 6}[value.ordinal()]);
        return switch (size) {
            case MICRO -> dice.between(1, 10);
            case SMALL -> dice.between(11, 50);
            case MEDIUM -> dice.between(51, 200);
            case LARGE -> dice.between(201, 1000);
            case ENTERPRISE -> dice.between(1001, 25000);
        };
    }

    private Tenant tenant(CompanyId tenant, Style style, List<Business> businesses, int duplicates, int dealCount,
            long firstId) {
        dice.shuffle(businesses);
        List<Business> rows = new ArrayList<>(businesses);
        for (int i = 0; i < duplicates; i++) {
            rows.add(dice.between(rows.size() / 2, rows.size()), rows.get(dice.between(0, businesses.size() - 1)));
        }
        Set<Integer> duplicated = new HashSet<>();
        Set<Business> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!seen.add(rows.get(i))) {
                duplicated.add(i);
            }
        }
        List<Account> accounts = new ArrayList<>();
        long counter = firstId;
        for (int i = 0; i < rows.size(); i++) {
            Business business = rows.get(i);
            counter += dice.between(1, style == Style.HUBSPOT ? 900 : 40);
            AccountId id = AccountId.of(style == Style.HUBSPOT ? Long.toString(counter) : salesforceId("0015e00000",
                    counter));
            String name = duplicated.contains(i)
                    ? business.name() + dice.pick(List.of(" (duplicate)", " - old", " - Billing", " EMEA", " HQ"))
                    : accountName(business);
            Account.Builder account = Account.builder(tenant, id, name)
                    .domain(messyDomain(business.domain()))
                    .lifecycleStage(stage(dice.weighted(LIFECYCLE, CrmSample::weight)))
                    .updatedAt(dice.chance(0.03) ? null : instant(START, AS_OF));
            if (dice.chance(0.9)) {
                account.property(style.accountColumns.get(0), business.industry());
            }
            if (dice.chance(0.95)) {
                account.property(style.accountColumns.get(1), business.country().name());
            }
            if (dice.chance(0.75)) {
                account.property(style.accountColumns.get(2), Integer.toString(business.employees()));
            }
            accounts.add(account.build());
        }
        return new Tenant(tenant, style, List.copyOf(accounts), deals(tenant, style, accounts, rows, dealCount));
    }

    private String accountName(Business business) {
        String official = business.suffix().isEmpty() ? business.name() : business.name() + " " + business.suffix();
        double style = dice.unit();
        if (style < 0.45) {
            return official;
        } else if (style < 0.85) {
            return business.name();
        } else if (style < 0.92) {
            return official.toUpperCase(Locale.ROOT);
        } else if (style < 0.96 && !business.suffix().isEmpty()) {
            return business.name() + ", " + business.suffix();
        } else {
            return business.name() + " (" + business.country().code() + ")";
        }
    }

    /** The domain the way people type it into a CRM, or null when they did not. */
    private @Nullable String messyDomain(String domain) {
        double kind = dice.unit();
        if (kind < 0.05) {
            return null;
        }
        if (kind < 0.07) {
            return dice.pick(Words.FREE_MAIL);
        }
        String host = domain;
        double prefix = dice.unit();
        if (prefix < 0.12) {
            host = "www." + domain;
        } else if (prefix < 0.15) {
            host = dice.pick(List.of("shop", "app", "uk", "eu", "info", "go", "my")) + "." + domain;
        }
        double letters = dice.unit();
        if (letters < 0.06) {
            host = Character.toUpperCase(host.charAt(0)) + host.substring(1);
        } else if (letters < 0.09) {
            host = host.toUpperCase(Locale.ROOT);
        }
        double form = dice.unit();
        if (form < 0.70) {
            return host;
        } else if (form < 0.80) {
            return "https://" + host;
        } else if (form < 0.85) {
            return "http://" + host;
        } else if (form < 0.89) {
            return "https://" + host + "/";
        } else if (form < 0.93) {
            return "https://" + host + dice.pick(List.of("/about", "/en-us", "/contact", "/home",
                    "/?utm_source=linkedin", "/en/"));
        } else if (form < 0.96) {
            return host + "/";
        } else if (form < 0.98) {
            return "http://" + host + ":8080";
        }
        return host + ":443";
    }

    private List<Deal> deals(CompanyId tenant, Style style, List<Account> accounts, List<Business> businesses,
            int count) {
        record Draft(Instant createdAt, Function<DealId, Deal> deal) {
        }
        double[] weights = Dice.cumulative(accounts, account -> DEAL_WEIGHT.get(stageOf(account)));
        List<Draft> drafts = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int index = dice.weightedIndex(weights);
            Account account = accounts.get(index);
            Business business = businesses.get(index);
            boolean existing = stageOf(account).equals("customer") && dice.chance(0.3);
            String pipeline = existing ? style.pipelines.get(2)
                    : dice.chance(0.12) ? style.pipelines.get(1) : style.pipelines.get(0);
            Instant createdAt = instant(START, AS_OF.minus(Duration.ofDays(7)));
            int cycle = 14 + (int) (StrictMath.pow(dice.unit(), 2) * 200);
            Instant closesAt = createdAt.plus(Duration.ofDays(cycle));
            DealStatus status = DealStatus.OPEN;
            if (closesAt.isBefore(AS_OF) && dice.chance(0.9)) {
                double winRate = switch (stageOf(account)) {
                    case "customer" -> 0.7;
                    case "evangelist" -> 0.6;
                    case "opportunity" -> 0.2;
                    default -> 0.25;
                };
                status = dice.chance(existing ? 0.85 : winRate) ? DealStatus.WON : DealStatus.LOST;
            }
            String stage = switch (status) {
                case WON -> existing ? style.existingWon : style.won;
                case LOST -> existing ? style.existingLost : style.lost;
                case OPEN -> dice.pick(existing ? style.existingOpenStages : style.openStages);
            };
            LocalDate closeDate = null;
            if (status != DealStatus.OPEN) {
                closeDate = date(closesAt);
            } else if (dice.chance(0.85)) {
                closeDate = closesAt.isBefore(AS_OF) ? date(AS_OF.plus(Duration.ofDays(dice.between(7, 90))))
                        : date(closesAt);
            }
            int year = date(createdAt).getYear();
            String name = business.name() + " - " + (existing
                    ? (style == Style.HUBSPOT ? "Renewal " + (year + 1) : "Expansion FY" + (year + 1) % 100)
                    : dice.pick(style.products) + (dice.chance(0.5) ? " " + year : ""));
            Money amount = dice.chance(0.03) ? null : amount(business);
            AccountId other = dice.chance(0.06) ? accounts.get(dice.between(0, accounts.size() - 1)).id() : null;
            String source = dice.weighted(style.sources, CrmSample::weight);
            source = source.substring(0, source.indexOf(':'));
            String dealSource = source;
            DealStatus dealStatus = status;
            LocalDate dealCloseDate = closeDate;
            drafts.add(new Draft(createdAt, id -> {
                Deal.Builder deal = Deal.builder(tenant, id, name)
                        .account(account.id())
                        .amount(amount)
                        .pipeline(pipeline)
                        .stage(stage, dealStatus)
                        .createdAt(createdAt)
                        .closeDate(dealCloseDate);
                if (other != null) {
                    deal.account(other);
                }
                if (!dealSource.isEmpty()) {
                    deal.property(style.dealColumn, dealSource);
                }
                return deal.build();
            }));
        }
        // Ids grow with creation, as in a real CRM.
        drafts.sort(Comparator.comparing(Draft::createdAt));
        List<Deal> deals = new ArrayList<>();
        long counter = style == Style.HUBSPOT ? 19_004_100_000L : 2_100_000L;
        for (Draft draft : drafts) {
            counter += dice.between(1, style == Style.HUBSPOT ? 4000 : 60);
            deals.add(draft.deal.apply(DealId.of(style == Style.HUBSPOT ? Long.toString(counter)
                    : salesforceId("0065e00000", counter))));
        }
        return List.copyOf(deals);
    }

    private Money amount(Business business) {
        // Mostly four and five figures, a long tail up to 250k: log-uniform over a skewed unit.
        double value = StrictMath.exp(StrictMath.log(1_500) + (StrictMath.log(250_000) - StrictMath.log(1_500))
                * StrictMath.pow(dice.unit(), 1.7));
        String currency = dice.chance(0.8) ? business.country().currency() : "USD";
        if (dice.chance(0.05)) {
            return new Money(BigDecimal.valueOf((long) (value * 100)).movePointLeft(2), Money.currency(currency));
        }
        long rounded = value < 5_000 ? Math.round(value / 50) * 50 : Math.round(value / 100) * 100;
        return new Money(BigDecimal.valueOf(rounded), Money.currency(currency));
    }

    private Instant instant(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        return from.plusSeconds((long) (dice.unit() * seconds));
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String stage(String valueAndWeight) {
        return valueAndWeight.substring(0, valueAndWeight.indexOf(':'));
    }

    private static String stageOf(Account account) {
        return String.valueOf(account.lifecycleStage());
    }

    private static double weight(String valueAndWeight) {
        return Double.parseDouble(valueAndWeight.substring(valueAndWeight.indexOf(':') + 1));
    }

    /** A Salesforce-style 18-character id: 10-character prefix, 5 base-62 digits, 3-character case checksum. */
    static String salesforceId(String prefix, long number) {
        StringBuilder digits = new StringBuilder();
        long rest = number;
        for (int i = 0; i < 5; i++) {
            digits.insert(0, BASE62.charAt((int) (rest % 62)));
            rest /= 62;
        }
        String id = prefix + digits;
        StringBuilder checksum = new StringBuilder();
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            checksum.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".charAt(bits));
        }
        return id + checksum;
    }
}
