package dev.ecosystem.hubspot;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.http.QuotaStops;
import dev.ecosystem.spi.support.Cursors;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads and writes one HubSpot portal through {@link Transport}: paging, associations, search, write-back. */
final class Portal {
    /** HubSpot's largest page for list endpoints. */
    static final int LIST_MAX = 100;
    /** HubSpot's largest page for search. */
    static final int SEARCH_MAX = 200;
    /** HubSpot's largest batch for association reads. */
    static final int ASSOCIATION_BATCH_MAX = 1000;
    /** Search results lag writes by "a few moments": each pass re-reads this much before the previous one began. */
    static final Duration SEARCH_INDEX_LAG = Duration.ofMinutes(5);
    /** HubSpot-defined association type of a note to a company. */
    static final int NOTE_TO_COMPANY = 190;

    private static final String COMPANIES_LISTING = "hubspot/companies";
    private static final String DEALS_LISTING = "hubspot/deals";

    private final HubSpotApi api;
    private final ApiPaths paths;
    private final Transport transport;
    private final RecordMapper mapper;
    private final Clock clock;
    private final String companyProperties;
    private final String dealProperties;

    Portal(HubSpotApi api, ApiPaths paths, Transport transport, RecordMapper mapper, Clock clock) {
        this.api = api;
        this.paths = paths;
        this.transport = transport;
        this.mapper = mapper;
        this.clock = clock;
        this.companyProperties = String.join(",", mapper.companyProperties());
        this.dealProperties = String.join(",", mapper.dealProperties());
    }

    Page<Account> accounts(PageRequest request) {
        String after = after(COMPANIES_LISTING, request);
        Json.ObjectPage page = QuotaStops.withResumeCheckpoint(resumeCursor(COMPANIES_LISTING, request), () -> transport.execute(
                "list companies", false, Transport.Repeat.SAFE, () -> api.list(paths.objects(), "companies",
                        Math.min(request.size(), LIST_MAX), after, companyProperties, false)));
        List<Account> accounts = page.items().stream().map(mapper::account).toList();
        return new Page<>(accounts, next(COMPANIES_LISTING, page.paging()));
    }

    Page<Deal> deals(PageRequest request) {
        String after = after(DEALS_LISTING, request);
        return QuotaStops.withResumeCheckpoint(resumeCursor(DEALS_LISTING, request), () -> {
            Json.ObjectPage page = transport.execute("list deals", false, Transport.Repeat.SAFE,
                    () -> api.list(paths.objects(), "deals", Math.min(request.size(), LIST_MAX), after,
                            dealProperties, false));
            return new Page<>(withCompanies(page.items()), next(DEALS_LISTING, page.paging()));
        });
    }

    CrmChanges changes(@Nullable String checkpoint, int limit) {
        Checks.range(limit, 1, PageRequest.MAX_SIZE, "limit");
        ChangeCheckpoint start = (checkpoint == null ? ChangeCheckpoint.beginning()
                : ChangeCheckpoint.decode(checkpoint)).started(clock.instant());
        return QuotaStops.withResumeCheckpoint(start.encode(), () -> {
            List<Account> accounts = new ArrayList<>();
            List<Deal> deals = new ArrayList<>();
            ChangeCheckpoint at = start;
            boolean passDone = false;
            while (accounts.size() + deals.size() < limit) {
                int size = Math.min(SEARCH_MAX, limit - accounts.size() - deals.size());
                Json.SearchPage page = search(at, size);
                List<Json.CrmObject> found = page.items();
                if (at.type().equals(ChangeCheckpoint.COMPANIES)) {
                    found.forEach(company -> accounts.add(mapper.account(company)));
                } else {
                    deals.addAll(withCompanies(found));
                }
                if (!found.isEmpty() && Json.Paging.after(page.paging()) != null) {
                    at = at.after(Long.parseLong(found.get(found.size() - 1).id()));
                } else if (at.type().equals(ChangeCheckpoint.COMPANIES)) {
                    at = at.deals();
                } else {
                    Instant passStart = Checks.required(at.passStart(), "passStart");
                    at = at.nextPass(passStart.minus(SEARCH_INDEX_LAG));
                    passDone = true;
                    break;
                }
            }
            return new CrmChanges(accounts, deals, List.of(), List.of(), at.encode(), !passDone);
        });
    }

