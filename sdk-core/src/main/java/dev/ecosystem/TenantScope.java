package dev.ecosystem;

import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.intro.Introductions;
import dev.ecosystem.ledger.Ledger;
import dev.ecosystem.ledger.internal.ScopedLedger;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.navigator.Navigator;
import dev.ecosystem.navigator.internal.IndexedNavigator;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.overlap.internal.SnapshotOverlaps;
import dev.ecosystem.payout.Payouts;
import dev.ecosystem.payout.internal.ScopedPayouts;
import dev.ecosystem.program.Programs;
import dev.ecosystem.program.internal.ScopedPrograms;
import dev.ecosystem.referral.Referrals;
import dev.ecosystem.referral.internal.ScopedReferrals;

/**
 * Everything one company of the network may do, as that company. Reads and writes are limited to what the company
 * owns or was shown: another company's contacts, partnerships, introductions and CRM snapshot are never reachable
 * from here. Obtain one with {@link EcosystemClient#as(CompanyId)}; it is cheap, immutable and thread-safe.
 */
public final class TenantScope {
    private final CompanyId company;
    private final NetworkDirectory network;
    private final Contacts contacts;
    private final Partnerships partnerships;
    private final Navigator navigator;
    private final Introductions intros;
    private final Overlaps overlaps;
    private final Ledger ledger;
    private final Referrals referrals;
    private final Programs programs;
    private final Payouts payouts;

    TenantScope(SdkContext context, CompanyId company, ScopeParts parts) {
        this.company = company;
        this.network = new ScopedNetwork(context, company);
        this.contacts = new ScopedContacts(context, company);
        this.partnerships = new ScopedPartnerships(context, company, parts.partnerships());
        this.intros = new ScopedIntroductions(parts.intros(), company);
        this.overlaps = new SnapshotOverlaps(context, parts.overlaps(), company, parts.referrals().linker());
        this.ledger = new ScopedLedger(context, company);
        this.referrals = new ScopedReferrals(parts.referrals(), company);
        this.programs = new ScopedPrograms(context, company, parts.revenueSource(), parts.briefs());
        this.payouts = new ScopedPayouts(context, parts.payoutProvider(), company);
        this.navigator = new ObservedNavigator(new IndexedNavigator(context, parts.navigator(), company, overlaps),
                context.telemetry());
    }

    /** The acting company. */
    public CompanyId company() {
        return company;
    }

    /** The company's own profile and the listed profiles of others. */
    public NetworkDirectory network() {
        return network;
    }

    /** The company's own people. */
    public Contacts contacts() {
        return contacts;
    }

    /** The company's own partnership records, invitations to its programs, and their lifecycle. */
    public Partnerships partnerships() {
        return partnerships;
    }

    /** Finds and scores partners against ideal partner profiles. */
    public Navigator navigator() {
        return navigator;
    }

    /** Introductions the company is a party to. */
    public Introductions intros() {
        return intros;
    }

    /** The company's CRM snapshot and account mapping. */
    public Overlaps overlaps() {
        return overlaps;
    }

    /** The company's attribution ledger: touchpoints of its partners, recorded by hand or by the SDK. */
    public Ledger ledger() {
        return ledger;
    }

    /** Referrals (deal registration): the prospects the company registers as a partner, or receives as a vendor. */
    public Referrals referrals() {
        return referrals;
    }

    /** The company's partner programs, as a vendor: terms per partner type, tiers, activation, briefs. */
    public Programs programs() {
        return programs;
    }

    /** The commission statements the company owes its partners, as a vendor, and their payout ledger. */
    public Payouts payouts() {
        return payouts;
    }
}
