package dev.ecosystem.benchmarks.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.salesforce.BulkBench;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A full sync of {@value #ACCOUNTS} Salesforce accounts from recorded Bulk API 2.0 CSV pages of
 * {@value #PAGE_SIZE} rows ({@link BulkAccountPages}: quoted names with commas, quotes and line breaks, nulls,
 * non-ASCII), parsed and mapped to the SDK's {@link Account}s, in one run:
 * <ul>
 *   <li>{@code bulkQuery}: sdk-salesforce's reader through a whole {@code BulkQuery} job (create, poll, pages by
 *       locator, delete) and OkHttp, answered from memory;</li>
 *   <li>{@code bulkCsvRows}: the same reader on the pages directly ({@code BulkCsvRows}, Jackson's streaming
 *       {@code CsvParser} at token level, one reused row view, columns by name once per page);</li>
 *   <li>{@code stringSplit}: the plain loop, lines split on {@code \n} and fields on {@code ,}, quotes stripped. It is
 *       wrong for quoted commas and line breaks: those rows (about 4.5%) come out malformed and are dropped;</li>
 *   <li>{@code jacksonMap} and {@code jacksonPojo}: Jackson's {@code CsvMapper} as usually used, a header schema
 *       reading every row into a {@code Map} or a POJO.</li>
 * </ul>
 * Every variant maps with the same function ({@code BulkAccountRows.account}), so only the parsing differs; each
 * {@code ...ParseOnly} variant is the same parser with the values handed to the blackhole unmapped. The score is
 * accounts per second (one operation is one account).
 *
 * <pre>
 * nice ./mvnw -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar BulkSyncBenchmark -f 1 -wi 1 -i 3 -prof gc
 * </pre>
 *
 * The retained heap per mapped account is {@link BulkAccountFootprint}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class BulkSyncBenchmark {
    static final int ACCOUNTS = 1_000_000;
    static final int PAGE_SIZE = 50_000;
    static final CompanyId TENANT = CompanyId.of("bench-tenant");
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectReader MAP_READER = CSV.readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader());
    private static final ObjectReader POJO_READER = CSV.readerFor(AccountCsv.class)
            .with(CsvSchema.emptySchema().withHeader());

    /** The seven values of an Account row, in the order of {@link BulkAccountPages#HEADER}. */
    @FunctionalInterface
    interface AccountFields {
        void accept(String id, @Nullable String name, @Nullable String website, @Nullable String country,
                @Nullable String owner, @Nullable String type, @Nullable String systemModstamp);
    }

    private List<byte[]> pages;
    private BulkBench bench;

    /** Generates the pages, and reports how many accounts the measured variant maps (once, outside the score). */
    @Setup(Level.Trial)
    public void generate(BenchmarkParams params) {
        pages = BulkAccountPages.generate(ACCOUNTS, PAGE_SIZE, 20261206L);
        bench = new BulkBench(TENANT);
        String variant = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Consumer<Account> drop = account -> { };
        long rows = switch (variant) {
            case "bulkQuery" -> bench.fullSync(pages, drop);
            case "bulkCsvRows", "bulkCsvRowsParseOnly" -> bench.parseAndMap(pages, drop);
            case "stringSplit", "stringSplitParseOnly" -> stringSplit(pages, mapping(bench, drop));
            case "jacksonMap", "jacksonMapParseOnly" -> jacksonMap(pages, mapping(bench, drop));
            default -> jacksonPojo(pages, mapping(bench, drop));
        };
        System.out.printf("%n%s maps %d of %d accounts; %d pages, %.1f MB of CSV%n", variant, rows, ACCOUNTS,
                pages.size(), pages.stream().mapToLong(page -> page.length).sum() / 1048576.0);
    }

    /** sdk-salesforce's reader through a whole query job. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long bulkQuery(Blackhole blackhole) {
        return bench.fullSync(pages, blackhole::consume);
    }

    /** sdk-salesforce's CSV reader and mapping on the pages. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long bulkCsvRows(Blackhole blackhole) {
        return bench.parseAndMap(pages, blackhole::consume);
    }

    /** sdk-salesforce's CSV reader alone. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long bulkCsvRowsParseOnly(Blackhole blackhole) {
        return bench.parseOnly(pages, blackhole::consume);
    }

    /** The plain {@code String.split} loop. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long stringSplit(Blackhole blackhole) {
        return stringSplit(pages, mapping(bench, blackhole::consume));
    }

    /** The plain {@code String.split} loop alone. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long stringSplitParseOnly(Blackhole blackhole) {
        return stringSplit(pages, consuming(blackhole));
    }

    /** Jackson's {@code CsvMapper} into a {@code Map} per row. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long jacksonMap(Blackhole blackhole) {
        return jacksonMap(pages, mapping(bench, blackhole::consume));
    }

    /** Jackson's {@code CsvMapper} into a {@code Map} per row, alone. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long jacksonMapParseOnly(Blackhole blackhole) {
        return jacksonMap(pages, consuming(blackhole));
    }

    /** Jackson's {@code CsvMapper} into a POJO per row. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long jacksonPojo(Blackhole blackhole) {
        return jacksonPojo(pages, mapping(bench, blackhole::consume));
    }

    /** Jackson's {@code CsvMapper} into a POJO per row, alone. */
    @Benchmark
    @OperationsPerInvocation(ACCOUNTS)
    public long jacksonPojoParseOnly(Blackhole blackhole) {
        return jacksonPojo(pages, consuming(blackhole));
    }

    /** Maps each row's values as sdk-salesforce does and hands the account on. */
    static AccountFields mapping(BulkBench bench, Consumer<Account> out) {
        return (id, name, website, country, owner, type, modstamp) ->
                out.accept(bench.account(id, name, website, country, owner, type, modstamp));
    }

    private static AccountFields consuming(Blackhole blackhole) {
        return (id, name, website, country, owner, type, modstamp) -> {
            blackhole.consume(id);
            blackhole.consume(name);
            blackhole.consume(website);
            blackhole.consume(country);
            blackhole.consume(owner);
            blackhole.consume(type);
            blackhole.consume(modstamp);
        };
    }

    /** The naive loop; rows that do not split into seven fields are dropped (a naive loop would fail on them). */
    static long stringSplit(List<byte[]> pages, AccountFields out) {
        long mapped = 0;
        for (byte[] page : pages) {
            String[] lines = new String(page, StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                String id = f.length == 7 ? unquote(f[0]) : null;
                if (id == null) {
                    continue;
                }
                out.accept(id, unquote(f[1]), unquote(f[2]), unquote(f[3]), unquote(f[4]), unquote(f[5]),
                        unquote(f[6]));
                mapped++;
            }
        }
        return mapped;
    }

    /** Jackson's {@code CsvMapper} reading each row into a {@code Map<String, String>}. */
    static long jacksonMap(List<byte[]> pages, AccountFields out) {
        long mapped = 0;
        for (byte[] page : pages) {
            try (MappingIterator<Map<String, String>> rows = MAP_READER.readValues(page)) {
                while (rows.hasNextValue()) {
                    Map<String, String> row = rows.nextValue();
                    out.accept(Objects.requireNonNull(row.get("Id")), row.get("Name"), row.get("Website"), row.get("BillingCountry"),
                            row.get("OwnerId"), row.get("Type"), row.get("SystemModstamp"));
                    mapped++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mapped;
    }

    /** Jackson's {@code CsvMapper} reading each row into an {@link AccountCsv}. */
    static long jacksonPojo(List<byte[]> pages, AccountFields out) {
        long mapped = 0;
        for (byte[] page : pages) {
            try (MappingIterator<AccountCsv> rows = POJO_READER.readValues(page)) {
                while (rows.hasNextValue()) {
                    AccountCsv row = rows.nextValue();
                    out.accept(row.id, row.name, row.website, row.billingCountry, row.ownerId, row.type,
                            row.systemModstamp);
                    mapped++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mapped;
    }

    /** The {@code Map} reader of the naive Jackson use. */
    static ObjectReader mapReader() {
        return MAP_READER;
    }

    private static @Nullable String unquote(String field) {
        if (field.isEmpty()) {
            return null;
        }
        String text = field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1) : field;
        return text.replace("\"\"", "\"");
    }

    /** An Account row as a POJO for Jackson's data binding. */
    public static final class AccountCsv {
        /** Id. */
        @JsonProperty("Id")
        public String id = "";
        /** Name. */
        @JsonProperty("Name")
        public @Nullable String name;
        /** Website. */
        @JsonProperty("Website")
        public @Nullable String website;
        /** BillingCountry. */
        @JsonProperty("BillingCountry")
        public @Nullable String billingCountry;
        /** OwnerId. */
        @JsonProperty("OwnerId")
        public @Nullable String ownerId;
        /** Type. */
        @JsonProperty("Type")
        public @Nullable String type;
        /** SystemModstamp. */
        @JsonProperty("SystemModstamp")
        public @Nullable String systemModstamp;
    }
}
