package org.imagestore.replication;

import java.io.StringReader;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

/**
 * The node asked to render refused the render itself (HTTP 400, 404 or 422 with the store's JSON error): the
 * request is at fault, not the node, so the asking node answers the same way instead of trying another holder.
 */
public class RenderRefusedElsewhereException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String parameter;

    public RenderRefusedElsewhereException(int status, String errorJson) {
        super(field(errorJson, "message").orElse("refused with HTTP " + status));
        this.status = status;
        this.parameter = field(errorJson, "parameter").orElse(null);
    }

    public int status() {
        return status;
    }

    /** The parameter the refusal names, if any. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }

    private static Optional<String> field(String json, String name) {
        try {
            JsonObject error = Json.createReader(new StringReader(json)).readObject();
            return error.containsKey(name) && !error.isNull(name) ? Optional.of(error.getString(name)) : Optional.empty();
        } catch (JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
