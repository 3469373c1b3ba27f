package dev.ecosystem.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.hubspot.HubSpotWebhooks;
import dev.ecosystem.memory.InMemoryMailer;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When the web part applies, backs off, and refuses to start, for each condition. */
class WebAutoConfigurationConditionsTest {
    private static final AutoConfigurations WEB = AutoConfigurations.of(EcosystemConsentPageAutoConfiguration.class,
            EcosystemHubSpotWebhookAutoConfiguration.class);

    private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
            .withConfiguration(WEB).withUserConfiguration(Client.class);
    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(WEB).withUserConfiguration(Client.class);

    @Configuration(proxyBeanMethods = false)
    static class Client {
        @Bean(destroyMethod = "close")
        EcosystemClient ecosystemClient() {
            return TestNetwork.client(new InMemoryMailer(Clock.systemUTC()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Portals {
        @Bean
        HubSpotPortalTenants portalTenants() {
            return portal -> Optional.empty();
        }
    }

    @Test
    void servlet_consentPageAtTheDefaultPath_noWebhookWithoutAPortalMap() {
        servlet.run(context -> {
            assertThat(context).hasSingleBean(ConsentPageHandler.class).hasBean("ecosystemConsentRoutes")
                    .doesNotHaveBean(HubSpotWebhookHandler.class).doesNotHaveBean("ecosystemHubSpotWebhookRoutes");
            assertThat(context.getBean(ConsentPageHandler.class).path()).isEqualTo("/ecosystem/consent");
            assertThat(context.getBean("ecosystemConsentRoutes"))
                    .isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class);
        });
    }

    @Test
    void reactive_usesTheWebFluxRoutes() {
        reactive.withUserConfiguration(Portals.class).withPropertyValues("ecosystem.web.hubspot.client-secret=s")
                .run(context -> {
                    assertThat(context.getBean("ecosystemConsentRoutes"))
                            .isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class);
                    assertThat(context.getBean("ecosystemHubSpotWebhookRoutes"))
                            .isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class);
                });
    }

    @Test
    void notAWebApplication_orNoClient_orTurnedOff_meansNoPage() {
        new ApplicationContextRunner().withConfiguration(WEB).withUserConfiguration(Client.class)
                .run(context -> assertThat(context).doesNotHaveBean(ConsentPageHandler.class));
        new WebApplicationContextRunner().withConfiguration(WEB)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConsentPageHandler.class));
        servlet.withPropertyValues("ecosystem.web.consent.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ConsentPageHandler.class)
                        .doesNotHaveBean("ecosystemConsentRoutes"));
    }

    @Test
    void thePathIsConfigurable_andAHostsRouteReplacesOurs() {
        servlet.withPropertyValues("ecosystem.web.consent.path=/intro/answer")
                .run(context -> assertThat(context.getBean(ConsentPageHandler.class).path())
                        .isEqualTo("/intro/answer"));
        servlet.withBean("ecosystemConsentRoutes", String.class, () -> "the host's own")
                .run(context -> assertThat(context.getBean("ecosystemConsentRoutes")).isEqualTo("the host's own"));
    }

    @Test
    void badProperties_stopTheStart_namingThePropertyAndTheAllowedValues() {
        servlet.withPropertyValues("ecosystem.web.consent.path=no-slash").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("ecosystem.web.consent.path must be a path")
                .hasMessageContaining("'no-slash'"));
        servlet.withPropertyValues("ecosystem.web.consent.form-ttl=0s").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("ecosystem.web.consent.form-ttl must be positive"));
        servlet.withPropertyValues("ecosystem.web.consent.form-secret=c2hvcnQ=").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("ecosystem.web.consent.form-secret must be base64")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c2hvcnQ")));
        servlet.withPropertyValues("ecosystem.web.hubspot.public-url=app.example.com/hook")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("ecosystem.web.hubspot.public-url must be an absolute http(s) URL"));
    }

    @Test
    void webhook_needsThePortalMap_theClientSecret_andSdkHubspot() {
        WebApplicationContextRunner withPortals = servlet.withUserConfiguration(Portals.class);
        withPortals.withPropertyValues("ecosystem.web.hubspot.client-secret=s").run(context -> assertThat(context)
                .hasSingleBean(HubSpotWebhookHandler.class).hasSingleBean(HubSpotSyncTrigger.class)
                .hasSingleBean(HubSpotWebhooks.class).hasBean("ecosystemHubSpotWebhookRoutes"));
        withPortals.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("ecosystem.web.hubspot.client-secret is required"));
        withPortals.withPropertyValues("ecosystem.web.hubspot.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HubSpotWebhookHandler.class));
        withPortals.withClassLoader(new FilteredClassLoader(HubSpotWebhooks.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HubSpotWebhookHandler.class)
                        .hasSingleBean(ConsentPageHandler.class));
    }

    @Test
    void aHostsOwnWebhookParts_replaceOurs() {
        HubSpotWebhooks own = HubSpotWebhooks.create("the host's secret");
        servlet.withUserConfiguration(Portals.class).withBean(HubSpotWebhooks.class, () -> own)
                .run(context -> assertThat(context).hasNotFailed().getBean(HubSpotWebhooks.class).isSameAs(own));
    }
}
