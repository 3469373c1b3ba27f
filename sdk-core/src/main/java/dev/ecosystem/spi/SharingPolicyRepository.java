package dev.ecosystem.spi;

import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.SharingPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Each company's account-mapping sharing policy towards each partner, keyed by (owner, partner). A policy is
 * one-way: the owner's record says only what the owner shows the partner.
 *
 * <p>Contract: {@link #get} returns an equal policy to the last one {@link #put} for the same key, or {@code null};
 * policies of one owner are never returned for another owner; {@link #remove} of a missing key is a no-op.
 */
public interface SharingPolicyRepository {
    /** Stores the policy, replacing the one for the same (owner, partner). */
    void put(CompanyId owner, CompanyId partner, SharingPolicy policy);

    /** The owner's policy towards the partner, or {@code null} when none was stored. */
    @Nullable SharingPolicy get(CompanyId owner, CompanyId partner);

    /** Removes the owner's policy towards the partner; returns whether there was one. */
    boolean remove(CompanyId owner, CompanyId partner);
}
