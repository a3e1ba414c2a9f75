package io.metering.application.port.out;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends one signed webhook message (docs/webhooks.md "Headers"): a POST of the body with the
 * Standard Webhooks headers {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature}, one signature per secret. Never follows redirects, bounds its
 * timeouts and keeps at most a short excerpt of the answer.
 */
public interface WebhookSender {
    /**
     * @param url the receiver
     * @param id the message id (the event's id)
     * @param body the JSON body, sent as is
     * @param secrets the secrets to sign with, each giving one signature
     * @param timestamp the signed timestamp (seconds are sent)
     * @return what happened; never throws for the receiver's failures
     */
    Response send(URI url, String id, String body, List<String> secrets, Instant timestamp);

    /**
     * What a receiver answered.
     *
     * @param status the HTTP status, or null when none came
     * @param duration how long it took
     * @param error what went wrong (status not 2xx, refused, timed out), or null on success
     * @param excerpt the first bytes of the answer's body, or null
     */
    record Response(Integer status, Duration duration, String error, String excerpt) {}
}
