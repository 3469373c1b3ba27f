/** The JDBC partner store (PostgreSQL, H2) with its Flyway migrations. */
module dev.ecosystem.jdbc {
    requires transitive dev.ecosystem.core;
    requires transitive java.sql;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    // Flyway's jars carry no module name: this is the name the JDK derives from flyway-core-<version>.jar.
    requires flyway.core;
    // Only for PostgreSQL's COPY; the driver is optional.
    requires static org.postgresql.jdbc;

    exports dev.ecosystem.jdbc;
}
