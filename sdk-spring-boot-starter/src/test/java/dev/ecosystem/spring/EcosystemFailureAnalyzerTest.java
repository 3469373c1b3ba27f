package dev.ecosystem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecosystem.error.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The startup report for the starter's refusals. */
class EcosystemFailureAnalyzerTest {
    private final EcosystemFailureAnalyzer analyzer = new EcosystemFailureAnalyzer();

    @Test
    @DisplayName("A wrong property is reported with its message and the property to update")
    void invalidProperty() {
        InvalidPropertyException cause = new InvalidPropertyException("ecosystem.mail.kind",
                "one of smtp, gmail, graph, eml-directory", "smpt");

        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("ecosystemMailer", cause));

        assertThat(analysis.getDescription()).isEqualTo(
                "ecosystem.mail.kind must be one of smtp, gmail, graph, eml-directory, but was 'smpt'");
        assertThat(analysis.getAction()).isEqualTo("Update ecosystem.mail.kind in the application's configuration.");
    }

    @Test
    @DisplayName("A missing bean is reported with its message; other SDK failures are left to Spring Boot")
    void missingBean_andOthers() {
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("ecosystemMailer",
                new MissingBeanException("ecosystem.mail.kind=gmail sends as a user")));
        assertThat(analysis.getDescription()).isEqualTo("ecosystem.mail.kind=gmail sends as a user");

        assertThat(analyzer.analyze(new BeanCreationException("x", new ValidationException("other")))).isNull();
    }
}
