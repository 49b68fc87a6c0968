package org.imagestore.cluster;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The name of the node this code runs on: {@code imagestore.node}, or the Payara instance's name. */
@ApplicationScoped
public class ThisNode {

    @Inject
    @ConfigProperty(name = "imagestore.node")
    Optional<String> configured;

    public String name() {
        return configured.filter(s -> !s.isBlank())
                .orElseGet(() -> System.getProperty("com.sun.aas.instanceName", "server"));
    }
}
