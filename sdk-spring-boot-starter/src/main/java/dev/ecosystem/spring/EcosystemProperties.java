package dev.ecosystem.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code ecosystem.*} properties. Bound once at startup and checked by {@link #validate()} before any bean is
 * built, so a wrong value stops the application with a message naming the property, the allowed values and the value
 * given, instead of failing later inside the SDK under another name.
 */
@ConfigurationProperties("ecosystem")
public class EcosystemProperties implements InitializingBean {
    /** How often the client reads the store's change feed for writes of other app nodes (10 ms to 1 hour). */
    private Duration changePollInterval = Duration.ofSeconds(1);
    private final Consent consent = new Consent();
    private final Intros intros = new Intros();
    private final Store store = new Store();
    private final Mail mail = new Mail();
    private final Scheduling scheduling = new Scheduling();
    private final Health health = new Health();

    public Duration getChangePollInterval() {
        return changePollInterval;
    }

    public void setChangePollInterval(Duration changePollInterval) {
        this.changePollInterval = changePollInterval;
    }

    public Consent getConsent() {
        return consent;
    }

    public Intros getIntros() {
        return intros;
    }

    public Store getStore() {
        return store;
    }

    public Mail getMail() {
        return mail;
    }

    public Scheduling getScheduling() {
        return scheduling;
    }

    public Health getHealth() {
        return health;
    }

    /** Validates once bound. */
    @Override
    public void afterPropertiesSet() {
        validate();
    }

    /**
     * Checks every property whose value the SDK would otherwise refuse under its own field name.
     *
     * @throws InvalidPropertyException naming the first wrong property, what it allows and what it was
     */
    public void validate() {
        between(changePollInterval, Duration.ofMillis(10), Duration.ofHours(1), "ecosystem.change-poll-interval");
        for (int i = 0; i < consent.keys.size(); i++) {
            consent.keys.get(i).validate("ecosystem.consent.keys[" + i + "]");
        }
        if (mail.kind != null) {
            MailKind.parse(mail.kind);
        }
        if (mail.smtp.port != null && (mail.smtp.port < 1 || mail.smtp.port > 65_535)) {
            throw new InvalidPropertyException("ecosystem.mail.smtp.port", "a port from 1 to 65535", mail.smtp.port);
        }
        between(scheduling.interval, Duration.ofMillis(10), Duration.ofDays(1), "ecosystem.scheduling.interval");
        between(scheduling.shutdownTimeout, Duration.ZERO, Duration.ofHours(1), "ecosystem.scheduling.shutdown-timeout");
        between(health.maxFeedLag, Duration.ofMillis(1), Duration.ofDays(1), "ecosystem.health.max-feed-lag");
    }

    private static void between(@Nullable Duration value, Duration min, Duration max, String property) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidPropertyException(property, "a duration from " + min + " to " + max, value);
        }
    }

    /** Consent links: the keys that sign them. */
    public static class Consent {
        /**
         * The HMAC keys, the first signing and the others verifying only (rotation): each an id and a base64 secret
         * of at least 32 bytes. Required unless allow-random-keys is set.
         */
        private List<Key> keys = new ArrayList<>();
        /**
         * Development only: with no keys set, sign with a random key that dies with the process (links sent before a
         * restart stop working). Off by default: the application refuses to start without keys.
         */
        private boolean allowRandomKeys;

        public List<Key> getKeys() {
            return keys;
        }

        public void setKeys(List<Key> keys) {
            this.keys = keys;
        }

        public boolean isAllowRandomKeys() {
            return allowRandomKeys;
        }

        public void setAllowRandomKeys(boolean allowRandomKeys) {
            this.allowRandomKeys = allowRandomKeys;
        }
    }

    /** One consent key. */
    public static class Key {
        /** The key's id, 1 to 32 of A-Z a-z 0-9 _ -; it travels in every link it signs. */
        private @Nullable String id;
        /** The secret, base64 (standard or URL-safe) of at least 32 random bytes. */
        private @Nullable String secret;

        public @Nullable String getId() {
            return id;
        }

        public void setId(@Nullable String id) {
            this.id = id;
        }

        public @Nullable String getSecret() {
            return secret;
        }

        public void setSecret(@Nullable String secret) {
            this.secret = secret;
        }

        /** The secret's bytes. */
        byte[] secretBytes(String property) {
            String text = secret == null ? "" : secret.trim();
            byte[] bytes;
            try {
                bytes = text.contains("-") || text.contains("_") ? java.util.Base64.getUrlDecoder().decode(text)
                        : java.util.Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                bytes = new byte[0];
            }
            if (bytes.length < 32) {
                // never repeat a secret in an error
                throw new InvalidPropertyException(property + ".secret", "base64 of at least 32 bytes",
                        secret == null ? null : "(" + bytes.length + " bytes)");
            }
            return bytes;
        }

        void validate(String property) {
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new InvalidPropertyException(property + ".id", "1 to 32 of A-Z a-z 0-9 _ -", id);
            }
            secretBytes(property);
        }
    }

    /** Introductions. */
    public static class Intros {
        /** The host's consent page; links are this URL plus ?token=... (default: the SDK's demo URL). */
        private @Nullable String consentUrl;
        /** The mailbox introduction emails come from (default: the SDK's demo sender). */
        private @Nullable String sender;
        /** The name shown with the sender. */
        private @Nullable String senderName;

        public @Nullable String getConsentUrl() {
            return consentUrl;
        }

        public void setConsentUrl(@Nullable String consentUrl) {
            this.consentUrl = consentUrl;
        }

        public @Nullable String getSender() {
            return sender;
        }

        public void setSender(@Nullable String sender) {
            this.sender = sender;
        }

        public @Nullable String getSenderName() {
            return senderName;
        }

        public void setSenderName(@Nullable String senderName) {
            this.senderName = senderName;
        }
    }

    /** The JDBC store, used when sdk-jdbc is on the classpath and the application has a DataSource. */
    public static class Store {
        /** The schema of the store's tables (default: the connection's current schema). */
        private @Nullable String schema;
        /** The prefix of every table name. */
        private String tablePrefix = "eco_";
        /** Whether startup creates or upgrades the store's tables (Flyway, history in <prefix>schema_history). */
        private boolean migrate = true;

        public @Nullable String getSchema() {
            return schema;
        }

        public void setSchema(@Nullable String schema) {
            this.schema = schema;
        }

        public String getTablePrefix() {
            return tablePrefix;
        }

        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }
    }

    /** The mailer. */
    public static class Mail {
        /**
         * Which mailer sends: smtp, gmail, graph or eml-directory (needs sdk-mail). Unset: an in-memory mailer that
         * keeps emails and delivers none.
         */
        private @Nullable String kind;
        private final Smtp smtp = new Smtp();
        private final Gmail gmail = new Gmail();
        private final Graph graph = new Graph();
        private final EmlDirectory emlDirectory = new EmlDirectory();

        public @Nullable String getKind() {
            return kind;
        }

        public void setKind(@Nullable String kind) {
            this.kind = kind;
        }

        public Smtp getSmtp() {
            return smtp;
        }

        public Gmail getGmail() {
            return gmail;
        }

        public Graph getGraph() {
            return graph;
        }

        public EmlDirectory getEmlDirectory() {
            return emlDirectory;
        }

        /** The kind, checked; {@code null} when unset. */
        @Nullable MailKind kind() {
            return kind == null ? null : MailKind.parse(kind);
        }
    }

    /** The mailer kinds of {@code ecosystem.mail.kind}. */
    enum MailKind {
        SMTP, GMAIL, GRAPH, EML_DIRECTORY;

        String property() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static MailKind parse(String value) {
            for (MailKind kind : values()) {
                if (kind.property().equalsIgnoreCase(value.trim())) {
                    return kind;
                }
            }
            throw new InvalidPropertyException("ecosystem.mail.kind", "one of smtp, gmail, graph, eml-directory",
                    value);
        }
    }

    /** SMTP. */
    public static class Smtp {
        /** The server's host name (required for kind smtp). */
        private @Nullable String host;
        /** The port (default 587 for STARTTLS, 465 for implicit TLS, 25 without TLS). */
        private @Nullable Integer port;
        /** How the connection is protected: starttls, implicit-tls or none. */
        private String security = "starttls";
        /** The user name, if the server wants a login. */
        private @Nullable String username;
        /** The password for username. */
        private @Nullable String password;

        public @Nullable String getHost() {
            return host;
        }

        public void setHost(@Nullable String host) {
            this.host = host;
        }

        public @Nullable Integer getPort() {
            return port;
        }

        public void setPort(@Nullable Integer port) {
            this.port = port;
        }

        public String getSecurity() {
            return security;
        }

        public void setSecurity(String security) {
            this.security = security;
        }

        public @Nullable String getUsername() {
            return username;
        }

        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        public @Nullable String getPassword() {
            return password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }
    }

    /** Gmail API; the access tokens come from the application's AccessTokenSource bean. */
    public static class Gmail {
        /** The mailbox: "me" (the token's user) or an address the token may send as. */
        private String userId = "me";

        public String getUserId() {
            return userId;
        }

        public void setUserId(String userId) {
            this.userId = userId;
        }
    }

    /** Microsoft Graph; the access tokens come from the application's AccessTokenSource bean. */
    public static class Graph {
        /** The mailbox: "me" (delegated token) or a user id or principal name (application token). */
        private String user = "me";

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }
    }

    /** A directory of .eml files, for development. */
    public static class EmlDirectory {
        /** Where the .eml files go (created if missing). */
        private Path path = Path.of("target", "ecosystem-mail");

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }
    }

    /** The scheduler that runs the client's due work. */
    public static class Scheduling {
        /** Whether the due work (introductions, partnerships, referrals, CRM write-back) runs on a schedule. */
        private boolean enabled = true;
        /** The pause between the end of one run and the start of the next (10 ms to 1 day). */
        private Duration interval = Duration.ofMinutes(1);
        /** At shutdown, how long a run under way may take to finish before its claimed emails are handed back. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** The health indicator. */
    public static class Health {
        /** Beyond this change-feed lag the indicator reports DEGRADED. */
        private Duration maxFeedLag = Duration.ofMinutes(1);

        public Duration getMaxFeedLag() {
            return maxFeedLag;
        }

        public void setMaxFeedLag(Duration maxFeedLag) {
            this.maxFeedLag = maxFeedLag;
        }
    }
}
