package dev.ecosystem.model;

/** Company size by head count. */
public enum SizeBand {
    /** 1 to 10 people. */
    MICRO,
    /** 11 to 50 people. */
    SMALL,
    /** 51 to 200 people. */
    MEDIUM,
    /** 201 to 1,000 people. */
    LARGE,
    /** More than 1,000 people. */
    ENTERPRISE
}
