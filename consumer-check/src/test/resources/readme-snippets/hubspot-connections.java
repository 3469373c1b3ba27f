String clientId;
String clientSecret;
Vault vault;
Connections connections;
Scheduler scheduler;
CompanyId tenant;

/** Where the host keeps each tenant's HubSpot refresh token. */
interface Vault {
    String refreshToken(CompanyId tenant);

    void saveRefreshToken(CompanyId tenant, String rotated);
}

/** The host's record of which tenants are connected. */
interface Connections {
    void markDisconnected(CompanyId tenant, String provider);
}

/** The host's job scheduler. */
interface Scheduler {
    void resumeAt(Instant at);
}
