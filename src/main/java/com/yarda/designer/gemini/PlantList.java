package com.yarda.designer.gemini;

import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Plant;
import com.yarda.designer.prompt.DesignPrompt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plants a finished design shows, as a text model lists them: what it is asked, and how its answer is read.
 * Image models cannot answer JSON beside an image, so a second call shows the drawn image to a text model with the
 * numbered palette and asks which of those plants it sees, and how many.
 *
 * <p>The answer is read defensively, because whatever it says goes to the homeowner's shopping list: an entry
 * counts only with a botanical name of the palette (compared without regard to case or spacing) and a whole-number
 * quantity from 1 to {@value #MOST}; anything else is left out. A plant listed twice keeps its first entry: adding
 * the two could count one group twice. Plants are numbered by their place in the palette (its index + 1), the
 * numbers the prompt gave them and the ones a design's plant list has when no model could say, so a plant keeps its
 * number whether or not the list worked; a plant the design does not show leaves a gap.
 */
final class PlantList {

    /** More of one plant than a residential design shows is a misread, not a count. */
    static final int MOST = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlantList() {}

    /** What the text model is asked, beside the image. */
    static String instruction(List<Plant> palette) {
        return "The image is a landscape design for a home garden. Which of the plants in this numbered list does it"
                + " show, and how many of each? Count the individual plants you can see; for a hedge or a massed"
                + " planting, estimate how many plants it is made of. Name each plant by its botanical name exactly"
                + " as written in the list, list each plant once, and leave out plants you cannot see. Never name a"
                + " plant that is not in the list.\n"
                + DesignPrompt.numbered(palette)
                + "\nAnswer with a JSON array of objects, each with \"botanical_name\" and \"quantity\" (a whole"
                + " number, at least 1).";
    }

    /**
     * What was read out of an answer.
     *
     * @param plants the usable entries, in palette order; empty when none was usable
     * @param problems what was wrong, one item per entry left out (or one for the whole answer), for the log
     */
    record Reading(List<PlacedPlant> plants, List<String> problems) {

        Reading {
            plants = List.copyOf(plants);
            problems = List.copyOf(problems);
        }

        static Reading unusable(String problem) {
            return new Reading(List.of(), List.of(problem));
        }
    }

    /** Reads the model's answer {@code text} against the palette the design was asked to use. */
    static Reading read(String text, List<Plant> palette) {
        JsonNode root;
        try {
            root = JSON.readTree(withoutFence(text));
        } catch (JacksonException e) {
            return Reading.unusable("the answer is not JSON: " + GenerateContent.shorten(text, 120));
        }
        if (root == null || !root.isArray()) {
            return Reading.unusable("the answer is not a JSON array: " + GenerateContent.shorten(text, 120));
        }
        Map<String, Integer> places = new HashMap<>();
        for (int i = 0; i < palette.size(); i++) {
            places.putIfAbsent(key(palette.get(i).botanicalName()), i);
        }
        // palette place → quantity, in palette order
        Map<Integer, Integer> counted = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode entry : root) {
            if (!entry.isObject()) {
                problems.add("an entry is not an object: " + GenerateContent.shorten(entry.toString(), 80));
                continue;
            }
            JsonNode name = entry.path("botanical_name");
            JsonNode quantity = entry.path("quantity");
            if (!name.isString()) {
                problems.add("an entry has no botanical_name text: " + GenerateContent.shorten(entry.toString(), 80));
                continue;
            }
            Integer place = places.get(key(name.asString()));
            if (place == null) {
                problems.add("not in the palette: " + GenerateContent.shorten(name.asString(), 80));
                continue;
            }
            if (!quantity.isIntegralNumber()
                    || !quantity.canConvertToInt()
                    || quantity.asInt() < 1
                    || quantity.asInt() > MOST) {
                problems.add(name.asString() + ": quantity is not a whole number from 1 to " + MOST + ": "
                        + GenerateContent.shorten(quantity.toString(), 40));
                continue;
            }
            if (counted.putIfAbsent(place, quantity.asInt()) != null) {
                problems.add(name.asString() + ": listed again, the first entry kept");
            }
        }
        List<PlacedPlant> plants = counted.entrySet().stream()
                .map(e -> new PlacedPlant(e.getKey() + 1, palette.get(e.getKey()), e.getValue()))
                .toList();
        if (plants.isEmpty() && problems.isEmpty()) {
            problems.add("the answer lists no plant");
        }
        return new Reading(plants, problems);
    }

    /** Botanical names compared as a nursery would: case and spacing aside. */
    private static String key(String botanicalName) {
        return botanicalName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** JSON mode answers bare JSON; a Markdown code fence around it is taken off all the same. */
    private static String withoutFence(String text) {
        String body = text.strip();
        if (body.startsWith("```") && body.endsWith("```") && body.length() >= 6) {
            body = body.substring(3, body.length() - 3);
            int newline = body.indexOf('\n');
            // the fence's first line may name the language: ```json
            if (newline >= 0 && body.substring(0, newline).strip().matches("[A-Za-z]*")) {
                body = body.substring(newline + 1);
            }
        }
        return body;
    }
}
