/** Warm introductions: double opt-in workflows, drafts, outbox delivery, reminders and expiry. */
@NullMarked
package dev.ecosystem.intro;

import org.jspecify.annotations.NullMarked;
