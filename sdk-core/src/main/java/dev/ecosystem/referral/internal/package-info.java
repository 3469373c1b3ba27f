/** The referral engine: lifecycle, conflict checks, the vendor snapshot index and the CRM-sync linker. Not API. */
@NullMarked
package dev.ecosystem.referral.internal;

import org.jspecify.annotations.NullMarked;
