package dev.ecosystem.model;

/** Whether a deal is still being worked, or closed one way or the other. */
public enum DealStatus {
    /** In the pipeline. */
    OPEN,
    /** Closed won. */
    WON,
    /** Closed lost. */
    LOST
}
