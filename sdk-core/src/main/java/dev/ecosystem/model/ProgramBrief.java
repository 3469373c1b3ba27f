package dev.ecosystem.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One version of a program's one-page enablement brief: whom the vendor looks for, why partner, what makes a good
 * referral, how to register one, and what a partner earns. Drafted by a {@link dev.ecosystem.spi.BriefDrafter} from the
 * program's terms, edited and approved by the vendor, then sent to the program's partners as {@link #toHtml() HTML}
 * with a {@link #toText() plain-text} alternative; {@link #toJson()} gives the same content to a host's own pages.
 *
 * @param program the program the brief is for
 * @param vendor the company that runs the program
 * @param version 1 for the first draft, one more for each redraft or edit of an approved version
 * @param status whether the vendor approved this version
 * @param programVersion the version of the program's terms it was drafted from
 * @param title the page's title, one line
 * @param sections the text of every section (plain text; blank lines separate paragraphs, lines starting with
 *     {@code "- "} are list items)
 * @param note what the drafter wants the vendor to know (for example that an AI drafter fell back to the template),
 *     or {@code null}; never shown to partners
 * @param draftedAt when this version was drafted or last edited
 * @param approvedAt when the vendor approved it, or {@code null} for a draft
 */
public record ProgramBrief(
        ProgramId program, CompanyId vendor, int version, BriefStatus status, int programVersion, String title,
        Map<BriefSection, String> sections, @Nullable String note, Instant draftedAt, @Nullable Instant approvedAt) {

    /** The longest text of one section, in characters. */
    public static final int MAX_SECTION_LENGTH = 4_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Validates and copies: every section present and non-blank; {@code approvedAt} set exactly when approved. */
    public ProgramBrief {
        Checks.required(program, "brief program");
        Checks.required(vendor, "brief vendor");
        Checks.range(version, 1, Integer.MAX_VALUE, "brief version");
        Checks.required(status, "brief status");
        Checks.range(programVersion, 1, Integer.MAX_VALUE, "brief programVersion");
        title = Checks.singleLine(title, "brief title", 200);
        sections = sections(sections);
        note = note == null || note.isBlank() ? null : Checks.text(note, "brief note", 2_000);
        Checks.required(draftedAt, "brief draftedAt");
        if ((status == BriefStatus.APPROVED) != (approvedAt != null)) {
            throw new ValidationException("brief approvedAt must be set exactly when the status is APPROVED, but "
                    + "status was " + status + " and approvedAt " + approvedAt);
        }
    }

    /**
     * Validates the text of sections: each one non-blank and at most {@value #MAX_SECTION_LENGTH} characters.
     *
     * @return a copy in section order
     */
    private static Map<BriefSection, String> checkedSections(Map<BriefSection, String> sections) {
        Checks.required(sections, "brief sections");
        Map<BriefSection, String> copy = new EnumMap<>(BriefSection.class);
        for (Map.Entry<BriefSection, String> section : sections.entrySet()) {
            BriefSection key = Checks.required(section.getKey(), "brief section");
            copy.put(key, Checks.text(section.getValue(), "brief section " + key, MAX_SECTION_LENGTH)
                    .replace("\r\n", "\n"));
        }
        return copy;
    }

    private static Map<BriefSection, String> sections(Map<BriefSection, String> sections) {
        Map<BriefSection, String> copy = checkedSections(sections);
        for (BriefSection section : BriefSection.values()) {
            if (!copy.containsKey(section)) {
                throw new ValidationException("brief sections must hold every section, but " + section
                        + " was missing");
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /** The text of one section. */
    public String section(BriefSection section) {
        return Objects.requireNonNull(sections.get(Checks.required(section, "section"))); // every section is present
    }

    /** The brief as plain text: the title, then each section under its heading. */
    public String toText() {
        StringBuilder text = new StringBuilder(title).append("\n\n");
        for (BriefSection section : BriefSection.values()) {
            text.append(section.heading()).append("\n\n").append(sections.get(section)).append("\n\n");
        }
        return text.toString().strip() + "\n";
    }

    /**
     * The brief as a JSON document: program, vendor, version, status, the program version it was drafted from, the
     * title, and the sections in page order, each with its key, heading and text. The drafter's note is left out.
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("programId", program.value());
        root.put("vendorId", vendor.value());
        root.put("version", version);
        root.put("status", status.name());
        root.put("programVersion", programVersion);
        root.put("title", title);
        ArrayNode items = root.putArray("sections");
        for (BriefSection section : BriefSection.values()) {
            ObjectNode item = items.addObject();
            item.put("key", section.name());
            item.put("heading", section.heading());
            item.put("text", sections.get(section));
        }
        root.put("draftedAt", draftedAt.toString());
        root.put("approvedAt", approvedAt == null ? null : approvedAt.toString());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * The brief as one self-contained HTML page: inline styles, a Content-Security-Policy that loads nothing, no
     * scripts, no links, no external assets. Every text is HTML-escaped.
     */
    public String toHtml() {
        return BriefPage.render(this);
    }
}
