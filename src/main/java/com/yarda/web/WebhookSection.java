package com.yarda.web;

import com.yarda.platform.CurrentUser;
import com.yarda.webhook.Delivery;
import com.yarda.webhook.WebhookEndpoint;
import com.yarda.webhook.Webhooks;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the webhooks section of the account page shows ({@code account/webhooks.html}): the user's endpoints, each
 * with its newest deliveries. Kept out of {@link AccountPages}, which renders the page, so that the section is one
 * line of {@code account/account.html}.
 */
@ControllerAdvice(assignableTypes = AccountPages.class)
class WebhookSection {

    static final int RECENT = 5;

    private final Webhooks webhooks;

    WebhookSection(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** An endpoint and its newest deliveries. */
    record Row(WebhookEndpoint endpoint, List<Delivery> recent) {}

    @ModelAttribute
    void webhooks(@AuthenticationPrincipal @Nullable Object principal, Model model) {
        if (principal instanceof CurrentUser user) {
            model.addAttribute(
                    "webhooks",
                    webhooks.list(user.id()).stream()
                            .map(endpoint -> new Row(endpoint, webhooks.deliveries(user.id(), endpoint.id(), RECENT)))
                            .toList());
        }
    }
}
