package dev.ecosystem.event;

/**
 * Receives {@link EcosystemEvent}s, on the thread that caused them, after the change they report was committed.
 * A listener must be fast and must not throw; an exception it throws is logged and swallowed.
 */
@FunctionalInterface
public interface EventListener {
    /** Called once per event. */
    void onEvent(EcosystemEvent event);

    /** A listener that ignores everything: the default. */
    static EventListener none() {
        return event -> {
        };
    }
}
