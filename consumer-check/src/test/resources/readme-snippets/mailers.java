String clientId;
String clientSecret;
String refreshToken;
String msTenant;
Vault vault;

/** Where the host keeps the mailbox's refresh token. */
interface Vault {
    void saveRefreshToken(String rotated);
}
