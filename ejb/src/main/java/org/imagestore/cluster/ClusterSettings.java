package org.imagestore.cluster;

/**
 * What the first node fixed for the whole cluster.
 *
 * @param replicas   R: how many copies on distinct nodes every image gets (never more than the nodes that are up)
 * @param groupChars how many characters of an image id name its group (2: 1,024 groups; 3: 32,768)
 * @param secret     the key nodes sign their requests to each other with
 */
public record ClusterSettings(int replicas, int groupChars, String secret) {

    @Override
    public String toString() {
        return "ClusterSettings[replicas=" + replicas + ", groupChars=" + groupChars + "]"; // never the secret
    }
}
