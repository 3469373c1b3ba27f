/**
 * The navigator's engine: a dictionary-encoded, incrementally updated tag index with MaxScore top-k retrieval, and
 * the scoring of ideal partner profiles on it. Not an API: may change in any release.
 */
@NullMarked
package dev.ecosystem.navigator.internal;

import org.jspecify.annotations.NullMarked;
