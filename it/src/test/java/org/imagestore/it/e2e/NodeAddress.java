package org.imagestore.it.e2e;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a node of the store under test listens. Every node has the same HTTP and FTP ports on its own address
 * (DESIGN.md): {@code ./imagestore test} starts node n on 127.0.0.1n and names the addresses in
 * {@code imagestore.node.addresses}.
 */
record NodeAddress(String name, String host, int httpPort, int ftpPort) {

    private static final List<String> HOSTS = Arrays.asList(
            System.getProperty("imagestore.node.addresses", "127.0.0.11").split(","));
    private static final int HTTP_PORT = Integer.getInteger("imagestore.http.port", 8080);
    private static final int FTP_PORT = Integer.getInteger("imagestore.ftp.port", 2121);

    /** Every node of the cluster, node-1 first. */
    static final List<NodeAddress> ALL = IntStream.rangeClosed(1, HOSTS.size()).mapToObj(NodeAddress::node).toList();

    /** The node the tests talk to unless they say otherwise. */
    static final NodeAddress NODE_1 = ALL.getFirst();

    /** Node n (1, 2, ...). */
    static NodeAddress node(int n) {
        return new NodeAddress("node-" + n, HOSTS.get(n - 1).trim(), HTTP_PORT, FTP_PORT);
    }

    /** Node n added with {@code ./imagestore add-node}: the launcher puts it on the next address, 127.0.0.1n. */
    static NodeAddress added(int n) {
        return new NodeAddress("node-" + n, "127.0.0.1" + n, HTTP_PORT, FTP_PORT);
    }

    /** The node called {@code name} (node-1, node-2, ...). */
    static NodeAddress named(String name) {
        return ALL.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name + " among " + ALL));
    }

    /** Its number: 1 for node-1. */
    int number() {
        return ALL.indexOf(this) + 1;
    }

    @Override
    public String toString() {
        return name + " at " + host + " (HTTP " + httpPort + ", FTP " + ftpPort + ")";
    }
}
