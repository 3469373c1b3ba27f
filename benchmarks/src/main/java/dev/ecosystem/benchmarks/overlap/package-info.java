/** Account mapping benchmarks: the domain engine against a Guava baseline. */
@NullMarked
package dev.ecosystem.benchmarks.overlap;

import org.jspecify.annotations.NullMarked;
