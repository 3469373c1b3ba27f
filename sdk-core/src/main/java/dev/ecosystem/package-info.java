/**
 * The Ecosystem SDK entry point: {@link dev.ecosystem.EcosystemClient}, its builder, the per-company
 * {@link dev.ecosystem.TenantScope} and the {@link dev.ecosystem.error.EcosystemException} hierarchy.
 */
@NullMarked
package dev.ecosystem;

import org.jspecify.annotations.NullMarked;
