package dev.ecosystem.spring;

import dev.ecosystem.http.AccessTokenSource;
import dev.ecosystem.mail.EmlDirectoryMailer;
import dev.ecosystem.mail.GmailMailer;
import dev.ecosystem.mail.GraphMailer;
import dev.ecosystem.mail.SmtpMailer;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.Telemetry;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds the sdk-mail mailer {@code ecosystem.mail.kind} names. Loaded only when sdk-mail is on the classpath.
 * Gmail and Graph send as a user whose OAuth tokens only the application can reach, so they take them from its
 * {@link AccessTokenSource} bean and refuse to start without one.
 */
final class MailerFactory {
    private MailerFactory() {
    }

    static Mailer create(EcosystemProperties.MailKind kind, EcosystemProperties.Mail mail,
            @Nullable AccessTokenSource tokens, Telemetry telemetry, Clock clock) {
        return switch (kind) {
            case SMTP -> smtp(mail.getSmtp(), clock);
            case GMAIL -> GmailMailer.builder().tokens(required(tokens, kind)).userId(mail.getGmail().getUserId())
                    .telemetry(telemetry).clock(clock).build();
            case GRAPH -> GraphMailer.builder().tokens(required(tokens, kind)).user(mail.getGraph().getUser())
                    .telemetry(telemetry).clock(clock).build();
            case EML_DIRECTORY -> EmlDirectoryMailer.create(mail.getEmlDirectory().getPath(), clock);
        };
    }

    private static AccessTokenSource required(@Nullable AccessTokenSource tokens, EcosystemProperties.MailKind kind) {
        if (tokens == null) {
            throw new MissingBeanException("ecosystem.mail.kind=" + kind.property() + " sends as a user with OAuth "
                    + "access tokens: define a bean of type " + AccessTokenSource.class.getName()
                    + " (for example an OAuthRefreshTokenSource over the user's stored refresh token)");
        }
        return tokens;
    }

    private static SmtpMailer smtp(EcosystemProperties.Smtp smtp, Clock clock) {
        if (smtp.getHost() == null || smtp.getHost().isBlank()) {
            throw new InvalidPropertyException("ecosystem.mail.smtp.host", "the SMTP server's host name when "
                    + "ecosystem.mail.kind=smtp", null);
        }
        SmtpMailer.Builder builder = SmtpMailer.builder().host(smtp.getHost()).security(security(smtp.getSecurity()))
                .clock(clock);
        if (smtp.getPort() != null) {
            builder.port(smtp.getPort());
        }
        if (smtp.getUsername() != null) {
            if (smtp.getPassword() == null) {
                throw new InvalidPropertyException("ecosystem.mail.smtp.password", "set when "
                        + "ecosystem.mail.smtp.username is", null);
            }
            builder.password(smtp.getUsername(), smtp.getPassword());
        }
        return builder.build();
    }

    private static SmtpMailer.Security security(String value) {
        for (SmtpMailer.Security security : SmtpMailer.Security.values()) {
            if (security.name().toLowerCase(Locale.ROOT).replace('_', '-').equalsIgnoreCase(value.trim())) {
                return security;
            }
        }
        throw new InvalidPropertyException("ecosystem.mail.smtp.security", "one of starttls, implicit-tls, none",
                value);
    }
}
