package dev.ecosystem.salesforce;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The benchmarks' door into sdk-salesforce's package-private Bulk API 2.0 reader (this class sits in the same package
 * on the benchmarks' class path; nothing depends on it): reading recorded CSV pages with {@link BulkCsvRows} and
 * {@link BulkAccountRows}, the same through a whole {@link BulkQuery} job served from memory, and the account mapping
 * alone, so that peers that parse differently map the same way.
 */
public final class BulkBench {
    private static final String VERSION = "62.0";
    private static final MediaType CSV = MediaType.get("text/csv");
    private static final MediaType JSON = MediaType.get("application/json");

    private final BulkAccountRows accounts;

    /** A reader for {@code tenant}'s accounts, with no custom fields. */
    public BulkBench(CompanyId tenant) {
        this.accounts = new BulkAccountRows(tenant, List.of());
    }

    /** The SOQL of a full Account read. */
    public String soql() {
        return accounts.soql();
    }

    /** Parses and maps every page (UTF-8 CSV with a header row, as Bulk API 2.0 sends) and returns the count. */
    public long parseAndMap(List<byte[]> pages, Consumer<Account> out) {
        return read(pages, accounts.sink(out));
    }

    /** Parses every page and hands every value of every row to {@code values}, without mapping. */
    public long parseOnly(List<byte[]> pages, Consumer<@Nullable String> values) {
        return read(pages, row -> {
            for (int i = 0; i < row.columns(); i++) {
                values.accept(row.get(i));
            }
        });
    }

    private static long read(List<byte[]> pages, BulkRowSink sink) {
        long rows = 0;
        for (byte[] page : pages) {
            try (BulkCsvRows reader = BulkCsvRows.open(new ByteArrayInputStream(page))) {
                while (reader.next()) {
                    sink.row(reader.row());
                }
                rows += reader.rowsRead();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    /**
     * A whole Bulk API 2.0 query job (create, one poll, every page by locator, delete) through {@link BulkQuery} and
     * OkHttp, with an interceptor answering from memory as Salesforce would, so that the figure has no network in it.
     */
    public long fullSync(List<byte[]> pages, Consumer<Account> out) {
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> answer(chain.request(), pages)).build();
        OrgSession session = new OrgSession(HttpUrl.get("https://bench.my.salesforce.com/"), "bench-token");
        BulkQuery query = new BulkQuery(http, () -> session, VERSION, BulkQuery.Settings.defaults(),
                Clock.systemUTC(), duration -> { });
        return query.run("Account", accounts.soql(), BulkQuery.Operation.QUERY, accounts.sink(out)).rows();
    }

    /** The mapping of one account's values, for peers that parse the CSV their own way. */
    public Account account(String id, @Nullable String name, @Nullable String website, @Nullable String country,
            @Nullable String owner, @Nullable String type, @Nullable String systemModstamp) {
        return accounts.account(id, name, website, country, owner, type, systemModstamp, Map.of());
    }

    private static Response answer(Request request, List<byte[]> pages) {
        Response.Builder response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200)
                .message("OK");
        String path = request.url().encodedPath();
        String job = "{\"id\":\"750R0000000zlh9IAA\",\"operation\":\"query\",\"object\":\"Account\","
                + "\"state\":\"%s\",\"numberRecordsProcessed\":0}";
        if (request.method().equals("DELETE")) {
            return response.code(204).message("No Content").body(ResponseBody.create(new byte[0], null)).build();
        }
        if (request.method().equals("POST")) {
            return response.body(ResponseBody.create(String.format(job, "UploadComplete"), JSON)).build();
        }
        if (!path.endsWith("/results")) {
            return response.body(ResponseBody.create(String.format(job, "JobComplete"), JSON)).build();
        }
        String locator = request.url().queryParameter("locator");
        int index = locator == null ? 0 : Integer.parseInt(locator);
        byte[] page = pages.get(index);
        return response.header(BulkQuery.LOCATOR_HEADER, index + 1 < pages.size() ? Integer.toString(index + 1)
                        : "null")
                .body(ResponseBody.create(page, CSV))
                .build();
    }
}
