/**
 * Salesforce CRM adapter: a {@link dev.ecosystem.spi.CrmConnector} that reads Accounts and Opportunities (full sync
 * through REST SOQL or Bulk API 2.0 query jobs, incremental sync by {@code SystemModstamp}) and writes back partner
 * sources and introductions. Everything but the entry classes is package-private.
 */
@NullMarked
package dev.ecosystem.salesforce;

import org.jspecify.annotations.NullMarked;
