package io.metering.adapters.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.adapters.http.error.HttpFailure;
import org.junit.jupiter.api.Test;

/** The charset parameter of a content type, as {@link BodyCharset} reads it. */
class BodyCharsetTest {
    @Test
    void findsTheParameterWhereverItStandsAndInAnyCase() {
        assertThat(BodyCharset.charset("application/json")).isEmpty();
        assertThat(BodyCharset.charset(null)).isEmpty();
        assertThat(BodyCharset.charset("application/json; charset=UTF-8")).contains("UTF-8");
        assertThat(BodyCharset.charset("text/csv;header=present; Charset = latin1 ")).contains("latin1");
        assertThat(BodyCharset.charset("application/json; charset=\"utf-8\"")).contains("utf-8");
    }

    @Test
    void onlyUtf8PassesAndAnythingElseIsRefusedWithoutDecodingIt() {
        for (String ok : new String[] {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF8",
                "application/json; charset=\"UTF-8\""}) {
            assertThatCode(() -> BodyCharset.requireUtf8(ok)).as(ok).doesNotThrowAnyException();
        }
        for (String bad : new String[] {"iso-8859-1", "klingon", "@@@", "", "utf-16"}) {
            assertThatThrownBy(() -> BodyCharset.requireUtf8("application/json; charset=" + bad)).as(bad)
                    .isInstanceOf(HttpFailure.class).hasMessageContaining("must be UTF-8").hasMessageContaining("'" + bad + "'");
        }
    }
}
