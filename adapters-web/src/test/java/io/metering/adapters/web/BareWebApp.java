package io.metering.adapters.web;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterEach;

/** The web pages installed on a bare Javalin app on a free port, stopped after each test. */
abstract class BareWebApp {
    /** A client that shows redirects instead of following them. */
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Javalin app;

    /** Starts the pages with these settings; @return the app's base URL. */
    String start(WebSettings settings) {
        app = Javalin.create(config -> WebPortal.install(config, settings)).start(0);
        return "http://localhost:" + app.port();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
