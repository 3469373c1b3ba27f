package dev.ecosystem.spring.web;

import dev.ecosystem.EcosystemClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consent page, on Spring MVC or WebFlux (whichever the application runs on), at
 * {@code ecosystem.web.consent.path}; off with {@code ecosystem.web.consent.enabled=false}. Needs an
 * {@link EcosystemClient} bean (the starter's own or the host's). A host replaces the page's logic by defining a
 * {@link ConsentPageHandler} bean, or its route by defining a bean named {@code ecosystemConsentRoutes}.
 */
@AutoConfiguration(afterName = "dev.ecosystem.spring.EcosystemAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnBean(EcosystemClient.class)
@ConditionalOnProperty(prefix = "ecosystem.web.consent", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EcosystemWebProperties.class)
public class EcosystemConsentPageAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EcosystemConsentPageAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    ConsentPageHandler ecosystemConsentPageHandler(EcosystemClient client, EcosystemWebProperties properties) {
        EcosystemWebProperties.Consent consent = properties.getConsent();
        byte[] key = consent.getFormSecret() == null ? null : FormNonces.decodeKey(consent.getFormSecret());
        if (key == null) {
            LOG.info("ecosystem.web.consent.form-secret is not set: consent forms are signed with a random key of "
                    + "this process; set it (the same on every node) when several nodes serve the consent page");
            key = FormNonces.randomKey();
        }
        return new ConsentPageHandler(client, new FormNonces(key, consent.getFormTtl(), client.clock()),
                consent.getPath());
    }

    /** The route on Spring MVC. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {
        @Bean
        @ConditionalOnMissingBean(name = "ecosystemConsentRoutes")
        org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse>
                ecosystemConsentRoutes(ConsentPageHandler handler) {
            return ServletConsentRoutes.routes(handler);
        }
    }

    /** The route on WebFlux. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {
        @Bean
        @ConditionalOnMissingBean(name = "ecosystemConsentRoutes")
        org.springframework.web.reactive.function.server.RouterFunction<
                org.springframework.web.reactive.function.server.ServerResponse>
                ecosystemConsentRoutes(ConsentPageHandler handler) {
            return ReactiveConsentRoutes.routes(handler);
        }
    }
}
