package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.PartnerType;
import java.util.List;

/**
 * What a drafter may use to write a program's brief: the program's terms in words, nothing about any partner, contact
 * or CRM record. Every list holds short sentences or phrases, in the order a brief would show them.
 *
 * @param vendorName the vendor's name
 * @param programName the program's name
 * @param partnerType the partner type the program is for
 * @param idealPartner the ideal partner profile in words: required, preferred and excluded traits, size bands
 * @param valueProposition why a partner joins, as the vendor wrote it; possibly empty
 * @param commission the commission plan in words: rates, tier rates, volume tiers, cap, hold and clawback
 * @param protectionDays how many days an accepted registration stays protected
 * @param checklist the titles of the onboarding checklist's steps
 * @param tiers the program's tier names, lowest first
 */
public record BriefRequest(
        String vendorName, String programName, PartnerType partnerType, List<String> idealPartner,
        String valueProposition, List<String> commission, long protectionDays, List<String> checklist,
        List<String> tiers) {
    /** Validates and copies. */
    public BriefRequest {
        Checks.required(vendorName, "vendorName");
        Checks.required(programName, "programName");
        Checks.required(partnerType, "partnerType");
        idealPartner = List.copyOf(Checks.noNulls(idealPartner, "idealPartner"));
        Checks.required(valueProposition, "valueProposition");
        commission = List.copyOf(Checks.noNulls(commission, "commission"));
        Checks.nonNegative(protectionDays, "protectionDays");
        checklist = List.copyOf(Checks.noNulls(checklist, "checklist"));
        tiers = List.copyOf(Checks.noNulls(tiers, "tiers"));
    }
}
