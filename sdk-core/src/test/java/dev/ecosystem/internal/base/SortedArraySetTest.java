package dev.ecosystem.internal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The value types' immutable sorted sets iterate their array in order, and cannot be changed through it. */
class SortedArraySetTest {
    private final SortedSet<String> set = SortedArraySet.copyOf(List.of("b", "c", "a", "b"), UnaryOperator.identity());

    @Test
    void iterator_givesTheDistinctElementsInOrder_thenRefusesMore() {
        Iterator<String> iterator = set.iterator();
        List<String> seen = new ArrayList<>();
        while (iterator.hasNext()) {
            seen.add(iterator.next());
        }

        assertThat(seen).containsExactly("a", "b", "c");
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(set.iterator()::remove).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void forEachAndToArray_seeTheElementsInOrder_andACopyCanTakeOtherObjects() {
        List<String> seen = new ArrayList<>();
        set.forEach(seen::add);
        Object[] array = set.toArray();
        array[0] = new Object(); // an Object[], not the set's own array

        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(set).containsExactly("a", "b", "c");
        assertThat(List.copyOf(set)).containsExactly("a", "b", "c");
    }
}
