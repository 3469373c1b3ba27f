/**
 * The ports an adapter implements: {@link dev.ecosystem.spi.PartnerStore}, {@link dev.ecosystem.spi.CrmConnector}
 * (resolved per tenant by {@link dev.ecosystem.spi.CrmConnections}), {@link dev.ecosystem.spi.Mailer} and
 * {@link dev.ecosystem.spi.IntroDrafter}. Every implementation must be thread-safe and must throw only
 * {@link dev.ecosystem.error.EcosystemException} subtypes. The {@code sdk-testkit} module has a contract test kit for
 * each port: an adapter's test extends it and supplies one factory method. A provider behind a port that fails
 * throws a {@link dev.ecosystem.spi.ProviderException} (or its subtypes for exhausted quotas and revoked grants).
 */
@NullMarked
package dev.ecosystem.spi;

import org.jspecify.annotations.NullMarked;
