package dev.ecosystem.model;

/** The four kinds of partner, each with its own ideal partner profile, incentives and management. */
public enum PartnerType {
    /** Builds an integration with the product. */
    TECHNOLOGY,
    /** Implements and configures the product for customers. */
    SERVICES,
    /** Introduces qualified prospects. */
    REFERRAL,
    /** Collaborates on go-to-market strategy. */
    ALLIANCE
}
