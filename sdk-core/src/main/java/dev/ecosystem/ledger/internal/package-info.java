/** The attribution ledger's implementation. Not API: may change in any release. */
@NullMarked
package dev.ecosystem.ledger.internal;

import org.jspecify.annotations.NullMarked;
