package org.imagestore.alerting;

import java.net.URI;
import java.net.URISyntaxException;

import org.imagestore.support.InvalidParameterException;

/**
 * Where a rule's firings are POSTed, and the key their signature is made with (HMAC-SHA256 of the body).
 *
 * @param url    an {@code http} or {@code https} URL
 * @param secret the signing key; generated when a rule is given none
 */
public record Webhook(String url, String secret) {

    /** Refuses a URL the store could not call. */
    void check() {
        try {
            URI uri = new URI(url == null ? "" : url);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || url.length() > 2048) {
                throw new InvalidParameterException("webhook.url", "an absolute http or https URL is needed: " + url);
            }
        } catch (URISyntaxException e) {
            throw new InvalidParameterException("webhook.url", "not a URL: " + e.getMessage());
        }
        if (secret != null && (secret.length() < 16 || secret.length() > 128)) {
            throw new InvalidParameterException("webhook.secret", "16 to 128 characters are needed");
        }
    }

    /** Scheme, host and port only: a webhook's path or query may carry a token (Slack's do). */
    @Override
    public String toString() {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority() + "/...";
    }
}
