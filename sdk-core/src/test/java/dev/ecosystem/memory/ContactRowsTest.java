package dev.ecosystem.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Tag;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contacts kept as compact rows read back equal to what was stored, whatever their email's display name. */
class ContactRowsTest {
    private static final CompanyId ACME = CompanyId.of("acme");

    @Test
    @DisplayName("a contact reads back equal, with its email's display name its own name, another name or none")
    void contacts_readBackEqual_whateverTheDisplayName() {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        Contact byBuilder = Contact.builder(ContactId.of("ada"), ACME, "Ada Ünal", "Ada@Acme.EXAMPLE.com")
                .title("CTO").roleTags("cto", "engineering").optedOutOfIntroductions(true).build();
        Contact otherName = contact("bob", new EmailAddress("bob@acme.example.com", "Robert (work)"));
        Contact noName = contact("carl", EmailAddress.of("carl@acme.example.com"));
        List<Contact> contacts = List.of(byBuilder, otherName, noName);
        store.useTransaction(tx -> contacts.forEach(tx.contacts()::put));

        List<Contact> read = store.inTransaction(tx -> tx.contacts().list(ACME, PageRequest.first(10)).items());
        Contact ada = store.inTransaction(tx -> tx.contacts().get(ACME, ContactId.of("ada")));

        assertThat(read).containsExactlyElementsOf(contacts);
        assertThat(ada).isEqualTo(byBuilder);
        assertThat(ada.email().address()).isEqualTo("Ada@acme.example.com");
        assertThat(ada.email().displayName()).isEqualTo("Ada Ünal");
        assertThat(read.get(2).email().displayName()).isNull();
    }

    private static Contact contact(String id, EmailAddress email) {
        return new Contact(ContactId.of(id), ACME, "Name of " + id, email, null,
                new TreeSet<>(List.of(Tag.parse("role:sales"))), false, true);
    }
}
