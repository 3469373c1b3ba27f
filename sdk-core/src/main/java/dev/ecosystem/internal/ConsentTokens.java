package dev.ecosystem.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.IntroductionId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * Consent link tokens: {@code keyId.payload.mac}, HMAC-SHA256-signed by {@link ConsentKeys}. The payload names the
 * introduction (and its requester's company, to find it), the party, the decision, the consent's random token id
 * (what makes a link single-use and bound to one ask) and the expiry. Checking the token id and the consent's state
 * against the store is the caller's part.
 */
public final class ConsentTokens {
    private static final String VERSION = "c1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsentKeys keys;
    private final String consentUrl;

    /** Tokens signed with {@code keys}, in links to {@code consentUrl}. */
    public ConsentTokens(ConsentKeys keys, String consentUrl) {
        this.keys = keys;
        this.consentUrl = consentUrl;
    }

    /** What a valid token says. */
    public record Claim(CompanyId requesterCompany, IntroductionId intro, IntroParty party, ConsentStatus decision,
            String tokenId, Instant expiresAt) {
    }

    /** A new random token id: 128 bits, hex. */
    public static String newTokenId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The signed token for one decision of one consent ask. */
    public String issue(Claim claim) {
        String payload = String.join("\n", VERSION, claim.requesterCompany().value(), claim.intro().value(),
                claim.party().name(), claim.decision().name(), claim.tokenId(), claim.expiresAt().toString());
        return keys.sign(payload);
    }

    /** The consent link carrying {@code token}. */
    public String link(String token) {
        return consentUrl + (consentUrl.contains("?") ? "&" : "?") + "token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /**
     * Verifies the signature and the expiry.
     *
     * @throws ValidationException when the token is malformed, forged or tampered with
     * @throws ConflictException when it has expired ({@code now} at or after its expiry)
     */
    public Claim read(String token, Instant now) {
        String[] fields = keys.verify(token).split("\n", -1);
        if (fields.length != 7 || !fields[0].equals(VERSION)) {
            throw new ValidationException("consent token is not valid: unknown payload format");
        }
        Claim claim;
        try {
            claim = new Claim(CompanyId.of(fields[1]), IntroductionId.of(fields[2]), IntroParty.valueOf(fields[3]),
                    ConsentStatus.valueOf(fields[4]), fields[5], Instant.parse(fields[6]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ValidationException("consent token is not valid: unreadable payload");
        }
        if (claim.decision() == ConsentStatus.PENDING) {
            throw new ValidationException("consent token is not valid: it carries no decision");
        }
        if (!now.isBefore(claim.expiresAt())) {
            throw new ConflictException("consent link for introduction " + claim.intro() + " expired at "
                    + claim.expiresAt());
        }
        return claim;
    }
}
