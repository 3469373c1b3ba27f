package dev.ecosystem.hubspot;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A Resilience4j circuit breaker whose open state lasts by the SDK's injected {@link Clock}. Resilience4j 2.2 times
 * the open state by the system clock unless one constructs its internal state machine; through its public API the
 * breaker is built with an open state that never ends by itself, and this class moves it to half-open once
 * {@code openFor} has passed on the injected clock.
 */
final class ClockedCircuit {
    // Long enough that Resilience4j never leaves the open state on its own (by the system clock).
    private static final Duration NEVER = Duration.ofDays(3650);

    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Duration openFor;
    private volatile @Nullable Instant openedAt;

    ClockedCircuit(String name, CircuitBreakerConfig.Builder config, Duration openFor, Clock clock) {
        this.breaker = CircuitBreaker.of(name, config.waitDurationInOpenState(NEVER).build());
        this.clock = clock;
        this.openFor = openFor;
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
            }
        });
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** Moves an open breaker to half-open when {@code openFor} has passed since it opened; call before a call. */
    void halfOpenWhenDue() {
        Instant opened = openedAt;
        if (opened != null && breaker.getState() == CircuitBreaker.State.OPEN
                && !clock.instant().isBefore(opened.plus(openFor))) {
            try {
                breaker.transitionToHalfOpenState();
            } catch (IllegalStateTransitionException raced) {
                // Another thread moved it first; its state is what counts.
            }
        }
    }
}
