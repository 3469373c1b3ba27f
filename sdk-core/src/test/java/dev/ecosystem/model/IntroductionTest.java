package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The introduction model: its state machine, its recorded history, and its consistency checks. */
class IntroductionTest {
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant END = T0.plusSeconds(14 * 86_400);
    private static final CompanyId A = CompanyId.of("co-a");
    private static final CompanyId B = CompanyId.of("co-b");

    private static Introduction intro() {
        return Introduction.builder(IntroductionId.of("i1"), A, ContactId.of("ada"), B, ContactId.of("bob"),
                "Shared customers", T0, END).build();
    }

    @Test
    void statusGraph_allowsExactlyTheDocumentedMoves() {
        assertThat(IntroductionStatus.REQUESTED.next())
                .containsExactlyInAnyOrder(IntroductionStatus.AWAITING_CONSENT, IntroductionStatus.CANCELLED);
        assertThat(IntroductionStatus.AWAITING_CONSENT.next()).containsExactlyInAnyOrder(
                IntroductionStatus.CONNECTED, IntroductionStatus.DECLINED, IntroductionStatus.EXPIRED,
                IntroductionStatus.CANCELLED);
        for (IntroductionStatus status : EnumSet.range(IntroductionStatus.CONNECTED, IntroductionStatus.CANCELLED)) {
            assertThat(status.isTerminal()).isTrue();
            assertThat(status.next()).isEmpty();
        }
    }

    @Test
    void moveTo_recordsWhoWhenAndWhy() {
        Instant t1 = T0.plusSeconds(60);
        Introduction moved = intro().moveTo(IntroductionStatus.AWAITING_CONSENT, "co-a/ada", t1, "asked");

        assertThat(moved.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
        assertThat(moved.updatedAt()).isEqualTo(t1);
        assertThat(moved.history()).containsExactly(
                new IntroductionTransition(null, IntroductionStatus.REQUESTED, "co-a", T0, "requested"),
                new IntroductionTransition(IntroductionStatus.REQUESTED, IntroductionStatus.AWAITING_CONSENT,
                        "co-a/ada", t1, "asked"));
    }

    @Test
    void moveTo_aDisallowedStatus_isAConflictNamingBothStatuses() {
        Introduction declined = intro().moveTo(IntroductionStatus.AWAITING_CONSENT, "x", T0, "asked")
                .moveTo(IntroductionStatus.DECLINED, "x", T0, "no");

        assertThatThrownBy(() -> intro().moveTo(IntroductionStatus.CONNECTED, "x", T0, "skip"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is REQUESTED and cannot become CONNECTED");
        assertThatThrownBy(() -> declined.moveTo(IntroductionStatus.CANCELLED, "x", T0, "late"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has ended");
        assertThat(declined.nextDueAt()).isNull();
    }

    @Test
    void visibleTo_hidesAnUnsharedDeclineReasonFromTheOtherSide() {
        Introduction intro = intro();
        Consent declined = intro.consent(IntroParty.TARGET).answered(ConsentStatus.DECLINED, T0, "too busy", false);
        Introduction withReason = intro.withConsent(declined, T0);

        assertThat(withReason.visibleTo(B).consent(IntroParty.TARGET).reason()).isEqualTo("too busy");
        assertThat(withReason.visibleTo(A).consent(IntroParty.TARGET).reason()).isNull();
        Consent shared = intro.consent(IntroParty.TARGET).answered(ConsentStatus.DECLINED, T0, "too busy", true);
        assertThat(intro.withConsent(shared, T0).visibleTo(A).consent(IntroParty.TARGET).reason())
                .isEqualTo("too busy");
    }

    @Test
    void toBuilder_copiesEveryField_andChangesOnlyWhatIsSet() {
        Introduction moved = intro().moveTo(IntroductionStatus.AWAITING_CONSENT, "system", T0.plusSeconds(5), "asked")
                .withJointEntry(OutboxEntryId.of("joint")).withVersion(3);

        assertThat(moved.toBuilder().build()).isEqualTo(moved).hasSameHashCodeAs(moved)
                .hasToString(moved.toString());
        Introduction changed = moved.toBuilder().context("New context").build();
        assertThat(changed.context()).isEqualTo("New context");
        assertThat(changed).isNotEqualTo(moved);
        assertThat(changed.toBuilder().context(moved.context()).build()).isEqualTo(moved);
        assertThat(moved.toString()).startsWith("Introduction[id=i1, requesterCompany=co-a")
                .contains("status=AWAITING_CONSENT", "version=3");
    }

    @Test
    void constructor_refusesInconsistentIntroductions() {
        assertThatThrownBy(() -> Introduction.builder(IntroductionId.of("i"), A, ContactId.of("x"), A,
                ContactId.of("y"), "c", T0, END).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("must differ from requesterCompany");
        assertThatThrownBy(() -> Introduction.builder(IntroductionId.of("i"), A, ContactId.of("x"), B,
                ContactId.of("y"), "c", T0, T0).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("expiresAt must be after createdAt");
        assertThatThrownBy(() -> Introduction.builder(IntroductionId.of("i"), A, ContactId.of("x"), B,
                ContactId.of("y"), "c", T0, END).status(IntroductionStatus.CONNECTED)
                .history(List.of(new IntroductionTransition(null, IntroductionStatus.REQUESTED, "a", T0, "r")))
                .build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("history must end in its status");
        assertThatThrownBy(() -> Introduction.builder(IntroductionId.of("i"), A, ContactId.of("x"), B,
                ContactId.of("y"), "c", T0, END).introducer(ContactId.of("x")).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("introducer must differ");
    }

    @Test
    void consent_answerNeedsATime_andPendingHasNone() {
        assertThatThrownBy(() -> new Consent(IntroParty.TARGET, ContactId.of("b"), ConsentStatus.ACCEPTED, null, null,
                null, 0, null, null, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("needs answeredAt");
        assertThatThrownBy(() -> new Consent(IntroParty.TARGET, ContactId.of("b"), ConsentStatus.PENDING, null, null,
                null, 0, T0, null, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot have answeredAt");
    }
}
