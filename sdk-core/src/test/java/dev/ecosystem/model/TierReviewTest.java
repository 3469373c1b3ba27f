package dev.ecosystem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.EcosystemClient;
import dev.ecosystem.event.EcosystemEvent;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.intro.MutableClock;
import dev.ecosystem.error.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import dev.ecosystem.program.ProgramStanding;

/**
 * Tier reviews through {@code scope.programs()} on a clock the tests move: every rule at its boundary (a threshold
 * met exactly or missed by one, the period's first instant and its end), promotion, demotion, unchanged, re-runs.
 */
class TierReviewTest {
    private static final CompanyId VENDOR = CompanyId.of("vendor");
    private static final CompanyId ADA = CompanyId.of("ada-partners");
    private static final CompanyId BOB = CompanyId.of("bob-partners");
    private static final CompanyId SERVICES = CompanyId.of("services-co");
    private static final CompanyId STRANGER = CompanyId.of("stranger");
    private static final LocalDate Q1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate Q2 = LocalDate.of(2026, 4, 1);
    private static final LocalDate Q3 = LocalDate.of(2026, 7, 1);
    private static final Instant START = Q1.atStartOfDay(ZoneOffset.UTC).toInstant();

    private final MutableClock clock = new MutableClock(START.plus(Duration.ofHours(9)));
    private final List<EcosystemEvent> events = new CopyOnWriteArrayList<>();
    private final Map<CompanyId, BigDecimal> revenue = new HashMap<>();
    private final EcosystemClient client = EcosystemClient.builder().clock(clock).eventListener(events::add)
            .revenueSource((vendor, partners, from, to) -> Map.copyOf(revenue)).build();
    private final EcosystemClient withoutRevenue = EcosystemClient.builder().store(client.store()).clock(clock)
            .build();
    private int registrations;

    TierReviewTest() {
        for (CompanyId id : List.of(VENDOR, ADA, BOB, SERVICES, STRANGER)) {
            client.register(Company.builder(id, "Company " + id.value()).businessTags("saas").listed(true).build());
        }
        partner(ADA, PartnerType.REFERRAL);
        partner(BOB, PartnerType.REFERRAL);
        partner(SERVICES, PartnerType.SERVICES);
    }

    private void partner(CompanyId partner, PartnerType type) {
        client.as(VENDOR).partnerships().create(partner, type, PartnershipStatus.ACTIVE);
        client.as(partner).partnerships().create(VENDOR, type, PartnershipStatus.ACTIVE);
    }

    private static ProgramTerms.Builder terms(PartnerType type) {
        return ProgramTerms.builder(type, "Partners of " + type)
                .profile(IdealPartnerProfile.builder(type).preferBusiness("agency", 3).build());
    }

    /** Entry tier "registered", "silver" from 2 accepted registrations, "gold" from 3. */
    private PartnerProgram referralProgram() {
        return client.as(VENDOR).programs().create(terms(PartnerType.REFERRAL)
                .tier(new TierRule("registered", Map.of()))
                .tier(TierRule.of("silver", TierMetric.REGISTRATIONS_ACCEPTED, "2"))
                .tier(TierRule.of("gold", TierMetric.REGISTRATIONS_ACCEPTED, "3"))
                .build());
    }

    private Registration acceptAt(CompanyId partner, Instant at) {
        clock.set(at);
        String name = "Prospect " + (++registrations);
        Registration submitted = client.as(partner).referrals().submit(VENDOR, ReferredProspect.builder(name,
                "Pat Buyer", EmailAddress.of("pat@buyer.com")).domain("p" + registrations + ".com").build(),
                "key-" + registrations);
        return client.as(VENDOR).referrals().accept(submitted.id(), "ok", true);
    }

