package dev.ecosystem.testkit;

import static dev.ecosystem.testkit.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.BriefDelivery;
import dev.ecosystem.model.BriefSection;
import dev.ecosystem.model.BriefStatus;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.ecosystem.spi.BriefRepository}, run by {@link PartnerStoreContract} as its nested class
 * {@code Briefs}: round trips of every field, the version rules (next version, drafts replaced in place, approved
 * versions never changed), the latest approved version, visibility to the vendor only, deliveries recorded once per
 * (version, contact), and rollback.
 */
public abstract class BriefContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected BriefContract() {
    }

    private static final CompanyId VENDOR = CompanyId.of("vendor-a");
    private static final CompanyId OTHER_VENDOR = CompanyId.of("vendor-b");
    private static final CompanyId PARTNER = CompanyId.of("partner-a");
    private static final ProgramId PROGRAM = ProgramId.of("program-1");
    private static final ProgramId OTHER_PROGRAM = ProgramId.of("program-2");

    /** The empty store under test. */
    protected abstract PartnerStore briefStore();

    /** A draft of {@code version} with every field filled: multi-line, non-ASCII, markup-like text. */
    static ProgramBrief draft(CompanyId vendor, ProgramId program, int version, String marker) {
        Map<BriefSection, String> sections = new EnumMap<>(BriefSection.class);
        for (BriefSection section : BriefSection.values()) {
            sections.put(section, section.heading() + " " + marker + ": Müller & Söhne <b>\"quoted\"</b>\n\n"
                    + "- first point\n- second point");
        }
        return new ProgramBrief(program, vendor, version, BriefStatus.DRAFT, 3, "Référence partners " + marker,
                sections, "drafted by the template", T0.plusMillis(version), null);
    }

    static ProgramBrief approved(ProgramBrief draft) {
        return new ProgramBrief(draft.program(), draft.vendor(), draft.version(), BriefStatus.APPROVED,
                draft.programVersion(), draft.title(), draft.sections(), draft.note(), draft.draftedAt(),
                T0.plusSeconds(60));
    }

    private static BriefDelivery delivery(int version, String contact) {
        return new BriefDelivery(VENDOR, PROGRAM, version, PARTNER, ContactId.of(contact),
                OutboxEntryId.of("entry-" + version + "-" + contact), T0.plusMillis(250));
    }

    @Test
    @DisplayName("A saved version reads back equal, as the latest and by its number")
    void save_roundTripsEveryField() {
        ProgramBrief first = draft(VENDOR, PROGRAM, 1, "v1");
        write(tx -> tx.briefs().save(first));

        check(tx -> {
            assertThat(tx.briefs().latest(VENDOR, PROGRAM)).isEqualTo(first);
            assertThat(tx.briefs().version(VENDOR, PROGRAM, 1)).isEqualTo(first);
            assertThat(tx.briefs().version(VENDOR, PROGRAM, 2)).isNull();
            assertThat(tx.briefs().latestApproved(VENDOR, PROGRAM)).isNull();
            assertThat(tx.briefs().latest(VENDOR, OTHER_PROGRAM)).isNull();
        });
    }

    @Test
    @DisplayName("The latest draft is replaced in place, and approving it stores it as the latest approved version")
    void draft_replacedInPlace_thenApproved() {
        write(tx -> tx.briefs().save(draft(VENDOR, PROGRAM, 1, "v1")));
        ProgramBrief edited = draft(VENDOR, PROGRAM, 1, "edited");
        write(tx -> tx.briefs().save(edited));
        check(tx -> assertThat(tx.briefs().latest(VENDOR, PROGRAM)).isEqualTo(edited));

        ProgramBrief approved = approved(edited);
        write(tx -> tx.briefs().save(approved));

        check(tx -> {
            assertThat(tx.briefs().latest(VENDOR, PROGRAM)).isEqualTo(approved);
            assertThat(tx.briefs().latestApproved(VENDOR, PROGRAM)).isEqualTo(approved);
        });
    }

    @Test
    @DisplayName("An approved version is never replaced; the next draft follows it and the approved one stays")
    void approved_neverReplaced() {
        ProgramBrief approved = approved(draft(VENDOR, PROGRAM, 1, "v1"));
        write(tx -> tx.briefs().save(draft(VENDOR, PROGRAM, 1, "v1")));
        write(tx -> tx.briefs().save(approved));

        assertThatThrownBy(() -> write(tx -> tx.briefs().save(draft(VENDOR, PROGRAM, 1, "changed"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("approved");

        ProgramBrief next = draft(VENDOR, PROGRAM, 2, "v2");
        write(tx -> tx.briefs().save(next));
        check(tx -> {
            assertThat(tx.briefs().latest(VENDOR, PROGRAM)).isEqualTo(next);
            assertThat(tx.briefs().version(VENDOR, PROGRAM, 1)).isEqualTo(approved);
            assertThat(tx.briefs().latestApproved(VENDOR, PROGRAM)).isEqualTo(approved);
        });
    }

    @Test
    @DisplayName("A version that neither replaces the latest nor follows it is refused, and nothing changes")
    void versionGap_orStaleVersion_isRefused() {
        assertThatThrownBy(() -> write(tx -> tx.briefs().save(draft(VENDOR, PROGRAM, 2, "gap"))))
                .isInstanceOf(ConflictException.class);
        write(tx -> tx.briefs().save(draft(VENDOR, PROGRAM, 1, "v1")));
        write(tx -> tx.briefs().save(approved(draft(VENDOR, PROGRAM, 1, "v1"))));
        ProgramBrief second = draft(VENDOR, PROGRAM, 2, "v2");
        write(tx -> tx.briefs().save(second));

        assertThatThrownBy(() -> write(tx -> tx.briefs().save(draft(VENDOR, PROGRAM, 1, "stale"))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.briefs().save(draft(VENDOR, PROGRAM, 4, "gap"))))
                .isInstanceOf(ConflictException.class);
        check(tx -> assertThat(tx.briefs().latest(VENDOR, PROGRAM)).isEqualTo(second));
    }

    @Test
    @DisplayName("A vendor reads only its own briefs, even under the same program id")
    void briefs_visibleToTheirVendorOnly() {
        ProgramBrief mine = draft(VENDOR, PROGRAM, 1, "mine");
        write(tx -> tx.briefs().save(mine));

        check(tx -> {
            assertThat(tx.briefs().latest(OTHER_VENDOR, PROGRAM)).isNull();
            assertThat(tx.briefs().version(OTHER_VENDOR, PROGRAM, 1)).isNull();
            assertThat(tx.briefs().latestApproved(OTHER_VENDOR, PROGRAM)).isNull();
        });
        ProgramBrief theirs = draft(OTHER_VENDOR, PROGRAM, 1, "theirs");
        write(tx -> tx.briefs().save(theirs));
        check(tx -> {
            assertThat(tx.briefs().latest(VENDOR, PROGRAM)).isEqualTo(mine);
            assertThat(tx.briefs().latest(OTHER_VENDOR, PROGRAM)).isEqualTo(theirs);
        });
    }

    @Test
    @DisplayName("A delivery is recorded once per (version, contact); a repeat returns false and counts nothing")
    void delivery_recordedOnce() {
        assertThat(record(delivery(1, "ada"))).isTrue();
        assertThat(record(delivery(1, "ada"))).isFalse();
        assertThat(record(delivery(1, "bob"))).isTrue();
        assertThat(record(delivery(2, "ada"))).isTrue();

        check(tx -> {
            assertThat(tx.briefs().deliveries(VENDOR, PROGRAM, 1)).isEqualTo(2);
            assertThat(tx.briefs().deliveries(VENDOR, PROGRAM, 2)).isEqualTo(1);
            assertThat(tx.briefs().deliveries(VENDOR, PROGRAM, 3)).isZero();
            assertThat(tx.briefs().deliveries(OTHER_VENDOR, PROGRAM, 1)).isZero();
        });
    }

    @Test
    @DisplayName("A failed transaction leaves no version and no delivery behind")
    void rollback_leavesNothing() {
        ProgramBrief first = draft(VENDOR, PROGRAM, 1, "v1");
        write(tx -> tx.briefs().save(first));

        assertThatThrownBy(() -> write(tx -> {
            tx.briefs().save(approved(first));
            tx.briefs().save(draft(VENDOR, PROGRAM, 2, "v2"));
            tx.briefs().recordDelivery(delivery(1, "ada"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        check(tx -> {
            assertThat(tx.briefs().latest(VENDOR, PROGRAM)).isEqualTo(first);
            assertThat(tx.briefs().latestApproved(VENDOR, PROGRAM)).isNull();
            assertThat(tx.briefs().deliveries(VENDOR, PROGRAM, 1)).isZero();
        });
        assertThat(record(delivery(1, "ada"))).isTrue();
    }

    private boolean record(BriefDelivery delivery) {
        return read(tx -> tx.briefs().recordDelivery(delivery));
    }

    private <T> T read(Function<StoreTransaction, T> work) {
        return briefStore().inTransaction(work);
    }

    private void write(Consumer<StoreTransaction> work) {
        briefStore().useTransaction(work);
    }

    private void check(Consumer<StoreTransaction> assertions) {
        briefStore().useTransaction(assertions);
    }
}
