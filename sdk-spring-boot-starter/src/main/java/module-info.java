/**
 * The Spring Boot starter: auto-configuration of the client, its store and adapters, health, metrics and the consent
 * and webhook routes. Everything but Boot's core is optional, as in the pom.
 */
module dev.ecosystem.spring {
    requires transitive dev.ecosystem.core;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.context;
    requires spring.beans;
    requires spring.core;
    requires org.slf4j;
    requires com.google.common;
    requires java.sql;

    requires static dev.ecosystem.jdbc;
    requires static dev.ecosystem.hubspot;
    requires static dev.ecosystem.mail;
    requires static spring.web;
    requires static spring.webmvc;
    requires static spring.webflux;
    requires static reactor.core;
    // jakarta.servlet as Boot's default servlet container ships it.
    requires static org.apache.tomcat.embed.core;
    requires static spring.boot.actuator;
    requires static spring.boot.actuator.autoconfigure;
    requires static micrometer.core;
    requires static micrometer.observation;

    exports dev.ecosystem.spring;
    exports dev.ecosystem.spring.web;

    // Spring instantiates the auto-configurations and the failure analyzer reflectively and subclasses
    // @Configuration classes with CGLIB (repackaged in spring-core), which needs the packages open.
    opens dev.ecosystem.spring to spring.core, spring.beans, spring.context;
    opens dev.ecosystem.spring.web to spring.core, spring.beans, spring.context;
}
