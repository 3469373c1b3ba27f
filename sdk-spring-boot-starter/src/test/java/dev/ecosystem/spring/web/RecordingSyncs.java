package dev.ecosystem.spring.web;

import dev.ecosystem.model.CompanyId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces the sync trigger's sync with a recording one (on a real executor), so tests see what was triggered. */
@Configuration(proxyBeanMethods = false)
class RecordingSyncs {
    final List<CompanyId> synced = new CopyOnWriteArrayList<>();

    @Bean
    HubSpotSyncTrigger recordingSyncTrigger() {
        return new HubSpotSyncTrigger(Executors.newSingleThreadExecutor(), synced::add);
    }
}
