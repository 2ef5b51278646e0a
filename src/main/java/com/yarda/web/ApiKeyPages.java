package com.yarda.web;

import com.yarda.apikey.ApiKeys;
import com.yarda.apikey.CreatedApiKey;
import com.yarda.platform.CurrentUser;
import com.yarda.platform.FieldProblem;
import com.yarda.platform.NotFound;
import com.yarda.platform.ProblemException;
import com.yarda.platform.ValidationFailed;
import com.yarda.platform.YardaProperties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API keys of the account page: make one (the key is shown once, on the page that answers the form, never kept
 * in the session) and revoke one. The section itself is {@code account/api-keys.html}, filled by {@link
 * ApiKeySection}.
 */
@Controller
class ApiKeyPages {

    private static final String SECTION = "redirect:/account#api-keys";

    private final ApiKeys apiKeys;
    private final YardaProperties yarda;

    ApiKeyPages(ApiKeys apiKeys, YardaProperties yarda) {
        this.apiKeys = apiKeys;
        this.yarda = yarda;
    }

    @PostMapping("/account/api-keys")
    String create(
            CurrentUser user, @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
        CreatedApiKey created;
        try {
            created = apiKeys.create(user.id(), name);
        } catch (ValidationFailed invalid) {
            redirect.addFlashAttribute(
                    "apiKeyError",
                    invalid.errors().stream()
                            .map(FieldProblem::message)
                            .map(ApiKeyPages::sentence)
                            .collect(Collectors.joining(" ")));
            redirect.addFlashAttribute("apiKeyName", name);
            return SECTION;
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("apiKeyError", refused.getMessage());
            return SECTION;
        }
        model.addAttribute("apiKey", created);
        model.addAttribute("balanceUrl", yarda.link("/api/credits/balance"));
        return "account/api-key-created";
    }

    @PostMapping("/account/api-keys/{id}/delete")
    String delete(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            apiKeys.delete(user.id(), id);
            redirect.addFlashAttribute(
                    "apiKeyNotice", "The API key was revoked. Whatever still sends it is refused from now on.");
        } catch (NotFound gone) {
            redirect.addFlashAttribute("apiKeyNotice", "That API key was revoked already.");
        }
        return SECTION;
    }

    /** "is required (…)" → "The name is required (…)."; "you have 20 API keys already; …" → "You have …". */
    private static String sentence(String message) {
        return message.startsWith("you ") ? "Y" + message.substring(1) + "." : "The name " + message + ".";
    }
}
