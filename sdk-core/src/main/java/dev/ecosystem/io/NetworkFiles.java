package dev.ecosystem.io;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.Tag;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a network (companies and their contacts) from CSV or JSON files.
 *
 * <h2>CSV</h2>
 * Two files with a header line, UTF-8, comma-separated, quoted the usual way (RFC 4180). Multi-valued columns separate
 * their values with {@code |}; empty values are allowed except in required columns (<b>bold</b>), and columns other
 * than these are an error:
 * <ul>
 *   <li>{@code companies.csv}: <b>{@code id}</b>, <b>{@code name}</b>, {@code web_domain}, {@code description},
 *       {@code business_tags}, {@code industries}, {@code regions}, {@code size_band} (a {@link SizeBand} name in any
 *       case), {@code product_categories} (primary first), {@code signals}, {@code listed} ({@code true} or
 *       {@code false}; empty is false), {@code introduction_intake} (the id of one of the company's own contacts
 *       who receives introductions addressed to the company; checked when the network is stored)</li>
 *   <li>{@code contacts.csv} (optional): <b>{@code id}</b>, <b>{@code company_id}</b>, <b>{@code name}</b>,
 *       <b>{@code email}</b>, {@code title}, {@code role_tags}, {@code opted_out} ({@code true} or {@code false}),
 *       {@code reachable} (whether other companies may name the person in introduction requests; empty is
 *       false)</li>
 * </ul>
 * Optional columns may be left out of the header. For example:
 * <pre>
 * id,name,web_domain,description,business_tags,regions,size_band,listed
 * acme,Acme Mail,acme.io,"Email for shops, big and small",email-marketing|saas,emea|north-america,small,true
 * </pre>
 *
 * <h2>JSON</h2>
 * One object with two arrays, the same fields in camelCase, arrays for multi-valued fields and JSON booleans for
 * flags; unknown fields are an error:
 * <pre>{@code
 * {"companies": [{"id": "acme", "name": "Acme Mail", "webDomain": "acme.io", "businessTags": ["email-marketing"],
 *                 "sizeBand": "small", "productCategories": ["email-marketing"], "listed": true}],
 *  "contacts":  [{"id": "ada", "companyId": "acme", "name": "Ada Park", "email": "ada@acme.io",
 *                 "roleTags": ["partnerships"], "optedOut": false}]}
 * }</pre>
 *
 * <h2>Errors</h2>
 * Every row is parsed and validated before anything is returned. If anything is wrong, one
 * {@link dev.ecosystem.error.ValidationException} lists the first 10 problems, one per line, the
 * first problem first, each with the file name, 1-based line, column or field, and the model's own message, such as
 * {@code companies.csv line 17, column business_tags: tag value must be 1 to 64 letters, ... but was "b2b!"}.
 * Malformed CSV or JSON is reported the same way, at the line the parser stopped. Repeated company ids, and repeated
 * contact ids within a company, are errors. A file that cannot be read at all fails with an
 * {@link dev.ecosystem.error.EcosystemException} ({@link dev.ecosystem.error.ValidationException} when it does not exist).
 *
 * <p>A contact's company need not be in the files; {@link Network#storeInto} requires it to be in the store then.
 * Methods taking a {@link Reader} do not close it; to read classpath resources, wrap them in an
 * {@link java.io.InputStreamReader} with UTF-8.
 */
public final class NetworkFiles {
    static final Columns COMPANIES = new Columns("companies.csv",
            List.of("id", "name", "web_domain", "description", "business_tags", "industries", "regions", "size_band",
                    "product_categories", "signals", "listed", "introduction_intake"),
            Set.of("id", "name"), false);
    static final Columns CONTACTS = new Columns("contacts.csv",
            List.of("id", "company_id", "name", "email", "title", "role_tags", "opted_out", "reachable"),
            Set.of("id", "company_id", "name", "email"), false);

    // The model's messages start with its field names; these map them back to columns.
    private static final Map<String, String> COMPANY_FIELDS = Map.of(
            "company name", "name", "webDomain", "web_domain", "company description", "description");
    private static final Map<String, String> CONTACT_FIELDS = Map.of(
            "contact name", "name", "email display name", "name", "contact title", "title");

    private static final Logger LOG = LoggerFactory.getLogger(NetworkFiles.class);

    private NetworkFiles() {
    }

    /**
     * Reads {@code companies.csv} and, if given, {@code contacts.csv}. Messages name the files by their file names.
     *
     * @param companiesCsv the companies file
     * @param contactsCsv the contacts file, or {@code null} for none
     * @throws dev.ecosystem.error.ValidationException listing what is wrong, when anything is
     */
    public static Network readCsv(Path companiesCsv, @Nullable Path contactsCsv) {
        Checks.required(companiesCsv, "companiesCsv");
        return Sources.read(companiesCsv, companies -> contactsCsv == null
                ? csv(companies, Sources.name(companiesCsv), null, CONTACTS.file())
                : Sources.read(contactsCsv, contacts -> csv(companies, Sources.name(companiesCsv), contacts,
                        Sources.name(contactsCsv))));
    }

    /**
     * Reads companies and, if given, contacts in CSV from readers, which stay open. Messages call them
     * {@code companies.csv} and {@code contacts.csv}.
     *
     * @param companiesCsv the companies, header line first
     * @param contactsCsv the contacts, header line first, or {@code null} for none
     * @throws dev.ecosystem.error.ValidationException listing what is wrong, when anything is
     */
    public static Network readCsv(Reader companiesCsv, @Nullable Reader contactsCsv) {
        Checks.required(companiesCsv, "companiesCsv");
        return csv(companiesCsv, COMPANIES.file(), contactsCsv, CONTACTS.file());
    }

