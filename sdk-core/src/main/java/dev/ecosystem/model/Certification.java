package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A certification a vendor recorded for one person of a partner, such as a passed sales training. It counts towards
 * {@link TierMetric#CERTIFIED_PEOPLE} on every day from {@code certifiedOn} to {@code validUntil}, both inclusive.
 * Recording the same person, name and day again replaces the record; renewals on later days are new records.
 *
 * @param vendor the company that certified
 * @param partner the partner company the person works for
 * @param person the person's email address, which identifies the person (a contact is recorded by its address)
 * @param name the certification's name, such as {@code Sales foundations}
 * @param certifiedOn the day it was recorded (UTC)
 * @param validUntil the last day it is valid, not before {@code certifiedOn}
 * @param recordedAt when it was recorded
 */
public record Certification(
        CompanyId vendor, CompanyId partner, EmailAddress person, String name, LocalDate certifiedOn,
        LocalDate validUntil, Instant recordedAt) {
    /** The latest {@code validUntil}: certifications that do not expire use it. */
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /**
     * Validates every field: a one-line name of at most 200 characters, {@code validUntil} not before the day and
     * at most {@link #LAST_DAY}.
     */
    public Certification {
        Checks.required(vendor, "certification vendor");
        Checks.required(partner, "certification partner");
        Checks.required(person, "certification person");
        name = Checks.singleLine(name, "certification name", 200);
        Checks.required(certifiedOn, "certification certifiedOn");
        Checks.required(validUntil, "certification validUntil");
        Checks.required(recordedAt, "certification recordedAt");
        if (validUntil.isAfter(LAST_DAY)) {
            throw new ValidationException("certification validUntil must be at most " + LAST_DAY + ", but was "
                    + validUntil);
        }
        if (validUntil.isBefore(certifiedOn)) {
            throw new ValidationException("certification validUntil must be on or after " + certifiedOn
                    + " (the day it is recorded), but was " + validUntil);
        }
    }

    /** Whether it is valid on {@code day}. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(certifiedOn) && !day.isAfter(validUntil);
    }
}
