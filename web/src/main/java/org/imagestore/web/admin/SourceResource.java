package org.imagestore.web.admin;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.imagestore.source.Source;
import org.imagestore.source.SourceAccounts;
import org.imagestore.source.SourceActivity;
import org.imagestore.source.SourceName;
import org.imagestore.source.UnknownSourceException;
import org.imagestore.support.InvalidParameterException;

/** Source (FTP) accounts: {@code GET/POST /admin/sources}, {@code GET/PUT /admin/sources/{name}}. */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("admin/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourceResource {

    /** A new source: {@code {"name": "cam-17", "password": "..."}}. */
    public record NewSource(String name, String password) {
    }

    /** A change: {@code {"password": "..."}} and/or {@code {"enabled": false}}. */
    public record SourceChange(String password, Boolean enabled) {
    }

    /**
     * A source as the API shows it (never its password hash): in lists, with what it sent (newest upload, uploads
     * since midnight UTC, uploads and bytes in its tree now).
     */
    public record SourceView(String name, boolean enabled, Instant createdAt, Instant updatedAt, Instant lastUploadAt,
                             Long uploadsToday, Long uploads, Long bytes) {
        static SourceView of(Source s) {
            return new SourceView(s.name().value(), s.enabled(), s.createdAt(), s.updatedAt(), null, null, null, null);
        }

        static SourceView of(Source s, SourceActivity activity) {
            return new SourceView(s.name().value(), s.enabled(), s.createdAt(), s.updatedAt(),
                    activity.lastUploadAt().orElse(null), activity.uploadsToday(), activity.uploads(), activity.bytes());
        }
    }

    @Inject
    private SourceAccounts accounts;

    @GET
    public List<SourceView> list() {
        Map<String, SourceActivity> activity = accounts.activity();
        return accounts.list().stream()
                .map(s -> SourceView.of(s, activity.getOrDefault(s.name().value(), SourceActivity.NONE))).toList();
    }

    @GET
    @Path("{name}")
    public SourceView get(@PathParam("name") String name) {
        return accounts.find(name).map(SourceView::of).orElseThrow(() -> new UnknownSourceException(name));
    }

    @POST
    public Response create(NewSource request) {
        if (request == null) {
            throw new InvalidParameterException("body", "expected {\"name\": ..., \"password\": ...}");
        }
        Source source = accounts.create(new SourceName(request.name()), request.password());
        return Response.created(URI.create("/admin/sources/" + source.name())).entity(SourceView.of(source)).build();
    }

    @PUT
    @Path("{name}")
    public SourceView change(@PathParam("name") String name, SourceChange request) {
        if (request == null || (request.password() == null && request.enabled() == null)) {
            throw new InvalidParameterException("body", "expected {\"password\": ...} and/or {\"enabled\": true|false}");
        }
        return SourceView.of(accounts.change(name, Optional.ofNullable(request.password()),
                Optional.ofNullable(request.enabled())));
    }
}
