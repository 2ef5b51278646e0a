package com.yarda.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signatures as Standard Webhooks defines them, checked against the specification's published test vector. */
class WebhookSigningTest {

    @Test
    void signaturesMatchThePublishedStandardWebhooksTestVector() {
        // the specification's vector (standard-webhooks/spec, and every reference library's tests)
        assertThat(WebhookSecrets.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aReceiverVerifiesWhatWeSignWithTheReferenceLibraryAndRefusesATamperedBody() throws Exception {
        String secret =
                "whsec_" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');
        String id = DeliveryOutbox.messageId(UUID.randomUUID());
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"generation.completed\",\"data\":{\"id\":\"x\"}}";
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(WebhookSecrets.sign(secret, id, now, body)));

        new Webhook(secret).verify(body, headers);
        assertThatThrownBy(() -> new Webhook(secret).verify(body.replace("completed", "failed"), headers))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theWebhookIdOfADeliveryIsMsgAndItsIdInHex() {
        UUID id = UUID.fromString("0189c6b2-7f3a-7cc1-9f2e-3b6f1d2a4c5e");

        assertThat(DeliveryOutbox.messageId(id)).isEqualTo("msg_0189c6b27f3a7cc19f2e3b6f1d2a4c5e");
    }
}
