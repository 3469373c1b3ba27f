package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactsOriginTest {
    @Test
    void contactsOrigin_roundTripsTheCompany_evenWithSeparatorsInItsId() {
        CompanyId odd = CompanyId.of("a:b/7:c");

        String origin = OutboxEntry.contactsOrigin(odd, "partner-report/a:b/7:c/2026-01-01..2026-04-01/scorecard");

        assertThat(OutboxEntry.contactsCompany(origin)).isEqualTo(odd);
    }

    @Test
    void contactsCompany_ofAnyOtherOrigin_isNull() {
        assertThat(OutboxEntry.contactsCompany(null)).isNull();
        assertThat(OutboxEntry.contactsCompany("intro-123")).isNull();
        assertThat(OutboxEntry.contactsCompany("contacts:")).isNull();
        assertThat(OutboxEntry.contactsCompany("contacts:x:y")).isNull();
        assertThat(OutboxEntry.contactsCompany("contacts:99:short")).isNull();
    }
}
