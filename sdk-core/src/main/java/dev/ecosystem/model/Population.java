package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;

/**
 * A named group of a tenant's CRM accounts that account mapping compares: the three standard ones, or a custom one
 * the host defines.
 *
 * @param name the population's name, normalized like a tag value
 */
public record Population(String name) implements Comparable<Population> {
    /** Accounts that are paying customers. */
    public static final Population CUSTOMERS = new Population("customers");
    /** Accounts with an open deal. */
    public static final Population OPEN_OPPORTUNITIES = new Population("open-opportunities");
    /** Accounts that are neither. */
    public static final Population PROSPECTS = new Population("prospects");

    /** Normalizes and validates the name. */
    public Population {
        name = Tag.normalize(Checks.required(name, "population name"), "population name");
    }

    /** A custom population; its name must not be one of the standard three. */
    public static Population custom(String name) {
        Population population = new Population(name);
        if (population.isStandard()) {
            throw new ValidationException("custom population name must differ from the standard ones (customers, "
                    + "open-opportunities, prospects), but was " + Checks.quote(name));
        }
        return population;
    }

    /** Whether this is one of the three standard populations. */
    public boolean isStandard() {
        return equals(CUSTOMERS) || equals(OPEN_OPPORTUNITIES) || equals(PROSPECTS);
    }

    @Override
    public int compareTo(Population other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
