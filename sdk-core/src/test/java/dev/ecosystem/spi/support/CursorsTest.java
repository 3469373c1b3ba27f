package dev.ecosystem.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.error.ValidationException;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void decode_ofEncode_givesTheKeyBack() {
        assertThat(Cursors.decode("contacts", Cursors.encode("contacts", "k\n42"))).isEqualTo("k\n42");
        assertThat(Cursors.decode("contacts", null)).isNull();
    }

    @Test
    void decode_cursorOfAnotherListing_isRejected() {
        String cursor = Cursors.encode("contacts", "k");
        assertThatThrownBy(() -> Cursors.decode("deals", cursor))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("another listing than deals");
    }

    @Test
    void decode_garbage_isRejected() {
        assertThatThrownBy(() -> Cursors.decode("deals", "%%%")).isInstanceOf(ValidationException.class);
    }
}
