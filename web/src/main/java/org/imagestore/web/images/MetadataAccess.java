package org.imagestore.web.images;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;

import org.imagestore.cluster.NodeRegistry;
import org.imagestore.web.ErrorResponse;
import org.imagestore.web.admin.AdminSecurity;

/**
 * Who may read upload queries ({@code GET /images?source=}) and image metadata ({@code /meta}: source names, FTP
 * paths, GPS): everyone by default; once an administrator sets {@code PUT /admin/cluster {"metadataAccess":
 * "viewer"}} (a cluster setting, in force on every node at once), only accounts of the viewer or admin role
 * (HTTP Basic). Image URLs themselves stay public either way.
 */
@ApplicationScoped
public class MetadataAccess {

    @Inject
    private NodeRegistry registry;

    /** The 401 to answer instead, when the caller may not read metadata. */
    Optional<Response> refusal(SecurityContext caller) {
        if (caller.isUserInRole(AdminSecurity.VIEWER) || !"viewer".equals(registry.metadataAccess())
                || caller.isUserInRole(AdminSecurity.ROLE)) {
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(ErrorResponse.of(Status.UNAUTHORIZED,
                        "upload queries and image metadata need a viewer or admin account"))
                .header("WWW-Authenticate", AdminSecurity.CHALLENGE).build());
    }
}
