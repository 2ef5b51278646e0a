package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import com.yarda.designer.PlantKind;
import com.yarda.designer.builtin.Vocabulary.Intent;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One thing a homeowner asked for in their feedback, as {@link Wishes} understood it.
 *
 * @param negated the opposite was asked for: "no more trees", "don't add a pond"; nothing of it is added, and what
 *     earlier versions added of it goes
 * @param subject what to keep or remove; null for the other intents
 * @param said the homeowner's words it was read from, quoted back in the notes
 * @param reason for {@link Intent#IMPOSSIBLE}: why it cannot be drawn
 */
record Wish(
        Intent intent,
        boolean negated,
        @Nullable Subject subject,
        String said,
        @Nullable String reason) {

    /** Something in the garden a wish is about. */
    sealed interface Subject {

        /** How the notes name it, e.g. {@code the Japanese maple}. */
        String label();
    }

    /**
     * Plants by name, e.g. "the coast live oak" or "roses".
     *
     * @param named the plants of the catalog of which this is the whole common or botanical name
     * @param alike the plants whose name ends in it ("maple" for every maple) or whose genus it is
     */
    record Named(String name, List<Plant> named, List<Plant> alike) implements Subject {

        Named {
            named = List.copyOf(named);
            alike = List.copyOf(alike);
        }

        /** The plants of {@code palette} it names: those of the whole name first, else those alike. */
        List<Plant> in(List<Plant> palette) {
            List<Plant> exact = palette.stream().filter(named::contains).toList();
            return exact.isEmpty() ? palette.stream().filter(alike::contains).toList() : exact;
        }

        @Override
        public String label() {
            return "the " + name;
        }
    }

    /** Every plant of a kind, e.g. "the trees". */
    record Kind(PlantKind kind) implements Subject {

        List<Plant> in(List<Plant> palette) {
            return palette.stream().filter(plant -> plant.kind() == kind).toList();
        }

        @Override
        public String label() {
            return switch (kind) {
                case TREE -> "the trees";
                case SHRUB -> "the shrubs";
                case GRASS -> "the ornamental grasses";
                case PERENNIAL -> "the perennials";
                case GROUNDCOVER -> "the groundcovers";
                case SUCCULENT -> "the succulents";
                case VINE -> "the vines";
            };
        }
    }

    /** A part of the garden, e.g. the pond or the lawn. */
    record Thing(Vocabulary.Thing thing) implements Subject {

        @Override
        public String label() {
            return thing.label();
        }
    }

    /** How the notes name the wish, e.g. {@code less lawn}, {@code remove the pond}, {@code no more shade}. */
    String label() {
        String what = subject == null ? intent.label() : intent.label() + " " + subject.label();
        if (intent == Intent.IMPOSSIBLE) {
            return said.strip().toLowerCase(Locale.ROOT);
        }
        if (!negated) {
            return what;
        }
        return switch (intent) {
            case MORE_SHADE -> "no more trees";
            case MORE_PRIVACY -> "no privacy screen";
            case SEATING -> "no more seating";
            case VEGETABLES -> "no vegetable patch";
            case WATER -> "no water feature";
            case MORE_LAWN -> "no more lawn";
            case LESS_LAWN -> "no less lawn";
            default -> "not " + what;
        };
    }
}
