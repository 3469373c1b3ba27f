package dev.ecosystem.attribution;

import static dev.ecosystem.attribution.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.AttributionModel;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Money;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property: over random ledgers (a seeded loop, so a failure names its seed), every model's credits of a deal sum to
 * the deal's amount exactly, no credit is negative for a positive amount, and a re-run gives identical credits.
 */
class SumToAmountPropertyTest {
    private static final int LEDGERS = 150;

    @Test
    @DisplayName("credits per deal sum to the deal amount to the cent, for every model, on 150 random ledgers")
    void creditsSumToDealAmount() {
        for (int seed = 1; seed <= LEDGERS; seed++) {
            Random random = new Random(seed);
            AttributionData data = randomLedger(random);
            Attribution attribution = Attribution.builder()
                    .lookback(Duration.ofDays(random.nextInt(400)))
                    .fxRates(FxRates.table().rate("EUR", "USD", LocalDate.of(2020, 1, 1), "1.0837").build())
                    .build();
            List<AttributionModel> models = new ArrayList<>(AttributionModel.all());
            models.add(AttributionModel.timeDecay(Duration.ofSeconds(1 + random.nextInt(5_000_000))));
            double first = random.nextInt(101) / 100.0;
            double last = random.nextInt(101 - (int) Math.round(first * 100)) / 100.0;
            models.add(AttributionModel.positionBased(first + last == 0 ? 0.5 : first, last));
            for (AttributionModel model : models) {
                AttributionResult result = attribution.attribute(data, model);
                Map<DealId, BigDecimal> sums = result.credits().stream().collect(Collectors.groupingBy(
                        Credit::deal, Collectors.reducing(BigDecimal.ZERO, c -> c.amount().amount(),
                                BigDecimal::add)));
                for (Deal deal : data.deals()) {
                    BigDecimal sum = sums.get(deal.id());
                    if (sum != null) {
                        assertThat(sum).as("seed %d, model %s, deal %s", seed, model, deal.id())
                                .isEqualByComparingTo(expectedAmount(deal));
                    }
                }
                assertThat(result.credits()).as("seed %d, model %s", seed, model)
                        .allSatisfy(c -> assertThat(c.amount().amount().signum()).isPositive());
                assertThat(attribution.attribute(data, model).credits()).as("re-run, seed %d", seed)
                        .isEqualTo(result.credits());
            }
        }
    }

    private static BigDecimal expectedAmount(Deal deal) {
        BigDecimal amount = deal.amount().amount();
        if (!deal.amount().currency().getCurrencyCode().equals("USD")) {
            amount = amount.multiply(new BigDecimal("1.0837"));
        }
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private static AttributionData randomLedger(Random random) {
        int dealCount = 1 + random.nextInt(30);
        int partnerCount = 1 + random.nextInt(12);
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        List<Deal> deals = new ArrayList<>();
        for (int d = 0; d < dealCount; d++) {
            Instant created = base.plusSeconds(random.nextInt(300 * 86_400));
            DealStatus status = DealStatus.values()[random.nextInt(3)];
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(random.nextBoolean() ? 100 : 100_000_000), 2);
            deals.add(Deal.builder(TENANT, DealId.of("d" + d), "deal " + d)
                    .account(AccountId.of("a" + random.nextInt(10)))
                    .amount(new Money(amount, java.util.Currency.getInstance(random.nextInt(4) == 0 ? "EUR" : "USD")))
                    .stage(status.name(), status)
                    .createdAt(created)
                    .closeDate(status == DealStatus.OPEN ? null
                            : LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(random.nextInt(200)))
                    .build());
        }
        List<Touchpoint> ledger = new ArrayList<>();
        Map<Integer, Touchpoint> byIndex = new HashMap<>();
        int touches = random.nextInt(dealCount * 8);
        for (int i = 0; i < touches; i++) {
            Deal deal = deals.get(random.nextInt(dealCount));
            boolean accountOnly = random.nextInt(10) == 0;
            Instant at = random.nextInt(5) == 0 ? deal.createdAt()
                    : deal.createdAt().plusSeconds(random.nextInt(400 * 86_400) - 200L * 86_400);
            Touchpoint t = Touchpoint.builder(TouchpointId.of(String.format("t%05d", i)), TENANT,
                    CompanyId.of("p" + random.nextInt(partnerCount)),
                    TouchpointKind.values()[random.nextInt(TouchpointKind.values().length)], at)
                    .account(accountOnly ? deal.accountIds().get(0) : null).deal(accountOnly ? null : deal.id())
                    .reverses(i > 0 && random.nextInt(15) == 0 ? byIndex.get(random.nextInt(i)).id() : null)
                    .build();
            byIndex.put(i, t);
            ledger.add(t);
        }
        return AttributionData.of(TENANT, deals, ledger);
    }
}
