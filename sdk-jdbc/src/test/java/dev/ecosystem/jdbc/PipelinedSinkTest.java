package dev.ecosystem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.internal.ListedValues.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The encoding thread sees every call the reading thread made, in order, and its failure reaches the reader. */
class PipelinedSinkTest {

    @Test
    @DisplayName("the delegate sees every call in order, across many batches and a company with 100,000 values")
    void delegate_seesEveryCallInOrder() {
        List<String> seen = new ArrayList<>();
        List<String> made = new ArrayList<>();
        PipelinedSink sink = new PipelinedSink(new RecordingSink(seen));
        byte[] row = "[\"crm\",\"saas\"]".getBytes(StandardCharsets.UTF_8);
        for (int company = 0; company < 30_000; company++) {
            int values = company == 123 ? 100_000 : company % 3;
            for (int v = 0; v < values; v++) {
                Field field = Field.values()[v % Field.values().length];
                int from = v % 2 == 0 ? 2 : 8;
                sink.value(field, row, from, from + (v % 2 == 0 ? 3 : 4));
                made.add(field + "=" + (v % 2 == 0 ? "crm" : "saas"));
            }
            sink.end("c" + company);
            made.add("end c" + company);
        }

        sink.finish();

        assertThat(seen).hasSize(made.size()).isEqualTo(made);
    }

    @Test
    @DisplayName("what the delegate throws reaches the reading thread, at the latest when it finishes")
    void delegateFailure_reachesTheReader() {
        PipelinedSink sink = new PipelinedSink(new RecordingSink(new ArrayList<>(), "c5"));
        byte[] row = "x".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> {
            for (int company = 0; company < 100_000; company++) {
                sink.value(Field.SIGNAL, row, 0, 1);
                sink.end("c" + company);
            }
            sink.finish();
        }).isInstanceOf(IllegalArgumentException.class).hasMessage("no c5");
    }
}
