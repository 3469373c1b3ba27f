package dev.ecosystem.spi.support;

import static dev.ecosystem.testkit.StoreFixtures.T0;
import static dev.ecosystem.testkit.StoreFixtures.account;
import static dev.ecosystem.testkit.StoreFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The wrapper refuses bad arguments before the store sees them: the store behind it records every call, and on bad
 * input it must record none.
 */
class ValidatingPartnerStoreTest {
    private static final CompanyId TENANT = CompanyId.of("tenant-a");
    private static final CompanyId OTHER = CompanyId.of("tenant-b");

    private final List<String> calls = new ArrayList<>();
    private final PartnerStore store = ValidatingPartnerStore.wrap(new RecordingStore(calls));

    /** Every repository the transaction hands out, through its accessor on {@link StoreTransaction}. */
    private static Stream<Method> repositoryAccessors() {
        return Arrays.stream(StoreTransaction.class.getMethods())
                .filter(m -> m.getParameterCount() == 0 && m.getReturnType().getSimpleName().endsWith("Repository"))
                .sorted((a, b) -> a.getName().compareTo(b.getName()));
    }

    @TestFactory
    @DisplayName("Every required argument of every repository method: null is refused naming it, the store not called")
    Stream<DynamicTest> nullArguments_areRefused_beforeTheStore() {
        return repositoryAccessors().flatMap(accessor -> Arrays.stream(accessor.getReturnType().getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .flatMap(method -> {
                    List<DynamicTest> tests = new ArrayList<>();
                    Parameter[] parameters = method.getParameters();
                    for (int i = 0; i < parameters.length; i++) {
                        if (!parameters[i].getType().isPrimitive() && !nullable(method, i)) {
                            int nullAt = i;
                            tests.add(DynamicTest.dynamicTest(accessor.getReturnType().getSimpleName() + "."
                                    + method.getName() + " with argument " + i + " null",
                                    () -> assertRefusedWithoutStoreCall(accessor, method, nullAt)));
                        }
                    }
                    return tests.stream();
                }));
    }

    private void assertRefusedWithoutStoreCall(Method accessor, Method method, int nullAt) {
        calls.clear(); // the dynamic tests of one factory share this instance
        Throwable thrown = catching(() -> store.useTransaction(tx -> invoke(accessor, method, tx, nullAt)));

        assertThat(thrown).as("%s with argument %d null", method, nullAt).isInstanceOf(ValidationException.class);
        assertThat(thrown.getMessage()).contains("is required");
        assertThat(calls).as("calls that reached the store").isEmpty();
    }

    /** Calls {@code method} with samples before {@code nullAt} and nulls from it on (checks run left to right). */
    private static void invoke(Method accessor, Method method, StoreTransaction tx, int nullAt) {
        Object[] args = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = i < nullAt || types[i].isPrimitive() ? sample(types[i], i) : null;
        }
        try {
            method.invoke(accessor.invoke(tx), args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean nullable(Method method, int parameter) {
        return method.getAnnotatedParameterTypes()[parameter].isAnnotationPresent(Nullable.class);
    }

    /** A valid value of an argument that comes before the null one: ids, instants in order, 1 for limits. */
    private static Object sample(Class<?> type, int position) {
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == Instant.class) {
            return T0.plusSeconds(position); // a lease ends after the claim's now
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 3, 1).plusDays(position);
        }
        if (type == String.class) {
            return "key-" + position;
        }
        if (type == PageRequest.class) {
            return PageRequest.first(10);
        }
        if (Collection.class.isAssignableFrom(type)) {
            return List.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        try {
            return type.getMethod("of", String.class).invoke(null, "id-" + position);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no sample for " + type + "; add one", e);
        }
    }

    @Test
    @DisplayName("A valid call reaches the store once, with its arguments unchanged")
    void validCall_isForwarded() {
        store.useTransaction(tx -> tx.companies().put(company("acme")));

        assertThat(calls).containsExactly("companies.put(" + company("acme") + ")");
    }

    @Test
    @DisplayName("A lease that does not end after now is refused, for the outbox and the CRM write-backs")
    void claimWithLeaseBeforeNow_isRefused() {
        assertRefused(tx -> tx.outbox().claimDue(T0, T0, 10), "leaseUntil must be after now");
        assertRefused(tx -> tx.crmWriteBacks().claimDue(T0, T0.minusSeconds(1), 10), "leaseUntil must be after now");
    }

    @Test
    @DisplayName("Limits out of range are refused: claims, due work, the change feed")
    void limitsOutOfRange_areRefused() {
        assertRefused(tx -> tx.outbox().claimDue(T0, T0.plusSeconds(60), 0), "claim limit");
        assertRefused(tx -> tx.outbox().claimDue(T0, T0.plusSeconds(60), 1001), "claim limit");
        assertRefused(tx -> tx.introductions().due(T0, 0), "limit");
        assertRefused(tx -> tx.registrations().expiring(T0, PageRequest.MAX_SIZE + 1), "limit");
        assertRefused(tx -> tx.lifecycle().dormancyDue(T0, -1), "limit");
        assertRefused(tx -> tx.changes().after(0, 0), "limit");
        assertRefused(tx -> tx.changes().after(-1, 10), "revision");
    }

    @Test
    @DisplayName("A company cannot block itself")
    void selfBlock_isRefused() {
        assertRefused(tx -> tx.blocks().block(TENANT, TENANT), "cannot block itself");
    }

    @Test
    @DisplayName("CRM records owned by another tenant, and collections holding null, are refused")
    void crmSnapshotArguments_areChecked() {
        assertRefused(tx -> tx.crm().putAccounts(TENANT, List.of(account(OTHER, "a1"))),
                "is owned by " + OTHER + " but was stored into the snapshot of " + TENANT);
        List<Account> withNull = new ArrayList<>();
        withNull.add(null);
        assertRefused(tx -> tx.crm().putAccounts(TENANT, withNull), "accounts");
        assertRefused(tx -> tx.crm().putAccounts(TENANT, List.of(account(TENANT, "a1")), List.of()), "matchKeys");
        assertRefused(tx -> tx.crm().saveCheckpoint(TENANT, "  "), "checkpoint must not be blank");
    }

    @Test
    @DisplayName("A blank idempotency key is refused")
    void blankIdempotencyKey_isRefused() {
        assertRefused(tx -> tx.idempotency().putIfAbsent(TENANT, " ", "value"), "idempotency key must not be blank");
    }

    @Test
    @DisplayName("A null callback is refused before a transaction starts")
    void nullWork_isRefused() {
        assertThatThrownBy(() -> store.inTransaction(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("work is required");
        assertThat(calls).isEmpty();
    }

    @Test
    @DisplayName("Wrapping twice keeps one wrapper")
    void wrap_isIdempotent() {
        assertThat(ValidatingPartnerStore.wrap(store)).isSameAs(store);
    }

    private void assertRefused(Consumer<StoreTransaction> work, String message) {
        assertThatThrownBy(() -> store.useTransaction(work)).isInstanceOf(ValidationException.class)
                .hasMessageContaining(message);
        assertThat(calls).as("calls that reached the store").isEmpty();
    }

    private static @Nullable Throwable catching(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** A store whose repositories record every call (name and arguments) and return nothing. */
    private record RecordingStore(List<String> calls) implements PartnerStore {
        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            return work.apply(proxy(StoreTransaction.class, (method, args) -> repository(method)));
        }

        private Object repository(Method accessor) {
            if (accessor.getReturnType() == void.class) {
                calls.add(accessor.getName());
                return null;
            }
            return proxy(accessor.getReturnType(), (method, args) -> {
                calls.add(accessor.getName() + "." + method.getName() + "(" + (args == null ? ""
                        : String.join(", ", Arrays.stream(args).map(String::valueOf).toList())) + ")");
                return method.getReturnType() == boolean.class ? Boolean.FALSE
                        : method.getReturnType() == long.class ? 0L : null;
            });
        }

        private static <T> T proxy(Class<T> type, Handler handler) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> method.getDeclaringClass() == Object.class
                            ? method.invoke(handler, args) : handler.handle(method, args)));
        }
    }

    private interface Handler {
        @Nullable Object handle(Method method, Object @Nullable [] args);
    }
}
