package io.metering.adapters.http.web;

import io.javalin.http.Context;
import io.metering.application.access.Caller;

/** A route handler that runs for an authenticated, admitted caller. */
@FunctionalInterface
public interface CallerHandler {
    /**
     * @param ctx the request
     * @param caller the verified caller
     * @throws Exception mapped to an answer by the error mapping
     */
    void handle(Context ctx, Caller caller) throws Exception;
}
