package dev.ecosystem.program.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.internal.PartnerContacts;
import dev.ecosystem.internal.ContactOrigin;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.EmailMessage;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.ProgramId;
import dev.ecosystem.model.BriefDelivery;
import dev.ecosystem.model.BriefSection;
import dev.ecosystem.program.BriefSending;
import dev.ecosystem.program.BriefSettings;
import dev.ecosystem.model.BriefStatus;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.program.TemplateBriefDrafter;
import dev.ecosystem.spi.BriefDraft;
import dev.ecosystem.spi.BriefDrafter;
import dev.ecosystem.spi.BriefRequest;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enablement briefs of every vendor of one client: drafting (the drafter always runs between store transactions,
 * never inside one), edits, approval, and sending once per (version, contact) through the outbox.
 */
public final class BriefEngine {
    private static final Logger LOG = LoggerFactory.getLogger(BriefEngine.class);
    /** How often a draft is written again when the program changed while it was drafted. */
    private static final int DRAFT_ATTEMPTS = 3;

    private final SdkContext context;
    private final BriefDrafter drafter;
    private final EmailAddress sender;
    private final PartnerViews views;

    /**
     * The engine.
     *
     * @param settings the drafter and sender of briefs
     * @param defaultSender the sender when the settings name none (the introductions' sender)
     * @param views issues and verifies partner-view tokens
     */
    public BriefEngine(SdkContext context, BriefSettings settings, EmailAddress defaultSender, PartnerViews views) {
        this.context = context;
        this.views = Checks.required(views, "views");
        this.drafter = settings.drafter();
        this.sender = settings.sender() != null ? settings.sender() : Checks.required(defaultSender, "sender");
    }

    /** Partner-view tokens. */
    public PartnerViews views() {
        return views;
    }

    /** What a draft is written from, read in one transaction. */
    private record Basis(PartnerProgram program, String vendorName, @Nullable ProgramBrief latest) {
    }

    /** The latest version, drafting version 1 first when there is none. */
    ProgramBrief briefOrDraft(CompanyId vendor, ProgramId id) {
        ProgramBrief latest = context.store().inTransaction(tx -> basis(tx, vendor, id).latest());
        return latest != null ? latest : draft(vendor, id, true);
    }

    /**
     * Drafts the next version, or with {@code onlyFirst} version 1 unless another call stored one meanwhile (then
     * that one is returned).
     */
    ProgramBrief draft(CompanyId vendor, ProgramId id, boolean onlyFirst) {
        for (int attempt = 1; ; attempt++) {
            Basis basis = context.store().inTransaction(tx -> basis(tx, vendor, id));
            if (onlyFirst && basis.latest() != null) {
                return basis.latest();
            }
            BriefDraft draft = write(BriefFacts.request(basis.vendorName(), basis.program()));
            Instant now = context.clock().instant();
            @Nullable ProgramBrief stored = context.store().inTransaction(tx -> {
                Basis current = basis(tx, vendor, id);
                if (onlyFirst && current.latest() != null) {
                    return current.latest();
                }
                if (current.program().version() != basis.program().version()) {
                    return null;
                }
                ProgramBrief brief = new ProgramBrief(id, vendor, current.latest() == null ? 1
                        : current.latest().version() + 1, BriefStatus.DRAFT, current.program().version(),
                        draft.title(), draft.sections(), draft.note(), now, null);
                tx.briefs().save(brief);
                return brief;
            });
            if (stored != null) {
                context.publish("program.brief.drafted", vendor, id.value(),
                        Map.of("version", Integer.toString(stored.version()),
                                "programVersion", Integer.toString(stored.programVersion())));
                return stored;
            }
            if (attempt >= DRAFT_ATTEMPTS) {
                throw new ConflictException("program " + id + " changed " + DRAFT_ATTEMPTS + " times while its brief "
                        + "was being drafted; try again");
            }
            LOG.debug("program {} changed while its brief was drafted; drafting again", id);
        }
    }

    /** The drafter's draft, or the template's when the drafter broke its promise never to throw. */
    private BriefDraft write(BriefRequest request) {
        try {
            return drafter.draft(request);
        } catch (RuntimeException e) {
            LOG.warn("The brief drafter {} failed ({}); the brief is drafted from the template", drafter,
                    e.getClass().getSimpleName());
            BriefDraft template = TemplateBriefDrafter.create().draft(request);
            return new BriefDraft(template.title(), template.sections(), "The drafter failed ("
                    + e.getClass().getSimpleName() + "); this brief was drafted from the template.");
        }
    }

    private Basis basis(StoreTransaction tx, CompanyId vendor, ProgramId id) {
        PartnerProgram program = tx.programs().get(vendor, id);
        if (program == null) {
            throw noProgram(vendor, id);
        }
        Company company = tx.companies().get(vendor);
        return new Basis(program, company == null ? vendor.value() : company.name(), tx.briefs().latest(vendor, id));
    }

    ProgramBrief latest(CompanyId vendor, ProgramId id) {
        ProgramBrief latest = context.store().inTransaction(tx -> basis(tx, vendor, id).latest());
        if (latest == null) {
            throw noBrief(vendor, id);
        }
        return latest;
    }

    ProgramBrief version(CompanyId vendor, ProgramId id, int version) {
        ProgramBrief brief = context.store().inTransaction(tx -> tx.briefs().version(vendor, id, version));
        if (brief == null) {
            throw new NotFoundException("company " + vendor + " has no brief for program " + id + " at version "
                    + version);
        }
        return brief;
    }

