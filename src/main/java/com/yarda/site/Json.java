package com.yarda.site;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the JSON answers of the site services, which may be anything at all. */
final class Json {

    private Json() {}

    /** The body of {@code answer} as JSON; a body that is not JSON is a failed lookup. */
    static JsonNode parse(JsonMapper json, SiteHttp.Answer answer, String service) {
        try {
            return json.readTree(answer.body());
        } catch (JacksonException e) {
            throw new LookupFailed(service + " answered HTTP " + answer.status() + " without JSON");
        }
    }

    /** The text of a string node; empty for anything else (missing, a number, an object). */
    static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : "";
    }

    static @Nullable String textOrNull(JsonNode node) {
        String text = text(node).trim();
        return text.isEmpty() ? null : text;
    }
}
