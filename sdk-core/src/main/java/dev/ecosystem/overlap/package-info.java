/** Account mapping: CRM snapshots, matching, population matrices, sharing rules and co-sell lists. */
@NullMarked
package dev.ecosystem.overlap;

import org.jspecify.annotations.NullMarked;
