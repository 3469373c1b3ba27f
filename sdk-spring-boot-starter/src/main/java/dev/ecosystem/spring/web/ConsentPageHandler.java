package dev.ecosystem.spring.web;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.intro.ConsentView;
import dev.ecosystem.intro.IntroOperations;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.Introduction;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseCookie;

/**
 * The consent page's logic, the same for Spring MVC and WebFlux: GET shows what the link asks (from
 * {@link IntroOperations#peek}, which changes nothing, so mail scanners that open links answer nothing); POST, with a
 * valid form nonce ({@link FormNonces}), answers it with {@link IntroOperations#redeem}. A link that cannot be used
 * gets one generic page whatever the reason; only the status differs (400 malformed or forged, 404 unknown, 410
 * expired, answered or ended), and the reason is logged at debug level, never shown. Blocking: it reads and writes
 * the store.
 */
public final class ConsentPageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentPageHandler.class);
    /** The cookie that carries the browser id the form nonce is bound to. */
    static final String COOKIE = "ecosystem_consent";

    private final IntroOperations intros;
    private final FormNonces nonces;
    private final String path;

    ConsentPageHandler(EcosystemClient client, FormNonces nonces, String path) {
        this.intros = client.intros();
        this.nonces = nonces;
        this.path = path;
    }

    /**
     * A response to write: status, HTML body (UTF-8), the headers of {@link ConsentPages#HEADERS}, and, when
     * {@code browserId} is not null, the cookie to set.
     */
    record Page(int status, String html, @Nullable String browserId) {
        Map<String, String> headers() {
            return ConsentPages.HEADERS;
        }
    }

    /** The page's path, where the form posts to and the cookie is scoped. */
    String path() {
        return path;
    }

    /**
     * The cookie for a browser id: only this site, only this path, never readable by scripts, never sent with
     * cross-site requests, living as long as a form.
     */
    ResponseCookie cookie(String browserId, boolean secure) {
        return ResponseCookie.from(COOKIE, browserId)
                .path(path)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .maxAge(nonces.ttl())
                .build();
    }

    /**
     * GET: what the link asks, with the form; a fresh browser id unless the browser sent a well-formed one. The form
     * also carries {@code csrf}, Spring Security's token, when the host runs Spring Security.
     */
    Page show(@Nullable String token, @Nullable String browserId, @Nullable SecurityCsrfField csrf) {
        if (token == null || token.isBlank()) {
            return refused(400, "no token");
        }
        String browser = browserId != null && FormNonces.isBrowserId(browserId) ? browserId : FormNonces.newBrowserId();
        return guarded(() -> {
            ConsentView view = intros.peek(token);
            return new Page(200, ConsentPages.form(view, path, token, nonces.issue(token, browser),
                    csrf), browser);
        });
    }

    /** POST: the answer, taken only with a nonce for this token and this browser. */
    Page answer(@Nullable String token, @Nullable String nonce, @Nullable String browserId, @Nullable String reason,
            boolean shareReason) {
        if (token == null || token.isBlank()) {
            return refused(400, "no token");
        }
        if (!nonces.verify(nonce, token, browserId)) {
            LOG.debug("consent form refused: missing, stale or foreign nonce or cookie");
            return new Page(403, ConsentPages.staleForm(), null);
        }
        return guarded(() -> {
            // peek first for the decision the link carries; it refuses what redeem would, and changes nothing
            ConsentStatus decision = intros.peek(token).decision();
            // browsers submit a textarea's line breaks as CRLF, which its maxlength counted as one character
            String why = reason == null ? null : reason.replace("\r\n", "\n");
            Introduction intro = intros.redeem(token, why, shareReason);
            return new Page(200, ConsentPages.answered(intro, decision), null);
        });
    }

    private Page guarded(Supplier<Page> work) {
        try {
            return work.get();
        } catch (ValidationException e) {
            return refused(400, e.getMessage());
        } catch (NotFoundException e) {
            return refused(404, e.getMessage());
        } catch (ConflictException e) {
            return refused(410, e.getMessage());
        }
    }

    private static Page refused(int status, @Nullable String why) {
        LOG.debug("consent link refused ({}): {}", status, why);
        return new Page(status, ConsentPages.refused(), null);
    }
}
