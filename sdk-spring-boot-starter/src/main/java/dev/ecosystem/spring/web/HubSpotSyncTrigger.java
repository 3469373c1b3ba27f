package dev.ecosystem.spring.web;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.model.CompanyId;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a tenant's CRM change sync off the request thread, coalescing bursts: HubSpot sends many deliveries for one
 * import or bulk edit, and one {@code syncChanges} reads every change since the last one. So per tenant at most one
 * sync is queued or running; a request while one is queued adds nothing, and requests while one runs cause exactly
 * one more run after it (the running one may have read before their changes). A failing sync is logged; the next
 * delivery tries again.
 */
public class HubSpotSyncTrigger {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotSyncTrigger.class);

    private enum State { QUEUED, RUNNING, RUNNING_AGAIN }

    private final Executor executor;
    private final Consumer<CompanyId> sync;
    private final ConcurrentHashMap<CompanyId, State> tenants = new ConcurrentHashMap<>();

    /**
     * A trigger that runs {@code sync} for a tenant on {@code executor}.
     *
     * @param executor where syncs run; it must not run them on the calling thread
     * @param sync the sync of one tenant
     */
    public HubSpotSyncTrigger(Executor executor, Consumer<CompanyId> sync) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    /** A trigger that runs {@code client.as(tenant).overlaps().syncChanges()} on {@code executor}. */
    public static HubSpotSyncTrigger syncChanges(EcosystemClient client, Executor executor) {
        Objects.requireNonNull(client, "client");
        return new HubSpotSyncTrigger(executor, tenant -> {
            var result = client.as(tenant).overlaps().syncChanges();
            LOG.debug("webhook-triggered sync of {}: {}", tenant, result);
        });
    }

    /** Asks for a sync of {@code tenant} soon; returns at once. */
    public void request(CompanyId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        boolean[] submit = {false};
        tenants.compute(tenant, (key, state) -> {
            if (state == null) {
                submit[0] = true;
                return State.QUEUED;
            }
            return state == State.QUEUED ? State.QUEUED : State.RUNNING_AGAIN;
        });
        if (submit[0]) {
            submit(tenant);
        }
    }

    private void submit(CompanyId tenant) {
        try {
            executor.execute(() -> run(tenant));
        } catch (RejectedExecutionException e) {
            tenants.remove(tenant);
            LOG.warn("sync of {} was not started: the executor refused it (shutting down?)", tenant, e);
        }
    }

    private void run(CompanyId tenant) {
        tenants.put(tenant, State.RUNNING);
        try {
            sync.accept(tenant);
        } catch (RuntimeException e) {
            LOG.warn("webhook-triggered sync of {} failed; the next delivery tries again", tenant, e);
        }
        State after = tenants.compute(tenant, (key, state) -> state == State.RUNNING_AGAIN ? State.QUEUED : null);
        if (after == State.QUEUED) {
            submit(tenant);
        }
    }
}
