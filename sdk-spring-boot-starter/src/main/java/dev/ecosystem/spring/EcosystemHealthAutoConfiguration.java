package dev.ecosystem.spring;

import dev.ecosystem.EcosystemClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What reads the client's state for the actuator: the outbox and change-feed gauges (with Micrometer) and the health
 * indicator (with the actuator; off by {@code management.health.ecosystem.enabled=false}).
 */
@AutoConfiguration(after = EcosystemAutoConfiguration.class)
@ConditionalOnBean(EcosystemClient.class)
public class EcosystemHealthAutoConfiguration {
    /** Gauges, when Micrometer is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class GaugesConfiguration {
        @Bean
        @ConditionalOnMissingBean
        EcosystemGauges ecosystemGauges(EcosystemClient client) {
            return new EcosystemGauges(client);
        }
    }

    /** The health indicator, when the actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("ecosystem")
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "ecosystemHealthIndicator")
        EcosystemHealthIndicator ecosystemHealthIndicator(EcosystemClient client, EcosystemProperties properties) {
            return new EcosystemHealthIndicator(client, properties.getHealth().getMaxFeedLag());
        }
    }
}
