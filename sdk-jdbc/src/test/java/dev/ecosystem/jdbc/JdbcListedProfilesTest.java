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
                    new ListedValues.Sink() {
                        @Override
                        public void value(Field field, byte[] utf8, int from, int to) {
                            handed.add(field + "=" + new String(utf8, from, to - from, StandardCharsets.UTF_8));
                        }

                        @Override
                        public void end(String id) {
                            handed.add("end " + id);
                        }
                    });

            assertThat(handed).as(json).isEqualTo(Columns.strings(json).stream().map(v -> "INDUSTRY=" + v).toList());
        }
        assertThat(Columns.strings(arrays.get(3))).hasSize(4).contains("say \"hi\"", "back\\slash");
        assertThat(Columns.strings(arrays.get(2))).containsExactly("business:crm", "ünï-ß", "");
    }
}
