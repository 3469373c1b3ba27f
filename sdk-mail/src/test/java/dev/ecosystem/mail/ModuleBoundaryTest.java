package dev.ecosystem.mail;

import dev.ecosystem.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    @Test
    void exportsExactlyItsApiPackages() {
        ModuleBoundary.assertApiExported(SmtpMailer.class);
    }
}
