package dev.ecosystem.testkit;

import dev.ecosystem.spi.PartnerStore;
import dev.ecosystem.spi.StoreTransaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * A store written before the change feed existed: every repository of an in-memory store, but the port's default
 * {@link StoreTransaction#changes()}, which throws. Built as a proxy so it keeps compiling, like a third-party store
 * would, whatever the port adds.
 */
final class FeedlessStore implements PartnerStore {
    private final PartnerStore delegate;

    FeedlessStore(PartnerStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        return delegate.inTransaction(tx -> work.apply(withoutFeed(tx)));
    }

    private static StoreTransaction withoutFeed(StoreTransaction tx) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(tx, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
                new Class<?>[] {StoreTransaction.class}, handler);
    }
}
