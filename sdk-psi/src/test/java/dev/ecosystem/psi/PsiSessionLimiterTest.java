package dev.ecosystem.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PsiSessionLimiterTest {
    private static final CompanyId ACME = CompanyId.of("acme");
    private static final CompanyId GLOBEX = CompanyId.of("globex");
    private static final CompanyId INITECH = CompanyId.of("initech");
    private static final Duration DAY = Duration.ofDays(1);
    /** Options whose sessions charge the default 7 groups. */
    private static final PsiOptions SEVEN = PsiOptions.defaults();
    private static final PsiOptions THREE = PsiOptions.builder().maxGroups(3).build();

    /** A clock at 2026-03-02T08:00Z, a Monday: the day's period ends at midnight UTC. */
    private static MutableClock mondayMorning() {
        return new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    }

    private final MutableClock clock = mondayMorning();

    interface Factory {
        PsiSessionLimiter create(int maxSessions, int maxGroups, Duration period, Clock clock);
    }

    static Stream<Arguments> limiters() {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        return Stream.of(
                Arguments.of("in memory", (Factory) PsiSessionLimiter::inMemory),
                Arguments.of("stored", (Factory) (maxSessions, maxGroups, period, clock) ->
                        PsiSessionLimiter.stored(store, ACME, maxSessions, maxGroups, period, clock)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limiters")
    @DisplayName("at most maxSessions per partner per period; other partners and the next period are unaffected")
    void limitsSessionsPerPartnerAndPeriod(String name, Factory factory) {
        PsiSessionLimiter limiter = factory.create(2, 1000, DAY, clock);

        assertThat(limiter.tryAcquire(GLOBEX, SEVEN)).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(limiter.tryAcquire(GLOBEX, SEVEN)).isTrue();
        assertThat(limiter.tryAcquire(GLOBEX, SEVEN)).isFalse();
        assertThatThrownBy(() -> limiter.acquire(GLOBEX, SEVEN)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("PSI session limit reached with partner globex: 2 sessions per PT24H already started in "
                        + "this period; the next period starts at 2026-03-03T00:00:00Z");
        assertThat(limiter.tryAcquire(INITECH, SEVEN)).isTrue();

        clock.advance(Duration.ofHours(15)); // 2026-03-03T00:00Z: a new period
        assertThat(limiter.tryAcquire(GLOBEX, SEVEN)).isTrue();
        limiter.acquire(GLOBEX, SEVEN);
        assertThat(limiter.tryAcquire(GLOBEX, SEVEN)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limiters")
    @DisplayName("each session charges its maxGroups; a session that would pass the group budget is refused whole")
    void limitsGroupsPerPartnerAndPeriod(String name, Factory factory) {
        PsiSessionLimiter limiter = factory.create(100, 17, DAY, clock);
        // Each SEVEN session charges 7 groups; 17 is not a multiple, so the boundary is met with a smaller session.

        limiter.acquire(GLOBEX, SEVEN);
        limiter.acquire(GLOBEX, SEVEN); // 14 of 17
        assertThat(limiter.tryAcquire(GLOBEX, SEVEN)).isFalse(); // 21 > 17
        assertThatThrownBy(() -> limiter.acquire(GLOBEX, SEVEN)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("PSI group limit reached with partner globex: a session with maxGroups 7 would bring this "
                        + "period's groups to 21, above maxGroups 17 per PT24H; the next period starts at "
                        + "2026-03-03T00:00:00Z");
        assertThat(limiter.tryAcquire(GLOBEX, THREE)).isTrue(); // exactly 17: the refusals took nothing
        assertThat(limiter.tryAcquire(GLOBEX, PsiOptions.builder().maxGroups(1).build())).isFalse();
        assertThat(limiter.tryAcquire(INITECH, SEVEN)).isTrue();

        clock.advance(Duration.ofHours(16)); // a new period
        assertThat(limiter.tryAcquire(GLOBEX, SEVEN)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limiters")
    @DisplayName("a session whose maxGroups alone exceeds the group budget is never granted")
    void sessionAboveTheWholeGroupBudget_isRefused(String name, Factory factory) {
        PsiSessionLimiter limiter = factory.create(3, 6, DAY, clock);
        assertThat(limiter.tryAcquire(GLOBEX, SEVEN)).isFalse();
        assertThat(limiter.tryAcquire(GLOBEX, THREE)).isTrue();
        assertThat(limiter.tryAcquire(GLOBEX, THREE)).isTrue();
    }

    @Test
    @DisplayName("stored permits are shared by every limiter on the same store (other nodes, a restart)")
    void storedPermits_surviveANewLimiter() {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        PsiSessionLimiter.stored(store, ACME, 1, 7, DAY, clock).acquire(GLOBEX, SEVEN);
        PsiSessionLimiter restarted = PsiSessionLimiter.stored(store, ACME, 1, 7, DAY, clock);
        assertThat(restarted.tryAcquire(GLOBEX, SEVEN)).isFalse();
        assertThat(PsiSessionLimiter.stored(store, INITECH, 1, 7, DAY, clock).tryAcquire(GLOBEX, SEVEN)).isTrue();

        PsiSessionLimiter.stored(store, ACME, 5, 10, DAY, clock).acquire(INITECH, SEVEN);
        PsiSessionLimiter moreSessions = PsiSessionLimiter.stored(store, ACME, 5, 10, DAY, clock);
        assertThat(moreSessions.tryAcquire(INITECH, SEVEN)).isFalse(); // the stored 7 groups still count
        assertThat(moreSessions.tryAcquire(INITECH, THREE)).isTrue();
    }

    @Test
    @DisplayName("bad settings are refused with the value")
    void badSettings_areRefused() {
        assertThatThrownBy(() -> PsiSessionLimiter.inMemory(0, 7, DAY, Clock.systemUTC()))
                .isInstanceOf(ValidationException.class).hasMessage("maxSessions must be between 1 and 10000, but was 0");
        assertThatThrownBy(() -> PsiSessionLimiter.inMemory(1, 0, DAY, Clock.systemUTC()))
                .isInstanceOf(ValidationException.class).hasMessage("maxGroups must be between 1 and 1000000, but was 0");
        assertThatThrownBy(() -> PsiSessionLimiter.inMemory(1, 7, Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(ValidationException.class).hasMessage("period must be at least 1 millisecond, but was PT0S");
    }
}
