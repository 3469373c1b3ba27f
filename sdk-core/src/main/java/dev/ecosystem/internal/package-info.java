/** Implementation details shared by the SDK's own packages. Not API: may change in any release. */
@NullMarked
package dev.ecosystem.internal;

import org.jspecify.annotations.NullMarked;
