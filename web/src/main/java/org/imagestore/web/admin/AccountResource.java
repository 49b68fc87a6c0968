package org.imagestore.web.admin;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.imagestore.admin.AdminAccounts;
import org.imagestore.admin.AdminAccounts.Account;
import org.imagestore.admin.UnknownAccountException;
import org.imagestore.support.InvalidParameterException;

/**
 * Accounts of the HTTP API: {@code GET/POST /admin/accounts}, {@code GET/PUT/DELETE /admin/accounts/{name}}.
 * An administrator changes a password (the first administrator's generated one too) with
 * {@code PUT {"password": ...}}.
 */
// one instance for all requests: nothing per request is kept in fields
@ApplicationScoped
@Path("admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** A new account: {@code {"name": "indexer", "password": "...", "role": "viewer"}} (role admin by default). */
    public record NewAccount(String name, String password, String role) {
    }

    /** A change: {@code {"password": "..."}}. */
    public record PasswordChange(String password) {
    }

    @Inject
    private AdminAccounts accounts;

    @GET
    public List<Account> list() {
        return accounts.list();
    }

    @GET
    @Path("{name}")
    public Account get(@PathParam("name") String name) {
        return accounts.find(name).orElseThrow(() -> new UnknownAccountException(name));
    }

    @POST
    public Response create(NewAccount request) {
        if (request == null) {
            throw new InvalidParameterException("body", "expected {\"name\": ..., \"password\": ..., \"role\": \"admin\"|\"viewer\"}");
        }
        Account account = accounts.create(request.name(), request.password(),
                request.role() == null ? AdminAccounts.ADMIN : request.role());
        return Response.created(URI.create("/admin/accounts/" + account.name())).entity(account).build();
    }

    @PUT
    @Path("{name}")
    public Account change(@PathParam("name") String name, PasswordChange request) {
        if (request == null || request.password() == null) {
            throw new InvalidParameterException("body", "expected {\"password\": ...}");
        }
        return accounts.changePassword(name, request.password());
    }

    @DELETE
    @Path("{name}")
    public Response remove(@PathParam("name") String name) {
        accounts.remove(name);
        return Response.noContent().build();
    }
}
