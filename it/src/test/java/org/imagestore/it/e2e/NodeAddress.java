package org.imagestore.it.e2e;

/**
 * Where a node of the store under test listens. Every node has the same HTTP and FTP ports on its own address
 * (DESIGN.md), so another node is {@code NODE_1.onHost("127.0.0.12")}.
 */
record NodeAddress(String host, int httpPort, int ftpPort) {

    /** The node the tests talk to unless they say otherwise, where {@code ./imagestore test} started it. */
    static final NodeAddress NODE_1 = new NodeAddress("127.0.0.1",
            Integer.getInteger("imagestore.http.port", 8080), Integer.getInteger("imagestore.ftp.port", 2121));

    /** The node on another address, with the same ports. */
    NodeAddress onHost(String otherHost) {
        return new NodeAddress(otherHost, httpPort, ftpPort);
    }

    @Override
    public String toString() {
        return host + " (HTTP " + httpPort + ", FTP " + ftpPort + ")";
    }
}
