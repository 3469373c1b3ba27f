package dev.ecosystem.jdbc;

import static dev.ecosystem.testkit.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.testkit.StoreFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored JSON body of an introduction keeps the shape Jackson wrote when {@code Introduction} was a record. */
class IntroductionBodyTest {

    @Test
    void body_namesEveryField_inTheRecordsOrder_andReadsBackEqual() {
        Introduction intro = StoreFixtures.moved(StoreFixtures.introduction("i1", CompanyId.of("acme"),
                CompanyId.of("globex")), IntroductionStatus.AWAITING_CONSENT, T0.plusSeconds(60))
                .withJointEntry(OutboxEntryId.of("joint-1")).withVersion(4);

        String json = Columns.json(IntroductionBody.of(intro));

        List<String> names = new ArrayList<>();
        JsonNode tree = Columns.tree(json);
        tree.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "requesterCompany", "requester", "targetCompany", "target",
                "introducer", "context", "sharedFacts", "account", "deal", "prospect", "status", "consents",
                "history", "createdAt", "updatedAt", "expiresAt", "nextDueAt", "jointEntry", "version");
        assertThat(Columns.record(json, IntroductionBody.class).introduction()).isEqualTo(intro);
    }
}
