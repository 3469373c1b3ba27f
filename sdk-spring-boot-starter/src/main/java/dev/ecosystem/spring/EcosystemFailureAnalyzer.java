package dev.ecosystem.spring;

import dev.ecosystem.error.EcosystemException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns the starter's refusals to start ({@link InvalidPropertyException}, {@link MissingBeanException}) into Spring
 * Boot's "APPLICATION FAILED TO START" report: the message that names the property or bean, and what to do, instead
 * of a stack trace through the bean factory.
 */
class EcosystemFailureAnalyzer extends AbstractFailureAnalyzer<EcosystemException> {
    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, EcosystemException cause) {
        if (cause instanceof InvalidPropertyException invalid) {
            return new FailureAnalysis(invalid.getMessage(), "Update " + invalid.property() + " in the application's "
                    + "configuration.", cause);
        }
        if (cause instanceof MissingBeanException) {
            return new FailureAnalysis(cause.getMessage(), "Define the bean named above, or change the property.",
                    cause);
        }
        return null;
    }
}
