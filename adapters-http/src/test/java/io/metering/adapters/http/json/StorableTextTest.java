package io.metering.adapters.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which text the service can store faithfully, and where in a body the first that cannot is. */
class StorableTextTest {
    private final ObjectMapper json = JsonMapping.create();

    @Test
    void nulAndUnpairedSurrogatesCannotBeStored() {
        assertThat(StorableText.problem("a\u0000b")).hasValue("contains a NUL character");
        assertThat(StorableText.problem("\ud800")).get().asString().contains("unpaired surrogate");
        assertThat(StorableText.problem("x\udc00")).get().asString().contains("unpaired surrogate");
        assertThat(StorableText.problem("\ud83dx")).get().asString().contains("unpaired surrogate");
    }

    @Test
    void everyOtherTextCan() {
        assertThat(StorableText.problem("\ud83d\udca9 \u202eRTL\u202c zero\u200bwidth \ufeff \u0007 \uffff")).isEmpty();
        assertThat(StorableText.problem("")).isEmpty();
    }

    @Test
    void namesThePathInABody() throws Exception {
        assertThat(StorableText.problem(json.readTree("{\"readings\":[{\"note\":\"ok\"},{\"note\":\"a\\u0000\"}]}")))
                .hasValue("readings[1].note contains a NUL character");
        assertThat(StorableText.problem(json.readTree("{\"metadata\":{\"k\\ud800\":\"v\"}}"))).get().asString()
                .startsWith("a member name in metadata");
        assertThat(StorableText.problem(json.readTree("{\"a\":[1,true,null,{\"b\":\"\\ud83d\\udca9\"}]}"))).isEmpty();
    }
}
