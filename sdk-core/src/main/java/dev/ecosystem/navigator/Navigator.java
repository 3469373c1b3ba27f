package dev.ecosystem.navigator;

import dev.ecosystem.model.Company;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;

/** Finds partner candidates for the acting company among the listed companies of the network. */
public interface Navigator {
    /** Listed companies other than the acting company, in ascending id order. */
    Page<Company> candidates(PageRequest page);
}
