package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.internal.ListedValues;
import dev.ecosystem.internal.ListedValues.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A column's JSON array split into values where its bytes allow, and parsed where they do not. */
class JdbcListedProfilesTest {

    @Test
    @DisplayName("forEachString hands over the strings Columns.strings reads, for plain, escaped or spaced arrays")
    void forEachString_isColumnsStrings() {
        List<String> arrays = List.of("[]", "[\"a\"]", "[\"business:crm\",\"ünï-ß\",\"\"]",
                Columns.json(List.of("say \"hi\"", "back\\slash", "ünï", "tab\t")), "[ \"spaced\" , \"b\" ]",
                "[\"a\",\"b\"]");
        for (String json : arrays) {
            List<String> handed = new ArrayList<>();

            JdbcListedProfiles.forEachString(json.getBytes(StandardCharsets.UTF_8), Field.INDUSTRY,
                    new RecordingSink(handed));

            assertThat(handed).as(json).isEqualTo(Columns.strings(json).stream().map(v -> "INDUSTRY=" + v).toList());
        }
        assertThat(Columns.strings(arrays.get(3))).hasSize(4).contains("say \"hi\"", "back\\slash");
        assertThat(Columns.strings(arrays.get(2))).containsExactly("business:crm", "ünï-ß", "");
    }

    @Test
    @DisplayName("forEachString reads the array in a slice of a longer row as it reads the same array alone")
    void forEachString_ofASlice() {
        byte[] row = "x\t[\"role:a\",\"role:b\"]\t[]\t[ \"c\" ]\n".getBytes(StandardCharsets.UTF_8);
        List<String> handed = new ArrayList<>();
        ListedValues.Sink sink = new RecordingSink(handed);

        JdbcListedProfiles.forEachString(row, 2, 21, Field.ROLE_TAG, sink);
        JdbcListedProfiles.forEachString(row, 22, 24, Field.REGION, sink);
        JdbcListedProfiles.forEachString(row, 25, 32, Field.SIGNAL, sink);

        assertThat(handed).containsExactly("ROLE_TAG=role:a", "ROLE_TAG=role:b", "SIGNAL=c");
    }

    @Test
    @DisplayName("a COPY text row splits at its tabs into columns whose escapes are undone, \\N being null")
    void split_undoesCopyEscapes() {
        byte[] row = "id-1\t[\"a\\tb\",\"c\\\\d\"]\t\\N\tline\\nbreak\\101\\x42\t\n"
                .getBytes(StandardCharsets.UTF_8);
        int[] bounds = new int[10];

        PostgresListedRows.split(row, bounds);

        List<String> columns = new ArrayList<>();
        for (int column = 0; column < 5; column++) {
            int from = bounds[2 * column];
            int to = bounds[2 * column + 1];
            columns.add(from < 0 ? null : new String(row, from, to - from, StandardCharsets.UTF_8));
        }
        assertThat(columns).containsExactly("id-1", "[\"a\tb\",\"c\\d\"]", null, "line\nbreakAB", "");
    }
}
