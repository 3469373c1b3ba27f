/**
 * A durable {@link dev.ecosystem.spi.PartnerStore} on JDBC: {@link dev.ecosystem.jdbc.JdbcPartnerStore}, on H2
 * (embedded, file mode) or PostgreSQL, with its schema created and upgraded by Flyway migrations.
 */
@NullMarked
package dev.ecosystem.jdbc;

import org.jspecify.annotations.NullMarked;
