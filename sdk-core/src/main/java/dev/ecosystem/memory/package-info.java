/**
 * Embedded defaults that need no server and no credentials: a partner store, a CRM and a mailer held in memory.
 * They pass the same contract kits as the production adapters.
 */
@NullMarked
package dev.ecosystem.memory;

import org.jspecify.annotations.NullMarked;
