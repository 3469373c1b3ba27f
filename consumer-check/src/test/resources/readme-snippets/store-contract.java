/** The user's own store, as the README imagines it. */
class RedisPartnerStore implements PartnerStore {
    RedisPartnerStore(Object redis) {
    }

    @Override
    public <T> T inTransaction(java.util.function.Function<StoreTransaction, T> work) {
        throw new UnsupportedOperationException();
    }
}

/** The user's own test fixture. */
final class TestRedis {
    static Object emptyDatabase() {
        return new Object();
    }
}
