/**
 * HubSpot CRM adapter: {@link dev.ecosystem.hubspot.HubSpotCrm}, a {@link dev.ecosystem.spi.CrmConnector} that reads
 * companies and deals (full and incremental sync), writes back partner sources and introductions, and survives
 * HubSpot's rate limits, outages and API version changes; and {@link dev.ecosystem.hubspot.HubSpotWebhooks}, which
 * verifies and parses HubSpot webhook deliveries. Everything else in this package is package-private.
 */
@NullMarked
package dev.ecosystem.hubspot;

import org.jspecify.annotations.NullMarked;
