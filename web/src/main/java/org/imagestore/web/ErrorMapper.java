package org.imagestore.web;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.imagestore.admin.AccountExistsException;
import org.imagestore.admin.UnknownAccountException;
import org.imagestore.alerting.RuleExistsException;
import org.imagestore.alerting.UnknownRuleException;
import org.imagestore.delivery.CopyUnavailableException;
import org.imagestore.delivery.RenderBusyException;
import org.imagestore.delivery.UnknownImageException;
import org.imagestore.rendering.SourceRefusedException;
import org.imagestore.source.SourceExistsException;
import org.imagestore.source.UnknownSourceException;
import org.imagestore.support.InvalidParameterException;

/** Turns the domain's exceptions into JSON error responses; anything unexpected is logged and becomes a 500. */
@Provider
public class ErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable e = exception instanceof EJBException ejb && ejb.getCause() != null ? ejb.getCause() : exception;
        return switch (e) {
            case InvalidParameterException bad -> ErrorResponse.of(Status.BAD_REQUEST, bad.parameter(), bad.reason());
            case UnknownImageException unknown -> ErrorResponse.of(Status.NOT_FOUND, unknown.getMessage());
            case UnknownSourceException unknown -> ErrorResponse.of(Status.NOT_FOUND, unknown.getMessage());
            case SourceExistsException exists -> ErrorResponse.of(Status.CONFLICT, "name", exists.getMessage());
            case AccountExistsException exists -> ErrorResponse.of(Status.CONFLICT, "name", exists.getMessage());
            case UnknownAccountException unknown -> ErrorResponse.of(Status.NOT_FOUND, unknown.getMessage());
            case UnknownRuleException unknown -> ErrorResponse.of(Status.NOT_FOUND, unknown.getMessage());
            case RuleExistsException exists -> ErrorResponse.of(Status.CONFLICT, "name", exists.getMessage());
            case SourceRefusedException refused -> ErrorResponse.of(ErrorResponse.UNPROCESSABLE, null, refused.getMessage());
            // a copy's holders may be back within seconds (a restart, a failover): say when to try again
            case CopyUnavailableException unavailable -> retryAfter(5, unavailable.getMessage());
            case RenderBusyException busy -> Response.fromResponse(retryAfter(1, busy.getMessage()))
                    .header(RenderBusyException.HEADER, "render").build();
            case ProcessingException unreadable when unreadable.getCause() instanceof JsonbException ->
                    ErrorResponse.of(Status.BAD_REQUEST, "body", "not valid JSON for this request: " + unreadable.getCause().getMessage());
            case WebApplicationException web -> ErrorResponse.of(web.getResponse().getStatus(), null,
                    web.getMessage());
            default -> {
                LOG.log(Level.SEVERE, "request failed", e);
                yield ErrorResponse.of(Status.INTERNAL_SERVER_ERROR, "internal error; see the server log");
            }
        };
    }

    private static Response retryAfter(int seconds, String message) {
        return Response.fromResponse(ErrorResponse.of(Status.SERVICE_UNAVAILABLE, message))
                .header(jakarta.ws.rs.core.HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
