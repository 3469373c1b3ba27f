package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ACME;
import static dev.ecosystem.intro.IntroFixture.ADA;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.INITECH;
import static dev.ecosystem.intro.IntroFixture.IVY;
import static dev.ecosystem.intro.IntroFixture.OZ;
import static dev.ecosystem.intro.IntroFixture.T0;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointKind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idempotency, opt-outs, open-request limits, blocks, and what a connection leaves behind: touchpoint and funnel. */
class IntroGuardrailsTest {
    private final IntroFixture f = new IntroFixture(InMemoryPartnerStore.create(),
            settings -> settings.limits(3, 2, Duration.ofDays(30)));

    private int outboxSize() {
        return f.store.inTransaction(tx -> tx.outbox().claimDue(T0.plus(Duration.ofDays(999)),
                T0.plus(Duration.ofDays(1000)), 1000)).size();
    }

    @Test
    void sameIdempotencyKey_givesTheSameIntroduction_andOneAsk() {
        Introduction first = f.acme().request(adaToBob().idempotencyKey("submit-1").build());
        Introduction again = f.acme().request(adaToBob().idempotencyKey("submit-1").build());
        Introduction other = f.acme().request(IntroRequest.builder(IVY, GLOBEX, BOB, "x").idempotencyKey("submit-2")
                .build());

        assertThat(again).isEqualTo(first);
        assertThat(other.id()).isNotEqualTo(first.id());
        f.runDue();
        assertThat(f.sentTo("bob@globex.com")).hasSize(2);
    }

