package dev.ecosystem.salesforce;

import okhttp3.HttpUrl;

/**
 * An authorized session with one Salesforce org: the instance URL from the token response (never assumed) and the
 * current access token. What the REST reader and the Bulk API 2.0 reader need to make a call.
 *
 * @param instanceUrl the org's instance, such as {@code https://acme.my.salesforce.com}
 * @param accessToken the bearer token for the {@code Authorization} header
 */
record OrgSession(HttpUrl instanceUrl, String accessToken) {
    @Override
    public String toString() {
        return "OrgSession[" + instanceUrl + "]"; // never the token
    }
}
