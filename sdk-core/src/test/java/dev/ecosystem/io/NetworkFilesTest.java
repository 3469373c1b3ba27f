package dev.ecosystem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.SizeBand;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkFilesTest {
    private static final String COMPANIES_CSV = """
            id,name,web_domain,description,business_tags,industries,regions,size_band,product_categories,signals,listed
            acme,Acme Mail,Acme.io,"Email for shops, big and small.
            Since 2014.",email-marketing|saas,retail|e-commerce,emea|north-america,Small,email-marketing|sms,runs-partner-program|co-sells,true
            bolt,Bolt Data,,,analytics,,,,,,false
            """;
    private static final String CONTACTS_CSV = """
            id,company_id,name,email,title,role_tags,opted_out
            ada,acme,Ada Park,ada@acme.io,Head of Partnerships,head-of-partnerships|partnerships,false
            bo,bolt,Bo Li,bo@bolt.dev,,,TRUE
            """;
    private static final String NETWORK_JSON = """
            {
              "companies": [
                {"id": "acme", "name": "Acme Mail", "webDomain": "Acme.io",
                 "description": "Email for shops, big and small.\\nSince 2014.",
                 "businessTags": ["email-marketing", "saas"], "industries": ["retail", "e-commerce"],
                 "regions": ["emea", "north-america"], "sizeBand": "Small",
                 "productCategories": ["email-marketing", "sms"], "signals": ["runs-partner-program", "co-sells"],
                 "listed": true},
                {"id": "bolt", "name": "Bolt Data", "webDomain": null, "businessTags": ["analytics"], "listed": false}
              ],
              "contacts": [
                {"id": "ada", "companyId": "acme", "name": "Ada Park", "email": "ada@acme.io",
                 "title": "Head of Partnerships", "roleTags": ["head-of-partnerships", "partnerships"],
                 "optedOut": false},
                {"id": "bo", "companyId": "bolt", "name": "Bo Li", "email": "bo@bolt.dev", "optedOut": true}
              ]
            }
            """;

    private static final Company ACME = Company.builder(CompanyId.of("acme"), "Acme Mail")
            .webDomain("acme.io")
            .description("Email for shops, big and small.\nSince 2014.")
            .businessTags("email-marketing", "saas")
            .industries("retail", "e-commerce")
            .regions("emea", "north-america")
            .sizeBand(SizeBand.SMALL)
            .productCategories("email-marketing", "sms")
            .signals("runs-partner-program", "co-sells")
            .listed(true)
            .build();
    private static final Company BOLT = Company.builder(CompanyId.of("bolt"), "Bolt Data")
            .businessTags("analytics")
            .build();
    private static final Contact ADA = Contact.builder(ContactId.of("ada"), CompanyId.of("acme"), "Ada Park",
                    "ada@acme.io")
            .title("Head of Partnerships")
            .roleTags("head-of-partnerships", "partnerships")
            .build();
    private static final Contact BO = Contact.builder(ContactId.of("bo"), CompanyId.of("bolt"), "Bo Li", "bo@bolt.dev")
            .optedOutOfIntroductions(true)
            .build();

    @Test
    void readCsv_goodFiles_giveTheRecords() {
        Network network = NetworkFiles.readCsv(reader(COMPANIES_CSV), reader(CONTACTS_CSV));

        assertThat(network.companies()).containsExactly(ACME, BOLT);
        assertThat(network.companies().get(0).primaryCategory()).isEqualTo("email-marketing");
        assertThat(network.contacts()).containsExactly(ADA, BO);
    }

    @Test
    @DisplayName("The optional columns reachable and introduction_intake give a reachable contact and the company's "
            + "intake contact; left out, nobody is reachable and no company names an intake")
    void readCsv_reachableAndIntakeColumns_areRead() {
        Network network = NetworkFiles.readCsv(reader("id,name,introduction_intake\nacme,Acme,ada\nbolt,Bolt,\n"),
                reader("id,company_id,name,email,reachable\nada,acme,Ada,ada@acme.io,true\nbo,bolt,Bo,bo@bolt.dev,\n"));

        assertThat(network.companies()).extracting(Company::introductionIntake)
                .containsExactly(ContactId.of("ada"), null);
        assertThat(network.contacts()).extracting(Contact::reachableForIntroductions).containsExactly(true, false);
        assertThat(NetworkFiles.readCsv(reader(COMPANIES_CSV), reader(CONTACTS_CSV)).contacts())
                .noneMatch(Contact::reachableForIntroductions);
    }

    @Test
    void readCsv_withoutContactsFile_givesNoContacts() {
        assertThat(NetworkFiles.readCsv(reader(COMPANIES_CSV), null).contacts()).isEmpty();
    }

    @Test
    void readCsv_optionalColumnsLeftOut_areEmpty() {
        Network network = NetworkFiles.readCsv(reader("name,id\nBolt Data,bolt\n"), null);

        assertThat(network.companies()).containsExactly(Company.builder(CompanyId.of("bolt"), "Bolt Data").build());
    }

    @Test
    void readCsv_byteOrderMarkAndCrLf_areAccepted() {
        Network network = NetworkFiles.readCsv(reader("\uFEFFid,name\r\nbolt,Bolt Data\r\n\r\n"), null);

        assertThat(network.companies()).extracting(Company::id).containsExactly(CompanyId.of("bolt"));
    }

    @Test
    void readJson_sameDataAsCsv_givesTheSameNetwork() {
        Network fromCsv = NetworkFiles.readCsv(reader(COMPANIES_CSV), reader(CONTACTS_CSV));
        Network fromJson = NetworkFiles.readJson(reader(NETWORK_JSON));

        assertThat(fromJson).isEqualTo(fromCsv);
        assertThat(fromJson.companies()).containsExactly(ACME, BOLT);
    }

    @Test
    void readJson_withoutContacts_givesNoContacts() {
        Network network = NetworkFiles.readJson(reader("{\"companies\": [{\"id\": \"bolt\", \"name\": \"Bolt\"}]}"));

        assertThat(network.companies()).hasSize(1);
        assertThat(network.contacts()).isEmpty();
    }

    @Test
    void readFromPaths_givesTheSameNetworkAsFromReaders(@TempDir Path dir) throws IOException {
        Path companies = Files.writeString(dir.resolve("companies.csv"), COMPANIES_CSV, StandardCharsets.UTF_8);
        Path contacts = Files.writeString(dir.resolve("contacts.csv"), CONTACTS_CSV, StandardCharsets.UTF_8);
        Path json = Files.writeString(dir.resolve("network.json"), NETWORK_JSON, StandardCharsets.UTF_8);

        Network expected = NetworkFiles.readCsv(reader(COMPANIES_CSV), reader(CONTACTS_CSV));
        assertThat(NetworkFiles.readCsv(companies, contacts)).isEqualTo(expected);
        assertThat(NetworkFiles.readJson(json)).isEqualTo(expected);
    }

    @Test
    void readFromPath_badRow_namesTheFileByItsName(@TempDir Path dir) throws IOException {
        Path companies = Files.writeString(dir.resolve("partners-2025.csv"), "id,name,size_band\nacme,Acme,huge\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> NetworkFiles.readCsv(companies, null))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessageStartingWith("partners-2025.csv line 2, column size_band: must be one of MICRO, SMALL,");
    }

    @Test
    void readFromPath_missingFile_isRejected(@TempDir Path dir) {
        Path missing = dir.resolve("companies.csv");

        assertThatThrownBy(() -> NetworkFiles.readCsv(missing, null))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessage(missing + " does not exist");
    }

    @Test
    void readCsv_leavesTheReadersOpen() throws IOException {
        Reader companies = reader(COMPANIES_CSV);
        NetworkFiles.readCsv(companies, null);

        companies.reset(); // a closed StringReader would throw
    }

    @Test
    void readCsv_badBusinessTag_namesFileLineColumnAndValue() {
        String csv = "id,name,business_tags\nacme,Acme,crm\nbolt,Bolt,analytics|b2b!\n";

        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(csv), null))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessage("companies.csv line 3, column business_tags: tag value must be 1 to 64 letters, digits "
                        + "or - . + & / (starting with a letter or digit) after normalization, but was \"b2b!\"");
    }

    @Test
    void readCsv_afterMultiLineQuotedValue_countsPhysicalLines() {
        String csv = "id,name,description,size_band\nacme,Acme,\"one\ntwo\nthree\",small\nbolt,Bolt,,tiny\n";

        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(csv), null))
                .hasMessageStartingWith("companies.csv line 5, column size_band: must be one of MICRO, SMALL, MEDIUM, "
                        + "LARGE, ENTERPRISE (in any case), but was \"tiny\"");
    }

    @Test
    void readCsv_badFlag_isRejected() {
        assertThatThrownBy(() -> NetworkFiles.readCsv(reader("id,name,listed\nacme,Acme,yes\n"), null))
                .hasMessage("companies.csv line 2, column listed: must be true or false (empty means false), "
                        + "but was \"yes\"");
    }

    @Test
    void readCsv_webDomainWithScheme_isRejectedByTheModelAtItsColumn() {
        assertThatThrownBy(() -> NetworkFiles.readCsv(reader("id,name,web_domain\nacme,Acme,https://acme.io\n"),
                null))
                .hasMessage("companies.csv line 2, column web_domain: webDomain must be a host name such as "
                        + "\"acme.com\" (no scheme, path or port), but was \"https://acme.io\"");
    }

    @Test
    void readCsv_blankName_isRejectedAtItsColumn() {
        assertThatThrownBy(() -> NetworkFiles.readCsv(reader("id,name\nacme,  \n"), null))
                .hasMessage("companies.csv line 2, column name: company name must not be blank, but was \"\"");
    }

    @Test
    void readCsv_emptyId_isRejected() {
        assertThatThrownBy(() -> NetworkFiles.readCsv(reader("id,name\n,Acme\n"), null))
                .hasMessage("companies.csv line 2, column id: a value is required, but was empty");
    }

    @Test
    void readCsv_badContactEmail_namesTheContactsFile() {
        String contacts = "id,company_id,name,email\nada,acme,Ada Park,ada@acme.io\nbo,acme,Bo Li,bo-at-acme\n";

        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(COMPANIES_CSV), reader(contacts)))
                .hasMessage("contacts.csv line 3, column email: email address must look like name@example.com, but "
                        + "was \"bo-at-acme\"");
    }

    @Test
    void readCsv_badContactRoleTag_isRejected() {
        String contacts = "id,company_id,name,email,role_tags\nada,acme,Ada Park,ada@acme.io,partnerships|-sales\n";

        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(COMPANIES_CSV), reader(contacts)))
                .hasMessageStartingWith("contacts.csv line 2, column role_tags: tag value must be")
                .hasMessageEndingWith("but was \"-sales\"");
    }

    @Test
    void readCsv_severalBadRowsInBothFiles_listsEveryProblemFirstOneFirst() {
        String companies = "id,name,size_band,listed\nacme,Acme,huge,maybe\nbolt,Bolt,small,true\n";
        String contacts = "id,company_id,name,email\nada,,Ada,ada@acme.io\n";

        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(companies), reader(contacts)))
                .hasMessage(String.join("\n",
                        "companies.csv line 2, column size_band: must be one of MICRO, SMALL, MEDIUM, LARGE, "
                                + "ENTERPRISE (in any case), but was \"huge\"",
                        "companies.csv line 2, column listed: must be true or false (empty means false), but was "
                                + "\"maybe\"",
                        "contacts.csv line 2, column company_id: a value is required, but was empty"));
    }

    @Test
    void readCsv_manyBadRows_listsTheFirstTenAndCountsTheRest() {
        String csv = "id,name,size_band\n" + IntStream.rangeClosed(1, 25)
                .mapToObj(i -> "c" + i + ",Company " + i + ",huge\n")
                .collect(Collectors.joining());

        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(csv), null))
                .satisfies(e -> {
                    String[] lines = e.getMessage().split("\n");
                    assertThat(lines).hasSize(11);
                    assertThat(lines[0]).startsWith("companies.csv line 2, column size_band:");
                    assertThat(lines[9]).startsWith("companies.csv line 11, column size_band:");
                    assertThat(lines[10]).isEqualTo("... and 15 more problems (25 in all)");
                });
    }

    @Test
    void readCsv_repeatedCompanyId_namesBothLines() {
        String csv = "id,name\nacme,Acme\nbolt,Bolt\nacme,Acme again\n";

        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(csv), null))
                .hasMessage("companies.csv line 4, column id: company id \"acme\" appears more than once; it is "
                        + "already on line 2");
    }

    @Test
    void readCsv_repeatedContactIdWithinACompany_isRejected() {
        String contacts = "id,company_id,name,email\nada,acme,Ada,ada@acme.io\nada,acme,Ada Two,ada2@acme.io\n";

        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(COMPANIES_CSV), reader(contacts)))
                .hasMessage("contacts.csv line 3, column id: contact id \"ada\" of company \"acme\" appears more "
                        + "than once; it is already on line 2");
    }

    @Test
    void readCsv_sameContactIdInTwoCompanies_isAccepted() {
        String contacts = "id,company_id,name,email\nc1,acme,Ada,ada@acme.io\nc1,bolt,Bo,bo@bolt.dev\n";

        assertThat(NetworkFiles.readCsv(reader(COMPANIES_CSV), reader(contacts)).contacts()).hasSize(2);
    }

    @Test
    void readCsv_unknownColumns_areRejectedByName() {
        assertThatThrownBy(() -> NetworkFiles.readCsv(reader("id,name,colour,Size_Band\nacme,Acme,red,small\n"),
                null))
                .hasMessage("companies.csv line 1: unknown columns \"colour\", \"Size_Band\"; the columns are id, "
                        + "name, web_domain, description, business_tags, industries, regions, size_band, "
                        + "product_categories, signals, listed, introduction_intake");
    }

    @Test
    void readCsv_missingRequiredColumn_isRejected() {
        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(COMPANIES_CSV), reader("id,name,email\nada,Ada,a@b.io\n")))
                .hasMessageStartingWith("contacts.csv line 1: missing required column \"company_id\"; the columns are "
                        + "id, company_id, name, email, title, role_tags, opted_out");
    }

    @Test
    void readCsv_repeatedColumn_isRejected() {
        assertThatThrownBy(() -> NetworkFiles.readCsv(reader("id,name,id\nacme,Acme,acme\n"), null))
                .hasMessage("companies.csv line 1: the header repeats \"id\"; each column may appear once");
    }

    @Test
    void readCsv_rowOfTheWrongWidth_isRejected() {
        assertThatThrownBy(() -> NetworkFiles.readCsv(reader("id,name\nacme,Acme,extra\n"), null))
                .hasMessage("companies.csv line 2: has 3 values, but the header has 2 columns");
    }

    @Test
    void readCsv_emptyFile_isRejected() {
        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(""), null))
                .hasMessageStartingWith("companies.csv line 1: the file is empty, but must start with a header line");
    }

    @Test
    void readCsv_malformedCsv_isWrappedWithItsLine() {
        String csv = "id,name,description\nacme,Acme,\"ok\"\nbolt,Bolt,\"unclosed\n";

        assertThatThrownBy(() -> NetworkFiles.readCsv(reader(csv), null))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessageMatching("companies\\.csv line \\d+: malformed CSV: Missing closing quote for value");
    }

    @Test
    void readJson_unknownField_isRejectedWithItsLine() {
        String json = "{\"companies\": [\n {\"id\": \"acme\",\n  \"name\": \"Acme\",\n  \"colour\": \"red\"}]}";

        assertThatThrownBy(() -> NetworkFiles.readJson(reader(json)))
                .hasMessage("network.json line 4, field colour: unknown field; the fields of companies are id, name, "
                        + "webDomain, description, businessTags, industries, regions, sizeBand, productCategories, "
                        + "signals, listed, introductionIntake");
    }

    @Test
    void readJson_unknownTopLevelField_isRejected() {
        assertThatThrownBy(() -> NetworkFiles.readJson(reader("{\"companies\": [], \"people\": []}")))
                .hasMessage("network.json line 1, field people: unknown field; the fields are companies, contacts");
    }

    @Test
    void readJson_badValues_nameTheirFieldsAndLines() {
        String json = """
                {"companies": [
                  {"id": "acme", "name": "Acme",
                   "businessTags": "crm",
                   "listed": "yes"}
                ],
                 "contacts": [
                  {"id": "ada", "companyId": "acme", "name": "Ada", "email": 42}
                ]}
                """;

        assertThatThrownBy(() -> NetworkFiles.readJson(reader(json)))
                .hasMessage(String.join("\n",
                        "network.json line 3, field businessTags: must be an array of strings such as [\"a\", \"b\"], "
                                + "but was \"crm\"",
                        "network.json line 4, field listed: must be true or false, but was \"yes\"",
                        "network.json line 7, field email: must be a string, but was 42"));
    }

    @Test
    void readJson_badTag_usesTheModelMessage() {
        String json = "{\"companies\": [{\"id\": \"acme\", \"name\": \"Acme\", "
                + "\"businessTags\": [\"crm\", \"\u00a7\"]}]}";

        assertThatThrownBy(() -> NetworkFiles.readJson(reader(json)))
                .hasMessageStartingWith("network.json line 1, field businessTags: tag value must be")
                .hasMessageEndingWith("but was \"\u00a7\"");
    }

    @Test
    void readJson_repeatedCompanyId_isRejected() {
        String json = "{\"companies\": [\n{\"id\": \"acme\", \"name\": \"Acme\"},\n"
                + "{\"id\": \"acme\", \"name\": \"A\"}]}";

        assertThatThrownBy(() -> NetworkFiles.readJson(reader(json)))
                .hasMessage("network.json line 3, field id: company id \"acme\" appears more than once; it is "
                        + "already on line 2");
    }

    @Test
    void readJson_malformedJson_isWrappedWithItsLine() {
        assertThatThrownBy(() -> NetworkFiles.readJson(reader("{\"companies\": [\n{\"id\": \"acme\",,}]}")))
                .isExactlyInstanceOf(ValidationException.class)
                .hasMessageStartingWith("network.json line 2: malformed JSON: Unexpected character (',' ");
    }

    @Test
    void readJson_repeatedField_isMalformed() {
        assertThatThrownBy(() -> NetworkFiles.readJson(reader("{\"companies\": [{\"id\": \"a\", \"id\": \"b\"}]}")))
                .hasMessageStartingWith("network.json line 1: malformed JSON: Duplicate field 'id'");
    }

    @Test
    void readJson_notAnObject_isRejected() {
        assertThatThrownBy(() -> NetworkFiles.readJson(reader("[]")))
                .hasMessageStartingWith("network.json line 1: must be a JSON object such as {\"companies\": [...], "
                        + "\"contacts\": [...]}, but started with an array");
    }

    @Test
    void readJson_contentAfterTheObject_isRejected() {
        assertThatThrownBy(() -> NetworkFiles.readJson(reader("{\"companies\": []}\n{}")))
                .hasMessage("network.json line 2: unexpected content after the end of the top-level object");
    }

    private static StringReader reader(String text) {
        return new StringReader(text);
    }
}
