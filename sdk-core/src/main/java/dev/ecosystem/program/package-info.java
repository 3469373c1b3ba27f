/**
 * Partner programs: what a vendor offers each type of partner (ideal partner profile, commission plan, protection
 * window, onboarding checklist, tiers, activation rules) and what follows from it. Reach it through
 * {@link dev.ecosystem.TenantScope#programs()}.
 */
@NullMarked
package dev.ecosystem.program;

import org.jspecify.annotations.NullMarked;
