package dev.ecosystem.testkit;

import static dev.ecosystem.testkit.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.model.ActivationTrigger;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.Certification;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Criterion;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.IdealPartnerProfile;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.ProgramTerms;
import dev.ecosystem.model.Rate;
import dev.ecosystem.model.Registration;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.model.TierAssessment;
import dev.ecosystem.model.TierChange;
import dev.ecosystem.model.TierMetric;
import dev.ecosystem.model.TierReview;
import dev.ecosystem.model.TierRule;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.ecosystem.spi.ProgramRepository}, {@link dev.ecosystem.spi.TierRepository},
 * {@link dev.ecosystem.spi.CertificationRepository} and
 * {@link dev.ecosystem.spi.RegistrationRepository#acceptedCounts}, run by {@link PartnerStoreContract} as its nested
 * class {@code Programs}: round trips of every field, versions, conflicts, visibility to the vendor only, listings,
 * the counts tier reviews use at their boundaries, and rollback.
 */
public abstract class ProgramContract {

    /** For subclasses: the adapter's test class extends the kit. */
    protected ProgramContract() {
    }

    private static final CompanyId VENDOR = CompanyId.of("vendor-a");
    private static final CompanyId OTHER_VENDOR = CompanyId.of("vendor-b");
    private static final CompanyId PARTNER = CompanyId.of("partner-a");
    private static final CompanyId OTHER_PARTNER = CompanyId.of("partner-b");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** The empty store under test. */
    protected abstract PartnerStore programStore();

    /** Terms with every field set away from its default. */
    static ProgramTerms fullTerms(PartnerType type, String rate) {
        IdealPartnerProfile profile = IdealPartnerProfile.builder(type)
                .requireBusiness("saas")
                .preferBusiness("martech", 3)
                .preferRole("partnerships", 2)
                .excludeBusiness("agency")
                .preferSignal("runs partner program", 4)
                .sizeBands(SizeBand.SMALL, SizeBand.MEDIUM)
                .weight(Criterion.INDUSTRIES, 15)
                .overlapTarget(40)
                .includeExistingPartners(true)
                .build();
        CommissionPlan plan = CommissionPlan.builder("Plan \"2026\" — ünïcode")
                .model(AttributionModel.timeDecay(Duration.ofDays(7)))
                .rate(Rate.percent(rate))
                .tierRate("gold", Rate.percent("15.50"))
                .tierRate("silver", Rate.percent("12"))
                .volumeTier("50000", Rate.percent("12.0"))
                .volumeTier("1E+5", Rate.percent("14"))
                .wholeVolume()
                .recurringMonths(12)
                .annualCap("20000.00")
                .holdDays(30)
                .clawbackDays(90)
                .build();
        return ProgramTerms.builder(type, "Partners of " + type)
                .profile(profile)
                .commission(plan)
                .protectionWindow(Duration.ofDays(180).plusHours(6))
                .checklistItem("agreement", "Sign the partner agreement")
                .checklistItem("training", "Complete the <sales> training")
                .tier(new TierRule("registered", Map.of()))
                .tier(new TierRule("silver", Map.of(TierMetric.REGISTRATIONS_ACCEPTED, new BigDecimal("3"))))
                .tier(new TierRule("gold", Map.of(TierMetric.REGISTRATIONS_ACCEPTED, new BigDecimal("5"),
                        TierMetric.SOURCED_REVENUE, new BigDecimal("100000.00"),
                        TierMetric.CERTIFIED_PEOPLE, new BigDecimal("2"),
                        TierMetric.INTRODUCTIONS_CONNECTED, new BigDecimal("1"))))
                .activation(ActivationTrigger.ACCEPTED_REGISTRATION, ActivationTrigger.COMPLETED_CHECKLIST)
                .dormancyDays(45)
                .valueProposition("Earn 10% on every customer you refer.\nPaid monthly & on time.")
                .build();
    }

    private static PartnerProgram program(CompanyId vendor, String id, int version, PartnerType type, String rate) {
        return new PartnerProgram(ProgramId.of(id), vendor, version, fullTerms(type, rate),
                T0.plusSeconds(version));
    }

    @Test
    @DisplayName("A program with every field set reads back equal by id, version, type and listing, to its vendor")
    void save_thenRead_returnsEqualProgram() {
        PartnerProgram saved = program(VENDOR, "p1", 1, PartnerType.REFERRAL, "7.50");

        write(tx -> tx.programs().save(saved));

        check(tx -> {
            assertThat(tx.programs().get(VENDOR, saved.id())).isEqualTo(saved);
            assertThat(tx.programs().version(VENDOR, saved.id(), 1)).isEqualTo(saved);
            assertThat(tx.programs().forType(VENDOR, PartnerType.REFERRAL)).isEqualTo(saved);
            assertThat(tx.programs().forType(VENDOR, PartnerType.SERVICES)).isNull();
            assertThat(tx.programs().list(VENDOR, PageRequest.first(10)).items()).containsExactly(saved);
        });
        PartnerProgram read = read(tx -> tx.programs().get(VENDOR, saved.id()));
        assertThat(read.terms().commission().rate()).isEqualTo(new BigDecimal("7.50"));
        assertThat(read.terms().commission().model()).isEqualTo(AttributionModel.timeDecay(Duration.ofDays(7)));
        assertThat(read.terms().profile()).isEqualTo(saved.terms().profile());
    }

    @Test
    @DisplayName("Every version stays readable; the current one is the latest, by id, type and listing")
    void versions_keepEveryVersion() {
        PartnerProgram v1 = program(VENDOR, "p1", 1, PartnerType.REFERRAL, "10");
        PartnerProgram v2 = program(VENDOR, "p1", 2, PartnerType.REFERRAL, "12");
        write(tx -> tx.programs().save(v1));

        write(tx -> tx.programs().save(v2));

        check(tx -> {
            assertThat(tx.programs().get(VENDOR, v1.id())).isEqualTo(v2);
            assertThat(tx.programs().version(VENDOR, v1.id(), 1)).isEqualTo(v1);
            assertThat(tx.programs().version(VENDOR, v1.id(), 2)).isEqualTo(v2);
            assertThat(tx.programs().version(VENDOR, v1.id(), 3)).isNull();
            assertThat(tx.programs().forType(VENDOR, PartnerType.REFERRAL)).isEqualTo(v2);
            assertThat(tx.programs().list(VENDOR, PageRequest.first(10)).items()).containsExactly(v2);
        });
    }

    @Test
    @DisplayName("A second program of a type, a taken id, a stale or skipped version and a type change are conflicts")
    void save_conflicts_leaveTheStoredProgram() {
        PartnerProgram v1 = program(VENDOR, "p1", 1, PartnerType.REFERRAL, "10");
        PartnerProgram v2 = program(VENDOR, "p1", 2, PartnerType.REFERRAL, "12");
        write(tx -> tx.programs().save(v1));
        write(tx -> tx.programs().save(v2));

        assertThatThrownBy(() -> write(tx -> tx.programs().save(program(VENDOR, "p2", 1, PartnerType.REFERRAL, "9"))))
                .as("same type twice").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.programs().save(program(VENDOR, "p1", 1, PartnerType.SERVICES, "9"))))
                .as("taken id").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.programs().save(program(VENDOR, "p1", 2, PartnerType.REFERRAL, "9"))))
                .as("stale version").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.programs().save(program(VENDOR, "p1", 4, PartnerType.REFERRAL, "9"))))
                .as("skipped version").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.programs().save(program(VENDOR, "p1", 3, PartnerType.SERVICES, "9"))))
                .as("type change").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> write(tx -> tx.programs().save(program(VENDOR, "nope", 2, PartnerType.SERVICES,
                "9")))).as("no version 1").isInstanceOf(ConflictException.class);

        check(tx -> {
            assertThat(tx.programs().get(VENDOR, v1.id())).isEqualTo(v2);
            assertThat(tx.programs().version(VENDOR, v1.id(), 3)).isNull();
            assertThat(tx.programs().forType(VENDOR, PartnerType.SERVICES)).isNull();
            assertThat(tx.programs().list(VENDOR, PageRequest.first(10)).items()).containsExactly(v2);
        });
    }

    @Test
    @DisplayName("Another vendor sees none of a vendor's programs, and may run its own of the same type and id")
    void programs_areTheVendorsOwn() {
        PartnerProgram mine = program(VENDOR, "p1", 1, PartnerType.REFERRAL, "10");
        write(tx -> tx.programs().save(mine));

        check(tx -> {
            assertThat(tx.programs().get(OTHER_VENDOR, mine.id())).isNull();
            assertThat(tx.programs().version(OTHER_VENDOR, mine.id(), 1)).isNull();
            assertThat(tx.programs().forType(OTHER_VENDOR, PartnerType.REFERRAL)).isNull();
            assertThat(tx.programs().list(OTHER_VENDOR, PageRequest.first(10)).items()).isEmpty();
        });
        PartnerProgram theirs = program(OTHER_VENDOR, "p1", 1, PartnerType.REFERRAL, "20");
        write(tx -> tx.programs().save(theirs));
        check(tx -> {
            assertThat(tx.programs().get(OTHER_VENDOR, mine.id())).isEqualTo(theirs);
            assertThat(tx.programs().get(VENDOR, mine.id())).isEqualTo(mine);
        });
    }

    @Test
    @DisplayName("The listing pages the current versions in binary id order")
    void list_pagesInIdOrder() {
        write(tx -> {
            tx.programs().save(program(VENDOR, "b", 1, PartnerType.REFERRAL, "1"));
            tx.programs().save(program(VENDOR, "Z", 1, PartnerType.SERVICES, "1"));
            tx.programs().save(program(VENDOR, "a", 1, PartnerType.TECHNOLOGY, "1"));
        });
        write(tx -> tx.programs().save(program(VENDOR, "b", 2, PartnerType.REFERRAL, "2")));

        List<String> ids = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            PageRequest page = PageRequest.after(cursor, 2);
            Page<PartnerProgram> listed = read(tx -> tx.programs().list(VENDOR, page));
            listed.items().forEach(p -> {
                ids.add(p.id().value());
                versions.add(p.version());
            });
            cursor = listed.nextCursor();
        } while (cursor != null);
        assertThat(ids).containsExactly("Z", "a", "b");
        assertThat(versions).containsExactly(1, 1, 2);
    }

    @Test
    @DisplayName("A failed transaction leaves no program version, review, tier or certification behind")
    void rollback_leavesNothing() {
        PartnerProgram v1 = program(VENDOR, "p1", 1, PartnerType.REFERRAL, "10");
        write(tx -> tx.programs().save(v1));

        assertThatThrownBy(() -> write(tx -> {
            tx.programs().save(program(VENDOR, "p1", 2, PartnerType.REFERRAL, "12"));
            tx.programs().save(program(VENDOR, "p2", 1, PartnerType.SERVICES, "12"));
            tx.tiers().save(review(v1.id(), "2026-01-01", "2026-04-01", assessment(PARTNER, null, "gold")));
            tx.certifications().put(certification(PARTNER, "ada@partner.com", "Sales", DAY, DAY.plusDays(10)));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        check(tx -> {
            assertThat(tx.programs().get(VENDOR, v1.id())).isEqualTo(v1);
            assertThat(tx.programs().version(VENDOR, v1.id(), 2)).isNull();
            assertThat(tx.programs().forType(VENDOR, PartnerType.SERVICES)).isNull();
            assertThat(tx.tiers().latest(VENDOR, v1.id())).isNull();
            assertThat(tx.tiers().tier(VENDOR, v1.id(), PARTNER)).isNull();
            assertThat(tx.tiers().history(VENDOR, PARTNER, PageRequest.first(10)).items()).isEmpty();
            assertThat(tx.certifications().list(VENDOR, PARTNER, PageRequest.first(10)).items()).isEmpty();
        });
        write(tx -> tx.programs().save(program(VENDOR, "p2", 1, PartnerType.SERVICES, "12")));
    }

    // --- tiers

    private static TierAssessment assessment(CompanyId partner, @Nullable String before, @Nullable String after) {
        return new TierAssessment(partner, Map.of(TierMetric.REGISTRATIONS_ACCEPTED, new BigDecimal("5"),
                TierMetric.SOURCED_REVENUE, new BigDecimal("1234.50")), before, after);
    }

    private static TierReview review(ProgramId program, String from, String to, TierAssessment... assessments) {
        LocalDate start = LocalDate.parse(from);
        LocalDate end = LocalDate.parse(to);
        Instant at = end.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
        List<TierChange> changes = new ArrayList<>();
        for (TierAssessment a : assessments) {
            if (a.changed()) {
                changes.add(new TierChange(program, a.partner(), a.before(), a.after(), a.after() != null, start, end,
                        a.metrics(), at, "evaluation"));
            }
        }
        return new TierReview(VENDOR, program, 1, start, end, at, "evaluation", List.of(assessments), changes);
    }

    @Test
    @DisplayName("A review reads back equal; it sets the current tiers and appends the changes to each history")
    void tierReview_roundTrip_setsTiersAndHistory() {
        ProgramId program = ProgramId.of("p1");
        TierReview q1 = review(program, "2026-01-01", "2026-04-01", assessment(PARTNER, null, "gold"),
                assessment(OTHER_PARTNER, null, null));

        write(tx -> tx.tiers().save(q1));

        check(tx -> {
            assertThat(tx.tiers().review(VENDOR, program, q1.from(), q1.toExclusive())).isEqualTo(q1);
            assertThat(tx.tiers().review(VENDOR, program, q1.from(), LocalDate.parse("2026-04-02"))).isNull();
            assertThat(tx.tiers().latest(VENDOR, program)).isEqualTo(q1);
            assertThat(tx.tiers().tiers(VENDOR, program)).containsExactly(Map.entry(PARTNER, "gold"));
            assertThat(tx.tiers().tier(VENDOR, program, PARTNER)).isEqualTo("gold");
            assertThat(tx.tiers().tier(VENDOR, program, OTHER_PARTNER)).isNull();
            assertThat(tx.tiers().history(VENDOR, PARTNER, PageRequest.first(10)).items())
                    .containsExactlyElementsOf(q1.changes());
            assertThat(tx.tiers().history(VENDOR, OTHER_PARTNER, PageRequest.first(10)).items()).isEmpty();
        });
    }

    @Test
    @DisplayName("Later reviews move tiers on (none removes it); the latest is the one ending last; history pages in order")
    void tierReviews_inSequence() {
        ProgramId program = ProgramId.of("p1");
        TierReview q1 = review(program, "2026-01-01", "2026-04-01", assessment(PARTNER, null, "gold"));
        TierReview q2 = review(program, "2026-04-01", "2026-07-01", assessment(PARTNER, "gold", "silver"));
        TierReview q3 = review(program, "2026-07-01", "2026-10-01", assessment(PARTNER, "silver", null));
        TierReview rolling = review(program, "2026-02-01", "2026-10-01");
        write(tx -> tx.tiers().save(q1));
        write(tx -> tx.tiers().save(q2));
        check(tx -> assertThat(tx.tiers().tier(VENDOR, program, PARTNER)).isEqualTo("silver"));

        write(tx -> tx.tiers().save(q3));
        write(tx -> tx.tiers().save(rolling));

        check(tx -> {
            assertThat(tx.tiers().tier(VENDOR, program, PARTNER)).isNull();
            assertThat(tx.tiers().tiers(VENDOR, program)).isEmpty();
            assertThat(tx.tiers().latest(VENDOR, program)).as("same end, later start").isEqualTo(q3);
        });
        List<TierChange> history = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            PageRequest page = PageRequest.after(cursor, 2);
            Page<TierChange> listed = read(tx -> tx.tiers().history(VENDOR, PARTNER, page));
            history.addAll(listed.items());
            cursor = listed.nextCursor();
        } while (cursor != null);
        assertThat(history).extracting(TierChange::to).containsExactly("gold", "silver", null);
    }

    @Test
    @DisplayName("A second review of the same period is a conflict; another vendor sees no review, tier or history")
    void tierReview_samePeriodTwice_isConflict_andVendorsOwn() {
        ProgramId program = ProgramId.of("p1");
        TierReview q1 = review(program, "2026-01-01", "2026-04-01", assessment(PARTNER, null, "gold"));
        write(tx -> tx.tiers().save(q1));

        assertThatThrownBy(() -> write(tx -> tx.tiers().save(review(program, "2026-01-01", "2026-04-01",
                assessment(PARTNER, null, "silver"))))).isInstanceOf(ConflictException.class);

        check(tx -> {
            assertThat(tx.tiers().tier(VENDOR, program, PARTNER)).isEqualTo("gold");
            assertThat(tx.tiers().review(OTHER_VENDOR, program, q1.from(), q1.toExclusive())).isNull();
            assertThat(tx.tiers().latest(OTHER_VENDOR, program)).isNull();
            assertThat(tx.tiers().tiers(OTHER_VENDOR, program)).isEmpty();
            assertThat(tx.tiers().tier(OTHER_VENDOR, program, PARTNER)).isNull();
            assertThat(tx.tiers().history(OTHER_VENDOR, PARTNER, PageRequest.first(10)).items()).isEmpty();
        });
    }

    // --- certifications

    private static Certification certification(CompanyId partner, String person, String name, LocalDate on,
            LocalDate until) {
        return certification(VENDOR, partner, person, name, on, until);
    }

    private static Certification certification(CompanyId vendor, CompanyId partner, String person, String name,
            LocalDate on, LocalDate until) {
        return new Certification(vendor, partner, EmailAddress.of(person), name, on, until,
                on.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60));
    }

    @Test
    @DisplayName("Certifications read back equal by day, person and name; the same person, name and day replaces")
    void certifications_roundTrip_andReplace() {
        Certification late = certification(PARTNER, "ada@partner.com", "Sales \"basics\"", DAY.plusDays(1),
                DAY.plusDays(30));
        Certification early = certification(PARTNER, "zed@partner.com", "Sales", DAY, DAY.plusDays(30));
        Certification sameDay = certification(PARTNER, "ada@partner.com", "Sales", DAY, DAY.plusDays(30));
        write(tx -> {
            tx.certifications().put(late);
            tx.certifications().put(early);
            tx.certifications().put(sameDay);
        });
        Certification renewed = certification(PARTNER, "ada@partner.com", "Sales", DAY, DAY.plusDays(365));

        write(tx -> tx.certifications().put(renewed));

        List<Certification> all = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            PageRequest page = PageRequest.after(cursor, 2);
            Page<Certification> listed = read(tx -> tx.certifications().list(VENDOR, PARTNER, page));
            all.addAll(listed.items());
            cursor = listed.nextCursor();
        } while (cursor != null);
        assertThat(all).containsExactly(renewed, early, late);
        check(tx -> assertThat(tx.certifications().list(OTHER_VENDOR, PARTNER, PageRequest.first(10)).items())
                .isEmpty());
    }

    @Test
    @DisplayName("Certified people count each person once per partner, from the day certified to the last valid day")
    void certifiedPeople_countsDistinctPeopleValidOnTheDay() {
        write(tx -> {
            tx.certifications().put(certification(PARTNER, "ada@partner.com", "Sales", DAY, DAY.plusDays(10)));
            tx.certifications().put(certification(PARTNER, "ada@partner.com", "Tech", DAY, DAY.plusDays(20)));
            tx.certifications().put(certification(PARTNER, "bob@partner.com", "Sales", DAY.plusDays(5),
                    DAY.plusDays(10)));
            tx.certifications().put(certification(OTHER_PARTNER, "cy@other.com", "Sales", DAY, DAY));
            tx.certifications().put(certification(OTHER_VENDOR, PARTNER, "dee@partner.com", "Sales", DAY,
                    DAY.plusDays(10)));
        });

        check(tx -> {
            assertThat(tx.certifications().certifiedPeople(VENDOR, DAY.minusDays(1))).isEmpty();
            assertThat(tx.certifications().certifiedPeople(VENDOR, DAY))
                    .containsOnly(Map.entry(PARTNER, 1L), Map.entry(OTHER_PARTNER, 1L));
            assertThat(tx.certifications().certifiedPeople(VENDOR, DAY.plusDays(4)))
                    .containsOnly(Map.entry(PARTNER, 1L));
            assertThat(tx.certifications().certifiedPeople(VENDOR, DAY.plusDays(5)))
                    .containsOnly(Map.entry(PARTNER, 2L));
            assertThat(tx.certifications().certifiedPeople(VENDOR, DAY.plusDays(10)))
                    .containsOnly(Map.entry(PARTNER, 2L));
            assertThat(tx.certifications().certifiedPeople(VENDOR, DAY.plusDays(11)))
                    .containsOnly(Map.entry(PARTNER, 1L));
            assertThat(tx.certifications().certifiedPeople(VENDOR, DAY.plusDays(21))).isEmpty();
            assertThat(tx.certifications().certifiedPeople(OTHER_VENDOR, DAY)).containsOnly(Map.entry(PARTNER, 1L));
        });
    }

    // --- registrations accepted in a period

    @Test
    @DisplayName("Accepted counts hold registrations accepted from the start inclusive to the end exclusive, by partner")
    void acceptedCounts_countTheHalfOpenPeriod() {
        Instant start = T0.plus(Duration.ofDays(1));
        Instant end = T0.plus(Duration.ofDays(31));
        insertAccepted("before", PARTNER, "a", start.minusNanos(1000));
        insertAccepted("first", PARTNER, "b", start);
        insertAccepted("inside", PARTNER, "c", start.plus(Duration.ofDays(3)));
        insertAccepted("other", OTHER_PARTNER, "d", end.minusNanos(1000));
        insertAccepted("at-end", PARTNER, "e", end);
        write(tx -> tx.registrations().insert(RegistrationContract.submitted("pending", VENDOR, PARTNER, "f")));
        Registration elsewhere = read(tx -> tx.registrations().insert(RegistrationContract.submitted("elsewhere",
                OTHER_VENDOR, PARTNER, "g")));
        write(tx -> tx.registrations().update(RegistrationContract.accepted(elsewhere, start, 90)));

        check(tx -> assertThat(tx.registrations().acceptedCounts(VENDOR, start, end))
                .containsOnly(Map.entry(PARTNER, 2L), Map.entry(OTHER_PARTNER, 1L)));
        check(tx -> assertThat(tx.registrations().acceptedCounts(VENDOR, end, end.plusSeconds(1)))
                .containsOnly(Map.entry(PARTNER, 1L)));
        check(tx -> assertThat(tx.registrations().acceptedCounts(CompanyId.of("stranger"), start, end)).isEmpty());
    }

    private void insertAccepted(String id, CompanyId partner, String domain, Instant at) {
        Registration stored = read(tx -> tx.registrations().insert(RegistrationContract.submitted(id, VENDOR, partner,
                domain)));
        write(tx -> tx.registrations().update(RegistrationContract.accepted(stored, at, 90)));
    }

    private <T> T read(Function<StoreTransaction, T> work) {
        return programStore().inTransaction(work);
    }

    private void write(Consumer<StoreTransaction> work) {
        programStore().useTransaction(work);
    }

    private void check(Consumer<StoreTransaction> assertions) {
        programStore().useTransaction(assertions);
    }
}
