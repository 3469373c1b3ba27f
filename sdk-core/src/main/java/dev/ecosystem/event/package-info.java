/**
 * Events the SDK publishes to the host's {@link EventListener}. Above {@code dev.ecosystem.model}, below the engines
 * that publish them.
 */
@NullMarked
package dev.ecosystem.event;

import org.jspecify.annotations.NullMarked;
