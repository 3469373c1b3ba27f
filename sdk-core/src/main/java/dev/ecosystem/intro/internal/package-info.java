/**
 * The introduction workflow's machinery: state changes, drafting into the outbox, delivery and
 * funnel counts. Not API: use {@link dev.ecosystem.intro.Introductions} and
 * {@link dev.ecosystem.intro.IntroOperations}.
 */
@NullMarked
package dev.ecosystem.intro.internal;

import org.jspecify.annotations.NullMarked;
