/**
 * Alerts: rules that fire for uploads matching given criteria, or when sources fall silent; a firing is committed
 * with what caused it and told through the outbox (topic {@code jms/imagestore/ImageAlerts}) and, when the rule
 * names one, a signed webhook call retried with backoff.
 */
package org.imagestore.alerting;
