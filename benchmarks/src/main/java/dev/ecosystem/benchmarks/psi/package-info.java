/**
 * Private set intersection benchmarks: the per-element primitives and whole sessions of sdk-psi, and sdk-psi against
 * OpenMined's {@code @openmined/psi.js} 2.0.6 (run through Node by {@link dev.ecosystem.benchmarks.psi.PsiJsPeer}) on
 * the same sets, with a plain {@code HashSet} intersection as the oracle.
 */
@NullMarked
package dev.ecosystem.benchmarks.psi;

import org.jspecify.annotations.NullMarked;
