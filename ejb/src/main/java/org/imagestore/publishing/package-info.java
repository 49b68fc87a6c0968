/**
 * Metadata messages for the indexer. A change to an upload writes an outbox row in its own transaction
 * (so there is never a stored image without its message, nor a message without its image); a relay then
 * sends the rows to the {@code jms/imagestore/ImageMetadata} topic and deletes them in one JTA transaction.
 * Delivery is at-least-once: every message carries its upload id so that duplicates can be dropped.
 */
package org.imagestore.publishing;
