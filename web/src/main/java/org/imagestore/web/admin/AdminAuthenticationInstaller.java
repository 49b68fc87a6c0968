package org.imagestore.web.admin;

import java.util.EnumSet;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.imagestore.cluster.NodeRegistry;

/**
 * Puts {@link AdminAuthentication} in front of every request, ahead of the filters the module declares (the hot
 * image reads among them), so that no filter answers a request the store should have refused.
 */
@WebListener
public class AdminAuthenticationInstaller implements ServletContextListener {

    @Inject
    private AdminCredentials credentials;
    @Inject
    private NodeRegistry registry;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext()
                .addFilter("admin authentication", new AdminAuthentication(credentials, registry::adminHttpsOnly))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
