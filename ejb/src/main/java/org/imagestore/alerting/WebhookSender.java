package org.imagestore.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagestore.ops.Metrics;
import org.imagestore.support.CoalescedRuns;

/**
 * POSTs firings to their rules' webhooks: right after a firing commits, and every 2 s for calls that are due
 * again. A call that fails (no answer in time, or not 2xx) is retried after 1, 2, 4 ... s, at most 10 minutes
 * apart, until {@code imagestore.alerts.webhook.attempts} calls were made; then it is given up and logged.
 */
@Singleton
// made at deployment, not by its first timer: a singleton first made while the application stops breaks
// Payara's undeploy (ConcurrentModificationException in SingletonLifeCycleManager, seen in CI)
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);

    @EJB
    private WebhookCalls calls;
    @Inject
    private Metrics metrics;
    @Inject
    @ConfigProperty(name = "imagestore.alerts.webhook.attempts", defaultValue = "12")
    int attempts;
    @Inject
    @ConfigProperty(name = "imagestore.alerts.webhook.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    private final CoalescedRuns runs = new CoalescedRuns();
    private HttpClient http;

    @PostConstruct
    void start() {
        // a call must end well within the claim on it (WebhookCalls.CLAIM), or another node would make it too
        timeoutSeconds = Math.max(1, Math.min(timeoutSeconds, 30));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Asynchronous
    public void sendSoon() {
        send();
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void backstop() {
        send();
    }

    private void send() {
        try {
            runs.request(this::sendDue);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "webhook calls cannot be claimed now", e);
        }
    }

    private void sendDue() {
        Optional<WebhookCalls.Due> due;
        while ((due = calls.claim()).isPresent()) {
            call(due.get());
        }
    }

    private void call(WebhookCalls.Due due) {
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        String failure;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "imagestore")
                    .header("X-Imagestore-Firing", Long.toString(due.firingId()))
                    .header("X-Imagestore-Attempt", Integer.toString(due.attempt()))
                    .header(WebhookSignature.HEADER, WebhookSignature.of(due.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                calls.delivered(due);
                metrics.webhookCall("delivered");
                return;
            }
            failure = "HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the claim runs out and another attempt follows
        }
        if (due.attempt() >= attempts) {
            calls.givenUp(due, failure);
            metrics.webhookCall("gave_up");
            LOG.severe("webhook call of firing " + due.firingId() + " to " + due.url() + " given up after "
                    + due.attempt() + " attempts; the last one met " + failure);
        } else {
            Duration pause = pause(due.attempt());
            calls.failed(due, failure, pause);
            metrics.webhookCall("failed");
            String reason = failure;
            LOG.warning(() -> "webhook call of firing " + due.firingId() + " to " + due.url() + " failed (attempt "
                    + due.attempt() + ", " + reason + "); trying again in " + pause.toSeconds() + " s");
        }
    }

    /** After the n-th failed attempt: 1 s, 2 s, 4 s, ... at most 10 minutes. */
    static Duration pause(int attempt) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attempt - 1, 20));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}