    private TierReview evaluate(PartnerProgram program, LocalDate from, LocalDate to) {
        clock.set(to.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(8)));
        return client.as(VENDOR).programs().evaluateTiers(program.id(), from, to);
    }

    private List<EcosystemEvent> events(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    private List<EcosystemEvent> tierEvents() {
        return events.stream().filter(event -> event.type().startsWith("program.tier.")).toList();
    }

    @Test
    @DisplayName("a threshold met exactly promotes; one below gives the tier beneath; the period's first instant counts")
    void thresholdMetExactly_promotes_oneBelow_doesNot() {
        PartnerProgram program = referralProgram();
        acceptAt(ADA, START);
        acceptAt(ADA, START.plus(Duration.ofDays(10)));
        acceptAt(ADA, Q2.atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000));
        acceptAt(BOB, START.plus(Duration.ofDays(1)));
        acceptAt(BOB, START.plus(Duration.ofDays(2)));

        TierReview review = evaluate(program, Q1, Q2);

        assertThat(review.assessments()).extracting(TierAssessment::partner, TierAssessment::after)
                .containsExactly(tuple(ADA, "gold"),
                        tuple(BOB, "silver"));
        assertThat(review.assessments().get(0).metrics())
                .containsExactly(Map.entry(TierMetric.REGISTRATIONS_ACCEPTED, new BigDecimal("3")));
        assertThat(review.changes()).allSatisfy(change -> {
            assertThat(change.promoted()).isTrue();
            assertThat(change.from()).isNull();
            assertThat(change.by()).isEqualTo("evaluation");
            assertThat(change.periodFrom()).isEqualTo(Q1);
        });
        assertThat(client.as(VENDOR).programs().tierOf(ADA)).isEqualTo("gold");
        assertThat(client.as(VENDOR).programs().tierOf(BOB)).isEqualTo("silver");
        assertThat(client.as(VENDOR).programs().tierOf(SERVICES)).as("another type's partner").isNull();
        assertThat(events("program.tier.promoted")).hasSize(4)
                .anySatisfy(event -> {
                    assertThat(event.tenant()).isEqualTo(ADA);
                    assertThat(event.attributes()).containsEntry("to", "gold").containsEntry("from", "");
                });
    }

    @Test
    @DisplayName("a registration accepted at the period's end counts in the next period, not in this one")
    void acceptedAtTheEnd_countsInTheNextPeriod() {
        PartnerProgram program = referralProgram();
        acceptAt(ADA, START.plusSeconds(1));
        acceptAt(ADA, Q2.atStartOfDay(ZoneOffset.UTC).toInstant());

        assertThat(evaluate(program, Q1, Q2).assessments().get(0).after()).isEqualTo("registered");
        acceptAt(ADA, Q2.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(5));
        assertThat(evaluate(program, Q2, Q3).assessments().get(0).after()).isEqualTo("silver");
    }

    @Test
    @DisplayName("the next period demotes, promotes or leaves partners alone, recording only the changes")
    void nextPeriod_demotes_promotes_andLeavesUnchanged() {
        PartnerProgram program = referralProgram();
        acceptAt(ADA, START.plusSeconds(1));
        acceptAt(ADA, START.plusSeconds(2));
        acceptAt(ADA, START.plusSeconds(3));
        evaluate(program, Q1, Q2);
        events.clear();
        Instant q2 = Q2.atStartOfDay(ZoneOffset.UTC).toInstant();
        acceptAt(BOB, q2.plusSeconds(1));
        acceptAt(BOB, q2.plusSeconds(2));

        TierReview review = evaluate(program, Q2, Q3);

        assertThat(review.changes()).extracting(TierChange::partner, TierChange::from, TierChange::to,
                TierChange::promoted).containsExactly(
                        tuple(ADA, "gold", "registered", false),
                        tuple(BOB, "registered", "silver", true));
        assertThat(events("program.tier.demoted")).extracting(EcosystemEvent::tenant)
                .containsExactlyInAnyOrder(VENDOR, ADA);
        assertThat(events("program.tier.promoted")).extracting(EcosystemEvent::tenant)
                .containsExactlyInAnyOrder(VENDOR, BOB);
        assertThat(client.as(VENDOR).programs().tierHistory(ADA, PageRequest.first(10)).items())
                .extracting(TierChange::to).containsExactly("gold", "registered");

        events.clear();
        acceptAt(BOB, Q3.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(1));
        acceptAt(BOB, Q3.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(2));
        TierReview unchanged = evaluate(program, Q3, Q3.plusMonths(3));
        assertThat(unchanged.changes()).isEmpty();
        assertThat(unchanged.assessments()).extracting(TierAssessment::changed).containsOnly(false);
        assertThat(tierEvents()).isEmpty();
        assertThat(client.as(VENDOR).programs().tierHistory(BOB, PageRequest.first(10)).items()).hasSize(2);
    }

    @Test
    @DisplayName("re-running a period records and raises nothing and returns the first review")
    void reRun_isIdempotent() {
        PartnerProgram program = referralProgram();
        acceptAt(ADA, START.plusSeconds(1));
        TierReview first = evaluate(program, Q1, Q2);
        int raised = tierEvents().size();
        acceptAt(ADA, START.plusSeconds(2));
        acceptAt(ADA, START.plusSeconds(3));

        TierReview again = evaluate(program, Q1, Q2);

        assertThat(again).isEqualTo(first);
        assertThat(tierEvents()).hasSize(raised);
        assertThat(client.as(VENDOR).programs().tierOf(ADA)).isEqualTo("registered");
        assertThat(client.as(VENDOR).programs().tierHistory(ADA, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    @DisplayName("a period ending no later than the last review's end is refused; one ending a day later is reviewed")
    void olderOrOverlappingPeriod_isConflict() {
        PartnerProgram program = referralProgram();
        evaluate(program, Q1, Q2);

        assertThatThrownBy(() -> evaluate(program, Q1.plusDays(1), Q2)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("ends after " + Q2);
        assertThatThrownBy(() -> evaluate(program, Q1.minusMonths(3), Q1)).isInstanceOf(ConflictException.class);
        assertThat(evaluate(program, Q1.plusDays(1), Q2.plusDays(1)).toExclusive()).isEqualTo(Q2.plusDays(1));
    }

    @Test
    @DisplayName("bad periods, a program without tiers and another vendor's program are refused, naming what is wrong")
    void validation() {
        PartnerProgram program = referralProgram();
        PartnerProgram untiered = client.as(VENDOR).programs().create(terms(PartnerType.SERVICES).build());
        clock.set(Q2.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1));

        assertThatThrownBy(() -> client.as(VENDOR).programs().evaluateTiers(program.id(), Q1, Q2))
                .isInstanceOf(ValidationException.class)
                .hasMessage("toExclusive must be on or before today 2026-03-31 (a period is reviewed once its last "
                        + "day is over), but was 2026-04-01");
        assertThatThrownBy(() -> client.as(VENDOR).programs().evaluateTiers(program.id(), Q1, Q1))
                .isInstanceOf(ValidationException.class)
                .hasMessage("toExclusive must be after from 2026-01-01, but was 2026-01-01");
        assertThatThrownBy(() -> client.as(VENDOR).programs().evaluateTiers(untiered.id(), Q1, Q1.plusDays(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("has no tiers");
        assertThatThrownBy(() -> client.as(STRANGER).programs().evaluateTiers(program.id(), Q1, Q1.plusDays(1)))
                .isInstanceOf(NotFoundException.class).hasMessage("company stranger has no program " + program.id());
        TierReview none = client.store().inTransaction(tx -> tx.tiers().latest(VENDOR, program.id()));
        assertThat(none).isNull();
    }

    @Test
    @DisplayName("only partners of the program's type with a recruited, active or paused partnership are reviewed")
    void onlyCurrentPartnersOfTheType_areReviewed() {
        PartnerProgram program = referralProgram();
        client.as(VENDOR).partnerships().create(STRANGER, PartnerType.REFERRAL, PartnershipStatus.PROSPECT);

        TierReview review = evaluate(program, Q1, Q2);

        assertThat(review.assessments()).extracting(TierAssessment::partner).containsExactly(ADA, BOB);
        assertThat(client.as(VENDOR).programs().tierOf(STRANGER)).isNull();
    }

    @Test
    @DisplayName("without an entry tier, a partner meeting no tier holds none")
    void noEntryTier_partnerMeetingNone_holdsNoTier() {
        PartnerProgram program = client.as(VENDOR).programs().create(terms(PartnerType.REFERRAL)
                .tier(TierRule.of("gold", TierMetric.REGISTRATIONS_ACCEPTED, "1")).build());
        acceptAt(ADA, START.plusSeconds(1));

        TierReview review = evaluate(program, Q1, Q2);

        assertThat(review.changes()).extracting(TierChange::partner).containsExactly(ADA);
        assertThat(client.as(VENDOR).programs().tierOf(ADA)).isEqualTo("gold");
        assertThat(client.as(VENDOR).programs().tierOf(BOB)).isNull();
        assertThat(client.as(VENDOR).programs().standing(BOB).tier()).isNull();
    }

    @Test
    @DisplayName("sourced revenue comes from the revenue source: met exactly promotes, a cent below does not")
    void sourcedRevenue_fromTheSource_atItsBoundary() {
        PartnerProgram program = client.as(VENDOR).programs().create(terms(PartnerType.REFERRAL)
                .tier(TierRule.of("gold", TierMetric.SOURCED_REVENUE, "100000")).build());
        revenue.put(ADA, new BigDecimal("100000.00"));
        revenue.put(BOB, new BigDecimal("99999.99"));

        TierReview review = evaluate(program, Q1, Q2);

        assertThat(review.assessments()).extracting(TierAssessment::after).containsExactly("gold", null);
        assertThat(review.assessments().get(1).metrics())
                .containsExactly(Map.entry(TierMetric.SOURCED_REVENUE, new BigDecimal("99999.99")));
    }

    @Test
    @DisplayName("without a revenue source, a sourced-revenue threshold fails naming the builder option")
    void sourcedRevenue_withoutSource_failsNamingTheFix() {
        PartnerProgram program = client.as(VENDOR).programs().create(terms(PartnerType.REFERRAL)
                .tier(TierRule.of("gold", TierMetric.SOURCED_REVENUE, "100000")).build());
        clock.set(Q2.atStartOfDay(ZoneOffset.UTC).toInstant());

        assertThatThrownBy(() -> withoutRevenue.as(VENDOR).programs().evaluateTiers(program.id(), Q1, Q2))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("SOURCED_REVENUE")
                .hasMessageContaining("EcosystemClient.builder().revenueSource(");
    }

    @Test
    @DisplayName("certified people count when valid on the period's last day: valid until that day counts, the day before not")
    void certifiedPeople_countOnThePeriodsLastDay() {
        PartnerProgram program = client.as(VENDOR).programs().create(terms(PartnerType.REFERRAL)
                .tier(TierRule.of("certified", TierMetric.CERTIFIED_PEOPLE, "2")).build());
        clock.set(START.plus(Duration.ofDays(5)));
        LocalDate lastDay = Q2.minusDays(1);
        client.as(VENDOR).programs().certify(ADA, EmailAddress.of("a1@ada.com"), "Sales", lastDay);
        client.as(VENDOR).programs().certify(ADA, EmailAddress.of("a2@ada.com"), "Sales", lastDay);
        client.as(VENDOR).programs().certify(ADA, EmailAddress.of("a2@ada.com"), "Tech", lastDay);
        client.as(VENDOR).programs().certify(BOB, EmailAddress.of("b1@bob.com"), "Sales", lastDay);
        client.as(VENDOR).programs().certify(BOB, EmailAddress.of("b2@bob.com"), "Sales", lastDay.minusDays(1));

        TierReview review = evaluate(program, Q1, Q2);

        assertThat(review.assessments()).extracting(TierAssessment::after).containsExactly("certified", null);
        assertThat(review.assessments()).extracting(a -> a.metrics().get(TierMetric.CERTIFIED_PEOPLE))
                .containsExactly(new BigDecimal("2"), BigDecimal.ONE);
        assertThat(client.as(VENDOR).programs().certifications(ADA, PageRequest.first(10)).items()).hasSize(3);
    }

    @Test
    @DisplayName("certifying needs a partner of the vendor and a validity not ending before today")
    void certify_validation() {
        clock.set(START.plus(Duration.ofDays(5)));
        LocalDate today = Q1.plusDays(5);

        assertThatThrownBy(() -> client.as(VENDOR).programs().certify(ADA, EmailAddress.of("a@ada.com"), "Sales",
                today.minusDays(1))).isInstanceOf(ValidationException.class)
                .hasMessage("certification validUntil must be on or after 2026-01-06 (the day it is recorded), but "
                        + "was 2026-01-05");
        assertThatThrownBy(() -> client.as(VENDOR).programs().certify(ADA, EmailAddress.of("a@ada.com"), " ",
                today)).isInstanceOf(ValidationException.class).hasMessageContaining("certification name");
        assertThatThrownBy(() -> client.as(VENDOR).programs().certify(STRANGER, EmailAddress.of("a@s.com"), "Sales",
                today)).isInstanceOf(NotFoundException.class)
                .hasMessage("company vendor has no partnership with stranger");
        assertThatThrownBy(() -> client.as(STRANGER).programs().certify(ADA, EmailAddress.of("a@ada.com"), "Sales",
                today)).isInstanceOf(NotFoundException.class)
                .hasMessage("company stranger has no partnership with ada-partners");
        assertThatThrownBy(() -> client.as(VENDOR).programs().certify(ADA, EmailAddress.of("a@ada.com"), "Sales",
                LocalDate.of(10000, 1, 1))).isInstanceOf(ValidationException.class)
                .hasMessage("certification validUntil must be at most 9999-12-31, but was +10000-01-01");
        assertThat(client.as(VENDOR).programs().certifications(ADA, PageRequest.first(10)).items()).isEmpty();
        assertThat(client.as(VENDOR).programs().certify(ADA, EmailAddress.of("a@ada.com"), "Sales", today)
                .certifiedOn()).isEqualTo(today);
    }

    @Test
    @DisplayName("connected introductions count in the period they connected, from either side")
    void introductionsConnected_countInTheirPeriod() {
        PartnerProgram program = client.as(VENDOR).programs().create(terms(PartnerType.REFERRAL)
                .tier(TierRule.of("connector", TierMetric.INTRODUCTIONS_CONNECTED, "2")).build());
        Instant q2 = Q2.atStartOfDay(ZoneOffset.UTC).toInstant();
        connected("i1", VENDOR, ADA, START);
        connected("i2", ADA, VENDOR, q2.minusNanos(1000));
        connected("i3", VENDOR, BOB, START.plusSeconds(1));
        connected("i4", VENDOR, BOB, q2);
        client.store().useTransaction(tx -> tx.introductions().insert(intro("i5", VENDOR, BOB)));

        TierReview review = evaluate(program, Q1, Q2);

        assertThat(review.assessments()).extracting(TierAssessment::after).containsExactly("connector", null);
    }

    private void connected(String id, CompanyId requester, CompanyId target, Instant at) {
        Introduction intro = intro(id, requester, target)
                .moveTo(IntroductionStatus.AWAITING_CONSENT, "system", at, "asked")
                .moveTo(IntroductionStatus.CONNECTED, "system", at, "both agreed");
        client.store().useTransaction(tx -> tx.introductions().insert(intro));
    }

    private static Introduction intro(String id, CompanyId requester, CompanyId target) {
        return Introduction.builder(IntroductionId.of(id), requester, ContactId.of("r"), target, ContactId.of("t"),
                "context", START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(400))).build();
    }

    @Test
    @DisplayName("the standing names the program for the partner's type and its tier; unknown partners are not found")
    void standing() {
        PartnerProgram program = referralProgram();
        acceptAt(ADA, START.plusSeconds(1));
        evaluate(program, Q1, Q2);

        ProgramStanding standing = client.as(VENDOR).programs().standing(ADA);

        assertThat(standing).isEqualTo(new ProgramStanding(program, ADA, "registered"));
        assertThatThrownBy(() -> client.as(VENDOR).programs().standing(STRANGER))
                .isInstanceOf(NotFoundException.class).hasMessage("company vendor has no partnership with stranger");
        assertThatThrownBy(() -> client.as(VENDOR).programs().standing(SERVICES))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no program for SERVICES partners");
        assertThat(client.as(STRANGER).programs().tierOf(ADA)).isNull();
        assertThat(client.as(STRANGER).programs().tierHistory(ADA, PageRequest.first(10)).items()).isEmpty();
    }
}
