package dev.ecosystem;

import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.intro.IntroFunnel;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.intro.Introductions;
import dev.ecosystem.intro.internal.FunnelCounter;
import dev.ecosystem.intro.internal.IntroEngine;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.Draft;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Introductions} limited to those one company is a party to. */
final class ScopedIntroductions implements Introductions {
    private final IntroEngine engine;
    private final SdkContext context;
    private final CompanyId company;

    /** Introductions {@code company} is a party to. */
    ScopedIntroductions(IntroEngine engine, CompanyId company) {
        this.engine = engine;
        this.context = engine.context();
        this.company = company;
    }

    @Override
    public Introduction request(IntroRequest request) {
        return engine.request(company, request);
    }

    @Override
    public Draft preview(IntroRequest request) {
        return engine.preview(company, request);
    }

    @Override
    public Introduction accept(IntroductionId id, ContactId person) {
        return engine.answer(company, id, person, ConsentStatus.ACCEPTED, null, false);
    }

    @Override
    public Introduction decline(IntroductionId id, ContactId person, @Nullable String reason, boolean shareReason) {
        return engine.answer(company, id, person, ConsentStatus.DECLINED, reason, shareReason);
    }

    @Override
    public Introduction cancel(IntroductionId id, String reason) {
        return engine.cancel(company, id, reason);
    }

    @Override
    public Introduction get(IntroductionId id) {
        return engine.get(company, id);
    }

    @Override
    public Page<Introduction> list(PageRequest page) {
        Checks.required(page, "page");
        Page<Introduction> stored = context.store().inTransaction(tx -> tx.introductions().list(company, page));
        return new Page<>(stored.items().stream().map(intro -> intro.visibleTo(company)).toList(),
                stored.nextCursor());
    }

    @Override
    public IntroFunnel funnel(Instant from, Instant to, ChronoUnit period) {
        return FunnelCounter.count(context, company, from, to, period);
    }

    @Override
    public boolean block(CompanyId other) {
        checkOther(other);
        boolean added = context.store().inTransaction(tx -> {
            if (tx.companies().get(other) == null) {
                throw new NotFoundException("company " + other + " is not in the network");
            }
            return tx.blocks().block(company, other);
        });
        if (added) {
            context.publish("intro.blocked", company, other.value(), Map.of());
        }
        return added;
    }

    @Override
    public boolean unblock(CompanyId other) {
        checkOther(other);
        boolean removed = context.store().inTransaction(tx -> tx.blocks().unblock(company, other));
        if (removed) {
            context.publish("intro.unblocked", company, other.value(), Map.of());
        }
        return removed;
    }

    @Override
    public Page<CompanyId> blocked(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.blocks().list(company, page));
    }

    private void checkOther(CompanyId other) {
        Checks.required(other, "other company");
        if (other.equals(company)) {
            throw new ValidationException("other company must differ from the acting company, but both were "
                    + company);
        }
    }
}
