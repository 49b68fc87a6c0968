package org.imagestore.cluster;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node this code runs on: its name ({@code imagestore.node}, or the Payara instance's name), and the address
 * its HTTP, FTP and cluster listeners bind to ({@code imagestore.address}): every node listens on the same
 * ports, each on its own address, as separate machines do.
 */
@ApplicationScoped
public class ThisNode {

    @Inject
    @ConfigProperty(name = "imagestore.node")
    Optional<String> configured;
    @Inject
    @ConfigProperty(name = "imagestore.address", defaultValue = "127.0.0.1")
    String address;
    @Inject
    @ConfigProperty(name = "imagestore.http.port", defaultValue = "8080")
    int httpPort;

    public String name() {
        return configured.filter(s -> !s.isBlank())
                .orElseGet(() -> System.getProperty("com.sun.aas.instanceName", "server"));
    }

    public String address() {
        return address;
    }

    /** Where the other nodes reach this one's internal endpoint. */
    public String internalUrl() {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + httpPort;
    }
}
