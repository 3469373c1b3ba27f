package dev.ecosystem.spring;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.hubspot.HubSpotCrm;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.http.AccessTokenSource;
import dev.ecosystem.mail.SmtpMailer;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.Telemetry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link EcosystemClient} from {@code ecosystem.*} properties and the beans present, the way Flyway's and
 * Micrometer's auto-configurations work: every bean backs off when the application defines its own of the type.
 *
 * <ul>
 *   <li>{@link PartnerStore}: a {@link JdbcPartnerStore} over the application's {@link DataSource} when sdk-jdbc is on
 *       the classpath, else an in-memory store, with a WARN that its data is lost on restart.</li>
 *   <li>{@link Mailer}: the sdk-mail mailer {@code ecosystem.mail.kind} names; unset, an in-memory one (WARN).</li>
 *   <li>{@link CrmConnections}: HubSpot when sdk-hubspot is on the classpath and the application defines
 *       {@link HubSpotCredentials}; else none.</li>
 *   <li>{@link ConsentKeys} from {@code ecosystem.consent.keys}; none set refuses to start, unless
 *       {@code ecosystem.consent.allow-random-keys=true} (development; WARN).</li>
 *   <li>{@link EcosystemScheduler}: the due work on a schedule, and the client's shutdown.</li>
 * </ul>
 * An application that defines its own {@link EcosystemClient} gets none of the parts above but the scheduler: they
 * only build the client (so such an application needs no {@code ecosystem.consent.keys}, and gets no second store).
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@EnableConfigurationProperties(EcosystemProperties.class)
public class EcosystemAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EcosystemAutoConfiguration.class);

    /** The durable store over the application's DataSource, when sdk-jdbc is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcPartnerStore.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class JdbcStoreConfiguration {
        /**
         * After the application's own database initialization (its Flyway or Liquibase migrations, schema.sql): on
         * a first start they then see the empty schema they expect, and the store's tables, with their own history
         * table, join them after.
         */
        @Bean
        @ConditionalOnMissingBean({PartnerStore.class, EcosystemClient.class})
        @DependsOnDatabaseInitialization
        PartnerStore ecosystemPartnerStore(DataSource dataSource, EcosystemProperties properties) {
            EcosystemProperties.Store store = properties.getStore();
            JdbcPartnerStore.Builder builder = JdbcPartnerStore.builder(dataSource).migrate(store.isMigrate());
            named(() -> builder.tablePrefix(store.getTablePrefix()), "ecosystem.store.table-prefix",
                    "letters, digits and _, up to 30", store.getTablePrefix());
            String schema = store.getSchema();
            if (schema != null) {
                named(() -> builder.schema(schema), "ecosystem.store.schema",
                        "letters, digits and _, up to 63", schema);
            }
            return builder.build();
        }
    }

    /** The sdk-mail mailers, when sdk-mail is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SmtpMailer.class)
    static class MailConfiguration {
        @Bean
        @ConditionalOnMissingBean({Mailer.class, EcosystemClient.class})
        Mailer ecosystemMailer(EcosystemProperties properties, ObjectProvider<AccessTokenSource> tokens,
                ObjectProvider<Telemetry> telemetry, ObjectProvider<Clock> clock) {
            EcosystemProperties.MailKind kind = properties.getMail().kind();
            if (kind == null) {
                return inMemoryMailer(clockOf(clock));
            }
            return MailerFactory.create(kind, properties.getMail(), tokens.getIfUnique(),
                    telemetry.getIfAvailable(Telemetry::none), clockOf(clock));
        }
    }

    /** HubSpot per tenant, when sdk-hubspot is present and the application gives credentials. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HubSpotCrm.class)
    @ConditionalOnBean(type = "dev.ecosystem.spring.HubSpotCredentials")
    static class HubSpotConfiguration {
        @Bean
        @ConditionalOnMissingBean({CrmConnections.class, EcosystemClient.class})
        CrmConnections ecosystemCrmConnections(HubSpotCredentials credentials, ObjectProvider<Telemetry> telemetry) {
            return new HubSpotConnections(credentials, telemetry.getIfAvailable(Telemetry::none));
        }
    }

    @Bean
    @ConditionalOnMissingBean({PartnerStore.class, EcosystemClient.class})
    PartnerStore ecosystemInMemoryPartnerStore() {
        LOG.warn("Ecosystem SDK: no DataSource with sdk-jdbc on the classpath, so the partner store is in memory: its "
                + "data is lost on restart. Add dev.ecosystem:sdk-jdbc and a DataSource, or define a PartnerStore bean");
        return InMemoryPartnerStore.create();
    }

    @Bean
    @ConditionalOnMissingBean({Mailer.class, EcosystemClient.class})
    Mailer ecosystemFallbackMailer(EcosystemProperties properties, ObjectProvider<Clock> clock) {
        EcosystemProperties.MailKind kind = properties.getMail().kind();
        if (kind != null) {
            throw new MissingBeanException("ecosystem.mail.kind=" + kind.property() + " needs dev.ecosystem:sdk-mail "
                    + "on the classpath (or define a Mailer bean)");
        }
        return inMemoryMailer(clockOf(clock));
    }

    @Bean
    @ConditionalOnMissingBean({CrmConnections.class, EcosystemClient.class})
    CrmConnections ecosystemNoCrmConnections() {
        return CrmConnections.none();
    }

    @Bean
    @ConditionalOnMissingBean
    Telemetry ecosystemTelemetry() {
        return Telemetry.none();
    }

    @Bean
    @ConditionalOnMissingBean({ConsentKeys.class, EcosystemClient.class})
    ConsentKeys ecosystemConsentKeys(EcosystemProperties properties) {
        EcosystemProperties.Consent consent = properties.getConsent();
        List<EcosystemProperties.Key> keys = consent.getKeys();
        if (keys.isEmpty()) {
            if (!consent.isAllowRandomKeys()) {
                throw new InvalidPropertyException("ecosystem.consent.keys", "at least one key (ecosystem.consent"
                        + ".keys[0].id and .secret, base64 of 32+ random bytes) so consent links survive a restart "
                        + "and verify on every node; for development only, set "
                        + "ecosystem.consent.allow-random-keys=true", null);
            }
            LOG.warn("Ecosystem SDK: consent links are signed with a random key (ecosystem.consent.allow-random-keys"
                    + "=true): links sent before a restart stop working, and other nodes refuse them. Development only");
            return ConsentKeys.random();
        }
        EcosystemProperties.Key first = keys.get(0);
        // EcosystemProperties.validate() checked every key's id at binding.
        ConsentKeys result = ConsentKeys.of(Objects.requireNonNull(first.getId()),
                first.secretBytes("ecosystem.consent.keys[0]"));
        for (int i = 1; i < keys.size(); i++) {
            EcosystemProperties.Key retired = keys.get(i);
            String property = "ecosystem.consent.keys[" + i + "]";
            ConsentKeys current = result;
            String id = Objects.requireNonNull(retired.getId());
            result = named(() -> current.withRetired(id, retired.secretBytes(property)),
                    property + ".id", "unique among the keys", id);
        }
        return result;
    }

    @Bean
    @ConditionalOnMissingBean({IntroSettings.class, EcosystemClient.class})
    IntroSettings ecosystemIntroSettings(EcosystemProperties properties, ConsentKeys keys) {
        EcosystemProperties.Intros intros = properties.getIntros();
        IntroSettings.Builder builder = IntroSettings.builder().consentKeys(keys);
        if (intros.getConsentUrl() != null) {
            builder.consentUrl(intros.getConsentUrl()); // checked by build()
        }
        String address = intros.getSender();
        if (address != null) {
            EmailAddress sender = named(() -> intros.getSenderName() == null ? EmailAddress.of(address)
                    : EmailAddress.of(address, intros.getSenderName()), "ecosystem.intros.sender",
                    "an email address", address);
            builder.sender(sender);
        }
        return intros.getConsentUrl() == null ? builder.build() : named(builder::build,
                "ecosystem.intros.consent-url", "an absolute http(s) URL without a fragment", intros.getConsentUrl());
    }

    @Bean
    @ConditionalOnMissingBean
    EcosystemClient ecosystemClient(EcosystemProperties properties, PartnerStore store, Mailer mailer,
            CrmConnections crms, IntroSettings intros, Telemetry telemetry, ObjectProvider<Clock> clock) {
        return EcosystemClient.builder()
                .store(store)
                .mailer(mailer)
                .crm(crms)
                .intros(intros)
                .telemetry(telemetry)
                .clock(clockOf(clock))
                .changePollInterval(properties.getChangePollInterval())
                .deferChangeFollowing() // EcosystemScheduler starts it with the context
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    EcosystemScheduler ecosystemScheduler(EcosystemClient client, EcosystemProperties properties) {
        EcosystemProperties.Scheduling scheduling = properties.getScheduling();
        return new EcosystemScheduler(client, scheduling.isEnabled(), scheduling.getInterval(),
                scheduling.getShutdownTimeout());
    }

    private static Mailer inMemoryMailer(Clock clock) {
        LOG.warn("Ecosystem SDK: no ecosystem.mail.kind set, so emails are kept in memory and never delivered. Set "
                + "ecosystem.mail.kind (smtp, gmail, graph, eml-directory) or define a Mailer bean");
        return new InMemoryMailer(clock);
    }

    /** The application's Clock bean, if it has one; else the system's, in UTC. */
    private static Clock clockOf(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }

    /** Runs an SDK setter, turning its refusal into one that names the property. */
    private static <T> T named(java.util.function.Supplier<T> setter, String property, String allowed,
            Object value) {
        try {
            return setter.get();
        } catch (dev.ecosystem.error.ValidationException e) {
            throw new InvalidPropertyException(property, allowed, value);
        }
    }
}
