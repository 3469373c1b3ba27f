package dev.ecosystem.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PartnerProgramExampleTest {
    @Test
    @DisplayName("the example activates the partner after 12 days, promotes it, and sends the month's reports once")
    void example_printsTheProgramsFirstMonth() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            PartnerProgramExample.main(new String[0]);
        } finally {
            System.setOut(console);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).contains("activated northwind after 12 days",
                "tier northwind: none -> silver (promotion), registrations accepted 1",
                "brief sent: 1 email(s) enqueued",
                "enqueued 2 emails for 1 partner, 2026-10");
        assertThat(lines).anyMatch(line -> line.startsWith("statement ") && line.endsWith(
                "for northwind: 7200.00 USD at tier silver, DRAFT"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("nothing new to send");
    }
}
