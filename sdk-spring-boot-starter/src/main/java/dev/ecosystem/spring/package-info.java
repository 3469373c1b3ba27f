/**
 * Spring Boot auto-configuration for the Ecosystem SDK: one {@code EcosystemClient} bean from {@code ecosystem.*}
 * properties and the beans present, with scheduling, the consent page, the HubSpot webhook endpoint, metrics and
 * health. Every bean backs off when the host defines its own.
 */
@NullMarked
package dev.ecosystem.spring;

import org.jspecify.annotations.NullMarked;
