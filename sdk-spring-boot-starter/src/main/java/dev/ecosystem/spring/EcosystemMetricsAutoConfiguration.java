package dev.ecosystem.spring;

import dev.ecosystem.spi.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The SDK's {@link Telemetry} on Micrometer when the application has a {@link MeterRegistry} (Spring Boot's
 * actuator gives one): runs before {@link EcosystemAutoConfiguration}, whose client and adapters report to it.
 */
@AutoConfiguration(before = EcosystemAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class EcosystemMetricsAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    Telemetry ecosystemTelemetry(MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
        return new MicrometerTelemetry(meters, observations.getIfUnique());
    }
}