    @Test
    void optedOutTarget_isRefused_andNeverEmailed() {
        assertThatThrownBy(() -> f.acme().request(IntroRequest.builder(ADA, GLOBEX, OZ, "x").build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("contact oz is not reachable for introductions at company co-globex");
        assertThatThrownBy(() -> f.acme().preview(IntroRequest.builder(ADA, GLOBEX, OZ, "x").build()))
                .isInstanceOf(NotFoundException.class);

        assertThat(f.runDue().sent()).isZero();
        assertThat(f.acme().list(PageRequest.first(10)).items()).isEmpty();
        assertThat(outboxSize()).isZero();
    }

    @Test
    void targetWhoOptsOutBeforeTheAskIsSent_isNotEmailed_evenWhenTheHostRetries() {
        f.acme().request(adaToBob().build());
        f.client.as(GLOBEX).contacts().setOptedOut(BOB, true);

        DueRun run = f.runDue();

        assertThat(run.parked()).isEqualTo(1);
        assertThat(f.mailer.totalCalls()).isZero();
        dev.ecosystem.model.OutboxEntry parked = f.client.intros().parked(ACME, PageRequest.first(10)).items().get(0);
        assertThat(parked.lastError()).isEqualTo("not sent: contact bob of co-globex opted out of introductions");
        assertThat(f.events).anyMatch(e -> e.type().equals("outbox.parked"));

        f.client.intros().retry(parked.id());
        assertThat(f.runDue().parked()).isEqualTo(1);
        assertThat(f.mailer.totalCalls()).isZero();

        f.client.as(GLOBEX).contacts().setOptedOut(BOB, false);
        f.client.intros().retry(parked.id());
        assertThat(f.runDue().sent()).isEqualTo(1);
        assertThat(f.sentTo("bob@globex.com")).hasSize(1);
    }

    @Test
    void optedOutRequesterOrIntroducer_isRefused() {
        f.client.as(ACME).contacts().setOptedOut(IVY, true);

        assertThatThrownBy(() -> f.acme().request(adaToBob().introducer(IVY).build()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("contact ivy of co-acme");
        assertThatThrownBy(() -> f.acme().request(IntroRequest.builder(IVY, GLOBEX, BOB, "x").build()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void targetWhoOptsOutAfterConsenting_getsNoJointEmail() {
        Introduction intro = f.acme().request(adaToBob().introducer(IVY).build());
        f.globex().accept(intro.id(), BOB);
        f.client.as(GLOBEX).contacts().setOptedOut(BOB, true);

        Introduction result = f.acme().accept(intro.id(), ADA);
        f.runDue();

        assertThat(result.status()).isEqualTo(dev.ecosystem.model.IntroductionStatus.CANCELLED);
        assertThat(f.inbox.sent()).noneMatch(m -> m.cc().size() == 1);
        assertThat(f.sentTo("bob@globex.com")).as("his ask was still in the outbox when he opted out").isEmpty();
        assertThat(f.sentTo("ada@acme.io")).hasSize(1);
    }

    @Test
    void openRequestLimits_perRequesterAndPerTarget_countOnlyOpenRequestsInThePeriod() {
        f.client.as(GLOBEX).contacts().save(Contact.builder(ContactId.of("cy"), GLOBEX, "Cy", "cy@globex.com")
                .reachableForIntroductions(true).build());
        f.client.as(GLOBEX).contacts().save(Contact.builder(ContactId.of("di"), GLOBEX, "Di", "di@globex.com")
                .reachableForIntroductions(true).build());
        Introduction first = f.acme().request(adaToBob().build());
        f.acme().request(IntroRequest.builder(IVY, GLOBEX, BOB, "second").build());

        f.client.as(INITECH).contacts().save(Contact.builder(ContactId.of("ed"), INITECH, "Ed", "ed@initech.com")
                .reachableForIntroductions(true).build());
        assertThatThrownBy(() -> f.client.as(INITECH).intros().request(IntroRequest.builder(ContactId.of("ed"),
                GLOBEX, BOB, "third").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessage("introduction refused: the target at co-globex has reached the limit of 2 open "
                        + "requests; try again later");

        f.acme().request(IntroRequest.builder(ADA, GLOBEX, ContactId.of("cy"), "x").build());
        f.acme().request(IntroRequest.builder(ADA, GLOBEX, ContactId.of("di"), "x").build());
        assertThatThrownBy(() -> f.acme().request(IntroRequest.builder(ADA, INITECH, ContactId.of("ed"), "x")
                .build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("requester ada already has 3 open");

        f.acme().cancel(first.id(), "make room");
        assertThat(f.client.as(INITECH).intros().request(IntroRequest.builder(ContactId.of("ed"), GLOBEX, BOB,
                "third").build()).target()).isEqualTo(BOB);
        f.clock.advance(Duration.ofDays(31));
        assertThat(f.acme().request(IntroRequest.builder(ADA, INITECH, ContactId.of("ed"), "later").build())
                .requester()).isEqualTo(ADA);
    }

    @Test
    void blockedCompanies_cannotBeIntroduced_eitherWay_untilUnblocked() {
        assertThat(f.globex().block(ACME)).isTrue();
        assertThat(f.globex().block(ACME)).isFalse();
        assertThat(f.globex().blocked(PageRequest.first(10)).items()).containsExactly(ACME);

        assertThatThrownBy(() -> f.acme().request(adaToBob().build()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("introduction refused: introductions between co-acme and co-globex are blocked");
        assertThat(f.runDue().sent()).isZero();

        assertThat(f.globex().unblock(ACME)).isTrue();
        assertThat(f.acme().request(adaToBob().build()).targetCompany()).isEqualTo(GLOBEX);
        assertThatThrownBy(() -> f.acme().block(ACME)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.acme().block(CompanyId.of("nobody"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unknownOrUnlistedTargets_areNotFound() {
        f.client.register(Company.builder(CompanyId.of("hidden"), "Hidden").listed(false).build());

        assertThatThrownBy(() -> f.acme().request(IntroRequest.builder(ADA, CompanyId.of("hidden"), BOB, "x")
                .build())).isInstanceOf(NotFoundException.class).hasMessageContaining("not a listed company");
        assertThatThrownBy(() -> f.acme().request(IntroRequest.builder(ADA, GLOBEX, ContactId.of("nobody"), "x")
                .build())).isInstanceOf(NotFoundException.class).hasMessage("contact nobody is not reachable for introductions at company co-globex");
        assertThatThrownBy(() -> f.acme().request(IntroRequest.builder(ADA, ACME, IVY, "x").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("another company");
    }

    @Test
    void connecting_appendsAnIntroductionTouchpoint_toTheRequestersLedger() {
        f.store.useTransaction(tx -> tx.crm().putAccounts(ACME, List.of(
                Account.builder(ACME, AccountId.of("acc-1"), "Someone else").domain("other.com").build(),
                Account.builder(ACME, AccountId.of("acc-7"), "Globex").domain("https://www.Globex.com/about").build())));
        f.store.useTransaction(tx -> tx.crm().putDeals(ACME, List.of(Deal.builder(ACME, DealId.of("deal-9"), "Billing")
                .stage("discovery", DealStatus.OPEN).createdAt(T0).build())));
        Introduction byDomain = f.acme().request(adaToBob().build());
        Introduction byDeal = f.acme().request(IntroRequest.builder(IVY, GLOBEX, BOB, "deal")
                .deal(DealId.of("deal-9")).build());
        assertThat(byDomain.account()).isEqualTo(AccountId.of("acc-7"));
        assertThat(byDeal.account()).isNull();

        f.clock.advance(Duration.ofHours(1));
        f.globex().accept(byDomain.id(), BOB);
        f.globex().accept(byDeal.id(), BOB);

        List<Touchpoint> ledger = f.store.inTransaction(tx -> tx.touchpoints().list(ACME, PageRequest.first(10)))
                .items();
        assertThat(ledger).hasSize(2).allSatisfy(tp -> {
            assertThat(tp.kind()).isEqualTo(TouchpointKind.INTRODUCTION);
            assertThat(tp.partner()).isEqualTo(GLOBEX);
            assertThat(tp.occurredAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        });
        assertThat(ledger).extracting(Touchpoint::origin)
                .containsExactlyInAnyOrder(byDomain.id().value(), byDeal.id().value());
        assertThat(ledger).extracting(Touchpoint::accountId).contains(AccountId.of("acc-7"));
        assertThat(ledger).extracting(Touchpoint::dealId).contains(DealId.of("deal-9"));
        assertThat(f.store.inTransaction(tx -> tx.touchpoints().list(GLOBEX, PageRequest.first(10))).items())
                .isEmpty();
    }

    @Test
    void funnel_countsPerRequesterPartnerAndPeriod_withTimeToConnect() {
        f.client.as(INITECH).contacts().save(Contact.builder(ContactId.of("ed"), INITECH, "Ed", "ed@initech.com")
                .reachableForIntroductions(true).build());
        Introduction connectedFast = f.acme().request(adaToBob().build());
        Introduction declined = f.acme().request(IntroRequest.builder(IVY, GLOBEX, BOB, "x").build());
        f.clock.advance(Duration.ofHours(2));
        f.globex().accept(connectedFast.id(), BOB);
        f.globex().decline(declined.id(), BOB, null, false);
        f.clock.set(T0.plus(Duration.ofDays(30)));
        Introduction connectedSlow = f.acme().request(IntroRequest.builder(ADA, INITECH, ContactId.of("ed"), "x")
                .build());
        Introduction expires = f.acme().request(IntroRequest.builder(IVY, INITECH, ContactId.of("ed"), "x").build());
        f.clock.advance(Duration.ofHours(10));
        f.client.as(INITECH).intros().accept(connectedSlow.id(), ContactId.of("ed"));
        f.client.intros().runDue(expires.expiresAt());
        f.client.as(INITECH).intros().request(IntroRequest.builder(ContactId.of("ed"), ACME, ADA, "incoming")
                .build());

        IntroFunnel funnel = f.acme().funnel(T0, T0.plus(Duration.ofDays(60)), ChronoUnit.MONTHS);

        assertThat(funnel.total()).isEqualTo(new FunnelCounts(4, 2, 2, 1, 1, 0, 0, Duration.ofHours(6),
                Duration.ofHours(2)));
        assertThat(funnel.byRequester().get(ADA)).isEqualTo(new FunnelCounts(2, 2, 2, 0, 0, 0, 0,
                Duration.ofHours(6), Duration.ofHours(2)));
        assertThat(funnel.byRequester().get(IVY).declined()).isEqualTo(1);
        assertThat(funnel.byPartner().keySet()).containsExactly(GLOBEX, INITECH);
        assertThat(funnel.byPartner().get(GLOBEX).connectionRate()).isEqualTo(0.5);
        assertThat(funnel.byPeriod().keySet()).containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
        assertThat(funnel.byPeriod().get(LocalDate.of(2026, 12, 1)).expired()).isEqualTo(1);
        assertThat(f.acme().funnel(T0, T0.plus(Duration.ofDays(1)), ChronoUnit.DAYS).total().requested())
                .isEqualTo(2);
        assertThatThrownBy(() -> f.acme().funnel(T0, T0, ChronoUnit.DAYS)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.acme().funnel(T0, T0.plusSeconds(1), ChronoUnit.HOURS))
                .isInstanceOf(ValidationException.class).hasMessageContaining("DAYS, WEEKS or MONTHS");
    }
}
