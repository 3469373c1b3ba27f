package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;

/**
 * One step of a program's onboarding checklist.
 *
 * @param key the step's key, unique within the program, such as {@code sales-training}
 * @param title what the partner does, such as {@code Complete the sales training}
 */
public record ChecklistItem(String key, String title) {
    /** Validates: a key of 1 to 64 characters of {@code a-z 0-9 -}, a one-line title of at most 200. */
    public ChecklistItem {
        key = Checks.singleLine(key, "checklist item key", 64);
        if (!key.matches("[a-z0-9][a-z0-9-]*")) {
            throw new ValidationException("checklist item key must use only a-z, 0-9 and '-' and start "
                    + "with a letter or digit, but was " + Checks.quote(key));
        }
        title = Checks.singleLine(title, "checklist item title", 200);
    }
}
