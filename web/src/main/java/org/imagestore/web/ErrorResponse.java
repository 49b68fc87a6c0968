package org.imagestore.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JSON body of every error: {@code {"status":400,"error":"bad_request","parameter":"w","message":"..."}}.
 * {@code parameter} is present when one request parameter (or JSON field) is to blame.
 */
public record ErrorResponse(int status, String error, String parameter, String message) {

    /** 422: the request is well-formed but the image will not be rendered (too large, undecodable). */
    public static final int UNPROCESSABLE = 422;

    public static Response of(int status, String parameter, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(status, errorName(status), parameter, message)).build();
    }

    /** The {@code error} of a status: its reason phrase in snake case ({@code not_found}), or {@code error}. */
    static String errorName(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? (status == UNPROCESSABLE ? "unprocessable_content" : "error")
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    public static Response of(Response.Status status, String parameter, String message) {
        return of(status.getStatusCode(), parameter, message);
    }

    public static Response of(Response.Status status, String message) {
        return of(status.getStatusCode(), null, message);
    }

    /** Sends the error from a servlet or filter, for the paths answered without JAX-RS. */
    public static void send(HttpServletResponse response, int status, String parameter, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.getWriter().write(Json.BINDING.toJson(new ErrorResponse(status, errorName(status), parameter, message)));
    }

    /** Created on first use, so that code needing only {@link #errorName} runs without a JSON-B provider. */
    private static final class Json {
        static final Jsonb BINDING = JsonbBuilder.create();
    }
}
