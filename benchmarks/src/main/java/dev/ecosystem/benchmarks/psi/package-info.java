/** Private set intersection benchmarks: the per-element primitives and whole sessions of sdk-psi. */
@NullMarked
package dev.ecosystem.benchmarks.psi;

import org.jspecify.annotations.NullMarked;
