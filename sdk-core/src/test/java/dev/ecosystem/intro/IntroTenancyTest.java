package dev.ecosystem.intro;

import static dev.ecosystem.intro.IntroFixture.ACME;
import static dev.ecosystem.intro.IntroFixture.ADA;
import static dev.ecosystem.intro.IntroFixture.BOB;
import static dev.ecosystem.intro.IntroFixture.GLOBEX;
import static dev.ecosystem.intro.IntroFixture.IVY;
import static dev.ecosystem.intro.IntroFixture.OZ;
import static dev.ecosystem.intro.IntroFixture.adaToBob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Consent;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.IntroductionTransition;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.Draft;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tenancy of introductions (issue 17): a requester names only the people the target company made reachable, learns
 * nothing about the others, and each party sees only what is its own.
 */
class IntroTenancyTest {
    private static final ContactId CAROL = ContactId.of("carol");
    private final IntroFixture f = new IntroFixture();

    IntroTenancyTest() {
        f.client.as(GLOBEX).contacts().save(Contact.builder(CAROL, GLOBEX, "Carol Private", "carol@globex.com")
                .title("CFO").build());
    }

    private static IntroRequest adaTo(ContactId target) {
        return IntroRequest.builder(ADA, GLOBEX, target, "x").build();
    }

    @Test
    @DisplayName("A contact that is not reachable, unknown, opted out or of another company gets one and the same "
            + "refusal, in request and preview, and nothing is stored or sent")
    void unreachableTargets_getOneRefusal_thatRevealsNothing() {
        for (ContactId target : List.of(CAROL, ContactId.of("nobody"), OZ, IVY)) {
            String refusal = "contact " + target + " is not reachable for introductions at company co-globex";
            assertThatThrownBy(() -> f.acme().request(adaTo(target)))
                    .isInstanceOf(NotFoundException.class).hasMessage(refusal);
            assertThatThrownBy(() -> f.acme().preview(adaTo(target)))
                    .isInstanceOf(NotFoundException.class).hasMessage(refusal);
        }

        assertThat(f.acme().list(PageRequest.first(10)).items()).isEmpty();
        assertThat(f.runDue().sent()).isZero();
        assertThat(f.sentTo("carol@globex.com")).isEmpty();
    }

    @Test
    @DisplayName("The preview never shows the target's name or title, which the requester cannot see in the "
            + "network directory")
    void preview_showsNoNameOfTheTargetSide() {
        Draft preview = f.acme().preview(adaToBob().build());

        assertThat(preview.subject() + preview.textBody() + preview.htmlBody())
                .doesNotContain("Bob").doesNotContain("Ødegård").doesNotContain("VP Sales")
                .contains("Hi " + IntroRequest.TARGET_NAME).contains("Ada Lovelace");
    }

    @Test
    @DisplayName("The target company sees neither the requester's CRM account nor deal, and no party sees a "
            + "consent token id, through request, get, list or accept")
    void eachParty_seesOnlyWhatIsItsOwn() {
        putCrm();
        Introduction requested = f.acme().request(adaToBob().introducer(IVY).account(AccountId.of("acc-7"))
                .deal(DealId.of("deal-9")).build());

        Introduction targetView = f.globex().get(requested.id());
        assertThat(targetView.account()).isNull();
        assertThat(targetView.deal()).isNull();
        assertThat(f.globex().list(PageRequest.first(10)).items()).singleElement()
                .satisfies(intro -> assertThat(intro.account()).isNull())
                .satisfies(intro -> assertThat(intro.deal()).isNull());
        Introduction accepted = f.globex().accept(requested.id(), BOB);
        assertThat(accepted.account()).isNull();
        assertThat(accepted.deal()).isNull();

        Introduction requesterView = f.acme().get(requested.id());
        assertThat(requesterView.account()).isEqualTo(AccountId.of("acc-7"));
        assertThat(requesterView.deal()).isEqualTo(DealId.of("deal-9"));
        for (Introduction view : List.of(requested, targetView, accepted, requesterView,
                f.acme().list(PageRequest.first(10)).items().get(0))) {
            assertThat(view.consents()).extracting(Consent::tokenId).containsOnlyNulls();
        }
    }

