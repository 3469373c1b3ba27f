package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** JSON arrays of strings split without a parser where they can be, and parsed where they cannot. */
class ColumnsTest {

    @Test
    @DisplayName("forEachString hands over the same strings as strings(), plain, escaped or spaced arrays alike")
    void forEachString_isStrings_withoutAList() {
        List<String> arrays = List.of("[]", "[\"a\"]", "[\"business:crm\",\"x y\",\"\"]",
                Columns.json(List.of("say \"hi\"", "back\\slash", "ünï", "tab\t")), "[ \"spaced\" , \"b\" ]");
        for (String json : arrays) {
            List<String> handed = new ArrayList<>();

            Columns.forEachString(json, handed::add);

            assertThat(handed).as(json).isEqualTo(Columns.strings(json));
        }
        assertThat(Columns.strings(arrays.get(3))).containsExactly("say \"hi\"", "back\\slash", "ünï", "tab\t");
        assertThat(Columns.strings(arrays.get(4))).containsExactly("spaced", "b");
        assertThat(Columns.strings(arrays.get(2))).containsExactly("business:crm", "x y", "");
    }
}
