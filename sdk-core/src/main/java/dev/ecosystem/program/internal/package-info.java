/** The implementation of partner programs; not an API. */
@NullMarked
package dev.ecosystem.program.internal;

import org.jspecify.annotations.NullMarked;
