package dev.ecosystem.spring.web;

import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The {@code ecosystem.web.*} properties: where the consent page and the HubSpot webhook endpoint live and how they
 * check requests. Validated when bound (it validates itself, so no Bean Validation provider is needed): a bad value
 * stops the application with a message that names the property, the value and what is allowed.
 */
@ConfigurationProperties("ecosystem.web")
public class EcosystemWebProperties implements Validator {
    /** A path of the application: starts with a slash, then letters, digits and {@code / _ . -}. */
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9/_.-]*");
    private static final Duration MAX_FORM_TTL = Duration.ofDays(1);

    private final Consent consent = new Consent();
    private final HubSpot hubspot = new HubSpot();

    /** The consent page. */
    public Consent getConsent() {
        return consent;
    }

    /** The HubSpot webhook endpoint. */
    public HubSpot getHubspot() {
        return hubspot;
    }

    /** {@code ecosystem.web.consent.*}. */
    public static class Consent {
        /** Whether the consent page is served. */
        private boolean enabled = true;

        /**
         * The page's path; the links in consent emails ({@code IntroSettings.consentUrl}) must point here.
         */
        private String path = "/ecosystem/consent";

        /**
         * How long the form of a consent page stays valid after the page was shown; an older form is refused and
         * the person opens the link again.
         */
        private Duration formTtl = Duration.ofHours(1);

        /**
         * The key that signs the consent form's anti-forgery nonce, in base64 (at least 32 bytes). Set the same
         * value on every node behind one address; unset, each process makes a random one, so a form shown by one
         * node is refused by another.
         */
        private @Nullable String formSecret;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public Duration getFormTtl() {
            return formTtl;
        }

        public void setFormTtl(Duration formTtl) {
            this.formTtl = formTtl;
        }

        public @Nullable String getFormSecret() {
            return formSecret;
        }

        public void setFormSecret(@Nullable String formSecret) {
            this.formSecret = formSecret;
        }
    }

    /** {@code ecosystem.web.hubspot.*}. */
    public static class HubSpot {
        /**
         * Whether the webhook endpoint is served (when sdk-hubspot is on the classpath and the host defines a
         * {@code HubSpotPortalTenants} bean).
         */
        private boolean enabled = true;

        /** The endpoint's path. */
        private String path = "/ecosystem/hubspot/webhook";

        /** The HubSpot app's client secret, which signs its webhook deliveries. */
        private @Nullable String clientSecret;

        /**
         * The public URL HubSpot calls (scheme, host and path, such as https://app.example.com/ecosystem/hubspot/webhook),
         * when a proxy in front of the application changes it; signatures cover the URL as HubSpot called it. Unset,
         * the URL the application received is used (with Spring's forwarded-header support, if configured).
         */
        private @Nullable String publicUrl;

        /**
         * The company id under which verified deliveries are recorded in the store, so every node and every restart
         * refuses a replay; unset, replays are remembered in this process's memory only.
         */
        private @Nullable String replayOwner;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public @Nullable String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(@Nullable String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public @Nullable String getPublicUrl() {
            return publicUrl;
        }

        public void setPublicUrl(@Nullable String publicUrl) {
            this.publicUrl = publicUrl;
        }

        public @Nullable String getReplayOwner() {
            return replayOwner;
        }

        public void setReplayOwner(@Nullable String replayOwner) {
            this.replayOwner = replayOwner;
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return EcosystemWebProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EcosystemWebProperties properties = (EcosystemWebProperties) target;
        path(errors, "consent.path", properties.consent.path);
        path(errors, "hubspot.path", properties.hubspot.path);
        if (properties.consent.path != null && properties.consent.path.equals(properties.hubspot.path)) {
            errors.rejectValue("hubspot.path", "duplicate", "ecosystem.web.hubspot.path must differ from "
                    + "ecosystem.web.consent.path, but both were '" + properties.hubspot.path + "'");
        }
        Duration ttl = properties.consent.formTtl;
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_FORM_TTL) > 0) {
            errors.rejectValue("consent.formTtl", "range", "ecosystem.web.consent.form-ttl must be positive and at "
                    + "most " + MAX_FORM_TTL + ", but was " + ttl);
        }
        String secret = properties.consent.formSecret;
        if (secret != null && FormNonces.decodeKey(secret) == null) {
            // a global error: a field error would print the rejected value, a secret, in the startup failure
            errors.reject("format", "ecosystem.web.consent.form-secret must be base64 of at least "
                    + FormNonces.MIN_KEY_BYTES + " bytes, but was not (value not shown)");
        }
        String url = properties.hubspot.publicUrl;
        if (url != null && (!(url.startsWith("https://") || url.startsWith("http://")) || url.contains("?")
                || url.contains("#"))) {
            errors.rejectValue("hubspot.publicUrl", "format", "ecosystem.web.hubspot.public-url must be an absolute "
                    + "http(s) URL without query or fragment, such as https://app.example.com/ecosystem/hubspot/webhook,"
                    + " but was '" + url + "'");
        }
        String secretOfApp = properties.hubspot.clientSecret;
        if (secretOfApp != null && secretOfApp.isBlank()) {
            errors.rejectValue("hubspot.clientSecret", "blank", "ecosystem.web.hubspot.client-secret must not be "
                    + "blank when set");
        }
    }

    private static void path(Errors errors, String field, @Nullable String value) {
        if (value == null || !PATH.matcher(value).matches() || value.length() < 2) {
            errors.rejectValue(field, "format", "ecosystem.web." + kebab(field) + " must be a path of at least one "
                    + "character after '/', of letters, digits and / _ . -, but was " + (value == null ? "null"
                    : "'" + value + "'"));
        }
    }

    private static String kebab(String field) {
        return field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}
