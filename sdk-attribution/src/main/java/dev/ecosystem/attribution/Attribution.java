package dev.ecosystem.attribution;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.intro.FunnelCounts;
import dev.ecosystem.intro.IntroFunnel;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CommissionLine;
import dev.ecosystem.model.CommissionPlan;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.PayoutStatus;
import dev.ecosystem.program.PartnerView;
import dev.ecosystem.program.ProgramStanding;
import dev.ecosystem.program.RevenueSource;
import dev.ecosystem.referral.RegistrationCounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The attribution entry point: runs models over a tenant's {@link AttributionData}, and builds partner metrics,
 * commission statements and partner scorecards on top. Immutable and thread-safe.
 *
 * <pre>{@code
 * Attribution attribution = Attribution.builder()
 *         .reportingCurrency("USD")
 *         .fxRates(FxRates.table().rate("GBP", "USD", LocalDate.of(2024, 1, 1), "1.27").build())
 *         .lookback(Duration.ofDays(180))
 *         .build();
 * AttributionData data = AttributionData.read(store, tenant);
 * AttributionResult linear = attribution.attribute(data, AttributionModel.linear());
 * Map<CompanyId, Money> revenueByPartner = linear.totalsByPartner();
 * IntroFunnel funnel = client.as(tenant).intros().funnel(from, to, ChronoUnit.MONTHS);
 * Scorecard card = attribution.scorecard(data, partner, "Northwind", ReportPeriod.quarter(2025, 1), funnel);
 * }</pre>
 *
 * <p>Every result is a pure function of the data, the models and this configuration (the clock only decides which
 * retention marks have passed and the scorecard's date): re-running gives the same figures to the cent. See the
 * package documentation for the rounding rule.
 */
public final class Attribution {
    private final Currency currency;
    private final FxRates rates;
    private final Duration lookback;
    private final Clock clock;

    private Attribution(Builder builder) {
        this.currency = builder.currency;
        this.rates = builder.rates;
        this.lookback = builder.lookback;
        this.clock = builder.clock;
    }

    /** A builder: USD, no FX rates (one currency only), 180 days of lookback, the system UTC clock. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Shares every deal's amount among its partners under the model.
     *
     * @throws ValidationException when a deal's currency has no FX rate on its conversion day
     */
    public AttributionResult attribute(AttributionData data, AttributionModel model) {
        Checks.required(data, "data");
        Checks.required(model, "model");
        return attribute(data, model, data.amountsIn(currency, rates));
    }

    /** Every partner's metrics for the period, by partner id. */
    public List<PartnerMetrics> metrics(AttributionData data, ReportPeriod period) {
        Checks.required(data, "data");
        Checks.required(period, "period");
        return metricsOf(data, period).all();
    }

    /** One partner's metrics for the period; zeros when it has no credit. */
    public PartnerMetrics metrics(AttributionData data, ReportPeriod period, CompanyId partner) {
        Checks.required(data, "data");
        Checks.required(period, "period");
        Checks.required(partner, "partner");
        int p = data.partnerIndex(partner);
        if (p < 0) {
            return empty(partner, period, metricsOf(data, period));
        }
        return metricsOf(data, period).of(p);
    }

    /** The partner's commission statement for the period, in {@link PayoutStatus#DRAFT}, without a partner tier. */
    public CommissionStatement statement(AttributionData data, CommissionPlan plan, CompanyId partner,
                                         ReportPeriod period) {
        return statement(data, plan, partner, null, period);
    }

    /**
     * The partner's commission statement for the period, in {@link PayoutStatus#DRAFT}: the earnings, tier
     * adjustments and clawbacks whose day falls in the period.
     *
     * @param partnerTier the partner's tier for the plan's tier rates, or {@code null}
     */
    public CommissionStatement statement(AttributionData data, CommissionPlan plan, CompanyId partner,
                                         @Nullable String partnerTier, ReportPeriod period) {
        Checks.required(data, "data");
        Checks.required(plan, "plan");
        Checks.required(partner, "partner");
        Checks.required(period, "period");
        int p = data.partnerIndex(partner);
        List<CommissionLine> lines = new ArrayList<>();
        if (p >= 0) {
            long[] amounts = data.amountsIn(currency, rates);
            AttributionResult credits = attribute(data, plan.model(), amounts);
            for (CommissionLine line : new Commissions(data, amounts, credits, plan, partnerTier, rates)
                    .linesFor(p)) {
                if (period.contains(line.day())) {
                    lines.add(line);
                }
            }
        }
        return new CommissionStatement(partner, period, plan.name(), currency, lines, PayoutStatus.DRAFT);
    }

    /**
     * The partner's commission statement for the period under its program: the program's commission plan at the
     * tier the partner holds in it, so a host writes
     * {@code attribution.statement(data, scope.programs().standing(partner), period)}.
     *
     * @param standing the partner's program and tier, from {@code scope.programs().standing(partner)}
     * @throws ValidationException when the data is not the program vendor's
     */
    public CommissionStatement statement(AttributionData data, ProgramStanding standing, ReportPeriod period) {
        Checks.required(data, "data");
        Checks.required(standing, "standing");
        if (!data.tenant().equals(standing.program().vendor())) {
            throw new ValidationException("data must be of the program's vendor " + standing.program().vendor()
                    + ", but was of " + data.tenant());
        }
        return statement(data, standing.program().terms().commission(), standing.partner(), standing.tier(), period);
    }

    /**
     * The {@link RevenueSource} of programs' {@code SOURCED_REVENUE} tier thresholds, measured like
     * {@link PartnerMetrics#sourcedRevenue()} in this instance's reporting currency: wire it with
     * {@code EcosystemClient.builder().revenueSource(attribution.sourcedRevenue(vendor ->
     * AttributionData.read(store, vendor)))}. The data is read once per tier review, outside any store transaction.
     *
     * @param data the vendor's deals and ledger, read when a review needs them
     */
    public RevenueSource sourcedRevenue(Function<CompanyId, AttributionData> data) {
        Checks.required(data, "data");
        return (vendor, partners, from, toExclusive) -> {
            AttributionData vendors = Checks.required(data.apply(vendor), "data of " + vendor);
            if (!vendors.tenant().equals(vendor)) {
                throw new ValidationException("the revenue source's data must be of vendor " + vendor
                        + ", but was of " + vendors.tenant());
            }
            Map<CompanyId, BigDecimal> revenue = new HashMap<>();
            for (PartnerMetrics metrics : metrics(vendors, ReportPeriod.custom(from, toExclusive))) {
                if (partners.contains(metrics.partner())) {
                    revenue.put(metrics.partner(), metrics.sourcedRevenue().amount());
                }
            }
            return revenue;
        };
    }

    /**
     * The partner's scorecard for the period, without an introductions section. It holds only this partner's
     * figures.
     */
    public Scorecard scorecard(AttributionData data, CompanyId partner, String partnerName, ReportPeriod period) {
        return scorecard(data, partner, partnerName, period, (FunnelCounts) null, null);
    }

    /**
     * The partner's scorecard for the period, taking the partner's row of the vendor's introduction funnel as it
     * comes from {@code intros().funnel(...)}. It holds only this partner's figures.
     *
     * <pre>{@code
     * IntroFunnel funnel = client.as(vendor).intros().funnel(from, to, ChronoUnit.MONTHS);
     * Scorecard card = attribution.scorecard(data, partner, "Northwind", ReportPeriod.custom(fromDay, toDay), funnel);
     * }</pre>
     *
     * @param funnel the acting vendor's introduction funnel over the same period; only its row for {@code partner}
     *     is used (none when it had no introductions with this partner)
     */
    public Scorecard scorecard(AttributionData data, CompanyId partner, String partnerName, ReportPeriod period,
                               IntroFunnel funnel) {
        return scorecard(data, partner, partnerName, period, funnel, null);
    }

    /**
     * As {@link #scorecard(AttributionData, CompanyId, String, ReportPeriod, IntroFunnel)}, with the registrations
     * section.
     *
     * @param registrations what the partner's referrals did in the period; {@code null} when it registered none
     */
    public Scorecard scorecard(AttributionData data, CompanyId partner, String partnerName, ReportPeriod period,
                               IntroFunnel funnel, @Nullable RegistrationCounts registrations) {
        Checks.required(funnel, "funnel");
        Checks.required(partner, "partner");
        return scorecard(data, partner, partnerName, period, funnel.byPartner().get(partner), registrations);
    }

    /**
     * The partner's scorecard for the period. It holds only this partner's figures.
     *
     * @param introductions the partner's introduction funnel for the period, such as
     *     {@code scope.intros().funnel(from, to, ChronoUnit.WEEKS).byPartner().get(partner)}; {@code null} when
     *     there were no introductions with this partner
     */
    public Scorecard scorecard(AttributionData data, CompanyId partner, String partnerName, ReportPeriod period,
                               @Nullable FunnelCounts introductions) {
        return scorecard(data, partner, partnerName, period, introductions, null);
    }

    /**
     * The scorecard a verified partner-view token grants, for a host's page that shows a partner its own figures
     * without a login: the token's partner with the token's vendor for the period, with its registrations section,
     * and nothing about any other partner.
     *
     * <pre>{@code
     * PartnerView view = client.partnerView(request.queryParam("token"));
     * String page = attribution.scorecard(client, view, ReportPeriod.quarter(2026, 4)).toHtml();
     * }</pre>
     *
     * @throws dev.ecosystem.error.AccessDeniedException when the token expired since it was verified, or the partnership
     *     ended
     */
    public Scorecard scorecard(EcosystemClient client, PartnerView view, ReportPeriod period) {
        Checks.required(client, "client");
        Checks.required(view, "view");
        Checks.required(period, "period");
        // Read through the grant first: it refuses an expired token or an ended partnership before anything is read.
        RegistrationCounts registrations = view.registrations(period.start().atStartOfDay(ZoneOffset.UTC).toInstant(),
                period.end().atStartOfDay(ZoneOffset.UTC).toInstant());
        Company partner = client.store().inTransaction(tx -> tx.companies().get(view.partner()));
        return scorecard(AttributionData.read(client.as(view.vendor())), view.partner(),
                partner == null ? view.partner().value() : partner.name(), period, (FunnelCounts) null, registrations);
    }

    /**
     * The partner's scorecard for the period, with its registrations section. It holds only this partner's figures.
     *
     * @param introductions as for {@link #scorecard(AttributionData, CompanyId, String, ReportPeriod, FunnelCounts)}
     * @param registrations what the partner's referrals did in the period, such as
     *     {@code scope.referrals().counts(partner, from, to)}; {@code null} when it registered none
     */
    public Scorecard scorecard(AttributionData data, CompanyId partner, String partnerName, ReportPeriod period,
                               @Nullable FunnelCounts introductions, @Nullable RegistrationCounts registrations) {
        Checks.required(data, "data");
        Checks.required(partner, "partner");
        Checks.required(period, "period");
        long[] amounts = data.amountsIn(currency, rates);
        AttributionResult sourced = attribute(data, AttributionModel.sourced(), amounts);
        AttributionResult influenced = attribute(data, AttributionModel.influenced(), amounts);
        Metrics all = new Metrics(data, amounts, sourced, influenced, period, today());
        int p = data.partnerIndex(partner);
        PartnerMetrics m = p < 0 ? empty(partner, period, all) : all.of(p);
        YearMonth last = YearMonth.from(period.end().minusDays(1));
        long[] sourcedByMonth = new long[12];
        long[] influencedByMonth = new long[12];
        if (p >= 0) {
            addByMonth(data, sourced, p, last, sourcedByMonth);
            addByMonth(data, influenced, p, last, influencedByMonth);
        }
        List<Scorecard.MonthlyPipeline> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(new Scorecard.MonthlyPipeline(last.minusMonths(11 - i), sourced.money(sourcedByMonth[i]),
                    sourced.money(influencedByMonth[i])));
        }
        return Scorecard.builder().partner(partner).partnerName(partnerName).period(period).generatedOn(today())
                .sourcedPipeline(m.sourcedPipeline()).influencedPipeline(m.influencedPipeline())
                .sourcedRevenue(m.sourcedRevenue()).influencedRevenue(m.influencedRevenue())
                .dealsCreated(m.dealsCreated()).dealsWon(m.dealsWon()).winRate(m.winRate().partner())
                .averageDealSize(m.averageDealSize().partner()).salesCycleDays(m.salesCycleDays().partner())
                .retention6Months(m.retention6Months().partner()).retention12Months(m.retention12Months().partner())
                .pipeline(months)
                .introductions(introductions != null ? introductions
                        : new FunnelCounts(0, 0, 0, 0, 0, 0, 0, null, null))
                .registrations(registrations != null ? registrations : RegistrationCounts.none())
                .build();
    }

    private AttributionResult attribute(AttributionData data, AttributionModel model, long[] amounts) {
        long lookbackMillis = lookback.toMillis();
        return new AttributionResult(data, model, currency, lookbackMillis,
                new Engine(data, model, lookbackMillis).run(amounts));
    }

    private Metrics metricsOf(AttributionData data, ReportPeriod period) {
        long[] amounts = data.amountsIn(currency, rates);
        return new Metrics(data, amounts, attribute(data, AttributionModel.sourced(), amounts),
                attribute(data, AttributionModel.influenced(), amounts), period, today());
    }

    private PartnerMetrics empty(CompanyId partner, ReportPeriod period, Metrics all) {
        Money zero = new Money(java.math.BigDecimal.valueOf(0, Math.max(0, currency.getDefaultFractionDigits())),
                currency);
        PartnerMetrics direct = all.all().isEmpty() ? null : all.of(0);
        PartnerMetrics.Comparison none = new PartnerMetrics.Comparison(null, null);
        return new PartnerMetrics(partner, period, zero, zero, zero, zero, 0, 0, 0,
                direct == null ? none : new PartnerMetrics.Comparison(null, direct.winRate().direct()),
                direct == null ? none : new PartnerMetrics.Comparison(null, direct.averageDealSize().direct()),
                direct == null ? none : new PartnerMetrics.Comparison(null, direct.salesCycleDays().direct()),
                direct == null ? none : new PartnerMetrics.Comparison(null, direct.retention6Months().direct()),
                direct == null ? none : new PartnerMetrics.Comparison(null, direct.retention12Months().direct()));
    }

    private static void addByMonth(AttributionData data, AttributionResult result, int p, YearMonth last,
                                   long[] byMonth) {
        Credits table = result.table();
        YearMonth first = last.minusMonths(11);
        for (int i = 0; i < table.size(); i++) {
            if (table.partner(i) != p) {
                continue;
            }
            YearMonth created = YearMonth.from(data.deals().get(table.deal(i)).createdAt().atZone(ZoneOffset.UTC));
            if (!created.isBefore(first) && !created.isAfter(last)) {
                byMonth[(int) (created.getYear() * 12L + created.getMonthValue() - first.getYear() * 12L
                        - first.getMonthValue())] += table.minor(i);
            }
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Configures an {@link Attribution}. */
    public static final class Builder {
        private Currency currency = Currency.getInstance("USD");
        private FxRates rates = FxRates.table().build();
        private Duration lookback = Duration.ofDays(180);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The currency every figure is reported in (ISO 4217), default USD. */
        public Builder reportingCurrency(String code) {
            this.currency = Money.currency(Checks.required(code, "reportingCurrency"));
            return this;
        }

        /** Where FX rates come from; default a table without rates (only the reporting currency converts). */
        public Builder fxRates(FxRates fxRates) {
            this.rates = Checks.required(fxRates, "fxRates");
            return this;
        }

        /** How long before a deal's creation a touch still counts, 0 to 10 years; default 180 days. */
        public Builder lookback(Duration window) {
            Checks.required(window, "lookback");
            if (window.isNegative() || window.compareTo(Duration.ofDays(3660)) > 0) {
                throw new ValidationException("lookback must be between 0 and 3660 days, but was " + window);
            }
            this.lookback = window;
            return this;
        }

        /** The clock for retention marks and scorecard dates; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Checks.required(clock, "clock");
            return this;
        }

        /** Builds the configured attribution. */
        public Attribution build() {
            return new Attribution(this);
        }
    }
}
