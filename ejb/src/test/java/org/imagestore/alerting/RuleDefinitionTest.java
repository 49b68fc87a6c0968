package org.imagestore.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;

import org.imagestore.support.InvalidParameterException;
import org.junit.jupiter.api.Test;

class RuleDefinitionTest {

    private static final ImageCriteria JPEGS = new CriteriaBuilder().format("jpeg").build();

    @Test
    void anImageRuleNeedsCriteriaAndNoSilence() {
        assertEquals("match", refused(new RuleDefinition(RuleKind.IMAGE, null, null, null, Optional.empty(), true)));
        assertEquals("silentFor", refused(new RuleDefinition(RuleKind.IMAGE, JPEGS, null, Duration.ofMinutes(1),
                Optional.empty(), true)));
    }

    @Test
    void aSilenceRuleNeedsSourcesAndAPeriod() {
        assertEquals("sources", refused(new RuleDefinition(RuleKind.SILENCE, null, null, Duration.ofMinutes(1),
                Optional.empty(), true)));
        assertEquals("silentFor", refused(new RuleDefinition(RuleKind.SILENCE, null, "yard-*", Duration.ZERO,
                Optional.empty(), true)));
        assertEquals("match", refused(new RuleDefinition(RuleKind.SILENCE, JPEGS, "yard-*", Duration.ofMinutes(1),
                Optional.empty(), true)));
    }

    @Test
    void aWebhookMustBeAnHttpUrlWithASecretOfSomeLength() {
        assertEquals("webhook.url", refused(withWebhook(new Webhook("file:///etc/passwd", null))));
        assertEquals("webhook.url", refused(withWebhook(new Webhook("/relative", null))));
        assertEquals("webhook.secret", refused(withWebhook(new Webhook("https://example.org/hook", "short"))));
        AlertRules.checked(withWebhook(new Webhook("https://example.org/hook", "sixteen-chars-ok")));
    }

    private static RuleDefinition withWebhook(Webhook webhook) {
        return new RuleDefinition(RuleKind.IMAGE, JPEGS, null, null, Optional.of(webhook), true);
    }

    private static String refused(RuleDefinition definition) {
        return assertThrows(InvalidParameterException.class, () -> AlertRules.checked(definition)).parameter();
    }
}
