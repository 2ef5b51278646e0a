package com.yarda.web;

import com.yarda.platform.CurrentUser;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.NotFound;
import com.yarda.platform.ValidationFailed;
import com.yarda.webhook.AddedWebhook;
import com.yarda.webhook.Webhooks;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The webhooks of the account page: add one (its secret is shown once, on the page that answers the form, never
 * kept in the session) and delete one. The section itself is {@code account/webhooks.html}, filled by
 * {@link WebhookSection}.
 */
@Controller
class WebhookPages {

    private final Webhooks webhooks;

    WebhookPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/account/webhooks")
    String add(
            CurrentUser user,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) @Nullable List<String> events,
            Model model,
            RedirectAttributes redirect) {
        if (events == null || events.isEmpty()) {
            redirect.addFlashAttribute("webhookError", "Choose at least one event to send.");
            redirect.addFlashAttribute("webhookUrl", url);
            return "redirect:/account#webhooks";
        }
        AddedWebhook added;
        try {
            added = webhooks.add(user.id(), url, events);
        } catch (ValidationFailed invalid) {
            redirect.addFlashAttribute(
                    "webhookError",
                    invalid.errors().stream()
                            .map(FieldProblem::message)
                            .map(message -> "The url " + message + ".")
                            .collect(Collectors.joining(" ")));
            redirect.addFlashAttribute("webhookUrl", url);
            return "redirect:/account#webhooks";
        }
        model.addAttribute("webhook", added);
        return "account/webhook-added";
    }

    @PostMapping("/account/webhooks/{id}/delete")
    String delete(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            webhooks.delete(user.id(), id);
            redirect.addFlashAttribute("webhookNotice", "The webhook was deleted. Nothing more is sent to it.");
        } catch (NotFound gone) {
            redirect.addFlashAttribute("webhookNotice", "That webhook was deleted already.");
        }
        return "redirect:/account#webhooks";
    }
}
