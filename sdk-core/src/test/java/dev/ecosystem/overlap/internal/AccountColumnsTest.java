package dev.ecosystem.overlap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.DealStatus;
import dev.ecosystem.model.Match;
import dev.ecosystem.model.Money;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.spi.StoredAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The columnar index and its join against simple references on random CRMs: every pair of accounts compared by
 * {@link MatchRule} (what the join must find), a fresh build (what incremental changes must give), the regular
 * expression normalizer (what the ASCII path must give) and the unbounded similarity.
 */
class AccountColumnsTest {
    private static final CompanyId ME = CompanyId.of("me");
    private static final CompanyId PARTNER = CompanyId.of("partner");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final String[] WORDS = {"acme", "acne", "globex", "globe", "initech", "umbrella", "umbrela",
        "hooli", "stark", "starx", "wayne", "wonka", "vandelay", "pied", "piper", "soylent", "tyrell", "cyberdyne"};
    private static final String[] LEGAL = {"", "", " Inc.", " LLC", " GmbH & Co. KG", " (US)", " S.A.", " Ltd"};
    private static final String[] HOSTS = {"", "www.", "https://", "HTTP://shop.", "eu."};
    private static final String[] SUFFIXES = {"com", "co.uk", "io", "de"};

    private final OverlapSettings settings = OverlapSettings.builder()
            .customPopulation("gold", a -> "gold".equals(a.properties().get("tier"))).build();
    private final Classifier classifier = new Classifier(settings,
            DomainRules.of(settings.privateSuffixes(), settings.genericDomains()));
    private final MatchRule rule = new MatchRule(settings, classifier.nameRules());

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void join_findsExactlyWhatComparingEveryPairFinds(long seed) {
        for (Keys myKeys : Keys.values()) {
            join_findsExactlyWhatComparingEveryPairFinds(seed, myKeys, Keys.values()[(int) seed % 3]);
        }
    }

    /**
     * Which match keys the accounts of a build have: none, current ones for every account, or current ones for some
     * and keys of other rules (which the build must recompute) for the rest.
     */
    private enum Keys {
        NONE, CURRENT, MIXED_WITH_STALE
    }

