/**
 * Argument checks and small utilities every package of the SDK uses. Depends only on {@code dev.ecosystem.error}.
 * Not API: may change in any release.
 */
@NullMarked
package dev.ecosystem.internal.base;

import org.jspecify.annotations.NullMarked;