    ProgramBrief edit(CompanyId vendor, ProgramId id, int version, Map<BriefSection, String> sections) {
        Checks.required(sections, "sections");
        if (sections.isEmpty()) {
            throw new ValidationException("sections must name at least one section to replace, but was empty");
        }
        Map<BriefSection, String> replacements = new EnumMap<>(BriefSection.class);
        for (Map.Entry<BriefSection, String> section : sections.entrySet()) {
            BriefSection key = Checks.required(section.getKey(), "section");
            replacements.put(key, Checks.text(section.getValue(), "brief section " + key,
                    ProgramBrief.MAX_SECTION_LENGTH));
        }
        Instant now = context.clock().instant();
        ProgramBrief edited = context.store().inTransaction(tx -> {
            ProgramBrief latest = latestFor(tx, vendor, id, version);
            Map<BriefSection, String> merged = new EnumMap<>(latest.sections());
            merged.putAll(replacements);
            boolean inPlace = latest.status() == BriefStatus.DRAFT;
            ProgramBrief next = new ProgramBrief(id, vendor, inPlace ? version : version + 1, BriefStatus.DRAFT,
                    latest.programVersion(), latest.title(), merged, inPlace ? latest.note() : null, now, null);
            tx.briefs().save(next);
            return next;
        });
        context.publish("program.brief.edited", vendor, id.value(),
                Map.of("version", Integer.toString(edited.version())));
        return edited;
    }

    ProgramBrief approve(CompanyId vendor, ProgramId id, int version) {
        Instant now = context.clock().instant();
        ProgramBrief approved = context.store().inTransaction(tx -> {
            ProgramBrief latest = latestFor(tx, vendor, id, version);
            if (latest.status() == BriefStatus.APPROVED) {
                throw new ConflictException("version " + version + " of the brief of program " + id
                        + " is already approved");
            }
            ProgramBrief next = new ProgramBrief(id, vendor, version, BriefStatus.APPROVED, latest.programVersion(),
                    latest.title(), latest.sections(), latest.note(), latest.draftedAt(), now);
            tx.briefs().save(next);
            return next;
        });
        context.publish("program.brief.approved", vendor, id.value(),
                Map.of("version", Integer.toString(approved.version())));
        return approved;
    }

    /** The latest version when it is {@code version}. */
    private static ProgramBrief latestFor(StoreTransaction tx, CompanyId vendor, ProgramId id, int version) {
        ProgramBrief latest = tx.briefs().latest(vendor, id);
        if (latest == null) {
            throw noBrief(vendor, id);
        }
        if (latest.version() != version) {
            throw new ConflictException("the brief of program " + id + " is at version " + latest.version()
                    + ", not " + version + "; read it again and reapply the change");
        }
        return latest;
    }

    BriefSending send(CompanyId vendor, ProgramId id) {
        Instant now = context.clock().instant();
        BriefSending sending = context.store().inTransaction(tx -> {
            Basis basis = basis(tx, vendor, id);
            ProgramBrief brief = tx.briefs().latestApproved(vendor, id);
            if (brief == null) {
                throw new ConflictException("the brief of program " + id + " has no approved version; approve one "
                        + "before sending it");
            }
            String cause = "brief:" + id.value() + ":" + brief.version();
            int enqueued = 0;
            int alreadySent = 0;
            int unreachable = 0;
            for (Partnership partnership : partners(tx, vendor, basis.program())) {
                List<Contact> recipients = PartnerContacts.of(tx, partnership.partner());
                if (recipients.isEmpty()) {
                    unreachable++;
                }
                for (Contact contact : recipients) {
                    OutboxEntryId entry = OutboxEntryId.of(UUID.randomUUID().toString());
                    if (tx.briefs().recordDelivery(new BriefDelivery(vendor, id, brief.version(),
                            partnership.partner(), contact.id(), entry, now))) {
                        tx.outbox().enqueue(OutboxEntry.pending(entry, vendor,
                                message(brief, basis.vendorName(), contact), ContactOrigin.of(cause, contact), now));
                        enqueued++;
                    } else {
                        alreadySent++;
                    }
                }
            }
            return new BriefSending(id, brief.version(), enqueued, alreadySent, unreachable);
        });
        context.publish("program.brief.sent", vendor, id.value(), Map.of(
                "version", Integer.toString(sending.version()), "enqueued", Integer.toString(sending.enqueued()),
                "alreadySent", Integer.toString(sending.alreadySent())));
        return sending;
    }

    /** The vendor's partnerships of the program's type that are active or recruited, in id order. */
    private static List<Partnership> partners(StoreTransaction tx, CompanyId vendor, PartnerProgram program) {
        List<Partnership> partners = new ArrayList<>();
        @Nullable String cursor = null;
        do {
            Page<Partnership> page = tx.partnerships().list(vendor, PageRequest.after(cursor, PageRequest.MAX_SIZE));
            for (Partnership partnership : page.items()) {
                if (partnership.type() == program.type() && (partnership.status() == PartnershipStatus.ACTIVE
                        || partnership.status() == PartnershipStatus.RECRUITED)) {
                    partners.add(partnership);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return partners;
    }

    private EmailMessage message(ProgramBrief brief, String vendorName, Contact to) {
        String via = sender.displayName() != null ? sender.displayName() : sender.domain();
        return EmailMessage.builder("<" + UUID.randomUUID() + "@" + sender.domain() + ">",
                        new EmailAddress(sender.address(), vendorName + " via " + via), brief.title())
                .to(new EmailAddress(to.email().address(), to.name()))
                .text("Hi " + to.name() + ",\n\n" + brief.toText())
                .html(brief.toHtml())
                .build();
    }

    static NotFoundException noProgram(CompanyId vendor, ProgramId id) {
        return new NotFoundException("company " + vendor + " has no program " + id);
    }

    private static NotFoundException noBrief(CompanyId vendor, ProgramId id) {
        return new NotFoundException("company " + vendor + " has no brief for program " + id + "; draft one first");
    }
}
