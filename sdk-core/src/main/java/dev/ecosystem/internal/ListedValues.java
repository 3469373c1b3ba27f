package dev.ecosystem.internal;

import dev.ecosystem.spi.ListedProfile;
import dev.ecosystem.spi.StoreTransaction;

/**
 * A store transaction that streams its listed companies as the bare values it keeps them as: the SDK's JDBC store,
 * whose rows hold tags and attributes as text. The Navigator's index loads through it when the transaction offers
 * it: at ten million companies, building a {@link ListedProfile} with seven lists per company, and a {@code CompanyId}
 * and set of role tags beside it, costs more than reading the rows, and the garbage crowds a heap that also holds the
 * index being built. Any other store goes through {@link StoreTransaction#forEachListedProfile}, with the same
 * result.
 */
public interface ListedValues {
    /**
     * About how many companies the store holds, listed or not, to size arrays by: a cheap estimate will do (0 if
     * there is none), as counting ten million rows takes seconds.
     */
    long companyCount();

    /**
     * Hands every listed company to {@code sink}, in ascending id order: its values, then {@link Sink#end} with its
     * id. The values are those of {@link ListedProfile}, as text; the role tags of its contacts may repeat.
     */
    void forEachListedValue(Sink sink);

    /** What a listed company's values are handed to, one company after the other. */
    interface Sink {
        /**
         * One value of the company being read, as the UTF-8 bytes {@code utf8[from, to)}: a store hands over the
         * bytes it read, as a slice of its buffer, and builds no {@code String} per value.
         *
         * @param field which of its parts the value is
         * @param utf8 holds the value as {@link ListedProfile} holds it ({@link Field#SIZE_BAND}: the band's name);
         *     valid during the call only
         * @param from where the value starts
         * @param to where it ends, exclusive
         */
        void value(Field field, byte[] utf8, int from, int to);

        /** The company whose values were handed over since the previous {@code end}. */
        void end(String id);
    }

    /**
     * The parts of a listed company a search index reads, those of {@link ListedProfile}. Product categories come
     * in the company's order, so the first is its primary category.
     */
    enum Field {
        BUSINESS_TAG, ROLE_TAG, INDUSTRY, REGION, SIZE_BAND, PRODUCT_CATEGORY, SIGNAL
    }
}
