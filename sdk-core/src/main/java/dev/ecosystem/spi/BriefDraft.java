package dev.ecosystem.spi;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.BriefSection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A drafted brief: its title and the plain text of every section.
 *
 * @param title single-line title
 * @param sections the text of every {@link BriefSection}
 * @param note what the drafter wants the vendor to know (for example that an AI drafter fell back to the template,
 *     and why), or {@code null}
 */
public record BriefDraft(String title, Map<BriefSection, String> sections, @Nullable String note) {
    /** Validates: a single-line title, every section present and non-blank. */
    public BriefDraft {
        title = Checks.singleLine(title, "brief title", 200);
        Checks.required(sections, "brief sections");
        Map<BriefSection, String> copy = new EnumMap<>(BriefSection.class);
        for (BriefSection section : BriefSection.values()) {
            String text = sections.get(section);
            if (text == null) {
                throw new ValidationException("brief sections must hold every section, but " + section
                        + " was missing");
            }
            copy.put(section, Checks.text(text, "brief section " + section, 4_000));
        }
        sections = Collections.unmodifiableMap(copy);
    }
}
