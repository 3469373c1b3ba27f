package dev.ecosystem.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BulkCsvRowsTest {

    /** Every row of {@code csv} as a list of values (nulls kept). */
    static List<List<String>> read(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BulkCsvRows reader = BulkCsvRows.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            while (reader.next()) {
                BulkRow row = reader.row();
                String[] values = new String[row.columns()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                rows.add(Arrays.asList(values));
            }
        }
        return rows;
    }

    @Test
    @DisplayName("Quoted values keep their commas, line breaks (LF and CRLF) and doubled quotes")
    void quotedValues_keepCommasLineBreaksAndQuotes() throws IOException {
        String csv = "\"Id\",\"Name\",\"Website\"\n"
                + "\"001A\",\"Acme, Inc.\",\"acme.com\"\n"
                + "\"001B\",\"Two\nLines\r\nName\",\"b.example\"\n"
                + "\"001C\",\"The \"\"Best\"\" Co\",\"\"\"\"\n";

        assertThat(read(csv)).containsExactly(
                List.of("001A", "Acme, Inc.", "acme.com"),
                List.of("001B", "Two\nLines\r\nName", "b.example"),
                List.of("001C", "The \"Best\" Co", "\""));
    }

    @Test
    @DisplayName("An empty unquoted value is Salesforce's null, a quoted empty value is the empty string, and a column "
            + "missing at the end of a short row is null")
    void emptyUnquoted_isNull_quotedEmpty_isEmpty_missingColumn_isNull() throws IOException {
        String csv = "Id,Name,Website,Type\n001A,,\"\",Prospect\n001B,Beta\n";

        List<List<String>> rows = read(csv);

        assertThat(rows.get(0)).containsExactly("001A", null, "", "Prospect");
        assertThat(rows.get(1)).containsExactly("001B", "Beta", null, null);
    }

    @Test
    @DisplayName("text() folds null, empty and blank values into null")
    void text_foldsEmptyAndBlank() throws IOException {
        try (BulkCsvRows rows = BulkCsvRows.open(bytes("A,B,C,D\n,\"\",\"  \",x\n"))) {
            assertThat(rows.next()).isTrue();
            BulkRow row = rows.row();
            assertThat(List.of(0, 1, 2)).allSatisfy(i -> assertThat(row.text(i)).isNull());
            assertThat(row.text(3)).isEqualTo("x");
            assertThat(row.get("D")).isEqualTo("x");
        }
    }

    @Test
    @DisplayName("UTF-8 text (accents, CJK, emoji) reads back exactly, and a final line break adds no row")
    void utf8_readsBackExactly() throws IOException {
        String csv = "\"Id\",\"Name\"\r\n\"001A\",\"Müller GmbH\"\r\n"
                + "\"001B\",\"株式会社テスト\"\r\n\"001C\",\"Rocket 🚀 Ltd\"\r\n";

        assertThat(read(csv)).containsExactly(List.of("001A", "Müller GmbH"), List.of("001B", "株式会社テスト"),
                List.of("001C", "Rocket 🚀 Ltd"));
    }

    @Test
    @DisplayName("The last row needs no line break")
    void lastRow_withoutLineBreak_isRead() throws IOException {
        assertThat(read("Id,Name\n001A,Acme\n001B,Beta")).containsExactly(List.of("001A", "Acme"),
                List.of("001B", "Beta"));
    }

    @Test
    @DisplayName("The header names the columns, the row view finds them by name, and rows are numbered from 1")
    void header_namesColumns() throws IOException {
        try (BulkCsvRows rows = BulkCsvRows.open(bytes("\"Id\",\"Name\"\n\"001A\",\"Acme\"\n\"001B\",\"Beta\"\n"))) {
            assertThat(rows.header().names()).containsExactly("Id", "Name");
            assertThat(rows.header().indexOf("Name")).isEqualTo(1);
            assertThat(rows.header().indexOf("Website")).isEqualTo(-1);
            assertThat(rows.next()).isTrue();
            assertThat(rows.row().get("Name")).isEqualTo("Acme");
            assertThat(rows.row().number()).isEqualTo(1);
            assertThat(rows.next()).isTrue();
            assertThat(rows.row().number()).isEqualTo(2);
            assertThat(rows.row().header()).isSameAs(rows.header());
            assertThat(rows.next()).isFalse();
            assertThatThrownBy(() -> rows.row().get("Website"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column must be one of [Id, Name], but was 'Website'");
        }
    }

    @Test
    @DisplayName("An empty page has no columns and no rows; a header-only page has columns and no rows")
    void emptyAndHeaderOnlyPages_haveNoRows() throws IOException {
        try (BulkCsvRows rows = BulkCsvRows.open(bytes(""))) {
            assertThat(rows.header().names()).isEmpty();
            assertThat(rows.next()).isFalse();
        }
        try (BulkCsvRows rows = BulkCsvRows.open(bytes("\"Id\",\"Name\"\n"))) {
            assertThat(rows.header().names()).containsExactly("Id", "Name");
            assertThat(rows.next()).isFalse();
            assertThat(rows.rowsRead()).isZero();
        }
    }

    @Test
    @DisplayName("A row with more values than the header is a parse error naming the row")
    void longRow_isAParseError() {
        assertThatThrownBy(() -> read("Id,Name\n001A,Acme\n001B,Beta,extra\n"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("row 2 has more values than the header's 2 columns");
    }

    @Test
    @DisplayName("A quoted value left open at the end of the page is a parse error")
    void unterminatedQuote_isAParseError() {
        assertThatThrownBy(() -> read("Id,Name\n001A,\"Acme\n"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    @DisplayName("The row view never prints its values")
    void rowToString_hasNoValues() throws IOException {
        try (BulkCsvRows rows = BulkCsvRows.open(bytes("Id,Name\n001A,Secret Corp\n"))) {
            rows.next();
            assertThat(rows.row().toString()).doesNotContain("Secret").doesNotContain("001A");
        }
    }

    private static ByteArrayInputStream bytes(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
