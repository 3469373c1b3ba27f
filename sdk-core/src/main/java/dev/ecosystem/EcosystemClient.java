package dev.ecosystem;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.internal.IntakeRule;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.intro.IntroOperations;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.intro.internal.HostIntroOperations;
import dev.ecosystem.intro.internal.IntroEngine;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.OverlapSignal;
import dev.ecosystem.navigator.TagTaxonomy;
import dev.ecosystem.navigator.internal.ChangeFollower;
import dev.ecosystem.navigator.internal.IndexingPartnerStore;
import dev.ecosystem.navigator.internal.NavigatorIndex;
import dev.ecosystem.overlap.CrmWriteBackOperations;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.internal.CrmWriteBackDispatcher;
import dev.ecosystem.overlap.internal.OverlapEngine;
import dev.ecosystem.partnership.PartnershipOperations;
import dev.ecosystem.partnership.PartnershipSettings;
import dev.ecosystem.partnership.internal.HostPartnershipOperations;
import dev.ecosystem.partnership.internal.PartnershipEngine;
import dev.ecosystem.program.BriefSettings;
import dev.ecosystem.program.PartnerView;
import dev.ecosystem.program.RevenueSource;
import dev.ecosystem.program.internal.BriefEngine;
import dev.ecosystem.program.internal.PartnerViews;
import dev.ecosystem.referral.ReferralOperations;
import dev.ecosystem.referral.ReferralSettings;
import dev.ecosystem.referral.internal.HostReferralOperations;
import dev.ecosystem.referral.internal.ReferralEngine;
import dev.ecosystem.referral.internal.ScopedReferrals;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.support.ValidatingPartnerStore;
import dev.ecosystem.spi.PayoutProvider;
import dev.ecosystem.spi.Telemetry;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.event.EventListener;
import dev.ecosystem.spi.ProviderException;

/**
 * The SDK's entry point: wire the ports once, then act as one company of the network at a time.
 *
 * <pre>{@code
 * EcosystemClient client = EcosystemClient.builder()
 *         .store(InMemoryPartnerStore.create())       // the default; JdbcPartnerStore for production
 *         .crm(CrmConnections.of(crmOfAcme))          // each tenant's own CRM
 *         .mailer(new InMemoryMailer(Clock.systemUTC()))
 *         .build();
 * client.register(acmeProfile);
 * TenantScope acme = client.as(CompanyId.of("acme"));
 * }</pre>
 *
 * <p>Thread-safe; build one per application and share it, and {@link #close()} it when the application stops.
 *
 * <p>Many app nodes may share one durable store. What a client keeps in memory (the navigator's index) follows the
 * store's change feed on a background thread, so a write on one node reaches the others' searches within
 * {@link Builder#changePollInterval(Duration)}; privacy decisions (unlisting, blocks, opt-outs, sharing policies,
 * partnerships) are read from the store on every call they guard, so they hold on every node at once. To read a
 * write made on another node, call {@link #catchUp()} first, or wait until {@link #appliedRevision()} reaches the
 * revision the writer read (the writer's own {@code catchUp()} after its write returns one). A store without a change
 * feed gets one WARN at build, and the client then sees only its own writes: run a single node on it.
 */
public final class EcosystemClient implements AutoCloseable {
    private final SdkContext context;
    private final ScopeParts parts;
    private final IntroOperations intros;
    private final ChangeFollower follower;
    private final CrmWriteBackOperations crmWriteBacks;

    private EcosystemClient(SdkContext context, OverlapEngine overlaps, NavigatorIndex navigator,
            IntroSettings introSettings, ChangeFollower follower,
            ReferralSettings referralSettings, PartnershipSettings partnershipSettings,
            @Nullable RevenueSource revenueSource, @Nullable PayoutProvider payoutProvider,
            BriefSettings briefSettings) {
        this.context = context;
        this.follower = follower;
        IntroEngine introEngine = new IntroEngine(context, introSettings, overlaps.settings());
        ReferralEngine referralEngine = new ReferralEngine(context, overlaps, referralSettings);
        BriefEngine briefEngine = new BriefEngine(context, briefSettings, introSettings.sender(), new PartnerViews(
                context, introSettings.consentKeys(), vendor -> new ScopedReferrals(referralEngine, vendor),
                (vendor, partner) -> as(vendor).programs().tierOf(partner)));
        this.parts = new ScopeParts(overlaps, navigator, introEngine, referralEngine,
                new PartnershipEngine(context, partnershipSettings, introSettings), briefEngine, revenueSource,
                payoutProvider);
        this.intros = new HostIntroOperations(introEngine);
        this.crmWriteBacks = new CrmWriteBackDispatcher(context);
    }

