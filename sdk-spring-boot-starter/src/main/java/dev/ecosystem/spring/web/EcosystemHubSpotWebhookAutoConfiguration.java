package dev.ecosystem.spring.web;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.hubspot.HubSpotWebhooks;
import dev.ecosystem.model.CompanyId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HubSpot webhook endpoint at {@code ecosystem.web.hubspot.path}, on Spring MVC or WebFlux: when sdk-hubspot is
 * on the classpath and the host defines a {@link HubSpotPortalTenants} bean (and an {@link EcosystemClient});
 * off with {@code ecosystem.web.hubspot.enabled=false}. It needs {@code ecosystem.web.hubspot.client-secret}, unless
 * the host defines its own {@link HubSpotWebhooks} bean. Each delivery's tenants are synced on a small executor of
 * the starter's own (two threads), coalescing bursts ({@link HubSpotSyncTrigger}).
 */
@AutoConfiguration(afterName = "dev.ecosystem.spring.EcosystemAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnClass(name = "dev.ecosystem.hubspot.HubSpotWebhooks")
@ConditionalOnBean({EcosystemClient.class, HubSpotPortalTenants.class})
@ConditionalOnProperty(prefix = "ecosystem.web.hubspot", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EcosystemWebProperties.class)
public class EcosystemHubSpotWebhookAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EcosystemHubSpotWebhookAutoConfiguration.class);
    private static final int SYNC_THREADS = 2;

    @Bean
    @ConditionalOnMissingBean
    HubSpotWebhooks ecosystemHubSpotWebhooks(EcosystemClient client, EcosystemWebProperties properties) {
        EcosystemWebProperties.HubSpot hubspot = properties.getHubspot();
        if (hubspot.getClientSecret() == null) {
            throw new IllegalStateException("ecosystem.web.hubspot.client-secret is required for the HubSpot webhook "
                    + "endpoint (a HubSpotPortalTenants bean is present), but was not set; set it to the HubSpot "
                    + "app's client secret, or turn the endpoint off with ecosystem.web.hubspot.enabled=false");
        }
        HubSpotWebhooks.Builder builder = HubSpotWebhooks.builder(hubspot.getClientSecret()).clock(client.clock());
        if (hubspot.getReplayOwner() != null) {
            builder.replayGuard(HubSpotWebhooks.ReplayGuard.inStore(client.store(),
                    CompanyId.of(hubspot.getReplayOwner())));
        } else {
            LOG.warn("ecosystem.web.hubspot.replay-owner is not set: replayed HubSpot webhooks are refused only by "
                    + "this process, which forgets on restart; set it to the host's company id to record them in "
                    + "the store");
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    HubSpotSyncTrigger ecosystemHubSpotSyncTrigger(EcosystemClient client, SyncExecutor executor) {
        return HubSpotSyncTrigger.syncChanges(client, executor.executor);
    }

    @Bean
    @ConditionalOnMissingBean
    SyncExecutor ecosystemHubSpotSyncExecutor() {
        return new SyncExecutor();
    }

    @Bean
    @ConditionalOnMissingBean
    HubSpotWebhookHandler ecosystemHubSpotWebhookHandler(HubSpotWebhooks webhooks, HubSpotPortalTenants tenants,
            HubSpotSyncTrigger trigger, EcosystemWebProperties properties) {
        return new HubSpotWebhookHandler(webhooks, tenants, trigger, properties.getHubspot().getPath(),
                properties.getHubspot().getPublicUrl());
    }

    /** The starter's sync threads (daemon), shut down with the application context. */
    static final class SyncExecutor implements DisposableBean {
        private final ExecutorService executor;

        SyncExecutor() {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory threads = task -> {
                Thread thread = new Thread(task, "ecosystem-hubspot-sync-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            this.executor = Executors.newFixedThreadPool(SYNC_THREADS, threads);
        }

        @Override
        public void destroy() {
            executor.shutdown();
        }
    }

    /** The route on Spring MVC. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {
        @Bean
        @ConditionalOnMissingBean(name = "ecosystemHubSpotWebhookRoutes")
        org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse>
                ecosystemHubSpotWebhookRoutes(HubSpotWebhookHandler handler) {
            return ServletHubSpotWebhookRoutes.routes(handler);
        }
    }

    /** The route on WebFlux. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {
        @Bean
        @ConditionalOnMissingBean(name = "ecosystemHubSpotWebhookRoutes")
        org.springframework.web.reactive.function.server.RouterFunction<
                org.springframework.web.reactive.function.server.ServerResponse>
                ecosystemHubSpotWebhookRoutes(HubSpotWebhookHandler handler) {
            return ReactiveHubSpotWebhookRoutes.routes(handler);
        }
    }
}
