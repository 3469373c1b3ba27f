package dev.ecosystem.overlap;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * How account mapping classifies and matches accounts; set once per client with
 * {@code EcosystemClient.builder().overlapSettings(...)}.
 *
 * <p><b>Populations.</b> Every account is in exactly one standard population: {@link Population#CUSTOMERS} if the
 * customers rule holds, otherwise {@link Population#OPEN_OPPORTUNITIES} if the open-opportunities rule holds,
 * otherwise {@link Population#PROSPECTS}. The default rules: a customer has lifecycle stage {@code customer} or
 * {@code evangelist} (any case) or a won deal; an open opportunity has an open deal or lifecycle stage
 * {@code opportunity}. Custom populations, defined by a predicate over the account, come on top and may overlap
 * anything.
 *
 * <p><b>Matching.</b> Accounts match by registrable domain (public suffix list from Guava; with
 * {@link Builder#privateSuffixes(boolean) private suffixes} on, the default, {@code acme.appspot.com} and
 * {@code beta.appspot.com} are different registrable domains). Generic domains (free mail and the like), and
 * sites under a generic private suffix ({@code acme.github.io}), never match on their own. Where a
 * domain is missing, malformed or generic on at least one side (social networks and profile pages such as
 * {@code linkedin.com/company/acme} are generic), accounts match by normalized name, word by word: equal names,
 * the same letters spaced differently, or one typo in one long word that is not a distinguishing word; each rule
 * has a calibrated confidence, and a match counts when it reaches {@link Builder#nameThreshold(double) the
 * threshold} (default 0.9). Legal forms, abbreviations and distinguishing words are data
 * ({@code dev/ecosystem/overlap/name-rules.txt}) the host extends with {@link Builder#addLegalForms},
 * {@link Builder#addAbbreviations} and {@link Builder#addDistinguishingWords}.
 *
 * <p><b>Ranking.</b> Co-sell lists rank deals by amount, then by how far the stage is in
 * {@link Builder#stageOrder(List) the stage order} (later is further), then by sooner close date, then by deal id and
 * account ids. Amounts in different currencies are never compared as plain numbers:
 * <ul>
 *   <li>with {@link Builder#currencyRates(CurrencyRates) currency rates}, amounts are compared after conversion to the
 *       reference currency, larger first; deals in a currency without a rate come after all converted ones;</li>
 *   <li>otherwise (and among deals without a rate), deals are grouped by currency in the alphabetical order of the
 *       ISO 4217 code ({@code EUR} before {@code USD}), larger amount first within a currency.</li>
 * </ul>
 * Deals without an amount come last.
 *
 * <p><b>Count noise.</b> Cells of populations a partner shares as counts are released with noise of privacy
 * parameter {@link #countEpsilon()}, at most {@link #countReleases()} fresh matrices per partner pair per
 * {@link #countPeriod()}; {@link SharingPolicy} states the guarantee this gives and why the defaults are 1, 4 and
 * 7 days.
 */
public final class OverlapSettings {
    /** The default customers rule. */
    public static final PopulationRule DEFAULT_CUSTOMERS = (account, deals) ->
            stageIs(account, "customer", "evangelist") || anyDeal(deals, DealStatus.WON);
    /** The default open-opportunities rule. */
    public static final PopulationRule DEFAULT_OPEN_OPPORTUNITIES = (account, deals) ->
            stageIs(account, "opportunity") || anyDeal(deals, DealStatus.OPEN);
    /**
     * The default generic domains, shipped as data ({@code dev/ecosystem/overlap/generic-domains.txt}): free-mail and
     * ISP mail providers, social networks and profile pages ({@code linkedin.com}, {@code facebook.com}), company
     * directories, site builders and hosting ({@code wixsite.com}, {@code github.io}), and link shorteners. Under
     * each of them live many unrelated companies, so an account whose domain is one of them matches by name only.
     */
    public static final Set<String> DEFAULT_GENERIC_DOMAINS = GenericDomains.load();
    /** The default stage order, earliest first: HubSpot's and Salesforce's default deal stages. */
    public static final List<String> DEFAULT_STAGE_ORDER = List.of(
            "prospecting", "appointment scheduled", "qualification", "qualified to buy", "needs analysis",
            "presentation scheduled", "value proposition", "id. decision makers", "perception analysis",
            "decision maker bought-in", "proposal/price quote", "negotiation/review", "contract sent",
            "renewal upcoming", "renewal in progress");

    private static final int MAX_POPULATIONS = 32;

    private final PopulationRule customers;
    private final PopulationRule openOpportunities;
    private final Map<Population, Predicate<Account>> custom;
    private final double nameThreshold;
    private final boolean nameMatching;
    private final boolean privateSuffixes;
    private final Set<String> genericDomains;
    private final List<String> stageOrder;
    private final @Nullable CurrencyRates currencyRates;
    private final double countEpsilon;
    private final int countReleases;
    private final Duration countPeriod;
    private final boolean partnerSourceWriteBack;
    private final Set<String> legalForms;
    private final Map<String, String> abbreviations;
    private final Set<String> distinguishingWords;

    private OverlapSettings(Builder builder) {
        this.customers = builder.customers;
        this.openOpportunities = builder.openOpportunities;
        this.custom = Map.copyOf(builder.custom);
        this.nameThreshold = builder.nameThreshold;
        this.nameMatching = builder.nameMatching;
        this.privateSuffixes = builder.privateSuffixes;
        this.genericDomains = Set.copyOf(builder.genericDomains);
        this.stageOrder = List.copyOf(builder.stageOrder);
        this.currencyRates = builder.currencyRates;
        this.countEpsilon = builder.countEpsilon;
        this.countReleases = builder.countReleases;
        this.countPeriod = builder.countPeriod;
        this.partnerSourceWriteBack = builder.partnerSourceWriteBack;
        this.legalForms = Set.copyOf(builder.legalForms);
        this.abbreviations = Map.copyOf(builder.abbreviations);
        this.distinguishingWords = Set.copyOf(builder.distinguishingWords);
    }

    /** The defaults described above. */
    public static OverlapSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every population, standard ones first, then custom ones by name. */
    public List<Population> populations() {
        List<Population> all = new ArrayList<>(List.of(Population.CUSTOMERS, Population.OPEN_OPPORTUNITIES,
                Population.PROSPECTS));
        custom.keySet().stream().sorted().forEach(all::add);
        return List.copyOf(all);
    }

    /** The customers rule. */
    public PopulationRule customers() {
        return customers;
    }

    /** The open-opportunities rule. */
    public PopulationRule openOpportunities() {
        return openOpportunities;
    }

    /** The custom populations and their predicates. */
    public Map<Population, Predicate<Account>> customPopulations() {
        return custom;
    }

    /** The lowest name similarity that counts as a match. */
    public double nameThreshold() {
        return nameThreshold;
    }

    /** Whether accounts without a usable domain are matched by name. */
    public boolean nameMatching() {
        return nameMatching;
    }

    /** Whether the public suffix list's private section counts. */
    public boolean privateSuffixes() {
        return privateSuffixes;
    }

    /** Domains that never match. */
    public Set<String> genericDomains() {
        return genericDomains;
    }

    /** Deal stages, earliest first, lower case. */
    public List<String> stageOrder() {
        return stageOrder;
    }

    /** The host's exchange rates for ranking, or {@code null} when it supplied none (see the class comment). */
    public @Nullable CurrencyRates currencyRates() {
        return currencyRates;
    }

    /** The privacy parameter of one release of noised counts (see {@link SharingPolicy}). */
    public double countEpsilon() {
        return countEpsilon;
    }

    /** How many distinct snapshot-revision pairs a viewer gets noised counts for, per partner and period. */
    public int countReleases() {
        return countReleases;
    }

    /** The period of {@link #countReleases()}: fixed windows aligned to the epoch. */
    public Duration countPeriod() {
        return countPeriod;
    }

    /** Whether partner-sourced credits found on a CRM sync are written back to the tenant's CRM. */
    public boolean partnerSourceWriteBack() {
        return partnerSourceWriteBack;
    }

    /** The legal forms the host added to the shipped ones ({@code dev/ecosystem/overlap/name-rules.txt}). */
    public Set<String> legalForms() {
        return legalForms;
    }

    /** The abbreviations (word to short form) the host added to the shipped ones. */
    public Map<String, String> abbreviations() {
        return abbreviations;
    }

    /** The distinguishing words the host added to the shipped ones. */
    public Set<String> distinguishingWords() {
        return distinguishingWords;
    }

    private static boolean stageIs(Account account, String stage1, String stage2) {
        String stage = account.lifecycleStage();
        return stage != null && (stage1.equalsIgnoreCase(stage) || stage2.equalsIgnoreCase(stage));
    }

    private static boolean stageIs(Account account, String only) {
        String stage = account.lifecycleStage();
        return stage != null && only.equalsIgnoreCase(stage);
    }

    /** Whether a deal has this status: a loop, as the rules run for every account of an index build. */
    private static boolean anyDeal(List<Deal> deals, DealStatus status) {
        for (int i = 0; i < deals.size(); i++) {
            if (deals.get(i).status() == status) {
                return true;
            }
        }
        return false;
    }

    /** Builds {@link OverlapSettings}. */
    public static final class Builder {
        private PopulationRule customers = DEFAULT_CUSTOMERS;
        private PopulationRule openOpportunities = DEFAULT_OPEN_OPPORTUNITIES;
        private final Map<Population, Predicate<Account>> custom = new LinkedHashMap<>();
        private double nameThreshold = 0.9;
        private boolean nameMatching = true;
        private boolean privateSuffixes = true;
        private Set<String> genericDomains = DEFAULT_GENERIC_DOMAINS;
        private List<String> stageOrder = DEFAULT_STAGE_ORDER;
        private @Nullable CurrencyRates currencyRates;
        private double countEpsilon = 1.0;
        private int countReleases = 4;
        private Duration countPeriod = Duration.ofDays(7);
        private boolean partnerSourceWriteBack;
        private final Set<String> legalForms = new HashSet<>();
        private final Map<String, String> abbreviations = new LinkedHashMap<>();
        private final Set<String> distinguishingWords = new HashSet<>();

        private Builder() {
        }

        /** Replaces the customers rule. */
        public Builder customers(PopulationRule rule) {
            this.customers = Checks.required(rule, "customers rule");
            return this;
        }

        /** Replaces the open-opportunities rule (checked only for accounts that are not customers). */
        public Builder openOpportunities(PopulationRule rule) {
            this.openOpportunities = Checks.required(rule, "openOpportunities rule");
            return this;
        }

        /**
         * Adds a custom population: the accounts for which {@code predicate} holds.
         *
         * @throws ValidationException when the name is a standard one or already used, or there are too many
         */
        public Builder customPopulation(String name, Predicate<Account> predicate) {
            Population population = Population.custom(name);
            Checks.required(predicate, "predicate");
            if (custom.containsKey(population)) {
                throw new ValidationException("custom population " + population + " is defined twice");
            }
            if (custom.size() + 3 >= MAX_POPULATIONS) {
                throw new ValidationException("at most " + (MAX_POPULATIONS - 3) + " custom populations are allowed");
            }
            custom.put(population, predicate);
            return this;
        }

        /**
         * The lowest confidence of a name rule that counts as a match, between 0.5 and 1 (default 0.9: every name
         * rule; 0.99: equal normalized names only; 1: no name matches).
         */
        public Builder nameThreshold(double threshold) {
            if (!(threshold >= 0.5 && threshold <= 1)) {
                throw new ValidationException("nameThreshold must be between 0.5 and 1, but was " + threshold);
            }
            this.nameThreshold = threshold;
            return this;
        }

        /** Whether to match by name where a domain is missing or generic (default true). */
        public Builder nameMatching(boolean enabled) {
            this.nameMatching = enabled;
            return this;
        }

        /** Whether private suffixes (github.io, herokuapp.com, myshopify.com...) are suffixes (default true). */
        public Builder privateSuffixes(boolean respected) {
            this.privateSuffixes = respected;
            return this;
        }

        /** Replaces the generic domains (the defaults are {@link #DEFAULT_GENERIC_DOMAINS}). */
        public Builder genericDomains(Set<String> domains) {
            this.genericDomains = Set.copyOf(checkedDomains(domains));
            return this;
        }

        /**
         * Adds generic domains to those set so far, for hosts whose customers sit on platforms the defaults lack
         * (a regional social network, the host's own site builder).
         */
        public Builder addGenericDomains(Set<String> domains) {
            Set<String> all = new HashSet<>(genericDomains);
            all.addAll(checkedDomains(domains));
            this.genericDomains = Set.copyOf(all);
            return this;
        }

        private static Set<String> checkedDomains(Set<String> domains) {
            Checks.noNulls(domains, "genericDomains");
            domains.forEach(domain -> Checks.singleLine(domain, "generic domain", 253));
            return domains;
        }

        /** Replaces the stage order, earliest first; compared without case. */
        public Builder stageOrder(List<String> stages) {
            Checks.noNulls(stages, "stageOrder");
            this.stageOrder = stages.stream().map(s -> Checks.text(s, "stage", 200).toLowerCase(Locale.ROOT))
                    .toList();
            return this;
        }

        /**
         * Exchange rates for ranking co-sell lists across currencies (default none: deals are grouped by currency, see
         * the class comment).
         */
        public Builder currencyRates(CurrencyRates rates) {
            this.currencyRates = Checks.required(rates, "currencyRates");
            return this;
        }

        /**
         * The noise of counts-only cells (default epsilon 1, 4 releases per 7 days): each release is
         * {@code epsilon}-differentially private for any one account of the owner, and a viewer gets at most
         * {@code releases} fresh releases per partner and {@code period}, so at most {@code releases x epsilon} per
         * period (see {@link SharingPolicy}). A smaller epsilon gives more noise: the noise scale is the sensitivity
         * (3 with the default populations) divided by epsilon.
         *
         * @param epsilon between 0.01 and 10
         * @param releases between 1 and 10,000
         * @param period at least one minute
         */
        public Builder countNoise(double epsilon, int releases, Duration period) {
            if (!(epsilon >= 0.01 && epsilon <= 10)) {
                throw new ValidationException("countNoise epsilon must be between 0.01 and 10, but was " + epsilon);
            }
            Checks.range(releases, 1, 10_000, "countNoise releases");
            Checks.required(period, "countNoise period");
            if (period.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new ValidationException("countNoise period must be at least PT1M, but was " + period);
            }
            this.countEpsilon = epsilon;
            this.countReleases = releases;
            this.countPeriod = period;
            return this;
        }

        /**
         * Whether partner-sourced credits that a CRM sync finds (a deal of an accepted referral, or of a prospect a
         * partner introduced before the deal was created) are written back to the tenant's CRM with
         * {@link dev.ecosystem.spi.CrmConnector#recordPartnerSource}. Default: off. The writes wait in the store's
         * durable queue, written with the credit, and go out on {@code client.crmWriteBacks().runDue(now)}, outside
         * any transaction, with retries; a connector without write-back parks them.
         */
        public Builder partnerSourceWriteBack(boolean enabled) {
            this.partnerSourceWriteBack = enabled;
            return this;
        }

        /**
         * Adds legal forms to the shipped ones (a name loses them at its end; those in Cyrillic, Greek, Han, kana or
         * Hangul at its start too), for languages or forms the SDK lacks: {@code addLegalForms(Set.of("sp k"))}.
         * A form of several words is removed as a whole.
         */
        public Builder addLegalForms(Set<String> forms) {
            Checks.noNulls(forms, "legalForms");
            forms.forEach(form -> Checks.text(form, "legal form", 100));
            legalForms.addAll(forms);
            return this;
        }

        /**
         * Adds abbreviations to the shipped ones: each word and its short form are compared as the same word
         * ({@code addAbbreviations(Map.of("holdings", "hldgs"))}). Both must be one word.
         */
        public Builder addAbbreviations(Map<String, String> wordToShortForm) {
            Checks.required(wordToShortForm, "abbreviations");
            wordToShortForm.forEach((word, shortForm) -> {
                Checks.text(word, "abbreviated word", 100);
                Checks.text(shortForm, "short form of " + word, 100);
                if (word.strip().contains(" ") || shortForm.strip().contains(" ")) {
                    throw new ValidationException("an abbreviation must be one word and its short form one word, "
                            + "but was '" + word + "' -> '" + shortForm + "'");
                }
            });
            abbreviations.putAll(wordToShortForm);
            return this;
        }

        /**
         * Adds distinguishing words to the shipped ones: words that tell companies apart although one letter makes
         * another word (an industry: {@code Dental}, {@code Rental}), so they are never taken for a typo.
         */
        public Builder addDistinguishingWords(Set<String> words) {
            Checks.noNulls(words, "distinguishingWords");
            words.forEach(word -> Checks.text(word, "distinguishing word", 100));
            distinguishingWords.addAll(words);
            return this;
        }

        /** Builds the settings. */
        public OverlapSettings build() {
            return new OverlapSettings(this);
        }
    }
}
