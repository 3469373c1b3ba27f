/**
 * The partnership lifecycle: invitations to a partner program, status history, onboarding checklist progress,
 * automatic activation, dormancy, and activation metrics per partner type. Reach it through
 * {@link dev.ecosystem.TenantScope#partnerships()} and the host's {@link dev.ecosystem.EcosystemClient#partnerships()}.
 */
@NullMarked
package dev.ecosystem.partnership;

import org.jspecify.annotations.NullMarked;