    /** A builder with the embedded defaults: in-memory store, no CRM, in-memory mailer, system UTC clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client on the embedded defaults. */
    public static EcosystemClient create() {
        return builder().build();
    }

    /**
     * Acts as {@code company}.
     *
     * @throws NotFoundException when the company is not in the network (register it first)
     */
    public TenantScope as(CompanyId company) {
        Checks.required(company, "company");
        if (context.store().inTransaction(tx -> tx.companies().get(company)) == null) {
            throw new NotFoundException("company " + company + " is not in the network; register its profile first");
        }
        return new TenantScope(context, company, parts);
    }

    /** The host's side of introductions: {@code runDue}, its scheduler helper, consent links, parked emails. */
    public IntroOperations intros() {
        return intros;
    }

    /** The host's side of referrals: {@code runDue}, which expires registrations whose protection ended. */
    public ReferralOperations referrals() {
        return new HostReferralOperations(parts.referrals());
    }

    /**
     * The host's side of the partnership lifecycle: {@code runDue} (invitation reminders and expiry, dormancy), and
     * the page an invitation link opens (read, accept, decline by token).
     */
    public PartnershipOperations partnerships() {
        return new HostPartnershipOperations(parts.partnerships());
    }

    /**
     * The host's side of writing partner sources back to tenants' CRMs: {@code runDue}, parked writes, retry. See
     * {@link dev.ecosystem.overlap.OverlapSettings.Builder#partnerSourceWriteBack}.
     */
    public CrmWriteBackOperations crmWriteBacks() {
        return crmWriteBacks;
    }

    /**
     * What a partner-view token grants, from {@code scope.programs().partnerViewToken(partner, ttl)}: reading that
     * partner's own figures with the vendor that issued it, and nothing else. For a host's page that shows a partner
     * its figures without a login.
     *
     * @throws AccessDeniedException the same for every refusal: malformed, forged or tampered, expired, or the
     *     partnership ended
     */
    public PartnerView partnerView(String token) {
        return parts.briefs().views().verify(token, null, null);
    }

    /**
     * Like {@link #partnerView(String)}, and also refuses a token issued by another vendor or for another partner than
     * the host's page is for (for example the vendor and partner in its URL), with the same error.
     */
    public PartnerView partnerView(String token, CompanyId vendor, CompanyId partner) {
        Checks.required(vendor, "vendor");
        Checks.required(partner, "partner");
        return parts.briefs().views().verify(token, vendor, partner);
    }

    /**
     * Adds a company's profile to the network, or replaces it. This is the host's call, not a tenant's.
     *
     * @throws ValidationException when the profile's {@linkplain Company#introductionIntake() intake contact} is
     *     not one of the company's stored contacts (register the profile, save its contacts, then name the intake)
     */
    public Company register(Company profile) {
        Checks.required(profile, "profile");
        context.store().useTransaction(tx -> {
            IntakeRule.check(tx, profile);
            tx.companies().put(profile);
        });
        return profile;
    }

    /**
     * Removes a company's profile from the network (its contacts and partnerships stay with the store). This is the
     * host's call, not a tenant's; to hide a profile but keep it, update it with {@code listed(false)} instead.
     *
     * @throws NotFoundException when there is no such company
     */
    public void remove(CompanyId company) {
        Checks.required(company, "company");
        if (!context.store().inTransaction(tx -> tx.companies().remove(company))) {
            throw new NotFoundException("company " + company + " is not in the network");
        }
    }

    /**
     * The store, for host-level imports such as {@code NetworkFiles.readCsv(...).storeInto(client.store())}. Writes
     * through it reach the navigator's index like every other write of the client.
     */
    public PartnerStore store() {
        return context.store();
    }

    /** The clock every engine reads "now" from. */
    public Clock clock() {
        return context.clock();
    }

    /**
     * The revision of the store's change feed up to which this client reflects every write, its own and other
     * nodes'; it grows as the background follower applies changes. 0 when the store has no change feed (then the
     * client reflects only its own writes, which it always does at once).
     */
    public long appliedRevision() {
        return follower.applied();
    }

    /**
     * How far behind other nodes' writes this client may be: the time since its change-feed follower last reached
     * the end of the store's feed. It stays under {@link Builder#changePollInterval} while the store answers and
     * grows while it does not; a host alerts when it passes a threshold. Zero when the store has no change feed.
     */
    public Duration changeFeedLag() {
        return follower.lag();
    }

