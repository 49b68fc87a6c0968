package org.imagestore.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The name of the node this code runs on: {@code imagestore.node}, or the Payara instance's name. */
@ApplicationScoped
public class ThisNode {

    @Inject
    @ConfigProperty(name = "imagestore.node", defaultValue = "")
    String configured;

    public String name() {
        if (!configured.isBlank()) {
            return configured;
        }
        return System.getProperty("com.sun.aas.instanceName", "server");
    }
}
