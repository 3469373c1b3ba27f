Object redis;
Mailer myMailer;

abstract CrmConnector crmFor(CompanyId tenant);

/** The user's own store, as the README imagines it. */
static class RedisPartnerStore implements PartnerStore {
    RedisPartnerStore(Object redis) {
    }

    @Override
    public <T> T inTransaction(java.util.function.Function<StoreTransaction, T> work) {
        throw new UnsupportedOperationException();
    }
}
