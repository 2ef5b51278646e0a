package com.yarda.designer.builtin;

import com.yarda.designer.Plant;
import com.yarda.designer.PlantCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A refinement's changes to the plants of a design: taking plants out and swapping thirsty ones for thrifty ones. */
final class PaletteEdits {

    private final Nursery nursery;
    private final PlantList plants;
    /** Plants the homeowner had taken out: nothing brings them back unasked. */
    private final Set<Plant> refused = new LinkedHashSet<>();

    private boolean thrifty;

    PaletteEdits(Nursery nursery, PlantList plants) {
        this.nursery = nursery;
        this.plants = plants;
    }

    /** What to say when the homeowner asked to keep the {@code found} plants, named {@code label} in the feedback. */
    static Change kept(List<Plant> found, String label) {
        return found.isEmpty()
                ? Change.refused(absent(label))
                : Change.noted(
                        Refinements.names(found) + (found.size() == 1 ? " stays as it is" : " stay as they are"));
    }

    /** Takes the {@code found} plants out, but not those in {@code protect}, and never a bed's last plant. */
    Change remove(List<Plant> found, String label, List<Plant> protect) {
        if (found.isEmpty()) {
            return Change.refused(absent(label));
        }
        List<Plant> going =
                found.stream().filter(plant -> !protect.contains(plant)).toList();
        if (going.isEmpty()) {
            return Change.refused("you asked to keep " + (found.size() == 1 ? "it" : "them"));
        }
        boolean bedsStayPlanted = plants.plants().stream()
                .anyMatch(plant -> !going.contains(plant) && nursery.role(plant) != Nursery.Role.TREE);
        if (!bedsStayPlanted) {
            return Change.refused("the beds need at least one plant");
        }
        going.forEach(plants::remove);
        refused.addAll(going);
        List<Plant> staying = found.stream().filter(protect::contains).toList();
        return Change.made(Refinements.names(going) + " taken out"
                + (staying.isEmpty() ? "" : "; " + Refinements.names(staying) + " kept as you asked"));
    }

    /**
     * Every plant needing moderate or regular water gives its place to one needing little, of the same style and
     * role, hardy in the zone; a plant in {@code protect} stays.
     *
     * @param lawn whether the design has a lawn, which still needs watering
     */
    Change lowerWater(List<Plant> protect, boolean lawn) {
        List<Plant> thirsty =
                plants.plants().stream().filter(p -> !Nursery.thrifty(p)).toList();
        thrifty = true;
        if (thirsty.isEmpty()) {
            return Change.noted("every plant needs little water already");
        }
        Set<Plant> taken = new LinkedHashSet<>(plants.plants());
        taken.addAll(refused);
        List<String> swaps = new ArrayList<>();
        List<Plant> staying = new ArrayList<>();
        for (Plant plant : thirsty) {
            if (protect.contains(plant)) {
                continue;
            }
            var substitute = nursery.lowWater(plant, taken);
            if (substitute.isPresent()) {
                plants.replace(plant, substitute.get());
                taken.add(substitute.get());
                swaps.add(plant.commonName() + " → " + substitute.get().commonName());
            } else {
                staying.add(plant);
            }
        }
        if (swaps.isEmpty()) {
            return Change.refused("no plant of the style needing little water grows " + nursery.where()
                    + " to take the place of " + Refinements.names(staying));
        }
        String detail = swaps.size() + (swaps.size() == 1 ? " plant" : " plants") + " swapped for low-water ones ("
                + String.join(", ", swaps) + ")";
        if (!staying.isEmpty()) {
            detail += "; nothing of the style " + nursery.where() + " can take the place of "
                    + Refinements.names(staying);
        }
        List<Plant> keptThirsty = thirsty.stream().filter(protect::contains).toList();
        if (!keptThirsty.isEmpty()) {
            detail += "; " + Refinements.names(keptThirsty) + " kept as you asked";
        }
        if (lawn) {
            detail += "; the lawn still needs watering";
        }
        return Change.made(detail);
    }

    /** The plants no wish may bring in: those taken out, and every thirsty one once the homeowner asked so. */
    Set<Plant> refused() {
        Set<Plant> out = new LinkedHashSet<>(refused);
        if (thrifty) {
            PlantCatalog.standard().all().stream()
                    .filter(plant -> !Nursery.thrifty(plant) && !plants.plants().contains(plant))
                    .forEach(out::add);
        }
        return out;
    }

    /** The name of the design's first tree, for an example of what to take out. */
    String firstTree() {
        return plants.plants().stream()
                .filter(plant -> nursery.role(plant) == Nursery.Role.TREE)
                .map(Plant::commonName)
                .findFirst()
                .orElse("maple");
    }

    /** Why a plant named in feedback cannot be kept or removed, e.g. {@code this design has no roses}. */
    private static String absent(String label) {
        return "this design has no " + label.replaceFirst("^the ", "");
    }
}
