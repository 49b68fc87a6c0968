package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Reading HTTP response bodies: text, JSON, and the store's JSON errors. */
final class Responses {

    private Responses() {
    }

    static String text(HttpResponse<?> response) {
        Object body = response.body();
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    }

    static JsonObject json(HttpResponse<?> response) {
        return json(text(response));
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object: " + text, e);
        }
    }

    static JsonArray jsonArray(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.read().asJsonArray();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON array: " + text, e);
        }
    }

    /** Asserts a JSON error response: the status, a JSON body with that status, and the blamed parameter. */
    static JsonObject assertJsonError(HttpResponse<?> response, int status, String parameter) {
        assertEquals(status, response.statusCode(), () -> "status of " + response.uri() + ": " + text(response));
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), () -> "Content-Type of the error of " + response.uri() + ": " + type);
        JsonObject error = json(response);
        assertEquals(status, error.getInt("status"), error::toString);
        if (parameter != null) {
            assertEquals(parameter, error.getString("parameter", null), () -> "parameter blamed by " + error);
        }
        assertTrue(error.containsKey("message") && !error.getString("message").isBlank(), () -> "a reason in " + error);
        return error;
    }
}
