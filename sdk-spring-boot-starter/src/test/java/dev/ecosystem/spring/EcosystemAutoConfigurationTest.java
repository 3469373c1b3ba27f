package dev.ecosystem.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.hubspot.HubSpotCrm;
import dev.ecosystem.intro.ConsentKeys;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.jdbc.JdbcPartnerStore;
import dev.ecosystem.http.AccessTokenSource;
import dev.ecosystem.mail.EmlDirectoryMailer;
import dev.ecosystem.mail.GmailMailer;
import dev.ecosystem.mail.GraphMailer;
import dev.ecosystem.mail.SmtpMailer;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.memory.InMemoryMailer;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.Mailer;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.Telemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every condition of {@link EcosystemAutoConfiguration}: what it builds, when it backs off, what it refuses. */
class EcosystemAutoConfigurationTest {
    static final String[] KEYS = {"ecosystem.consent.keys[0].id=k1",
        "ecosystem.consent.keys[0].secret=" + SampleNetwork.KEY, "ecosystem.scheduling.enabled=false"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EcosystemAutoConfiguration.class))
            .withPropertyValues(KEYS);

    private static Throwable rootCause(AssertableApplicationContext context) {
        Throwable failure = context.getStartupFailure();
        assertThat(failure).as("startup failure").isNotNull();
        while (failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    @Test
    @DisplayName("With the keys set, one working client is built on the embedded defaults")
    void defaults_buildOneWorkingClient() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(EcosystemClient.class).hasSingleBean(EcosystemScheduler.class);
            EcosystemClient client = context.getBean(EcosystemClient.class);
            SampleNetwork.seed(client);
            assertThat(client.as(SampleNetwork.ACME).network().profile().name()).isEqualTo("Acme Mail");
            assertThat(context.getBean(PartnerStore.class)).isInstanceOf(InMemoryPartnerStore.class);
            assertThat(context.getBean(Mailer.class)).isInstanceOf(InMemoryMailer.class);
        });
    }

    @Test
    @DisplayName("An application's own client: the starter builds no parts of a client (no store, mailer, CRM, keys "
            + "or settings), needs no consent keys, and schedules the application's client")
    void ownClient_noPartsBuilt() {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EcosystemAutoConfiguration.class))
                .withPropertyValues("ecosystem.scheduling.enabled=false")
                .withBean(EcosystemClient.class, () -> EcosystemClient.builder().store(store).build())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EcosystemClient.class)
                            .doesNotHaveBean(PartnerStore.class).doesNotHaveBean(Mailer.class)
                            .doesNotHaveBean(CrmConnections.class).doesNotHaveBean(ConsentKeys.class)
                            .doesNotHaveBean(IntroSettings.class);
                    assertThat(context.getBean(EcosystemScheduler.class).runOnce()).isTrue();
                });
    }

    @Nested
    @DisplayName("Consent keys")
    class Keys {
        @Test
        @DisplayName("No key set refuses to start, naming the property and the development flag")
        void noKeys_refuseToStart() {
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EcosystemAutoConfiguration.class))
                    .run(context -> assertThat(rootCause(context)).isInstanceOf(InvalidPropertyException.class)
                            .hasMessageStartingWith("ecosystem.consent.keys must be at least one key")
                            .hasMessageContaining("ecosystem.consent.allow-random-keys=true")
                            .hasMessageEndingWith("but was not set"));
        }

        @Test
        @DisplayName("allow-random-keys starts with a random key")
        void allowRandomKeys_starts() {
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EcosystemAutoConfiguration.class))
                    .withPropertyValues("ecosystem.consent.allow-random-keys=true", "ecosystem.scheduling.enabled=false")
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(EcosystemClient.class));
        }

        @Test
        @DisplayName("The first key signs and the others verify: links signed with a retired key are accepted")
        void keys_firstSignsOthersVerify() {
            ConsentKeys old = ConsentKeys.of("k0", java.util.Base64.getDecoder().decode(SampleNetwork.KEY.replace('M',
                    'N')));
            runner.withPropertyValues("ecosystem.consent.keys[1].id=k0",
                    "ecosystem.consent.keys[1].secret=" + SampleNetwork.KEY.replace('M', 'N')).run(context -> {
                        ConsentKeys keys = context.getBean(ConsentKeys.class);
                        assertThat(keys.currentKeyId()).isEqualTo("k1");
                        assertThat(keys.verify(old.sign("payload"))).isEqualTo("payload");
                    });
        }

        @Test
        @DisplayName("A short secret names its property and never repeats the secret")
        void shortSecret_namesTheProperty() {
            runner.withPropertyValues("ecosystem.consent.keys[0].secret=c2hvcnQ=").run(context ->
                    assertThat(rootCause(context)).hasMessageContaining(
                            "ecosystem.consent.keys[0].secret must be base64 of at least 32 bytes, but was "
                                    + "'(5 bytes)'").hasMessageNotContaining("c2hvcnQ="));
        }
    }

    @Nested
    @DisplayName("Store")
    class Store {
        private final ApplicationContextRunner withDataSource = runner
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

        @Test
        @DisplayName("With sdk-jdbc and a DataSource, the store is a JdbcPartnerStore over it, migrated and working")
        void jdbc_overTheDataSource() {
            withDataSource.withPropertyValues("spring.datasource.url=jdbc:h2:mem:sc-jdbc;DB_CLOSE_DELAY=-1",
                    "ecosystem.store.table-prefix=eco_sc_").run(context -> {
                        assertThat(context.getBean(PartnerStore.class)).isInstanceOf(JdbcPartnerStore.class);
                        EcosystemClient client = context.getBean(EcosystemClient.class);
                        SampleNetwork.seed(client);
                        assertThat(client.as(SampleNetwork.GLOBEX).network().profile().name())
                                .isEqualTo("Globex Billing");
                    });
        }

        @Test
        @DisplayName("Without sdk-jdbc on the classpath the store is in memory, even with a DataSource")
        void noJdbcModule_inMemory() {
            withDataSource.withClassLoader(new FilteredClassLoader(JdbcPartnerStore.class))
                    .withPropertyValues("spring.datasource.url=jdbc:h2:mem:sc-nojdbc;DB_CLOSE_DELAY=-1")
                    .run(context -> assertThat(context.getBean(PartnerStore.class))
                            .isInstanceOf(InMemoryPartnerStore.class));
        }

        @Test
        @DisplayName("A bad table prefix names ecosystem.store.table-prefix")
        void badTablePrefix_namesTheProperty() {
            withDataSource.withPropertyValues("spring.datasource.url=jdbc:h2:mem:sc-prefix;DB_CLOSE_DELAY=-1",
                    "ecosystem.store.table-prefix=eco-sc").run(context -> assertThat(rootCause(context))
                            .hasMessage("ecosystem.store.table-prefix must be letters, digits and _, up to 30, but "
                                    + "was 'eco-sc'"));
        }
    }

    @Nested
    @DisplayName("Mailer")
    class Mail {
        @Test
        @DisplayName("kind=eml-directory writes .eml files into the configured directory")
        void emlDirectory(@TempDir Path folder) {
            runner.withPropertyValues("ecosystem.mail.kind=eml-directory",
                    "ecosystem.mail.eml-directory.path=" + folder).run(context -> {
                        assertThat(context.getBean(Mailer.class)).isInstanceOf(EmlDirectoryMailer.class);
                        assertThat(((EmlDirectoryMailer) context.getBean(Mailer.class)).directory()).isEqualTo(folder);
                        EcosystemClient client = context.getBean(EcosystemClient.class);
                        SampleNetwork.seed(client);
                        SampleNetwork.requestIntro(client, "bob");
                        assertThat(client.intros().runDue(client.clock().instant()).sent()).isEqualTo(1);
                        try (Stream<Path> files = Files.list(folder)) {
                            assertThat(files).singleElement().asString().endsWith(".eml");
                        }
                    });
        }

        @Test
        @DisplayName("kind=smtp builds an SmtpMailer; without a host it names ecosystem.mail.smtp.host")
        void smtp() {
            runner.withPropertyValues("ecosystem.mail.kind=smtp", "ecosystem.mail.smtp.host=mail.example.com",
                    "ecosystem.mail.smtp.username=u", "ecosystem.mail.smtp.password=p")
                    .run(context -> assertThat(context.getBean(Mailer.class)).isInstanceOf(SmtpMailer.class));
            runner.withPropertyValues("ecosystem.mail.kind=smtp").run(context -> assertThat(rootCause(context))
                    .hasMessageStartingWith("ecosystem.mail.smtp.host must be the SMTP server's host name"));
            runner.withPropertyValues("ecosystem.mail.kind=smtp", "ecosystem.mail.smtp.host=mail.example.com",
                    "ecosystem.mail.smtp.security=ssl").run(context -> assertThat(rootCause(context))
                    .hasMessage("ecosystem.mail.smtp.security must be one of starttls, implicit-tls, none, but was "
                            + "'ssl'"));
        }

        @ParameterizedTest(name = "kind={0}")
        @MethodSource("dev.ecosystem.spring.EcosystemAutoConfigurationTest#oauthKinds")
        @DisplayName("gmail and graph take the application's AccessTokenSource, and refuse to start without one")
        void oauthKinds(String kind, Class<?> type) {
            runner.withPropertyValues("ecosystem.mail.kind=" + kind)
                    .withBean(AccessTokenSource.class, () -> AccessTokenSource.of("test-token"))
                    .run(context -> assertThat(context.getBean(Mailer.class)).isInstanceOf(type));
            runner.withPropertyValues("ecosystem.mail.kind=" + kind).run(context -> assertThat(rootCause(context))
                    .isInstanceOf(MissingBeanException.class)
                    .hasMessageStartingWith("ecosystem.mail.kind=" + kind + " sends as a user")
                    .hasMessageContaining("define a bean of type " + AccessTokenSource.class.getName()));
        }

        @Test
        @DisplayName("An unknown kind names the property, the allowed values and the value")
        void unknownKind() {
            runner.withPropertyValues("ecosystem.mail.kind=smpt").run(context -> assertThat(rootCause(context))
                    .hasMessage("ecosystem.mail.kind must be one of smtp, gmail, graph, eml-directory, but was "
                            + "'smpt'"));
        }

        @Test
        @DisplayName("A kind without sdk-mail on the classpath says which module to add")
        void kindWithoutSdkMail() {
            runner.withClassLoader(new FilteredClassLoader(SmtpMailer.class))
                    .withPropertyValues("ecosystem.mail.kind=smtp").run(context -> assertThat(rootCause(context))
                            .hasMessage("ecosystem.mail.kind=smtp needs dev.ecosystem:sdk-mail on the classpath (or "
                                    + "define a Mailer bean)"));
            runner.withClassLoader(new FilteredClassLoader(SmtpMailer.class))
                    .run(context -> assertThat(context.getBean(Mailer.class)).isInstanceOf(InMemoryMailer.class));
        }
    }

    static Stream<Arguments> oauthKinds() {
        return Stream.of(Arguments.of("gmail", GmailMailer.class), Arguments.of("graph", GraphMailer.class));
    }

    @Nested
    @DisplayName("HubSpot")
    class HubSpot {
        @Test
        @DisplayName("A HubSpotCredentials bean gives each tenant its own HubSpotCrm, built once; a tenant without "
                + "credentials has none")
        void credentials_perTenant() {
            HubSpotCredentials credentials = (tenant, builder) -> {
                if (!tenant.equals(SampleNetwork.ACME)) {
                    return false;
                }
                builder.accessToken("acme-token");
                return true;
            };
            runner.withBean(HubSpotCredentials.class, () -> credentials).run(context -> {
                CrmConnections crms = context.getBean(CrmConnections.class);
                assertThat(crms.forTenant(SampleNetwork.ACME)).isInstanceOf(HubSpotCrm.class)
                        .isSameAs(crms.forTenant(SampleNetwork.ACME));
                assertThat(crms.forTenant(SampleNetwork.ACME).tenant()).isEqualTo(SampleNetwork.ACME);
                assertThatThrownBy(() -> crms.forTenant(SampleNetwork.GLOBEX)).isInstanceOf(NotFoundException.class)
                        .hasMessageContaining("globex");
            });
        }

        @Test
        @DisplayName("Without credentials no tenant has a CRM")
        void noCredentials_noCrm() {
            runner.run(context -> assertThatThrownBy(() -> context.getBean(CrmConnections.class)
                    .forTenant(SampleNetwork.ACME)).isInstanceOf(NotFoundException.class));
        }
    }

    @Nested
    @DisplayName("Back-off")
    class BackOff {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.ecosystem.spring.EcosystemAutoConfigurationTest#hostBeans")
        @DisplayName("Every bean backs off when the application defines its own")
        <T> void eachBean_backsOff(Class<T> type, Supplier<T> bean) {
            T own = bean.get();
            runner.withBean("host", type, () -> own).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(type);
                assertThat(context.getBean(type)).isSameAs(own);
            });
        }

        @Test
        @DisplayName("The application's EcosystemClient is the one the scheduler runs")
        void ownClient_isScheduled() {
            EcosystemClient own = EcosystemClient.create();
            runner.withBean("host", EcosystemClient.class, () -> own).run(context -> {
                assertThat(context.getBean(EcosystemClient.class)).isSameAs(own);
                assertThat(context).hasSingleBean(EcosystemScheduler.class);
            });
        }
    }

    static Stream<Arguments> hostBeans() {
        Supplier<PartnerStore> store = InMemoryPartnerStore::create;
        Supplier<Mailer> mailer = () -> new InMemoryMailer(java.time.Clock.systemUTC());
        Supplier<CrmConnections> crms = () -> CrmConnections.of(InMemoryCrm.of(SampleNetwork.ACME, List.of(),
                List.of()));
        Supplier<ConsentKeys> keys = ConsentKeys::random;
        Supplier<IntroSettings> intros = IntroSettings::defaults;
        Supplier<Telemetry> telemetry = Telemetry::none;
        Supplier<EcosystemScheduler> scheduler = () -> new EcosystemScheduler(EcosystemClient.create(), false,
                Duration.ofMinutes(1), Duration.ZERO);
        return Stream.of(Arguments.of(PartnerStore.class, store), Arguments.of(Mailer.class, mailer),
                Arguments.of(CrmConnections.class, crms), Arguments.of(ConsentKeys.class, keys),
                Arguments.of(IntroSettings.class, intros), Arguments.of(Telemetry.class, telemetry),
                Arguments.of(EcosystemScheduler.class, scheduler));
    }

    @Nested
    @DisplayName("Property checks")
    class PropertyChecks {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.ecosystem.spring.EcosystemAutoConfigurationTest#badValues")
        @DisplayName("A bad value stops startup with the property, what it allows and the value")
        void badValue_namesTheProperty(String property, String message) {
            runner.withPropertyValues(property).run(context -> assertThat(rootCause(context)).hasMessage(message));
        }
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("ecosystem.scheduling.interval=0s",
                        "ecosystem.scheduling.interval must be a duration from PT0.01S to PT24H, but was 'PT0S'"),
                Arguments.of("ecosystem.change-poll-interval=2h",
                        "ecosystem.change-poll-interval must be a duration from PT0.01S to PT1H, but was 'PT2H'"),
                Arguments.of("ecosystem.health.max-feed-lag=-1s",
                        "ecosystem.health.max-feed-lag must be a duration from PT0.001S to PT24H, but was 'PT-1S'"),
                Arguments.of("ecosystem.mail.smtp.port=70000",
                        "ecosystem.mail.smtp.port must be a port from 1 to 65535, but was '70000'"),
                Arguments.of("ecosystem.consent.keys[0].id=bad id!",
                        "ecosystem.consent.keys[0].id must be 1 to 32 of A-Z a-z 0-9 _ -, but was 'bad id!'"),
                Arguments.of("ecosystem.intros.sender=not-an-address",
                        "ecosystem.intros.sender must be an email address, but was 'not-an-address'"),
                Arguments.of("ecosystem.intros.consent-url=ftp://x",
                        "ecosystem.intros.consent-url must be an absolute http(s) URL without a fragment, but was 'ftp://x'"));
    }
}
