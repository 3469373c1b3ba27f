package dev.ecosystem.internal.base;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An immutable {@link SortedSet} in natural order held in one array: the value types keep their tag and keyword sets
 * in it, as a {@code TreeSet} costs about 40 bytes per element more and the sets are never changed. Sub-sets are
 * copies. Every instance with no elements is the one shared empty set.
 *
 * @param <E> the element type
 */
public final class SortedArraySet<E extends Comparable<? super E>> extends AbstractSet<E> implements SortedSet<E> {
    private static final SortedArraySet<?> EMPTY = new SortedArraySet<>(new Comparable<?>[0]);

    private final Comparable<?>[] elements;

    private SortedArraySet(Comparable<?>[] elements) {
        this.elements = elements;
    }

    /**
     * The distinct values, each replaced by {@code canonical} (such as an interner), in natural order.
     *
     * @throws NullPointerException when a value is {@code null}
     */
    public static <E extends Comparable<? super E>> SortedSet<E> copyOf(Collection<? extends E> values,
            UnaryOperator<E> canonical) {
        if (values.isEmpty()) {
            return empty();
        }
        Comparable<?>[] sorted = new Comparable<?>[values.size()];
        int i = 0;
        for (E value : values) {
            sorted[i++] = canonical.apply(value);
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (Comparable<?> value : sorted) {
            if (distinct == 0 || !value.equals(sorted[distinct - 1])) {
                sorted[distinct++] = value;
            }
        }
        return new SortedArraySet<>(distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Comparable<? super E>> SortedArraySet<E> empty() {
        return (SortedArraySet<E>) EMPTY;
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public boolean contains(@Nullable Object value) {
        return value instanceof Comparable<?> && indexOf(value) >= 0;
    }

    @Override
    public Iterator<E> iterator() {
        // One small object instead of a list view, its wrapper and their iterators: sets are iterated per record.
        E[] all = all();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < all.length;
            }

            @Override
            public E next() {
                if (next == all.length) {
                    throw new NoSuchElementException("no more elements");
                }
                return all[next++];
            }
        };
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        for (E element : all()) {
            action.accept(element);
        }
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(elements, elements.length, Object[].class);
    }

    @Override
    public @Nullable Comparator<? super E> comparator() {
        return null;
    }

    @Override
    public SortedSet<E> subSet(E fromElement, E toElement) {
        if (fromElement.compareTo(toElement) > 0) {
            throw new IllegalArgumentException("fromElement " + fromElement + " is after toElement " + toElement);
        }
        return slice(insertionPoint(fromElement), insertionPoint(toElement));
    }

    @Override
    public SortedSet<E> headSet(E toElement) {
        return slice(0, insertionPoint(toElement));
    }

    @Override
    public SortedSet<E> tailSet(E fromElement) {
        return slice(insertionPoint(fromElement), elements.length);
    }

    @Override
    public E first() {
        return at(0);
    }

    @Override
    public E last() {
        return at(elements.length - 1);
    }

    private E at(int index) {
        if (elements.length == 0) {
            throw new NoSuchElementException("the set is empty");
        }
        return all()[index];
    }

    @SuppressWarnings("unchecked")
    private E[] all() {
        return (E[]) elements;
    }

    private SortedSet<E> slice(int from, int to) {
        return from >= to ? empty() : new SortedArraySet<>(Arrays.copyOfRange(elements, from, to));
    }

    /** The index of the first element not below {@code value}. */
    private int insertionPoint(Object value) {
        int index = indexOf(value);
        return index >= 0 ? index : -index - 1;
    }

    private int indexOf(Object value) {
        try {
            return Arrays.binarySearch(elements, value);
        } catch (ClassCastException e) {
            return -1; // an element of another type is not in the set
        }
    }
}
