package dev.ecosystem.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.io.CrmFiles;
import dev.ecosystem.io.Network;
import dev.ecosystem.io.NetworkFiles;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
    /** The committed files; Surefire runs tests in the module directory. */
    private static final Path COMMITTED = Path.of("src/main/resources/sample");
    private static final Set<String> FREE_MAIL = Set.copyOf(Words.FREE_MAIL);
    private static final Set<String> TWO_LABEL_SUFFIXES = Set.of("co.uk", "com.au", "com.br", "co.jp", "co.in",
            "com.sg", "com.mx", "co.nz");

    private static Network network;

    @BeforeAll
    static void loadShippedNetwork() throws IOException {
        try (Reader companies = resource("companies.csv"); Reader contacts = resource("contacts.csv")) {
            network = NetworkFiles.readCsv(companies, contacts);
        }
    }

    @Test
    void generate_writesExactlyTheCommittedFiles(@TempDir Path generated) throws IOException {
        if (Boolean.getBoolean("sample.regenerate")) {
            // -Dsample.regenerate=true: rewrite the committed files (the loading tests read the old copies this run).
            SampleDataGenerator.generate(COMMITTED);
        }
        SampleDataGenerator.generate(generated);

        assertThat(files(generated)).as("files the generator writes").isEqualTo(files(COMMITTED));
        for (Path file : files(generated)) {
            assertThat(Files.readAllBytes(generated.resolve(file.toString())))
                    .as("%s differs from what SampleDataGenerator writes; run it again and commit the result", file)
                    .isEqualTo(Files.readAllBytes(COMMITTED.resolve(file.toString())));
        }
    }

    @Test
    @DisplayName("Partnership and alliance people are reachable for introductions, nobody else is, and every intake "
            + "contact is a reachable contact of its own company who did not opt out")
    void shippedNetwork_namesReachableContactsAndIntakes() {
        Map<CompanyId, Map<String, Contact>> byCompany = new HashMap<>();
        for (Contact contact : network.contacts()) {
            byCompany.computeIfAbsent(contact.companyId(), id -> new HashMap<>()).put(contact.id().value(), contact);
            boolean partnerRole = contact.roleTags().contains(Tag.role("partnerships"))
                    || contact.roleTags().contains(Tag.role("alliances"));
            assertThat(contact.reachableForIntroductions()).as("contact %s", contact.id()).isEqualTo(partnerRole);
        }
        List<Company> withIntake = network.companies().stream().filter(c -> c.introductionIntake() != null).toList();

        assertThat(withIntake).hasSizeGreaterThan(network.companies().size() / 2);
        assertThat(withIntake).allSatisfy(company -> {
            Contact intake = byCompany.get(company.id()).get(company.introductionIntake().value());
            assertThat(intake).isNotNull();
            assertThat(intake.reachableForIntroductions()).isTrue();
            assertThat(intake.optedOutOfIntroductions()).isFalse();
        });
        assertThat(byCompany.get(SampleDataGenerator.TENANT_B).get("ct-00005").reachableForIntroductions())
                .as("the quickstart's target").isTrue();
        assertThat(byCompany.get(SampleDataGenerator.TENANT_B).get("ct-00006").reachableForIntroductions())
                .as("the quickstart's unreachable CTO").isFalse();
    }

    @Test
    void shippedNetwork_hasThePromisedCompanies() {
        List<Company> companies = network.companies();

        assertThat(companies).hasSize(SampleDataGenerator.COMPANIES).hasSizeGreaterThanOrEqualTo(1_200);
        assertThat(companies.subList(0, 2)).extracting(Company::id)
                .containsExactly(SampleDataGenerator.TENANT_A, SampleDataGenerator.TENANT_B);
        assertThat(companies).allSatisfy(company -> {
            assertThat(company.webDomain()).isNotNull();
            assertThat(company.description()).isNotBlank();
            assertThat(company.businessTags()).isNotEmpty().contains(Tag.business(company.primaryCategory()));
            assertThat(company.regions()).isNotEmpty().isSubsetOf("north-america", "emea", "apac", "latam");
            assertThat(company.industries()).isNotEmpty();
        });
        assertThat(share(companies, Company::listed)).isBetween(0.82, 0.88);
        assertThat(share(companies, company -> company.signals().contains("runs-partner-program")))
                .isBetween(0.15, 0.5);
        assertThat(companies.stream().map(Company::sizeBand).filter(Objects::nonNull).distinct()).hasSize(5);
    }

    @Test
    void shippedNetwork_businessTagsAreATaxonomyOfAbout150WithSkewedPopularity() {
        Map<String, Long> counts = network.companies().stream()
                .flatMap(company -> company.businessTags().stream())
                .collect(Collectors.groupingBy(Tag::value, Collectors.counting()));
        long[] sorted = counts.values().stream().mapToLong(Long::longValue).sorted().toArray();

        assertThat(counts).hasSizeBetween(140, 165)
                .containsKeys("crm", "email-marketing", "marketing-automation", "martech", "analytics",
                        "data-warehouse", "payments", "e-commerce", "hr-tech", "security", "devops",
                        "customer-support", "revops", "systems-integrator", "agency", "consulting", "reseller");
        long median = sorted[sorted.length / 2];
        assertThat(sorted[sorted.length - 1]).as("most popular tag").isGreaterThan(20 * median);
        assertThat(sorted[sorted.length - 10]).as("tenth most popular tag").isGreaterThan(3 * median);
    }

    @Test
    void shippedNetwork_hasTwoToFourContactsPerCompanyAtItsDomain() {
        Map<CompanyId, Company> companies = network.companies().stream()
                .collect(Collectors.toMap(Company::id, Function.identity()));
        Map<CompanyId, Long> perCompany = network.contacts().stream()
                .collect(Collectors.groupingBy(Contact::companyId, Collectors.counting()));

        assertThat(perCompany.keySet()).isEqualTo(companies.keySet());
        assertThat(perCompany.values()).allSatisfy(count -> assertThat(count).isBetween(2L, 4L));
        assertThat(network.contacts()).allSatisfy(contact -> {
            assertThat(contact.email().domain()).isEqualTo(companies.get(contact.companyId()).webDomain());
            assertThat(contact.title()).isNotNull();
            assertThat(contact.roleTags()).isNotEmpty();
        });
        assertThat(share(network.contacts(), Contact::optedOutOfIntroductions)).isBetween(0.02, 0.04);
        Set<String> roles = network.contacts().stream().flatMap(contact -> contact.roleTags().stream())
                .map(Tag::value).collect(Collectors.toSet());
        assertThat(roles).contains("partnerships", "head-of-partnerships", "alliances", "sales", "marketing",
                "customer-success", "founder", "cto");
    }

    @Test
    void shippedCrms_haveThePromisedAccountsAndDeals() throws IOException {
        for (CompanyId tenant : List.of(SampleDataGenerator.TENANT_A, SampleDataGenerator.TENANT_B)) {
            List<Account> accounts = accounts(tenant);
            List<Deal> deals = deals(tenant);

            assertThat(accounts).hasSize(SampleDataGenerator.ACCOUNTS_PER_TENANT);
            assertThat(deals).hasSize(SampleDataGenerator.DEALS_PER_TENANT);
            assertThat(share(accounts, account -> account.domain() == null)).isBetween(0.03, 0.08);
            assertThat(accounts).extracting(Account::lifecycleStage).contains("customer", "opportunity", "lead",
                    "subscriber");
            assertThat(share(accounts, account -> !account.properties().isEmpty())).isGreaterThan(0.95);
            Set<AccountId> ids = accounts.stream().map(Account::id).collect(Collectors.toSet());
            assertThat(deals).allSatisfy(deal -> {
                assertThat(ids).containsAll(deal.accountIds());
                assertThat(deal.createdAt().toString()).matches("202[456]-.*");
            });
            assertThat(deals).extracting(Deal::status).contains(DealStatus.OPEN, DealStatus.WON, DealStatus.LOST);
            assertThat(deals.stream().map(deal -> deal.createdAt().toString().substring(0, 4)).distinct())
                    .containsExactlyInAnyOrder("2024", "2025", "2026");
            List<String> currencies = deals.stream().filter(deal -> deal.amount() != null)
                    .map(deal -> deal.amount().currency().getCurrencyCode()).toList();
            assertThat(share(currencies, "USD"::equals)).isBetween(0.7, 0.95);
            assertThat(currencies).contains("EUR", "GBP");
        }
    }

    @Test
    void shippedCrms_domainsAreMessyLikeRealCrms() throws IOException {
        List<String> domains = Stream.concat(accounts(SampleDataGenerator.TENANT_A).stream(),
                        accounts(SampleDataGenerator.TENANT_B).stream())
                .map(Account::domain).filter(Objects::nonNull).toList();

        assertThat(domains).anyMatch(domain -> domain.startsWith("https://"))
                .anyMatch(domain -> domain.startsWith("http://"))
                .anyMatch(domain -> domain.startsWith("www."))
                .anyMatch(domain -> domain.matches(".*:\\d+$"))
                .anyMatch(domain -> domain.matches(".*\\.[a-z]+/.+"))
                .anyMatch(domain -> !domain.equals(domain.toLowerCase(Locale.ROOT)))
                .anyMatch(domain -> domain.endsWith(".co.uk"))
                .anyMatch(domain -> domain.endsWith(".com.au"))
                .anyMatch(FREE_MAIL::contains);
    }

    @Test
    void shippedCrms_overlapByRegistrableDomainOnAFifthToAQuarterOfAccounts() throws IOException {
        List<Account> a = accounts(SampleDataGenerator.TENANT_A);
        List<Account> b = accounts(SampleDataGenerator.TENANT_B);

        assertThat(overlap(a, b)).isBetween(0.20, 0.25);
        assertThat(overlap(b, a)).isBetween(0.20, 0.25);
        Map<String, Set<String>> writtenInB = new HashMap<>();
        b.stream().filter(account -> registrable(account.domain()) != null).forEach(account -> writtenInB
                .computeIfAbsent(registrable(account.domain()), key -> new HashSet<>()).add(account.domain()));
        long writtenDifferently = a.stream()
                .filter(account -> registrable(account.domain()) != null)
                .filter(account -> writtenInB.getOrDefault(registrable(account.domain()), Set.of()).stream()
                        .anyMatch(other -> !other.equals(account.domain())))
                .count();
        assertThat(writtenDifferently).as("shared accounts written differently").isGreaterThan(100);
    }

    /** The share of {@code from}'s accounts whose registrable domain (not free mail) is also in {@code to}. */
    private static double overlap(List<Account> from, List<Account> to) {
        Set<String> theirs = new HashSet<>();
        to.forEach(account -> theirs.add(registrable(account.domain())));
        theirs.remove(null);
        return share(from, account -> theirs.contains(registrable(account.domain())));
    }

    /** A rough registrable domain, enough to measure the sample: no scheme, path, port, {@code www.} or sub-domain. */
    private static @Nullable String registrable(@Nullable String domain) {
        if (domain == null) {
            return null;
        }
        String host = domain.strip().toLowerCase(Locale.ROOT);
        host = host.substring(host.indexOf("://") < 0 ? 0 : host.indexOf("://") + 3);
        host = host.split("[/:?#]", 2)[0];
        String[] labels = host.split("\\.");
        int keep = labels.length >= 3
                && TWO_LABEL_SUFFIXES.contains(labels[labels.length - 2] + "." + labels[labels.length - 1]) ? 3 : 2;
        String registrable = String.join(".", Arrays.copyOfRange(labels, Math.max(0, labels.length - keep),
                labels.length));
        return FREE_MAIL.contains(registrable) ? null : registrable;
    }

    private static List<Account> accounts(CompanyId tenant) throws IOException {
        try (Reader reader = resource("crm/" + tenant.value() + "/accounts.csv")) {
            return CrmFiles.readAccounts(tenant, reader);
        }
    }

    private static List<Deal> deals(CompanyId tenant) throws IOException {
        try (Reader reader = resource("crm/" + tenant.value() + "/deals.csv")) {
            return CrmFiles.readDeals(tenant, reader);
        }
    }

    private static <T> double share(List<T> values, java.util.function.Predicate<T> test) {
        return (double) values.stream().filter(test).count() / values.size();
    }

    private static Reader resource(String name) {
        InputStream stream = SampleDataGeneratorTest.class.getResourceAsStream("/sample/" + name);
        assertThat(stream).as("classpath resource /sample/%s", name).isNotNull();
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(directory::relativize).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
