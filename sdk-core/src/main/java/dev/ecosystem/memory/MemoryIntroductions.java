package dev.ecosystem.memory;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.IntroductionRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Introductions by id, and a copy under each of the two parties for listing. */
final class MemoryIntroductions implements IntroductionRepository {
    private static final Comparator<Introduction> DUE_ORDER = Comparator
            .comparing((Introduction intro) -> intro.nextDueAt(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Introduction::id);
    private final MemoryTransaction tx;
    private final Table<Introduction> byId;
    private final Table<Introduction> byParty;

    MemoryIntroductions(MemoryTransaction tx, Table<Introduction> byId, Table<Introduction> byParty) {
        this.tx = tx;
        this.byId = byId;
        this.byParty = byParty;
    }

    @Override
    public Introduction insert(Introduction introduction) {
        tx.checkOpen();
        if (byId.get(MemoryTables.ALL, introduction.id().value()) != null) {
            throw new ConflictException("introduction " + introduction.id() + " already exists; choose a new id");
        }
        Introduction stored = introduction.withVersion(0);
        write(stored);
        return stored;
    }

    @Override
    public Introduction update(Introduction introduction) {
        tx.checkOpen();
        Introduction current = byId.get(MemoryTables.ALL, introduction.id().value());
        if (current == null) {
            throw new NotFoundException("introduction " + introduction.id() + " does not exist; insert it first");
        }
        if (current.version() != introduction.version()) {
            throw new ConflictException("introduction " + introduction.id() + " is at version " + current.version()
                    + " but the update was based on version " + introduction.version()
                    + "; read it again and retry");
        }
        if (!current.requesterCompany().equals(introduction.requesterCompany())
                || !current.targetCompany().equals(introduction.targetCompany())) {
            throw new ConflictException("introduction " + introduction.id() + " cannot change its companies");
        }
        Introduction stored = introduction.withVersion(current.version() + 1);
        write(stored);
        return stored;
    }

    private void write(Introduction stored) {
        String id = stored.id().value();
        byId.put(tx, MemoryTables.ALL, id, stored);
        byParty.put(tx, stored.requesterCompany(), id, stored);
        byParty.put(tx, stored.targetCompany(), id, stored);
    }

    @Override
    public @Nullable Introduction get(CompanyId party, IntroductionId id) {
        tx.checkOpen();
        return byParty.get(party, id.value());
    }

    @Override
    public Page<Introduction> list(CompanyId party, PageRequest page) {
        tx.checkOpen();
        return byParty.page(party, page);
    }

    @Override
    public List<Introduction> due(Instant now, int limit) {
        tx.checkOpen();
        return byId.rows(MemoryTables.ALL).values().stream()
                .filter(intro -> intro.nextDueAt() != null && !intro.nextDueAt().isAfter(now))
                .sorted(DUE_ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public long countOpen(IntroParty party, CompanyId company, ContactId contact, Instant since) {
        tx.checkOpen();
        return byParty.rows(company).values().stream()
                .filter(intro -> !intro.status().isTerminal() && !intro.createdAt().isBefore(since))
                .filter(intro -> party == IntroParty.REQUESTER
                        ? intro.requesterCompany().equals(company) && intro.requester().equals(contact)
                        : intro.targetCompany().equals(company) && intro.target().equals(contact))
                .count();
    }
}
