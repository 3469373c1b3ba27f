package dev.ecosystem.navigator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.spi.support.ForwardingTransaction;
import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.SizeBand;
import dev.ecosystem.navigator.CategoryRelations;
import dev.ecosystem.navigator.TagTaxonomy;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index loads the network once and takes even a bulk import of changed companies incrementally. */
class NavigatorIndexTest {
    private final InMemoryPartnerStore host = InMemoryPartnerStore.create();
    private NavigatorIndex index;

    @BeforeEach
    void setUp() {
        index = new NavigatorIndex(host, TagTaxonomy.none(), CategoryRelations.none(), null);
    }

    private List<CompanyId> store(int from, int to, String tag) {
        List<CompanyId> ids = new ArrayList<>();
        host.useTransaction(tx -> {
            for (int i = from; i < to; i++) {
                CompanyId id = CompanyId.of(String.format("c%06d", i));
                tx.companies().put(Company.builder(id, "Company " + i).businessTags(tag).listed(i % 10 != 0).build());
                ids.add(id);
            }
        });
        return ids;
    }

    @Test
    void bulkRefresh_updatesTheLoadedIndex_withoutListingTheNetworkAgain() {
        store(0, 1_000, "crm");
        assertThat(index.snapshot().liveCount()).isEqualTo(900);
        long loadedRevision = index.loadedRevision();
        // Stored behind the index's back: only a new load of the whole network would find it.
        store(50_001, 50_002, "crm");

        List<CompanyId> imported = store(1_000, 31_000, "analytics");
        List<CompanyId> retagged = store(0, 500, "analytics");
        List<CompanyId> changed = new ArrayList<>(imported);
        changed.addAll(retagged);
        index.refresh(changed);

        Snapshot snapshot = index.snapshot();
        assertThat(snapshot.doc("c050001")).as("no load: the network was not read again").isNegative();
        assertThat(index.loadedRevision()).isEqualTo(loadedRevision);
        assertThat(snapshot.liveCount()).isEqualTo(900 + 27_000);
        int analytics = index.dictionary().lookup("business:analytics");
        int crm = index.dictionary().lookup("business:crm");
        assertThat(snapshot.has(snapshot.doc("c000001"), analytics)).isTrue();
        assertThat(snapshot.has(snapshot.doc("c000001"), crm)).isFalse();
        assertThat(snapshot.has(snapshot.doc("c000501"), crm)).isTrue();
        assertThat(snapshot.doc("c030999")).isNotNegative();
        assertThat(snapshot.doc("c030990")).as("unlisted").isNegative();
    }

    @Test
    void refresh_readsTheRoleTagsOfTheChangedCompaniesContacts() {
        store(0, 10, "crm");
        index.snapshot();
        CompanyId id = CompanyId.of("c000003");
        host.useTransaction(tx -> {
            tx.contacts().put(Contact.builder(ContactId.of("ada"), id, "Ada", "ada@example.com").roleTags("cto")
                    .build());
            tx.contacts().put(Contact.builder(ContactId.of("bob"), id, "Bob", "bob@example.com")
                    .roleTags("cto", "sales").build());
        });

        index.refresh(List.of(id));

        Snapshot snapshot = index.snapshot();
        assertThat(terms(index, snapshot, snapshot.doc("c000003"))).contains("business:crm", "role:cto", "role:sales");
        assertThat(terms(index, snapshot, snapshot.doc("c000004"))).doesNotContain("role:cto");
    }

    @Test
    void loadedRevision_isTheFeedRevisionTheLoadReflects() {
        store(0, 10, "crm");
        long before = host.inTransaction(tx -> tx.changes().latestRevision());

        index.snapshot();

        assertThat(index.loadedRevision()).isEqualTo(before).isPositive();
    }