    /** A checkpoint whose pass reads what is modified from now on, less search's indexing lag. */
    String currentCheckpoint() {
        return ChangeCheckpoint.beginning().nextPass(clock.instant().minus(SEARCH_INDEX_LAG)).encode();
    }

    void setDealProperty(DealId deal, String property, String value) {
        transport.execute("update deal property " + property, false, Transport.Repeat.SAFE,
                () -> api.updateDeal(paths.objects(), deal.value(), new Json.PropertiesUpdate(Map.of(property, value))));
    }

    void addCompanyNote(AccountId company, String body) {
        Json.NoteCreate note = new Json.NoteCreate(
                Map.of("hs_timestamp", clock.instant().toString(), "hs_note_body", body),
                List.of(new Json.NoteAssociation(new Json.ObjectRef(company.value()),
                        List.of(new Json.AssociationSpec("HUBSPOT_DEFINED", NOTE_TO_COMPANY)))));
        // Creating a note is not idempotent: it is repeated only when HubSpot surely did not process it.
        transport.execute("create a note on a company", false, Transport.Repeat.ONLY_IF_NOT_PROCESSED,
                () -> api.createNote(paths.objects(), note));
    }

    private Json.SearchPage search(ChangeCheckpoint at, int size) {
        List<String> properties = at.type().equals(ChangeCheckpoint.COMPANIES)
                ? mapper.companyProperties() : mapper.dealProperties();
        Json.SearchRequest request = new Json.SearchRequest(
                List.of(new Json.FilterGroup(List.of(
                        new Json.Filter("hs_lastmodifieddate", "GTE", Long.toString(at.since().toEpochMilli())),
                        new Json.Filter("hs_object_id", "GT", Long.toString(at.afterId()))))),
                properties, List.of(new Json.Sort("hs_object_id", "ASCENDING")), size, null);
        return transport.execute("search " + at.type(), true, Transport.Repeat.SAFE,
                () -> api.search(paths.objects(), at.type(), request));
    }

    /** Deals with their companies, read in association batches, following each deal's own association paging. */
    private List<Deal> withCompanies(List<Json.CrmObject> deals) {
        Map<String, Set<String>> companies = new HashMap<>();
        deals.forEach(deal -> companies.put(deal.id(), new LinkedHashSet<>()));
        List<Json.BatchInput> pending = deals.stream().map(deal -> new Json.BatchInput(deal.id(), null)).toList();
        while (!pending.isEmpty()) {
            List<Json.BatchInput> next = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += ASSOCIATION_BATCH_MAX) {
                List<Json.BatchInput> batch = pending.subList(from, Math.min(pending.size(), from + ASSOCIATION_BATCH_MAX));
                Json.AssociationBatch result = transport.execute("read deal-company associations", false,
                        Transport.Repeat.SAFE,
                        () -> api.dealCompanies(paths.associations(), new Json.BatchRequest(batch)));
                for (Json.AssociationResult association : result.items()) {
                    Set<String> ids = companies.get(association.from().id());
                    if (ids == null) {
                        continue;
                    }
                    if (association.to() != null) {
                        association.to().forEach(target -> ids.add(target.toObjectId()));
                    }
                    String after = Json.Paging.after(association.paging());
                    if (after != null) {
                        next.add(new Json.BatchInput(association.from().id(), after));
                    }
                }
            }
            pending = next;
        }
        return deals.stream().map(deal -> mapper.deal(deal, Objects.requireNonNull(companies.get(deal.id())))).toList();
    }

    private static @Nullable String after(String listing, PageRequest request) {
        String after = Cursors.decode(listing, request.cursor());
        return after == null || after.isEmpty() ? null : after;
    }

    private static @Nullable String next(String listing, Json.@Nullable Paging paging) {
        String after = Json.Paging.after(paging);
        return after == null ? null : Cursors.encode(listing, after);
    }

    private static String resumeCursor(String listing, PageRequest request) {
        return request.cursor() != null ? request.cursor() : Cursors.encode(listing, "");
    }
}
