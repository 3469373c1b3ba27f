package dev.ecosystem.examples.sample;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes the sample network the quickstart runs on: the same bytes on every run (a fixed seed, no clock), so the
 * files under {@code examples/src/main/resources/sample/} are reproducible; {@code SampleDataGeneratorTest} fails
 * if they drift from this program.
 *
 * <p>What it writes (see also the {@code README.md} it writes beside the data):
 * <ul>
 *   <li>{@code companies.csv}: {@value #COMPANIES} companies, {@code co-0001} to {@code co-1250}, tagged from a
 *       taxonomy of about 150 B2B SaaS business tags with Zipf-like popularity; about 85% listed.</li>
 *   <li>{@code contacts.csv}: 2 to 4 contacts per company, about 3% opted out of introductions;
 *       people in partnerships or alliances roles are reachable for introductions, and the first of them who did
 *       not opt out is the company's intake contact ({@code introduction_intake} in {@code companies.csv}).</li>
 *   <li>{@code crm/co-0001/} and {@code crm/co-0002/}: {@code accounts.csv} ({@value #ACCOUNTS_PER_TENANT}
 *       accounts) and {@code deals.csv} ({@value #DEALS_PER_TENANT} deals) of the two tenants,
 *       {@link #TENANT_A} (Mailcadence, email marketing, HubSpot-style CRM) and {@link #TENANT_B} (Ledgerline,
 *       billing and payments, Salesforce-style CRM). {@value #SHARED_BUSINESSES} businesses are accounts in both;
 *       as domains are missing or free-mail on one side or the other, about 22% of each tenant's accounts match one
 *       of the other's by registrable domain, often written differently.</li>
 * </ul>
 *
 * <p>To regenerate the committed files after changing this program, run it with the repository root as working
 * directory (or pass the output directory as the only argument), or let the test write them:
 * <pre>
 * ./mvnw -q -B -pl sdk-core,examples -am verify -Dsample.regenerate=true
 * </pre>
 */
public final class SampleDataGenerator {
    /** The seed of every random draw. */
    public static final long SEED = 20_240_101L;
    /** The first tenant with a CRM snapshot: Mailcadence, an email marketing platform. */
    public static final CompanyId TENANT_A = CompanyId.of("co-0001");
    /** The second tenant with a CRM snapshot: Ledgerline, a billing and payments platform. */
    public static final CompanyId TENANT_B = CompanyId.of("co-0002");
    /** How many companies the network has. */
    public static final int COMPANIES = 1_250;
    /** How many accounts each tenant's CRM has. */
    public static final int ACCOUNTS_PER_TENANT = 4_000;
    /** How many deals each tenant's CRM has. */
    public static final int DEALS_PER_TENANT = 1_500;
    /** How many businesses are accounts in both CRMs (before missing and free-mail domains hide some). */
    static final int SHARED_BUSINESSES = 1_000;
    /** How many accounts of each CRM repeat another account of the same CRM. */
    static final int DUPLICATE_ACCOUNTS = 40;

    private static final String DEFAULT_DIRECTORY = "examples/src/main/resources/sample";
    // Only quote what must be quoted; write \n line ends on every platform.
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private SampleDataGenerator() {
    }

    /**
     * Writes the sample into {@code args[0]}, or into {@value #DEFAULT_DIRECTORY} relative to the working directory.
     */
    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : DEFAULT_DIRECTORY);
        generate(directory);
        System.out.println("Wrote the sample network to " + directory.toAbsolutePath().normalize());
    }

    /**
     * Writes every sample file into {@code directory}, creating it, and replacing files of the same names.
     *
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void generate(Path directory) {
        NetworkSample.Result network = NetworkSample.generate(SEED, COMPANIES);
        List<CrmSample.Tenant> tenants = CrmSample.generate(SEED + 1, network.companies(), ACCOUNTS_PER_TENANT,
                SHARED_BUSINESSES, DUPLICATE_ACCOUNTS, DEALS_PER_TENANT);
        try {
            writeCompanies(directory.resolve("companies.csv"), network.companies());
            writeContacts(directory.resolve("contacts.csv"), network.contacts());
            for (CrmSample.Tenant tenant : tenants) {
                Path crm = directory.resolve("crm").resolve(tenant.id().value());
                writeAccounts(crm.resolve("accounts.csv"), tenant);
                writeDeals(crm.resolve("deals.csv"), tenant);
            }
            Files.writeString(directory.resolve("README.md"), readme(network, tenants), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the sample to " + directory, e);
        }
    }

    private static void writeCompanies(Path file, List<Company> companies) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Company company : companies) {
            rows.add(List.of(company.id().value(), company.name(), text(company.webDomain()), company.description(),
                    join(company.businessTags().stream().map(Tag::value).toList()), join(company.industries()),
                    join(company.regions()), company.sizeBand() == null
                            ? "" : company.sizeBand().name().toLowerCase(Locale.ROOT),
                    join(company.productCategories()), join(company.signals()), Boolean.toString(company.listed()),
                    company.introductionIntake() == null ? "" : company.introductionIntake().value()));
        }
        write(file, List.of("id", "name", "web_domain", "description", "business_tags", "industries", "regions",
                "size_band", "product_categories", "signals", "listed", "introduction_intake"), rows);
    }

    private static void writeContacts(Path file, List<Contact> contacts) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Contact contact : contacts) {
            rows.add(List.of(contact.id().value(), contact.companyId().value(), contact.name(),
                    contact.email().address(), text(contact.title()),
                    join(contact.roleTags().stream().map(Tag::value).toList()),
                    Boolean.toString(contact.optedOutOfIntroductions()),
                    Boolean.toString(contact.reachableForIntroductions())));
        }
        write(file, List.of("id", "company_id", "name", "email", "title", "role_tags", "opted_out", "reachable"),
                rows);
    }

    private static void writeAccounts(Path file, CrmSample.Tenant tenant) throws IOException {
        List<String> header = new ArrayList<>(List.of("id", "name", "domain", "lifecycle_stage", "updated_at"));
        header.addAll(tenant.style().accountColumns);
        List<List<String>> rows = new ArrayList<>();
        for (Account account : tenant.accounts()) {
            List<String> row = new ArrayList<>(List.of(account.id().value(), account.name(), text(account.domain()),
                    text(account.lifecycleStage()), text(account.updatedAt())));
            tenant.style().accountColumns.forEach(column -> row.add(account.properties().getOrDefault(column, "")));
            rows.add(row);
        }
        write(file, header, rows);
    }

    private static void writeDeals(Path file, CrmSample.Tenant tenant) throws IOException {
        List<String> header = List.of("id", "name", "account_ids", "amount", "currency", "pipeline", "stage", "status",
                "created_at", "close_date", tenant.style().dealColumn);
        List<List<String>> rows = new ArrayList<>();
        for (Deal deal : tenant.deals()) {
            rows.add(List.of(deal.id().value(), deal.name(),
                    deal.accountIds().stream().map(AccountId::value).collect(Collectors.joining("|")),
                    deal.amount() == null ? "" : deal.amount().amount().toPlainString(),
                    deal.amount() == null ? "" : deal.amount().currency().getCurrencyCode(),
                    text(deal.pipeline()), deal.stage(), deal.status().name(), deal.createdAt().toString(),
                    text(deal.closeDate()), deal.properties().getOrDefault(tenant.style().dealColumn, "")));
        }
        write(file, header, rows);
    }

    private static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        Files.createDirectories(Objects.requireNonNull(file.getParent()));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CsvGenerator csv = CSV.createGenerator(writer)) {
            csv.setSchema(schema.build());
            for (List<String> row : rows) {
                csv.writeStartArray();
                for (String value : row) {
                    csv.writeString(value);
                }
                csv.writeEndArray();
            }
        }
    }

    private static String join(Collection<String> values) {
        return String.join("|", values);
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static String readme(NetworkSample.Result network, List<CrmSample.Tenant> tenants) {
        StringBuilder text = new StringBuilder();
        text.append("# Sample network\n\n")
                .append("Generated by `dev.ecosystem.examples.sample.SampleDataGenerator` (seed ").append(SEED)
                .append("); do not edit by hand: change the generator and run it again, or run\n")
                .append("`./mvnw -q -B -pl sdk-core,examples -am verify -Dsample.regenerate=true`.\n")
                .append("A test fails if these files differ from what the generator writes.\n\n")
                .append("| file | rows |\n|---|---|\n")
                .append("| `companies.csv` | ").append(network.companies().size()).append(" companies, ")
                .append(network.companies().stream().filter(Company::listed).count()).append(" listed |\n")
                .append("| `contacts.csv` | ").append(network.contacts().size()).append(" contacts, ")
                .append(network.contacts().stream().filter(Contact::optedOutOfIntroductions).count())
                .append(" opted out, ")
                .append(network.contacts().stream().filter(Contact::reachableForIntroductions).count())
                .append(" reachable for introductions; ")
                .append(network.companies().stream().filter(c -> c.introductionIntake() != null).count())
                .append(" companies name an intake contact |\n");
        for (CrmSample.Tenant tenant : tenants) {
            String path = "crm/" + tenant.id().value() + "/";
            text.append("| `").append(path).append("accounts.csv` | ").append(tenant.accounts().size())
                    .append(" accounts |\n")
                    .append("| `").append(path).append("deals.csv` | ").append(tenant.deals().size())
                    .append(" deals |\n");
        }
        text.append("\nThe two tenants with CRM snapshots are the first two companies:\n\n");
        for (CrmSample.Tenant tenant : tenants) {
            Company company = network.companies().stream().filter(c -> c.id().equals(tenant.id())).findFirst()
                    .orElseThrow();
            text.append("- `").append(tenant.id().value()).append("` ").append(company.name()).append(" (")
                    .append(company.webDomain()).append("), a ")
                    .append(tenant.style() == CrmSample.Style.HUBSPOT ? "HubSpot" : "Salesforce")
                    .append("-style CRM: account properties ").append(String.join(", ", tenant.style().accountColumns))
                    .append(", deal property ").append(tenant.style().dealColumn).append(".\n");
        }
        text.append("\n").append(SHARED_BUSINESSES).append(" businesses are accounts of both tenants. The CRMs ")
                .append("write domains as people type them (schemes, `www.`, sub-domains, paths, ports, mixed case), ")
                .append("some not at all and some as free-mail domains, so about 22% of each tenant's accounts match ")
                .append("an account of the other by registrable domain. Deals were created ")
                .append("between ").append(CrmSample.START).append(" and ").append(CrmSample.AS_OF)
                .append("; deals expected to close after that are open.\n");
        return text.toString();
    }
}
