package dev.ecosystem.partnership.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.InvitationId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Invitation link tokens, signed like consent links ({@link ConsentKeys}: {@code keyId.payload.mac}) but with their
 * own payload format, so a consent token is no invitation token and the other way round. The payload names the
 * vendor, the invitation, the invitation's random token id (what makes the link single-use) and the expiry. Checking
 * the token id and the invitation's state against the store is the caller's part.
 */
final class InvitationTokens {
    private static final String VERSION = "i1";

    private final ConsentKeys keys;
    private final String invitationUrl;

    InvitationTokens(ConsentKeys keys, String invitationUrl) {
        this.keys = keys;
        this.invitationUrl = invitationUrl;
    }

    /** What a valid token says. */
    record Claim(CompanyId vendor, InvitationId invitation, String tokenId, Instant expiresAt) {
    }

    /** The signed token. */
    String issue(Claim claim) {
        return keys.sign(String.join("\n", VERSION, claim.vendor().value(), claim.invitation().value(),
                claim.tokenId(), claim.expiresAt().toString()));
    }

    /** The invitation link carrying {@code token}. */
    String link(String token) {
        return invitationUrl + (invitationUrl.contains("?") ? "&" : "?") + "token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /**
     * Verifies the signature and the expiry.
     *
     * @throws ValidationException when the token is malformed, forged or tampered with
     * @throws ConflictException when it has expired ({@code now} at or after its expiry)
     */
    Claim read(String token, Instant now) {
        String payload;
        try {
            payload = keys.verify(token);
        } catch (ValidationException e) {
            throw new ValidationException("invitation token is not valid: " + e.getMessage(), e);
        }
        String[] fields = payload.split("\n", -1);
        if (fields.length != 5 || !fields[0].equals(VERSION)) {
            throw new ValidationException("invitation token is not valid: it is not an invitation link's token");
        }
        Claim claim;
        try {
            claim = new Claim(CompanyId.of(fields[1]), InvitationId.of(fields[2]), fields[3],
                    Instant.parse(fields[4]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ValidationException("invitation token is not valid: unreadable payload");
        }
        if (!now.isBefore(claim.expiresAt())) {
            throw new ConflictException("invitation link for invitation " + claim.invitation() + " expired at "
                    + claim.expiresAt());
        }
        return claim;
    }
}
