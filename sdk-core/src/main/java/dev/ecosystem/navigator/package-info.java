/** Navigator: find partners in the network and score them against an ideal partner profile. */
@NullMarked
package dev.ecosystem.navigator;

import org.jspecify.annotations.NullMarked;
