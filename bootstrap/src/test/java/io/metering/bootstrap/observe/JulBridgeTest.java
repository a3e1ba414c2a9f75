package io.metering.bootstrap.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.application.service.webhook.WebhookDelivery;
import io.metering.bootstrap.JulBridge;
import io.metering.bootstrap.LogSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A line the application module logs through {@code java.util.logging} (as {@code WebhookDelivery}
 * does) comes out in the service's own format: with the service's log set-up in json, one JSON
 * object on stderr with level WARN and the message.
 */
class JulBridgeTest {
    private final PrintStream stderr = System.err;

    @AfterEach
    void restore() throws Exception {
        System.setErr(stderr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void aJulWarningIsOneJsonLineWithLevelWarn() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        LogSetup.apply(context, "json");
        JulBridge.install();
        JulBridge.install();

        Logger.getLogger(WebhookDelivery.class.getName()).warning("Webhook w-1 of org-1 disabled: 410 Gone");

        String out = captured.toString(StandardCharsets.UTF_8).strip();
        assertThat(out.lines()).as("one line, from the bridge only").hasSize(1);
        JsonNode line = new ObjectMapper().readTree(out);
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("message").asText()).isEqualTo("Webhook w-1 of org-1 disabled: 410 Gone");
        assertThat(line.get("logger_name").asText()).isEqualTo(WebhookDelivery.class.getName());
        assertThat(line.get("@timestamp").asText()).as("the service's timestamp format").isNotBlank();
    }
}
