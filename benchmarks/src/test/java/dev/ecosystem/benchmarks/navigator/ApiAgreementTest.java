package dev.ecosystem.benchmarks.navigator;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.io.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Through the public API, the navigator's first page of 10 equals Lucene's top 10 (keys, order and score) for every
 * query of both benchmark mixes, before and after a bulk import of more companies (20k profiles, 300 queries).
 */
class ApiAgreementTest {
    @ParameterizedTest
    @ValueSource(doubles = {ZipfProfiles.OWN_MIX, ZipfProfiles.RARE_MIX})
    void firstPage_equalsLucenesTopTen_beforeAndAfterABulkImport(double mix) {
        ZipfProfiles data = ZipfProfiles.generate(20240101L, 20_000, 300, mix);
        int stored = 18_000;
        LuceneTags lucene = LuceneTags.build(data, stored);
        try (EcosystemClient client = ApiNetwork.client(ApiNetwork.companies(data, 0, stored))) {
            assertThatCode(() -> ApiNetwork.checkAgreement(client, lucene.searcher(), data, ApiNetwork.profiles(data)))
                    .doesNotThrowAnyException();

            new Network(ApiNetwork.companies(data, stored, data.size()), List.of())
                    .storeInto(client.store());
            lucene.add(data, stored, data.size());

            assertThatCode(() -> ApiNetwork.checkAgreement(client, lucene.searcher(), data, ApiNetwork.profiles(data)))
                    .doesNotThrowAnyException();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lucene.close();
        }
    }
}