    /**
     * Applies, on the calling thread, every change committed to the store before this call, and returns the
     * revision then applied: after it, searches reflect every write any node committed before. For reading another
     * node's write at once instead of within the poll interval. Returns 0 at once when the store has no change feed.
     *
     * @throws ProviderException when the store cannot be read
     */
    public long catchUp() {
        return follower.catchUp();
    }

    /**
     * Starts following the store's change feed in the background, for a client built with
     * {@link Builder#deferChangeFollowing()} (a container starts it with the application); otherwise it already
     * follows, and this does nothing. No change committed after {@link Builder#build()} is missed however late it is
     * called.
     */
    public void startChangeFollowing() {
        follower.startPolling();
    }

    /**
     * Stops the thread that follows the store's change feed and the outbox's lease thread. The store and the other
     * ports are the host's to close.
     */
    @Override
    public void close() {
        follower.close();
        parts.intros().close();
    }

    /** Wires the ports; {@link #build()} validates. */
    public static final class Builder {
        private @Nullable PartnerStore store;
        private @Nullable CrmConnections crms;
        private @Nullable Mailer mailer;
        private @Nullable Clock clock;
        private @Nullable EventListener listener;
        private @Nullable IntroSettings introSettings;
        private OverlapSettings overlapSettings = OverlapSettings.defaults();
        private TagTaxonomy taxonomy = TagTaxonomy.none();
        private CategoryRelations categoryRelations = CategoryRelations.none();
        private @Nullable OverlapSignal overlapSignal;
        private Duration changePollInterval = Duration.ofSeconds(1);
        private boolean followFromBuild = true;
        private ReferralSettings referralSettings = ReferralSettings.defaults();
        private @Nullable RevenueSource revenueSource;
        private PartnershipSettings partnershipSettings = PartnershipSettings.defaults();
        private @Nullable PayoutProvider payoutProvider;
        private BriefSettings briefSettings = BriefSettings.defaults();
        private Telemetry telemetry = Telemetry.none();

        private Builder() {
        }

        /**
         * Where the SDK remembers everything. Default: a new {@link InMemoryPartnerStore}. The client calls it
         * through a {@link ValidatingPartnerStore}, so every call's arguments are checked before the store sees them.
         */
        public Builder store(PartnerStore store) {
            this.store = Checks.required(store, "store");
            return this;
        }

        /** Each tenant's CRM. Default: no tenant has one. */
        public Builder crm(CrmConnections crms) {
            this.crms = Checks.required(crms, "crm");
            return this;
        }

        /** How emails go out. Default: an {@link InMemoryMailer} that keeps them. */
        public Builder mailer(Mailer mailer) {
            this.mailer = Checks.required(mailer, "mailer");
            return this;
        }

        /** The only source of "now". Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Checks.required(clock, "clock");
            return this;
        }

        /** Receives events. Default: none. */
        public Builder eventListener(EventListener listener) {
            this.listener = Checks.required(listener, "eventListener");
            return this;
        }

        /** How introductions behave: consent link keys and URL, sender, drafter, timing. Default: demo defaults. */
        public Builder intros(IntroSettings settings) {
            this.introSettings = Checks.required(settings, "intros");
            return this;
        }

        /** How account mapping classifies and matches accounts. Default: {@link OverlapSettings#defaults()}. */
        public Builder overlapSettings(OverlapSettings settings) {
            this.overlapSettings = Checks.required(settings, "overlapSettings");
            return this;
        }

        /** Tag synonyms and hierarchy the navigator matches with. Default: {@link TagTaxonomy#none()}. */
        public Builder tagTaxonomy(TagTaxonomy taxonomy) {
            this.taxonomy = Checks.required(taxonomy, "tagTaxonomy");
            return this;
        }

        /** Which product categories feed which, for complementarity. Default: {@link CategoryRelations#none()}. */
        public Builder categoryRelations(CategoryRelations relations) {
            this.categoryRelations = Checks.required(relations, "categoryRelations");
            return this;
        }

        /**
         * Shared customer counts per searcher, for the overlap criterion. Default: account mapping's, that is the
         * customers-by-customers count with each current partner wherever the partner's sharing policy shows it
         * ({@code scope.overlaps().matrix(partner)}); {@link OverlapSignal#none()} turns the criterion off.
         */
        public Builder overlapSignal(OverlapSignal signal) {
            this.overlapSignal = Checks.required(signal, "overlapSignal");
            return this;
        }