    private void join_findsExactlyWhatComparingEveryPairFinds(long seed, Keys myKeys, Keys theirKeys) {
        Random random = new Random(seed);
        List<Account> mine = accounts(ME, random, 150);
        List<Account> theirs = accounts(PARTNER, random, 150);
        List<Deal> myDeals = deals(ME, mine, random);
        List<Deal> theirDeals = deals(PARTNER, theirs, random);

        AccountColumns my = build(mine, myDeals, myKeys);
        AccountColumns their = build(theirs, theirDeals, theirKeys);
        MatchSet joined = PairMatches.join(my, their, settings, classifier).over(my, their, classifier);
        MatchSet reference = MatchSet.of(everyPair(mine, myDeals, theirs, theirDeals));

        assertThat(reference.groups()).extracting(g -> g.match().method())
                .as("the data has both kinds of match").contains(Match.Method.DOMAIN, Match.Method.NAME);
        assertThat(describe(joined.groups())).as("keys %s and %s", myKeys, theirKeys)
                .isEqualTo(describe(reference.groups()));
        int populations = settings.populations().size();
        assertThat(joined.counts(populations)).isDeepEqualTo(reference.counts(populations));
        assertThat(joined.homedCounts(populations)).isDeepEqualTo(reference.homedCounts(populations));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void changesNotedInBatches_giveTheColumnsOfAFreshBuild(long seed) {
        Random random = new Random(seed);
        Map<String, Account> accounts = new TreeMap<>();
        accounts(ME, random, 120).forEach(a -> accounts.put(a.id().value(), a));
        Map<String, Deal> deals = new TreeMap<>();
        deals(ME, List.copyOf(accounts.values()), random).forEach(d -> deals.put(d.id().value(), d));
        TenantIndex index = new TenantIndex(ME, classifier);
        index.reload(1, stored(List.copyOf(accounts.values()), Keys.MIXED_WITH_STALE), deals.values());
        long revision = 1;
        for (int batch = 0; batch < 6; batch++) {
            List<Account> put = new ArrayList<>();
            List<AccountId> removed = new ArrayList<>();
            List<Deal> putDeals = new ArrayList<>();
            List<DealId> removedDeals = new ArrayList<>();
            for (Account account : accounts(ME, random, 20)) {
                put.add(account);
                accounts.put(account.id().value(), account);
            }
            for (int k = 0; k < 8; k++) {
                String id = "me-" + random.nextInt(200);
                removed.add(AccountId.of(id));
                accounts.remove(id);
            }
            for (Deal deal : deals(ME, put, random)) {
                putDeals.add(deal);
                deals.put(deal.id().value(), deal);
            }
            for (int k = 0; k < 3 && !deals.isEmpty(); k++) {
                String id = new ArrayList<>(deals.keySet()).get(random.nextInt(deals.size()));
                removedDeals.add(DealId.of(id));
                deals.remove(id);
            }
            if (batch % 2 == 0) {
                index.columns(); // some batches are read in between, some are merged together
            }
            index.apply(revision, revision + 1, put, putDeals, removed, removedDeals);
            revision++;
        }
        TenantIndex fresh = new TenantIndex(ME, classifier);
        fresh.reload(revision, stored(List.copyOf(accounts.values()), Keys.NONE), deals.values());

        assertThat(index.revision()).isEqualTo(revision);
        assertThat(allFacts(index.columns())).isEqualTo(allFacts(fresh.columns()));
        assertThat(index.domains()).isEqualTo(fresh.domains());
        assertThat(index.withoutDomain()).isEqualTo(fresh.withoutDomain());
        assertThat(index.withNameBlock("acm")).isEqualTo(fresh.withNameBlock("acm"));
    }

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {0, 1, 2, 1000, 100_000})
    void sortByHighHalf_ordersHashesAndOrdinalsAsArraysSortDoes(int size) {
        Random random = new Random(size);
        long[] entries = new long[size];
        for (int ordinal = 0; ordinal < size; ordinal++) {
            // few distinct high halves among many entries, so that equal ones must keep their ordinal order
            long hash = random.nextBoolean() ? random.nextLong() : (long) random.nextInt(50) << 58;
            entries[ordinal] = (hash & 0xFFFFFFFF00000000L) | ordinal;
        }
        long[] expected = entries.clone();
        java.util.Arrays.sort(expected);

        long[] sorted = AccountColumns.sortByHighHalf(entries);

        assertThat(sorted).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} accounts")
    @ValueSource(ints = {1, 7, 5000})
    void withRest_findsExactlyTheAccountsOfARestsHighHalf(int size) {
        List<Account> accounts = new ArrayList<>();
        Random random = new Random(size);
        for (int i = 0; i < size; i++) {
            String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + i
                    + (i % 5 == 0 ? "x".repeat(300) : ""); // some names longer than a length byte holds
            accounts.add(account(ME, String.format("a%05d", i), name, i % 2 == 0 ? "" : "d" + i + ".com",
                    "lead"));
        }
        AccountColumns columns = build(accounts, List.of(), Keys.CURRENT);
        long[] byRest = columns.byRest();
        assertThat(byRest).hasSize(size);
        for (int ordinal = 0; ordinal < size; ordinal++) {
            long rest = columns.restCode(ordinal, AccountColumns.REST_FROM);
            long high = rest & 0xFFFFFFFF00000000L;
            Set<Integer> expected = new TreeSet<>();
            for (long entry : byRest) {
                if ((entry & 0xFFFFFFFF00000000L) == high) {
                    expected.add((int) entry);
                }
            }
            Set<Integer> found = new TreeSet<>();
            for (int k = columns.withRest(rest); k < byRest.length && (byRest[k] & 0xFFFFFFFF00000000L) == high; k++) {
                found.add((int) byRest[k]);
            }
            assertThat(found).contains(ordinal).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("The three rests of a name, hashed in one pass, are its rests after 3, 4 and 5 characters")
    void restCodes_ofOnePass_areTheRestsAfterThreeFourAndFiveCharacters() {
        for (String name : List.of("", "a", "ab c", "abc", "abcd", "abcde", "a b c d e f", "acme holdings",
                "  acme  ", "östergård shipping", "ромашка трейдинг", "株式会社 日立", "ab\u00e9d\u00e9f")) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            long[] rests = AccountColumns.restCodes(bytes, 0, bytes.length);
            for (int delta = -1; delta <= 1; delta++) {
                assertThat(rests[delta + 1]).as("%s after %d", name, AccountColumns.REST_FROM + delta)
                        .isEqualTo(AccountColumns.restCode(bytes, 0, bytes.length, AccountColumns.REST_FROM + delta));
            }
            String rest = name.replace(" ", "").codePointCount(0, name.replace(" ", "").length()) > 4
                    ? "x" : "";
            assertThat(rests[1] == 0).as("%s has a rest after 4", name).isEqualTo(rest.isEmpty());
        }
        assertThat(AccountColumns.restCode("acme holdings".getBytes(StandardCharsets.UTF_8), 0, 13, 4))
                .as("spaces do not count").isEqualTo(AccountColumns.restCode("acmeh oldings".getBytes(
                        StandardCharsets.UTF_8), 0, 13, 4));
    }

    @Test
    void charMasks_ofNamesWithinKEdits_differInAtMost2kBits() {
        Random random = new Random(7);
        for (int run = 0; run < 10_000; run++) {
            byte[] a = new byte[1 + random.nextInt(20)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) (random.nextBoolean() ? 'a' + random.nextInt(26) : '0' + random.nextInt(10));
            }
            StringBuilder edited = new StringBuilder(new String(a, StandardCharsets.US_ASCII));
            int edits = random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(edited.length() + 1);
                char c = (char) ('a' + random.nextInt(36) % 26);
                switch (random.nextInt(3)) {
                    case 0 -> edited.insert(at, c);
                    case 1 -> {
                        if (at < edited.length()) {
                            edited.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < edited.length()) {
                            edited.setCharAt(at, c);
                        }
                    }
                }
            }
            byte[] b = edited.toString().getBytes(StandardCharsets.US_ASCII);
            int differing = Integer.bitCount(AccountColumns.charMask(a, 0, a.length)
                    ^ AccountColumns.charMask(b, 0, b.length));
            assertThat(differing).as("%s -> %s", new String(a, StandardCharsets.US_ASCII), edited)
                    .isLessThanOrEqualTo(2 * edits);
        }
    }

    @Test
    void lookups_byRegistrableDomainAndNameBlock_findTheAccountsThatHaveThem() {
        List<Account> accounts = List.of(account(ME, "m1", "Acme Inc.", "https://www.acme.co.uk/x", "customer"),
                account(ME, "m2", "Acme Holdings", "shop.ACME.co.uk", "lead"),
                account(ME, "m3", "Acne Studios", null, "lead"),
                account(ME, "m4", "Globex", "globex.com", "lead"));
        TenantIndex index = new TenantIndex(ME, classifier);
        index.reload(3, stored(accounts, Keys.CURRENT), List.of());

        assertThat(index.withDomain("acme.co.uk")).extracting(f -> f.account().id().value())
                .containsExactly("m1", "m2");
        assertThat(index.withDomain("www.acme.co.uk")).as("only registrable domains are keys").isEmpty();
        assertThat(index.withDomain("initech.com")).isEmpty();
        assertThat(index.withNameBlock("acm")).extracting(f -> f.account().id().value())
                .containsExactly("m1", "m2");
        assertThat(index.withNameBlock("acn")).extracting(AccountFacts::name).containsExactly("acne studios");
        assertThat(index.withoutDomain()).extracting(f -> f.account().id().value()).containsExactly("m3");
        assertThat(index.withName("acme")).extracting(f -> f.account().id().value()).containsExactly("m1");
        assertThat(index.withName("acme holdings")).extracting(f -> f.account().id().value()).containsExactly("m2");
        assertThat(index.withName("acm")).isEmpty();
        assertThat(index.domains()).containsExactlyInAnyOrder("acme.co.uk", "globex.com");
    }

    @Test
    @DisplayName("The join finds typos in the first letters, Saint/St., folded letters and country domains, as explain does")
    void join_findsMatchesThatStartDifferently() {
        List<Account> mine = List.of(account(ME, "m1", "Riverside Dental", null, "customer"),
                account(ME, "m2", "Saint Mary Medical", null, "lead"),
                account(ME, "m3", "Østergaard Shipping", null, "lead"),
                account(ME, "m4", "Siemens AG", "siemens.de", "lead"),
                account(ME, "m5", "Valley National Bank", null, "lead"),
                account(ME, "m6", "Alpine Dental", null, "lead"),
                account(ME, "m7", "Ромашка Трейдинг", null, "lead"));
        List<Account> theirs = List.of(account(PARTNER, "p1", "Rverside Dental", null, "lead"),
                account(PARTNER, "p2", "St. Mary Medical", "https://www.linkedin.com/company/st-mary", "lead"),
                account(PARTNER, "p3", "Ostergaard Shipping A/S", null, "lead"),
                account(PARTNER, "p4", "Siemens Ltd", "siemens.co.uk", "customer"),
                account(PARTNER, "p5", "Valley National Tank", null, "lead"),
                account(PARTNER, "p6", "Alpine Rental Group", null, "lead"),
                account(PARTNER, "p7", "Рмашка Трейдинг", null, "lead"));
        for (Keys keys : Keys.values()) {
            List<MatchGroup> groups = joined(mine, theirs, keys);

            assertThat(describe(groups)).as("keys %s", keys).isEqualTo(describe(MatchSet.of(everyPair(mine,
                    List.of(), theirs, List.of())).groups()));
            assertThat(groups).extracting(g -> ids(g.mine()) + "~" + ids(g.theirs())).as("keys %s", keys)
                    .containsExactlyInAnyOrder("[m1]~[p1]", "[m2]~[p2]", "[m3]~[p3]", "[m4]~[p4]", "[m7]~[p7]");
        }
    }

    @Test
    @DisplayName("The join's two halves run at once, yet its groups come in the order one thread finds them")
    void join_listsDomainThenCountryDomainThenEachSidesNameMatches() {
        List<Account> mine = List.of(account(ME, "m1", "Riverside Dental", null, "customer"),
                account(ME, "m2", "Siemens AG", "siemens.de", "lead"),
                account(ME, "m3", "Initech", "initech.com", "lead"),
                account(ME, "m4", "Acme", "acme.com", "lead"),
                account(ME, "m5", "Umbrella Labs", null, "lead"));
        List<Account> theirs = List.of(account(PARTNER, "p1", "Initech Software", null, "lead"),
                account(PARTNER, "p2", "Acme Inc.", "https://www.acme.com/about", "customer"),
                account(PARTNER, "p3", "Siemens Ltd", "siemens.co.uk", "lead"),
                account(PARTNER, "p4", "Umbrela Labs", null, "lead"),
                account(PARTNER, "p5", "Rverside Dental", null, "lead"),
                account(PARTNER, "p6", "Initech", null, "lead"));
        for (Keys keys : Keys.values()) {
            List<MatchGroup> groups = joined(mine, theirs, keys);

            // domains, then country domains, then my accounts without a domain (ordinal order), then the partner's
            assertThat(groups).extracting(g -> ids(g.mine()) + "~" + ids(g.theirs())).as("keys %s", keys)
                    .containsExactly("[m4]~[p2]", "[m2]~[p3]", "[m1]~[p5]", "[m5]~[p4]", "[m3]~[p6]");
        }
    }

    @Test
    @DisplayName("Name matches found in chunks by two threads come in each side's ordinal order, mine first")
    void nameMatchesOfManyAccountsWithoutADomain_comeInOrderAcrossChunks() {
        int size = 4500; // more accounts without a domain a side than one chunk of the join's name queries holds
        List<Account> mine = new ArrayList<>();
        List<Account> theirs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String word = Integer.toString(i * 7919, 36); // five letters at most: a short word, equal or not
            mine.add(account(ME, String.format("m%05d", i), "Vendor " + word, i % 2 == 0 ? null : "mine" + i + ".com",
                    "lead"));
            theirs.add(account(PARTNER, String.format("p%05d", i), (i % 3 == 0 ? "Vendor " : "Supplier ") + word,
                    i % 4 == 1 ? "theirs" + i + ".com" : null, "lead"));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < size; i += 3) {
            if (i % 2 == 0) {
                expected.add(String.format("[m%05d]~[p%05d]", i, i)); // found by my account without a domain
            }
        }
        for (int i = 0; i < size; i += 3) {
            if (i % 2 != 0 && i % 4 != 1) {
                expected.add(String.format("[m%05d]~[p%05d]", i, i)); // found by the partner's
            }
        }

        List<MatchGroup> groups = joined(mine, theirs, Keys.CURRENT);

        assertThat(groups).extracting(g -> ids(g.mine()) + "~" + ids(g.theirs())).containsExactlyElementsOf(expected);
    }

    @Test
    void namesOfAnyLength_matchWithinTheirBlockAndReadBackWhole() {
        String longName = "Acme " + "x".repeat(300) + " Holdings";
        String longVariant = "Acme " + "x".repeat(300) + " Holdinqs";
        String unicodeName = "Acme Москва Трейдинг " + "ж".repeat(70);
        List<Account> mine = List.of(account(ME, "m1", longName, null, "customer"),
                account(ME, "m2", "Acme", null, "lead"), account(ME, "m3", unicodeName, null, "lead"),
                account(ME, "m4", "Acmes", "acmes.com", "lead"),
                account(ME, "m5", "Acme Holdings", "acmeholdings.de", "lead"));
        List<Account> theirs = List.of(account(PARTNER, "p1", longVariant, "acme-holdings.com", "lead"),
                account(PARTNER, "p2", "ACME Inc.", "acme.io", "customer"),
                account(PARTNER, "p3", "ACME Москва Трэйдинг " + "ж".repeat(70), null, "lead"),
                account(PARTNER, "p4", "Acme Holding", null, "lead"));
        AccountColumns my = build(mine, List.of());
        AccountColumns their = build(theirs, List.of());

        List<MatchGroup> groups = PairMatches.join(my, their, settings, classifier).over(my, their, classifier)
                .groups();

        assertThat(describe(groups)).isEqualTo(describe(MatchSet.of(everyPair(mine, List.of(), theirs, List.of()))
                .groups()));
        assertThat(groups).extracting(g -> ids(g.mine()) + "~" + ids(g.theirs()))
                .containsExactly("[m1]~[p1]", "[m2]~[p2]", "[m3]~[p3]", "[m5]~[p4]");
        assertThat(my.name(0)).isEqualTo(NameNormalizer.normalize(longName)).hasSizeGreaterThan(255);
        assertThat(my.name(2)).isEqualTo(NameNormalizer.normalize(unicodeName));
        assertThat(my.asciiNames).isFalse();
        assertThat(build(theirs.subList(0, 2), List.of()).asciiNames).isTrue();
    }

    /** The groups of the join of these accounts (no deals), each side's columns built with these keys. */
    private List<MatchGroup> joined(List<Account> mine, List<Account> theirs, Keys keys) {
        AccountColumns my = build(mine, List.of(), keys);
        AccountColumns their = build(theirs, List.of(), keys);
        return PairMatches.join(my, their, settings, classifier).over(my, their, classifier).groups();
    }

    private AccountColumns build(List<Account> accounts, List<Deal> deals) {
        return build(accounts, deals, Keys.NONE);
    }

    /** Columns of the accounts and deals as a store gives them: both ascending by id. */
    private AccountColumns build(List<Account> accounts, List<Deal> deals, Keys keys) {
        StoredAccounts stored = stored(accounts, keys);
        Deal[] byId = deals.toArray(new Deal[0]);
        Arrays.sort(byId, java.util.Comparator.comparing(d -> d.id().value()));
        return AccountColumns.build(stored.accounts().toArray(new Account[0]),
                stored.matchKeys().toArray(new byte[0][]), byId, classifier, null, true);
    }

    /** The accounts as a store gives them (ascending id) with these keys. */
    private StoredAccounts stored(List<Account> accounts, Keys keys) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(java.util.Comparator.comparing(a -> a.id().value()));
        List<byte[]> current = classifier.keys().of(sorted, classifier.normalizer());
        // other rules: private suffixes off and another generic domain, so another version
        Classifier other = new Classifier(settings, DomainRules.of(!settings.privateSuffixes(), Set.of("acme.com")));
        List<byte[]> stale = other.keys().of(sorted, other.normalizer());
        List<byte[]> chosen = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            chosen.add(switch (keys) {
                case NONE -> null;
                case CURRENT -> current.get(i);
                case MIXED_WITH_STALE -> i % 3 == 0 ? current.get(i) : i % 3 == 1 ? stale.get(i) : null;
            });
        }
        return new StoredAccounts(sorted, chosen);
    }

    /** The specification: two accounts match when {@link MatchRule} says so; domain matches group by domain. */
    private List<MatchGroup> everyPair(List<Account> mine, List<Deal> myDeals, List<Account> theirs,
            List<Deal> theirDeals) {
        List<AccountFacts> my = facts(mine, myDeals);
        List<AccountFacts> their = facts(theirs, theirDeals);
        Map<String, List<AccountFacts>> myByDomain = new TreeMap<>();
        Map<String, List<AccountFacts>> theirByDomain = new TreeMap<>();
        List<MatchGroup> groups = new ArrayList<>();
        for (AccountFacts a : my) {
            for (AccountFacts b : their) {
                Match match = rule.match(a, b);
                if (match != null && match.method() == Match.Method.DOMAIN) {
                    myByDomain.computeIfAbsent(match.key(), k -> new ArrayList<>()).add(a);
                    theirByDomain.computeIfAbsent(match.key(), k -> new ArrayList<>()).add(b);
                } else if (match != null) {
                    groups.add(new MatchGroup(match, List.of(a), List.of(b)));
                }
            }
        }
        myByDomain.forEach((domain, members) -> groups.add(new MatchGroup(
                new Match(Match.Method.DOMAIN, 1.0, domain), members.stream().distinct().toList(),
                theirByDomain.get(domain).stream().distinct().toList())));
        return groups;
    }

    private List<AccountFacts> facts(List<Account> accounts, List<Deal> deals) {
        DomainNormalizer normalizer = classifier.normalizer();
        return accounts.stream().sorted((a, b) -> a.id().value().compareTo(b.id().value())).map(account ->
                classifier.facts(account, deals.stream().filter(d -> d.accountIds().contains(account.id()))
                        .sorted((a, b) -> a.id().value().compareTo(b.id().value())).toList(), normalizer)).toList();
    }

    /** Groups as comparable text, in no particular order. */
    private static Set<String> describe(List<MatchGroup> groups) {
        return groups.stream().map(g -> g.match() + " " + ids(g.mine()) + " " + ids(g.theirs()) + " "
                + g.mine().stream().map(AccountFacts::toString).collect(Collectors.joining()) + " "
                + g.theirs().stream().map(AccountFacts::toString).collect(Collectors.joining()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> ids(List<AccountFacts> facts) {
        return facts.stream().map(f -> f.account().id().value()).toList();
    }

    private static Map<String, String> allFacts(AccountColumns columns) {
        DomainNormalizer normalizer = new DomainNormalizer(DomainRules.of(true,
                OverlapSettings.DEFAULT_GENERIC_DOMAINS));
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            facts.put(columns.accounts[i].id().value(), columns.facts(i, normalizer).toString());
        }
        return facts;
    }

    private static List<Account> accounts(CompanyId owner, Random random, int count) {
        Map<String, Account> accounts = new HashMap<>();
        String[] stages = {"customer", "lead", "opportunity", null};
        for (int n = 0; n < count; n++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            String name = typo(word, random) + (random.nextBoolean() ? " " + WORDS[random.nextInt(WORDS.length)] : "")
                    + LEGAL[random.nextInt(LEGAL.length)];
            int roll = random.nextInt(10);
            String domain = roll == 0 ? null : roll == 1 ? "gmail.com" : roll == 2 ? "10.0.0.1"
                    : HOSTS[random.nextInt(HOSTS.length)] + word + "." + SUFFIXES[random.nextInt(SUFFIXES.length)];
            String id = owner.value() + "-" + random.nextInt(200);
            Account.Builder account = Account.builder(owner, AccountId.of(id), random.nextInt(15) == 0 ? "&" : name)
                    .domain(domain).lifecycleStage(stages[random.nextInt(stages.length)]);
            if (random.nextInt(5) == 0) {
                account.property("tier", "gold");
            }
            accounts.put(id, account.build());
        }
        return new ArrayList<>(accounts.values());
    }

    private static List<Deal> deals(CompanyId owner, List<Account> accounts, Random random) {
        Map<String, Deal> deals = new LinkedHashMap<>();
        for (Account account : accounts) {
            int count = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
            for (int k = 0; k < count; k++) {
                DealStatus status = DealStatus.values()[random.nextInt(DealStatus.values().length)];
                Deal.Builder deal = Deal.builder(owner, DealId.of(account.id().value() + "-d" + random.nextInt(9)),
                        "Deal").account(account.id()).amount(Money.of("100", "USD")).stage("Qualification", status)
                        .createdAt(NOW);
                if (status != DealStatus.OPEN) {
                    deal.closeDate(java.time.LocalDate.of(2026, 11, 1));
                }
                AccountId other = accounts.get(random.nextInt(accounts.size())).id();
                if (random.nextInt(4) == 0 && !other.equals(account.id())) {
                    deal.account(other);
                }
                Deal built = deal.build();
                deals.put(built.id().value(), built);
            }
        }
        return new ArrayList<>(deals.values());
    }

    private static String typo(String word, Random random) {
        if (word.length() < 4 || random.nextInt(3) != 0) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        return word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at + 1);
    }

    private static Account account(CompanyId owner, String id, String name, String domain, String stage) {
        return Account.builder(owner, AccountId.of(id), name).domain(domain).lifecycleStage(stage).build();
    }
}
