package io.metering.adapters.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Parsed attribute bodies for the tests of the body-to-command readers, and their refusals. */
public final class AttributeBodies {
    private AttributeBodies() {}

    /** An ordered map that allows null values, as {@link JsonTrees} gives a body. */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Asserts a 400 with this reason whose message contains {@code message}. */
    public static void assertInvalid(ThrowingCallable call, RejectionReason reason, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(reason)).hasMessageContaining(message);
    }
}
