package dev.ecosystem.overlap;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;

/** The acting company's CRM snapshot, the input of account mapping. */
public interface Overlaps {
    /**
     * Copies every account and deal from the acting company's CRM into its snapshot, replacing what was there.
     *
     * @return how many accounts and deals were stored
     * @throws dev.ecosystem.NotFoundException when the company has connected no CRM
     */
    SyncResult syncCrm();

    /** The acting company's snapshot accounts, in ascending id order. */
    Page<Account> accounts(PageRequest page);

    /** The acting company's snapshot deals, in ascending id order. */
    Page<Deal> deals(PageRequest page);

    /**
     * What a sync stored.
     *
     * @param accounts accounts stored
     * @param deals deals stored
     */
    record SyncResult(long accounts, long deals) {
    }
}
