package dev.ecosystem.hubspot;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;

/**
 * Where each HubSpot API lives for one API version: the v3 layout ({@code /crm/v3/objects}, associations v4, OAuth
 * v1) or a date version such as {@code 2026-03} ({@code /crm/objects/2026-03}). Kept in one place because HubSpot
 * retires the v1-v4 paths in 2027.
 *
 * @param objects prefix of the object endpoints, without leading or trailing slash
 * @param associations prefix of the batch association endpoints
 * @param pipelines prefix of the pipeline endpoints
 * @param oauthToken path of the OAuth token endpoint
 */
record ApiPaths(String objects, String associations, String pipelines, String oauthToken) {
    static ApiPaths forVersion(String version) {
        String v = Checks.singleLine(version, "apiVersion", 20);
        if (v.equals("v3")) {
            return new ApiPaths("crm/v3/objects", "crm/v4/associations", "crm/v3/pipelines", "oauth/v1/token");
        }
        if (v.matches("\\d{4}-\\d{2}")) {
            return new ApiPaths("crm/objects/" + v, "crm/associations/" + v, "crm/pipelines/" + v,
                    "oauth/" + v + "/token");
        }
        throw new ValidationException("apiVersion must be \"v3\" or a date version such as \"2026-03\", but was "
                + Checks.quote(version));
    }
}
