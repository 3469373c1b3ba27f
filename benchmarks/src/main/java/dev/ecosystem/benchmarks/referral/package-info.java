/** Referral benchmarks: a registration with its conflict check, through the public API, against SQL. */
@NullMarked
package dev.ecosystem.benchmarks.referral;

import org.jspecify.annotations.NullMarked;
