package org.imagestore.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code error} names; building the {@code Response} itself needs a JAX-RS runtime (see the in-container tests). */
class ErrorResponseTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, bad_request",
        "403, forbidden",
        "404, not_found",
        "409, conflict",
        "416, requested_range_not_satisfiable",
        "422, unprocessable_content",
        "500, internal_server_error",
        "503, service_unavailable",
        "418, error",
        "599, error",
    })
    void namesTheStatusInSnakeCase(int status, String error) {
        assertEquals(error, ErrorResponse.errorName(status));
    }
}
