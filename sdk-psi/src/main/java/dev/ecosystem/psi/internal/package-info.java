/** The curve25519 primitives of the PSI protocol: hash to curve, point checks, blinding and tags. Not API. */
@NullMarked
package dev.ecosystem.psi.internal;

import org.jspecify.annotations.NullMarked;
