package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonArray;

/** HTTP to one node of the store: image URLs, the query and admin APIs, {@code /metrics}. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final NodeAddress node;

    Http(NodeAddress node) {
        this.node = node;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://" + node.host() + ":" + node.httpPort() + pathAndQuery);
    }

    /** GET with optional header name/value pairs. */
    HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> getText(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> head(String pathAndQuery) {
        return send(request(pathAndQuery).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Status code only; IOException (nothing listening yet) propagates, for callers that wait for the node. */
    int status(String path, Duration timeout) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A call with the given credentials (null user: no Authorization header) and an optional JSON body. */
    HttpResponse<String> call(String user, String password, String method, String path, String jsonBody) {
        HttpRequest.Builder request = request(path).method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Accept", "application/json");
        if (user != null) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A call as the store's first administrator. */
    HttpResponse<String> admin(String method, String path, String jsonBody) {
        return call("admin", Settings.adminPassword(), method, path, jsonBody);
    }

    /** A new, enabled source with a unique name (sources are never deleted). */
    Source newSource(String prefix) {
        Source source = new Source(prefix + "-" + Unique.hex(5), "pw-" + Unique.hex(12));
        HttpResponse<String> created = admin("POST", "/admin/sources",
                "{\"name\":\"" + source.name() + "\",\"password\":\"" + source.password() + "\"}");
        assertEquals(201, created.statusCode(), () -> "creating source " + source.name() + ": " + created.body());
        return source;
    }

    /** The source's current uploads as the query API lists them ({@code GET /images?source=}), newest first. */
    JsonArray uploadsOf(Source source) {
        HttpResponse<String> response = getText("/images?source=" + source.name());
        if (response.statusCode() != 200) {
            Responses.assertJsonError(response, 200, null);
        }
        return Responses.json(response.body()).getJsonArray("items");
    }

    /** Counters and gauges of {@code GET /metrics}, by series (name with labels, as exposed). */
    Map<String, Double> metrics() {
        HttpResponse<String> response = getText("/metrics");
        assertEquals(200, response.statusCode(), () -> "GET /metrics: "
                + response.body().substring(0, Math.min(response.body().length(), 200)).replaceAll("<[^>]*>", " ")
                + (response.body().contains("MicroProfile Metrics Service is disabled")
                        ? " ... (Payara's MicroProfile Metrics answers instead of imagestore)" : ""));
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            assertTrue(space > 0, () -> "not a Prometheus sample line: " + line);
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request;
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
