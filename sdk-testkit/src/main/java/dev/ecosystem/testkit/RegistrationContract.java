package dev.ecosystem.testkit;

import static dev.ecosystem.testkit.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.MatchExplanation;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.ReferredProspect;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.RegistrationConflict;
import dev.ecosystem.model.RegistrationId;
import dev.ecosystem.model.RegistrationStatus;
import dev.ecosystem.model.RegistrationTransition;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.ecosystem.spi.RegistrationRepository}, run by {@link PartnerStoreContract} as its
 * nested class {@code Registrations}: round trips of every field, versions, visibility to the vendor and the partner
 * only, keyset listings, the protection, cap and expiry lookups, and rollback.
 */
public abstract class RegistrationContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected RegistrationContract() {
    }

    private static final CompanyId VENDOR = CompanyId.of("vendor-a");
    private static final CompanyId OTHER_VENDOR = CompanyId.of("vendor-b");
    private static final CompanyId PARTNER = CompanyId.of("partner-a");
    private static final CompanyId OTHER_PARTNER = CompanyId.of("partner-b");
    private static final CompanyId STRANGER = CompanyId.of("stranger");

    /** The empty store under test. */
    protected abstract PartnerStore registrationStore();

    /** A submitted registration of {@code partner} with {@code vendor} for {@code domain.com}. */
    static Registration submitted(String id, CompanyId vendor, CompanyId partner, String domain) {
        ReferredProspect prospect = ReferredProspect.builder("Prospect " + domain, "Pat Buyer", EmailAddress.of("pat@buyer.com"))
                .domain(domain + ".com").expectedAmount(Money.of("48000.50", "EUR")).note("budget approved")
                .partnerContact(ContactId.of("c-1")).build();
        return Registration.builder(RegistrationId.of(id), vendor, partner, prospect, "prospect" + domain, T0)
                .domainKey(domain + ".com")
                .idempotencyKey("key-" + id)
                .transition(new RegistrationTransition(null, RegistrationStatus.SUBMITTED, T0, partner.value(), null))
                .build();
    }

    /** {@code registration} accepted at {@code at} and protected for {@code days}. */
    static Registration accepted(Registration registration, Instant at, int days) {
        return registration.toBuilder().acceptedAt(at).protectedUntil(at.plus(Duration.ofDays(days)))
                .transition(new RegistrationTransition(RegistrationStatus.SUBMITTED, RegistrationStatus.ACCEPTED, at,
                        registration.vendor().value(), "ok"))
                .build();
    }

    private Registration insert(Registration registration) {
        return read(tx -> tx.registrations().insert(registration));
    }

    private Registration insertAccepted(String id, CompanyId vendor, CompanyId partner, String domain, Instant at,
            int days) {
        Registration stored = insert(submitted(id, vendor, partner, domain));
        return read(tx -> tx.registrations().update(accepted(stored, at, days)));
    }

    @Test
    @DisplayName("A registration with every field set reads back equal, at version 0, to its vendor and partner only")
    void insert_thenGet_returnsEqualRegistration_toItsTwoCompaniesOnly() {
        Registration full = submitted("r1", VENDOR, PARTNER, "acme").toBuilder()
                .conflicts(List.of(new RegistrationConflict(RegistrationConflict.Kind.EXISTING_CUSTOMER, "a customer",
                        new MatchExplanation(new Match(Match.Method.DOMAIN, 1.0, "acme.com"), "acme.com", "acme.com",
                                "acme", "acme", 0, "same registrable domain acme.com"), AccountId.of("v1"), null,
                        null), new RegistrationConflict(RegistrationConflict.Kind.ALREADY_REGISTERED, "taken", null,
                        null, RegistrationId.of("r0"), OTHER_PARTNER)))
                .linkedDeals(List.of(DealId.of("d1"), DealId.of("d2")))
                .rejectionReason(null)
                .build();

        Registration stored = insert(full);

        assertThat(stored).isEqualTo(full.toBuilder().version(0).build());
        check(tx -> assertThat(tx.registrations().get(VENDOR, RegistrationId.of("r1"))).isEqualTo(stored));
        check(tx -> assertThat(tx.registrations().get(PARTNER, RegistrationId.of("r1"))).isEqualTo(stored));
        check(tx -> assertThat(tx.registrations().get(STRANGER, RegistrationId.of("r1"))).isNull());
        check(tx -> assertThat(tx.registrations().get(OTHER_PARTNER, RegistrationId.of("r1"))).isNull());
        check(tx -> assertThat(tx.registrations().get(VENDOR, RegistrationId.of("r2"))).isNull());
    }

    @Test
    @DisplayName("Inserting a taken id is a conflict, even for another vendor; the first stays")
    void insert_takenId_isConflict() {
        insert(submitted("r1", VENDOR, PARTNER, "acme"));

        assertThatThrownBy(() -> insert(submitted("r1", OTHER_VENDOR, PARTNER, "other")))
                .isInstanceOf(ConflictException.class);
        check(tx -> assertThat(tx.registrations().get(VENDOR, RegistrationId.of("r1")).prospect().domain())
                .isEqualTo("acme.com"));
        check(tx -> assertThat(tx.registrations().get(OTHER_VENDOR, RegistrationId.of("r1"))).isNull());
    }

    @Test
    @DisplayName("An update bumps the version; a stale version, a changed vendor or a missing id is refused")
    void update_isOptimistic() {
        Registration stored = insert(submitted("r1", VENDOR, PARTNER, "acme"));
        Registration rejected = read(tx -> tx.registrations().update(stored.toBuilder()
                .status(RegistrationStatus.REJECTED).rejectionReason("no").build()));

        assertThat(rejected.version()).isEqualTo(1);
        check(tx -> assertThat(tx.registrations().get(PARTNER, stored.id())).isEqualTo(rejected));
        assertThatThrownBy(() -> write(tx -> tx.registrations().update(stored)))
                .isInstanceOf(ConflictException.class);
        Registration moved = Registration.builder(stored.id(), OTHER_VENDOR, PARTNER, stored.prospect(),
                stored.nameKey(), T0).version(1).build();
        assertThatThrownBy(() -> write(tx -> tx.registrations().update(moved)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.registrations().update(submitted("nope", VENDOR, PARTNER, "x"))))
                .isInstanceOf(NotFoundException.class);
        check(tx -> assertThat(tx.registrations().get(VENDOR, stored.id())).isEqualTo(rejected));
    }

    @Test
    @DisplayName("Vendor and partner listings page by id in binary order and hold only their own registrations")
    void listings_pageInIdOrder_perVendorAndPartner() {
        List<String> ids = List.of("b", "a-10", "Z", "a-2", "0", "a-1", "_x");
        for (int i = 0; i < ids.size(); i++) {
            insert(submitted(ids.get(i), VENDOR, i % 2 == 0 ? PARTNER : OTHER_PARTNER, "d" + i));
        }
        insert(submitted("elsewhere", OTHER_VENDOR, PARTNER, "e"));

        assertThat(all(page -> read(tx -> tx.registrations().byVendor(VENDOR, page))))
                .containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(all(page -> read(tx -> tx.registrations().byPartner(PARTNER, null, page))))
                .containsExactly("0", "Z", "_x", "b", "elsewhere");
        assertThat(all(page -> read(tx -> tx.registrations().byPartner(PARTNER, VENDOR, page))))
                .containsExactly("0", "Z", "_x", "b");
        assertThat(all(page -> read(tx -> tx.registrations().byVendor(STRANGER, page)))).isEmpty();
    }

    @Test
    @DisplayName("Protection lookups find accepted registrations whose window covers the instant, earliest first")
    void protectedBy_findsAcceptedRegistrationsCoveringTheInstant() {
        insertAccepted("late", VENDOR, OTHER_PARTNER, "acme", T0.plusSeconds(60), 90);
        insertAccepted("early", VENDOR, PARTNER, "acme", T0, 90);
        insert(submitted("pending", VENDOR, PARTNER, "acme"));
        insertAccepted("elsewhere", OTHER_VENDOR, PARTNER, "acme", T0, 90);
        Registration won = insertAccepted("won", VENDOR, PARTNER, "acme", T0, 90);
        write(tx -> tx.registrations().update(won.toBuilder().status(RegistrationStatus.WON).build()));

        Instant inside = T0.plus(Duration.ofDays(1));
        check(tx -> assertThat(tx.registrations().protectedByDomain(VENDOR, "acme.com", inside))
                .extracting(r -> r.id().value()).containsExactly("early", "late"));
        check(tx -> assertThat(tx.registrations().protectedByName(VENDOR, "prospectacme", inside))
                .extracting(r -> r.id().value()).containsExactly("early", "late"));
        check(tx -> assertThat(tx.registrations().protectedByDomain(VENDOR, "acme.com", T0))
                .extracting(r -> r.id().value()).containsExactly("early"));
        check(tx -> assertThat(tx.registrations().protectedByDomain(VENDOR, "acme.com", T0.plus(Duration.ofDays(90))))
                .extracting(r -> r.id().value()).containsExactly("late"));
        check(tx -> assertThat(tx.registrations().protectedByDomain(VENDOR, "other.com", inside)).isEmpty());
        check(tx -> assertThat(tx.registrations().protectedByDomain(STRANGER, "acme.com", inside)).isEmpty());
    }

    @Test
    @DisplayName("The open count holds submitted and unexpired accepted registrations of one vendor and partner")
    void countOpen_countsSubmittedAndUnexpiredAccepted() {
        insert(submitted("s1", VENDOR, PARTNER, "a"));
        insertAccepted("a1", VENDOR, PARTNER, "b", T0, 10);
        insertAccepted("a2", VENDOR, PARTNER, "c", T0, 30);
        Registration rejected = insert(submitted("x1", VENDOR, PARTNER, "d"));
        write(tx -> tx.registrations().update(rejected.toBuilder().status(RegistrationStatus.REJECTED).build()));
        insert(submitted("o1", VENDOR, OTHER_PARTNER, "e"));
        insert(submitted("o2", OTHER_VENDOR, PARTNER, "f"));

        check(tx -> assertThat(tx.registrations().countOpen(VENDOR, PARTNER, T0.plusSeconds(1))).isEqualTo(3));
        check(tx -> assertThat(tx.registrations().countOpen(VENDOR, PARTNER, T0.plus(Duration.ofDays(20))))
                .isEqualTo(2));
        check(tx -> assertThat(tx.registrations().countOpen(VENDOR, OTHER_PARTNER, T0)).isEqualTo(1));
        check(tx -> assertThat(tx.registrations().countOpen(STRANGER, PARTNER, T0)).isZero());
    }

    @Test
    @DisplayName("Expiring lists accepted registrations whose protection ended, earliest end first, up to the limit")
    void expiring_listsEndedProtectionsInOrder() {
        insertAccepted("third", VENDOR, PARTNER, "a", T0.plusSeconds(20), 1);
        insertAccepted("first", OTHER_VENDOR, PARTNER, "b", T0, 1);
        insertAccepted("second", VENDOR, OTHER_PARTNER, "c", T0.plusSeconds(10), 1);
        insertAccepted("later", VENDOR, PARTNER, "d", T0, 5);
        insert(submitted("pending", VENDOR, PARTNER, "e"));

        Instant now = T0.plus(Duration.ofDays(2));
        check(tx -> assertThat(tx.registrations().expiring(now, 10)).extracting(r -> r.id().value())
                .containsExactly("first", "second", "third"));
        check(tx -> assertThat(tx.registrations().expiring(now, 2)).extracting(r -> r.id().value())
                .containsExactly("first", "second"));
        check(tx -> assertThat(tx.registrations().expiring(T0, 10)).isEmpty());
        assertThatThrownBy(() -> check(tx -> tx.registrations().expiring(now, 0)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("A failed transaction leaves no registration and no index entry behind")
    void rollback_leavesNothing() {
        Registration stored = insert(submitted("r1", VENDOR, PARTNER, "acme"));

        assertThatThrownBy(() -> write(tx -> {
            tx.registrations().insert(submitted("r2", VENDOR, PARTNER, "other"));
            tx.registrations().update(accepted(stored, T0, 90));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        check(tx -> assertThat(tx.registrations().get(VENDOR, RegistrationId.of("r2"))).isNull());
        check(tx -> assertThat(tx.registrations().get(VENDOR, stored.id())).isEqualTo(stored));
        check(tx -> assertThat(tx.registrations().protectedByDomain(VENDOR, "acme.com", T0.plusSeconds(1)))
                .isEmpty());
        check(tx -> assertThat(tx.registrations().byPartner(PARTNER, VENDOR, PageRequest.first(10)).items())
                .hasSize(1));
    }

    private List<String> all(Function<PageRequest, Page<Registration>> lister) {
        List<String> ids = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            Page<Registration> page = lister.apply(PageRequest.after(cursor, 2));
            page.items().forEach(registration -> ids.add(registration.id().value()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private <T> T read(Function<StoreTransaction, T> work) {
        return registrationStore().inTransaction(work);
    }

    private void write(Consumer<StoreTransaction> work) {
        registrationStore().useTransaction(work);
    }

    private void check(Consumer<StoreTransaction> assertions) {
        registrationStore().useTransaction(assertions);
    }
}