        /**
         * How often the client reads the store's change feed to pick up writes made on other app nodes, from 10 ms
         * to 1 hour. Default: 1 second. Writes through this client are seen at once whatever the interval.
         */
        public Builder changePollInterval(Duration interval) {
            Checks.required(interval, "changePollInterval");
            if (interval.compareTo(Duration.ofMillis(10)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
                throw new ValidationException("changePollInterval must be between 10 ms (PT0.01S) and 1 hour (PT1H), "
                        + "but was " + interval);
            }
            this.changePollInterval = interval;
            return this;
        }

        /**
         * Builds a client that follows the store's change feed only from {@link EcosystemClient#startChangeFollowing()}
         * on, for containers that start components after wiring them (Spring's lifecycle). Until then other nodes'
         * writes reach this client's searches only through {@link EcosystemClient#catchUp()}.
         */
        public Builder deferChangeFollowing() {
            this.followFromBuild = false;
            return this;
        }

        /** Protection window and cap of open registrations of referrals. Default: {@link ReferralSettings#defaults()}. */
        public Builder referrals(ReferralSettings settings) {
            this.referralSettings = Checks.required(settings, "referrals");
            return this;
        }

        /**
         * Where programs' tier reviews take {@link dev.ecosystem.model.TierMetric#SOURCED_REVENUE} from, such as
         * {@code attribution.sourcedRevenue(vendor -> AttributionData.read(store, vendor))} from sdk-attribution.
         * Default: none, and reviewing a program with a sourced-revenue threshold fails saying so.
         */
        public Builder revenueSource(RevenueSource source) {
            this.revenueSource = Checks.required(source, "revenueSource");
            return this;
        }

        /**
         * How partnership invitations behave: the invitation page, expiry and reminders. Default:
         * {@link PartnershipSettings#defaults()}. Links are signed with the {@linkplain #intros introductions'} keys.
         */
        public Builder partnerships(PartnershipSettings settings) {
            this.partnershipSettings = Checks.required(settings, "partnerships");
            return this;
        }

        /**
         * Pays {@code READY} commission statements when a vendor moves them to {@code PAID}
         * ({@link dev.ecosystem.payout.Payouts#move}). Default: none, and moving to {@code PAID} only records a
         * payment made some other way.
         */
        public Builder payoutProvider(PayoutProvider provider) {
            this.payoutProvider = Checks.required(provider, "payoutProvider");
            return this;
        }

        /**
         * How programs' enablement briefs are drafted and sent. Default: {@link BriefSettings#defaults()} (the
         * template drafter, the introductions' sender).
         */
        public Builder briefs(BriefSettings settings) {
            this.briefSettings = Checks.required(settings, "briefs");
            return this;
        }

        /**
         * Where the client reports search, CRM sync and send timings (pass the same object to the adapters' builders
         * for their provider calls). Default: {@link Telemetry#none()}.
         */
        public Builder telemetry(Telemetry telemetry) {
            this.telemetry = Checks.required(telemetry, "telemetry");
            return this;
        }

        /** Builds the client and starts following the store's change feed (unless {@link #deferChangeFollowing()}). */
        public EcosystemClient build() {
            Clock effectiveClock = clock != null ? clock : Clock.systemUTC();
            PartnerStore hostStore = store != null ? store : InMemoryPartnerStore.create();
            NavigatorIndex navigator = new NavigatorIndex(hostStore, taxonomy, categoryRelations, overlapSignal);
            ChangeFollower follower = ChangeFollower.from(hostStore, navigator, changePollInterval, effectiveClock);
            if (followFromBuild) {
                follower.startPolling();
            }
            return new EcosystemClient(new SdkContext(
                    // The index and the change follower read the host's store as it is (its own fast paths); every
                    // call of the SDK's engines goes through the argument checks.
                    new IndexingPartnerStore(ValidatingPartnerStore.wrap(hostStore), navigator),
                    crms != null ? crms : CrmConnections.none(),
                    mailer != null ? mailer : new InMemoryMailer(effectiveClock),
                    effectiveClock,
                    listener != null ? listener : EventListener.none(),
                    telemetry),
                    new OverlapEngine(overlapSettings), navigator,
                    introSettings != null ? introSettings : IntroSettings.defaults(),
                    follower, referralSettings,
                    partnershipSettings, revenueSource, payoutProvider, briefSettings);
        }
    }
}