    @Test
    void load_fromTheInMemoryRecords_indexesWhatTheProfileTextGives() {
        host.useTransaction(tx -> {
            for (int i = 0; i < 300; i++) {
                CompanyId id = CompanyId.of(String.format("c%06d", i));
                tx.companies().put(Company.builder(id, "Company " + i).businessTags("crm", "tag-" + i % 7)
                        .industries("software", "retail-" + i % 3).regions("emea").sizeBand(SizeBand.values()[i % 3])
                        .productCategories("category-" + i % 5, "crm").signals("hiring")
                        .listed(i % 10 != 0).build());
                for (int c = 0; c < i % 3; c++) {
                    tx.contacts().put(Contact.builder(ContactId.of("p" + i + "-" + c), id, "Person", "p@example.com")
                            .roleTags("cto", "role-" + (i + c) % 4).build());
                }
            }
        });
        // The same store seen through a plain transaction: the index reads ListedProfile text instead.
        PartnerStore plain = new PartnerStore() {
            @Override
            public <T> T inTransaction(Function<StoreTransaction, T> work) {
                return host.inTransaction(tx -> work.apply(new ForwardingTransaction(tx) { }));
            }
        };
        NavigatorIndex fromText = new NavigatorIndex(plain, TagTaxonomy.none(), CategoryRelations.none(), null);
        // And through a transaction that streams bare values, as the JDBC store does.
        PartnerStore streaming = new PartnerStore() {
            @Override
            public <T> T inTransaction(Function<StoreTransaction, T> work) {
                return host.inTransaction(tx -> work.apply(new ValueStreaming(tx)));
            }
        };
        NavigatorIndex fromValues = new NavigatorIndex(streaming, TagTaxonomy.none(), CategoryRelations.none(), null);

        Snapshot records = index.snapshot();
        Snapshot text = fromText.snapshot();
        Snapshot values = fromValues.snapshot();

        assertThat(records.liveCount()).isEqualTo(text.liveCount()).isEqualTo(values.liveCount()).isEqualTo(270);
        for (int doc = 0; doc < records.maxDoc(); doc++) {
            assertThat(records.key(doc)).isEqualTo(text.key(doc)).isEqualTo(values.key(doc));
            assertThat(terms(index, records, doc)).as(records.key(doc)).isEqualTo(terms(fromText, text, doc))
                    .isEqualTo(terms(fromValues, values, doc))
                    .contains("business:crm", "industry:software", "region:emea", "signal:hiring");
        }
        assertThat(terms(index, records, records.doc("c000002"))).contains("role:cto", "role:role-2",
                "role:role-3", "primary:category-2", "size:" + SizeBand.values()[2].name().toLowerCase(Locale.ROOT));
    }

    /**
     * A transaction that hands its listed profiles over as bare values ({@link ListedValues}), role tags first and
     * each twice, as a store merging a contact cursor may, and says it holds no companies (a bound of 0 only sizes).
     */
    private static final class ValueStreaming extends ForwardingTransaction implements ListedValues {
        ValueStreaming(StoreTransaction delegate) {
            super(delegate);
        }

        @Override
        public long companyCount() {
            return 0;
        }

        @Override
        public void forEachListedValue(Sink sink) {
            delegate().forEachListedProfile(profile -> {
                send(sink, Field.ROLE_TAG, profile.roleTags());
                send(sink, Field.ROLE_TAG, profile.roleTags());
                send(sink, Field.BUSINESS_TAG, profile.businessTags());
                send(sink, Field.INDUSTRY, profile.industries());
                send(sink, Field.REGION, profile.regions());
                if (profile.sizeBand() != null) {
                    send(sink, Field.SIZE_BAND, List.of(profile.sizeBand().name()));
                }
                send(sink, Field.PRODUCT_CATEGORY, profile.productCategories());
                send(sink, Field.SIGNAL, profile.signals());
                sink.end(profile.id().value());
            });
        }

        /** Each value as a slice in the middle of a larger buffer, as a store reads it. */
        private static void send(Sink sink, Field field, List<String> values) {
            for (String value : values) {
                byte[] row = ("[\"" + value + "\"]").getBytes(StandardCharsets.UTF_8);
                sink.value(field, row, 2, row.length - 2);
            }
        }
    }

    private static List<String> terms(NavigatorIndex index, Snapshot snapshot, int doc) {
        return Arrays.stream(snapshot.terms(doc)).mapToObj(index.dictionary()::term).sorted().toList();
    }
}