    /**
     * Reads a JSON document {@code {"companies": [...], "contacts": [...]}}; either array may be missing.
     *
     * @throws dev.ecosystem.error.ValidationException listing what is wrong, when anything is
     */
    public static Network readJson(Path json) {
        Checks.required(json, "json");
        return Sources.read(json, reader -> json(reader, Sources.name(json)));
    }

    /**
     * Reads a JSON document {@code {"companies": [...], "contacts": [...]}} from a reader, which stays open. Messages
     * call it {@code network.json}.
     *
     * @throws dev.ecosystem.error.ValidationException listing what is wrong, when anything is
     */
    public static Network readJson(Reader json) {
        Checks.required(json, "json");
        return json(json, "network.json");
    }

    private static Network csv(Reader companies, String companiesName, @Nullable Reader contacts,
            String contactsName) {
        Problems problems = new Problems();
        List<Row> companyRows = CsvRows.read(companies, companiesName, COMPANIES, problems);
        List<Row> contactRows = contacts == null ? List.of() : CsvRows.read(contacts, contactsName, CONTACTS, problems);
        Network network = network(companyRows, contactRows, problems);
        LOG.debug("Read {} companies from {} and {} contacts from {}", network.companies().size(), companiesName,
                network.contacts().size(), contacts == null ? "no file" : contactsName);
        return network;
    }

    private static Network json(Reader reader, String source) {
        Problems problems = new Problems();
        Map<String, Columns> arrays = new LinkedHashMap<>();
        arrays.put("companies", COMPANIES);
        arrays.put("contacts", CONTACTS);
        Map<String, List<Row>> rows = JsonRows.read(reader, source, arrays, problems);
        Network network = network(Objects.requireNonNull(rows.get("companies")),
                Objects.requireNonNull(rows.get("contacts")), problems);
        LOG.debug("Read {} companies and {} contacts from {}", network.companies().size(),
                network.contacts().size(), source);
        return network;
    }

    private static Network network(List<Row> companyRows, List<Row> contactRows, Problems problems) {
        List<Company> companies = new ArrayList<>();
        Map<CompanyId, Integer> companyLines = new HashMap<>();
        for (Row row : companyRows) {
            Company company = company(row, problems);
            if (company != null
                    && problems.unique(companyLines, company.id(), row, "company id " + Checks.quote(company.id()))) {
                companies.add(company);
            }
        }
        List<Contact> contacts = new ArrayList<>();
        Map<List<Object>, Integer> contactLines = new HashMap<>();
        for (Row row : contactRows) {
            Contact contact = contact(row, problems);
            if (contact != null && problems.unique(contactLines, List.of(contact.companyId(), contact.id()), row,
                    "contact id " + Checks.quote(contact.id()) + " of company " + Checks.quote(contact.companyId()))) {
                contacts.add(contact);
            }
        }
        problems.throwIfAny();
        return new Network(companies, contacts);
    }

    private static @Nullable Company company(Row row, Problems problems) {
        Cells cells = new Cells(row, problems);
        CompanyId id = cells.required("id", CompanyId::of);
        String name = cells.text("name");
        String webDomain = cells.optional("web_domain");
        String description = cells.text("description");
        List<Tag> businessTags = cells.values("business_tags", Tag::business);
        List<String> industries = cells.values("industries", value -> Tag.normalize(value, "industries"));
        List<String> regions = cells.values("regions", value -> Tag.normalize(value, "regions"));
        SizeBand sizeBand = cells.optional("size_band", value -> Cells.constant(value, SizeBand.class));
        List<String> categories = cells.values("product_categories",
                value -> Tag.normalize(value, "productCategories"));
        List<String> signals = cells.values("signals", value -> Tag.normalize(value, "signals"));
        boolean listed = cells.flag("listed");
        ContactId intake = cells.optional("introduction_intake", ContactId::of);
        return cells.build(() -> Company.builder(Objects.requireNonNull(id), name)
                .webDomain(webDomain)
                .description(description)
                .businessTags(businessTags)
                .industries(industries)
                .regions(regions)
                .sizeBand(sizeBand)
                .productCategories(categories)
                .signals(signals)
                .listed(listed)
                .introductionIntake(intake)
                .build(), COMPANY_FIELDS);
    }

    private static @Nullable Contact contact(Row row, Problems problems) {
        Cells cells = new Cells(row, problems);
        ContactId id = cells.required("id", ContactId::of);
        CompanyId companyId = cells.required("company_id", CompanyId::of);
        String name = cells.text("name");
        String email = cells.required("email", value -> EmailAddress.of(value).address());
        String title = cells.optional("title");
        List<Tag> roleTags = cells.values("role_tags", Tag::role);
        boolean optedOut = cells.flag("opted_out");
        boolean reachable = cells.flag("reachable");
        return cells.build(() -> Contact.builder(Objects.requireNonNull(id), Objects.requireNonNull(companyId), name,
                        Objects.requireNonNull(email))
                .title(title)
                .roleTags(roleTags)
                .optedOutOfIntroductions(optedOut)
                .reachableForIntroductions(reachable)
                .build(), CONTACT_FIELDS);
    }
}
