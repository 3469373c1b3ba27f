/**
 * The account-mapping engine: domain and name normalization, the per-tenant match index, the pair join and the CRM
 * sync. Not API: may change in any release.
 */
@NullMarked
package dev.ecosystem.overlap.internal;

import org.jspecify.annotations.NullMarked;
