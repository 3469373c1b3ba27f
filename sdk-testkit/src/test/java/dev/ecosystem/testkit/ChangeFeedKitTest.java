package dev.ecosystem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.spi.PartnerStore;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** How the kit treats a third-party store that does not implement the change feed. */
class ChangeFeedKitTest {
    /** The kit run on a {@link FeedlessStore}; not a test of its own (surefire skips nested classes). */
    static class KitOnFeedlessStore extends PartnerStoreContract {
        @Override
        protected PartnerStore createStore() {
            return new FeedlessStore(InMemoryPartnerStore.create());
        }
    }

    @Test
    @DisplayName("A store without a change feed fails every change feed test of the kit, saying what to implement")
    void storeWithoutFeed_failsTheKit_sayingWhatToImplement() {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();

        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectNestedClass(List.of(KitOnFeedlessStore.class), PartnerStoreContract.ChangeFeed.class))
                .build(), listener);

        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFoundCount()).isGreaterThan(10);
        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(summary.getFailures()).hasSize((int) summary.getTestsFoundCount())
                .allSatisfy(failure -> assertThat(failure.getException())
                        .hasMessageContaining("this PartnerStore has no change feed: implement "
                                + "StoreTransaction.changes()")
                        .hasMessageContaining("PartnerStoreContract"));
    }
}
