/** Implementation details shared by the mail adapters (MIME rendering, retries, idempotency). Not API. */
@NullMarked
package dev.ecosystem.mail.internal;

import org.jspecify.annotations.NullMarked;
