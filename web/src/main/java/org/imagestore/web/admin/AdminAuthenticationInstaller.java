package org.imagestore.web.admin;

import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.imagestore.cluster.NodeRegistry;

/** Makes {@link AdminAuthModule} the web module's authentication module while the application runs. */
@WebListener
public class AdminAuthenticationInstaller implements ServletContextListener {

    @Inject
    private AdminCredentials credentials;
    @Inject
    private NodeRegistry registry;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthConfigFactory.getFactory().registerServerAuthModule(
                new AdminAuthModule(credentials, registry::adminHttpsOnly), event.getServletContext());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }
}
