package org.imagestore.alerting;

import java.time.Instant;

import org.imagestore.publishing.ImageMetadataMessage;

/**
 * The JSON body of an alert, on {@code jms/imagestore/ImageAlerts} and in webhook calls. Absent values are omitted.
 *
 * @param event    always {@code alert}
 * @param firingId the firing; the same on a redelivery or a retried webhook call
 * @param rule     the rule's name
 * @param kind     {@code image} or {@code silence}
 * @param firedAt  when it fired
 * @param reason   why, in words
 * @param upload   for image rules: the upload and its image, as the metadata message describes them
 * @param silence  for silence rules: which sources fell silent, and since when
 */
public record AlertMessage(String event, long firingId, String rule, String kind, Instant firedAt, String reason,
                           ImageMetadataMessage upload, Silence silence) {

    /**
     * @param sources      the source name or pattern the rule watches
     * @param silentFor    how long a silence makes it fire (ISO-8601)
     * @param lastUploadAt the newest upload from those sources; absent when there was none
     */
    public record Silence(String sources, String silentFor, Instant lastUploadAt) {
    }
}