    @Test
    @DisplayName("An account or deal id that is not in the requester's own CRM snapshot is refused, naming the "
            + "field and value, before anything is stored")
    void crmIdsOutsideTheRequestersSnapshot_areRefused() {
        putCrm();
        f.store.useTransaction(tx -> tx.crm().putAccounts(GLOBEX, List.of(
                Account.builder(GLOBEX, AccountId.of("acc-globex"), "Secret customer").build())));

        assertThatThrownBy(() -> f.acme().request(adaToBob().account(AccountId.of("acc-globex")).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("account \"acc-globex\" must be an account of the CRM snapshot of company co-acme, "
                        + "but it is not");
        assertThatThrownBy(() -> f.acme().request(adaToBob().deal(DealId.of("deal-none")).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("deal \"deal-none\" must be a deal of the CRM snapshot of company co-acme, but it is not");
        assertThatThrownBy(() -> f.acme().preview(adaToBob().account(AccountId.of("acc-none")).build()))
                .isInstanceOf(ValidationException.class);

        assertThat(f.acme().list(PageRequest.first(10)).items()).isEmpty();
        assertThat(f.runDue().sent()).isZero();
    }

    @Test
    @DisplayName("When the target opts out before answering, the requester learns that the introduction was "
            + "cancelled but not that the target opted out, in the history or in events")
    void targetsOptOut_isNotToldToTheRequester() {
        Introduction intro = f.acme().request(adaToBob().build());
        f.runDue();
        f.client.as(GLOBEX).contacts().setOptedOut(BOB, true);
        f.clock.advance(IntroFixture.REMIND_AFTER.plus(Duration.ofMinutes(1)));
        f.runDue();

        Introduction seen = f.acme().get(intro.id());
        assertThat(seen.status()).isEqualTo(IntroductionStatus.CANCELLED);
        assertThat(seen.history()).extracting(IntroductionTransition::reason)
                .noneMatch(reason -> reason.contains("opted out") || reason.contains("bob"));
        assertThat(f.events).filteredOn(event -> event.type().equals("intro.cancelled"))
                .extracting(EcosystemEvent::attributes)
                .allSatisfy(attributes -> assertThat(attributes.get("reason")).doesNotContain("opted out"));
    }

    @Test
    @DisplayName("A request that names the target company only reaches its intake contact, who need not be "
            + "reachable by id, and the requester's side sees no name until the joint email")
    void companyOnlyRequest_reachesTheIntakeContact() {
        f.client.as(GLOBEX).network().updateProfile(f.client.as(GLOBEX).network().profile().toBuilder()
                .introductionIntake(CAROL).build());
        IntroRequest toGlobex = IntroRequest.builder(ADA, GLOBEX, "Billing for our e-commerce customers")
                .introducer(IVY).build();

        Draft preview = f.acme().preview(toGlobex);
        Introduction intro = f.acme().request(toGlobex);
        f.runDue();

        assertThat(preview.textBody()).startsWith("Hi " + IntroRequest.TARGET_NAME + ",").doesNotContain("Carol");
        assertThat(intro.target()).isEqualTo(CAROL);
        assertThat(f.lastTo("carol@globex.com").textBody()).startsWith("Hi Carol Private,");
        assertThat(f.lastTo("ada@acme.io").textBody()).doesNotContain("Carol").doesNotContain("CFO");
        f.acme().accept(intro.id(), ADA);
        f.globex().accept(intro.id(), CAROL);
        f.runDue();
        assertThat(f.lastTo("ada@acme.io").textBody()).contains("meet Carol Private, CFO at Globex Billing");
    }

    @Test
    @DisplayName("A company without an intake contact, or whose intake contact opted out, gives a company-only "
            + "request one and the same refusal")
    void companyOnlyRequest_withoutAnAvailableIntake_isRefusedAlike() {
        IntroRequest toGlobex = IntroRequest.builder(ADA, GLOBEX, "x").build();
        String refusal = "company co-globex takes no introductions addressed to the company";

        assertThatThrownBy(() -> f.acme().request(toGlobex)).isInstanceOf(NotFoundException.class)
                .hasMessage(refusal);
        f.client.as(GLOBEX).network().updateProfile(f.client.as(GLOBEX).network().profile().toBuilder()
                .introductionIntake(OZ).build());
        assertThatThrownBy(() -> f.acme().request(toGlobex)).isInstanceOf(NotFoundException.class)
                .hasMessage(refusal);
        assertThatThrownBy(() -> f.acme().preview(toGlobex)).isInstanceOf(NotFoundException.class)
                .hasMessage(refusal);
        assertThat(f.acme().list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    @DisplayName("An intake contact must be one of the company's own contacts, and other companies do not see "
            + "who it is in the directory")
    void intakeContact_isValidated_andHiddenFromOthers() {
        assertThatThrownBy(() -> f.client.as(GLOBEX).network().updateProfile(f.client.as(GLOBEX).network()
                .profile().toBuilder().introductionIntake(ADA).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("introductionIntake of company co-globex must be one of its own contacts, but was \"ada\"");
        assertThatThrownBy(() -> f.client.register(f.client.as(GLOBEX).network().profile().toBuilder()
                .introductionIntake(ContactId.of("nobody")).build()))
                .isInstanceOf(ValidationException.class);

        f.client.as(GLOBEX).network().updateProfile(f.client.as(GLOBEX).network().profile().toBuilder()
                .introductionIntake(BOB).build());

        assertThat(f.client.as(GLOBEX).network().profile().introductionIntake()).isEqualTo(BOB);
        assertThat(f.client.as(ACME).network().find(GLOBEX).introductionIntake()).isNull();
        assertThat(f.client.as(ACME).network().listed(PageRequest.first(10)).items())
                .allSatisfy(company -> assertThat(company.introductionIntake()).isNull());
    }

    @Test
    @DisplayName("An edited ask written from the preview gets the target's name where the preview showed its "
            + "placeholder")
    void editedAsk_fillsInTheTargetsName() {
        Introduction intro = f.acme().request(adaToBob().message("Hello " + IntroRequest.TARGET_NAME,
                "Dear " + IntroRequest.TARGET_NAME + ", yes: " + IntroRequest.ACCEPT_LINK + " no: "
                        + IntroRequest.DECLINE_LINK).build());
        f.runDue();

        assertThat(f.lastTo("bob@globex.com").subject()).isEqualTo("Hello Bob Ødegård");
        assertThat(f.lastTo("bob@globex.com").textBody()).startsWith("Dear Bob Ødegård, yes: https://");
        assertThat(intro.status()).isEqualTo(IntroductionStatus.AWAITING_CONSENT);
    }

    private void putCrm() {
        f.store.useTransaction(tx -> {
            tx.crm().putAccounts(ACME, List.of(Account.builder(ACME, AccountId.of("acc-7"), "Globex")
                    .domain("globex.com").build()));
            tx.crm().putDeals(ACME, List.of(Deal.builder(ACME, DealId.of("deal-9"), "Globex billing")
                    .stage("discovery", dev.ecosystem.model.DealStatus.OPEN).createdAt(IntroFixture.T0).build()));
        });
    }
}
