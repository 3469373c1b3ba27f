package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Population;
import dev.ecosystem.overlap.OverlapSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** Computes {@link AccountFacts}: the domain key, the normalized name and the populations of an account. */
final class Classifier {
    static final int CUSTOMERS = 0;
    static final int OPEN_OPPORTUNITIES = 1;
    static final int PROSPECTS = 2;

    private final OverlapSettings settings;
    /**
     * The custom populations' predicates in the settings' population order (after the three built-in ones): read
     * from the settings' map once, not looked up for every account of an index build.
     */
    private final List<Predicate<Account>> custom;
    private final DomainRules rules;
    private final MatchKeys keys;
    private final NameRules nameRules;

    Classifier(OverlapSettings settings, DomainRules rules) {
        this.settings = settings;
        List<Population> populations = settings.populations();
        List<Predicate<Account>> predicates = new ArrayList<>();
        for (int i = 3; i < populations.size(); i++) {
            // populations after the three built-in ones are the custom ones
            predicates.add(Objects.requireNonNull(settings.customPopulations().get(populations.get(i))));
        }
        this.custom = List.copyOf(predicates);
        this.rules = rules;
        this.nameRules = nameRules(settings);
        this.keys = new MatchKeys(rules, nameRules);
    }

    /** The shipped name rules with the host's additions. */
    static NameRules nameRules(OverlapSettings settings) {
        return settings.legalForms().isEmpty() && settings.abbreviations().isEmpty()
                && settings.distinguishingWords().isEmpty() ? NameRules.DEFAULT
                : NameRules.DEFAULT.with(settings.legalForms(), settings.abbreviations(),
                        settings.distinguishingWords());
    }

    /** The name rules of these settings. */
    NameRules nameRules() {
        return nameRules;
    }

    /** The match keys under these settings' rules. */
    MatchKeys keys() {
        return keys;
    }

    /** Facts of one account; {@code normalizer} must be confined to the calling thread. */
    AccountFacts facts(Account account, List<Deal> deals, DomainNormalizer normalizer) {
        DomainNormalizer.Outcome outcome = account.domain() == null
                ? DomainNormalizer.Outcome.EMPTY : normalizer.normalize(account.domain());
        String domain = outcome == DomainNormalizer.Outcome.DOMAIN ? normalizer.key() : null;
        return new AccountFacts(account, List.copyOf(deals), domain, outcome, NameNormalizer.normalize(account.name(), nameRules),
                populations(account, deals));
    }

    /** A normalizer on these settings' rules. */
    DomainNormalizer normalizer() {
        return new DomainNormalizer(rules);
    }

    /** The population bits of an account with these deals. */
    int populations(Account account, List<Deal> deals) {
        int mask;
        if (settings.customers().test(account, deals)) {
            mask = 1 << CUSTOMERS;
        } else if (settings.openOpportunities().test(account, deals)) {
            mask = 1 << OPEN_OPPORTUNITIES;
        } else {
            mask = 1 << PROSPECTS;
        }
        for (int i = 0; i < custom.size(); i++) {
            if (custom.get(i).test(account)) {
                mask |= 1 << (3 + i);
            }
        }
        return mask;
    }
}
