package org.imagestore.web.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The console's files, {@code webapp/console/*}, at {@code /console/}: JAX-RS has the whole URL space ("/"), and
 * Payara lets no application map its default servlet, so the few files are served from here, each read once.
 */
@ApplicationScoped
@Path("console")
public class ConsoleFiles {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private record File(byte[] bytes, String type, EntityTag etag) {
    }

    @Inject
    private ServletContext context;

    private final Map<String, File> files = new ConcurrentHashMap<>();

    /** {@code /console} and {@code /console/}: the page (it names its files by absolute paths). */
    @GET
    public Response page(@Context Request request) {
        return file("index.html", request);
    }

    @GET
    @Path("{name: [a-z-]+\\.(html|js|css)}")
    public Response file(@PathParam("name") String name, @Context Request request) {
        File file = files.get(name);
        if (file == null) { // read once; a name that is not a file is not remembered (anyone may ask for any)
            file = read(name).orElseThrow(() -> new NotFoundException("no console file " + name));
            files.put(name, file);
        }
        Response.ResponseBuilder notModified = request.evaluatePreconditions(file.etag());
        return (notModified != null ? notModified : Response.ok(file.bytes(), file.type())).tag(file.etag()).build();
    }

    private Optional<File> read(String name) {
        try (InputStream in = context.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, TYPES.get(name.substring(name.lastIndexOf('.') + 1)),
                    new EntityTag(Integer.toHexString(Arrays.hashCode(bytes)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
