package org.imagestore.publishing;

/** The topics the outbox relays to, each with the name its rows carry and its JNDI name (DESIGN.md). */
public enum OutboxTopic {
    /** Metadata of every upload change, for the indexer. */
    METADATA("metadata", "jms/imagestore/ImageMetadata"),
    /** Firings of alert rules. */
    ALERTS("alerts", "jms/imagestore/ImageAlerts");

    private final String column;
    private final String jndiName;

    OutboxTopic(String column, String jndiName) {
        this.column = column;
        this.jndiName = jndiName;
    }

    String column() {
        return column;
    }

    public String jndiName() {
        return jndiName;
    }

    static OutboxTopic ofColumn(String column) {
        for (OutboxTopic topic : values()) {
            if (topic.column.equals(column)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("no outbox topic " + column);
    }
}
