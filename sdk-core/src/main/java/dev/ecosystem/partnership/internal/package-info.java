/** The implementation of the partnership lifecycle; not an API. */
@NullMarked
package dev.ecosystem.partnership.internal;

import org.jspecify.annotations.NullMarked;
