package com.yarda.designer.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.Plant;
import com.yarda.designer.PlantCatalog;
import com.yarda.designer.PlantKind;
import com.yarda.designer.builtin.Vocabulary.Intent;
import com.yarda.designer.builtin.Vocabulary.Thing;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the builtin designer reads a homeowner's plain-English feedback. */
class WishesTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            less grass                                  | LESS_LAWN
            Fewer grass.                                | LESS_LAWN
            veggie garden                               | VEGETABLES
            Screen from neighbours                      | MORE_PRIVACY
            drought tolerant                            | LOWER_WATER
            ADD SEATING!                                | SEATING
            a smaller lawn please                       | LESS_LAWN
            Too much mowing!                            | LESS_LAWN
            more lawn for the kids                      | MORE_LAWN
            somewhere for the kids to play              | MORE_LAWN
            a bigger lawn                               | MORE_LAWN
            shadier                                     | MORE_SHADE
            more trees                                  | MORE_SHADE
            shade for the patio                         | MORE_SHADE
            plant a few trees                           | MORE_SHADE
            it is too shady                             | LESS_SHADE
            screen the neighbours                       | MORE_PRIVACY
            a privacy hedge                             | MORE_PRIVACY
            hide the fence                              | MORE_PRIVACY
            the neighbours can see into the yard        | MORE_PRIVACY
            a place to sit                              | SEATING
            bigger patio                                | SEATING
            outdoor dining                              | SEATING
            we love to entertain                        | SEATING
            grow vegetables                             | VEGETABLES
            raised beds                                 | VEGETABLES
            a kitchen garden                            | VEGETABLES
            herbs                                       | VEGETABLES
            a pond                                      | WATER
            a water feature                             | WATER
            a little fountain                           | WATER
            a birdbath for the birds                    | WATER
            drought-tolerant plants                     | LOWER_WATER
            less watering                               | LOWER_WATER
            xeriscape it                                | LOWER_WATER
            lower water use                             | LOWER_WATER
            add a pool                                  | IMPOSSIBLE
            a hot tub                                   | IMPOSSIBLE
            """)
    void readsEachWishFromPlainEnglish(String feedback, Intent intent) {
        Wishes wishes = Wishes.read(feedback);

        assertThat(wishes.understood()).extracting(Wish::intent).containsExactly(intent);
        assertThat(wishes.understood()).noneMatch(Wish::negated);
        assertThat(wishes.unrecognised()).isEmpty();
    }

    @Test
    void readsSeveralWishesInOneSentenceInTheirOrder() {
        Wishes wishes = Wishes.read("Less grass and more trees, plus a pond; also somewhere to grow herbs.");

        assertThat(wishes.understood())
                .extracting(Wish::intent)
                .containsExactly(Intent.LESS_LAWN, Intent.MORE_SHADE, Intent.WATER, Intent.VEGETABLES);
        assertThat(wishes.unrecognised()).isEmpty();
    }

    @Test
    void aNegatedWishAsksForNoneOfIt() {
        assertThat(Wishes.read("don't add trees").understood())
                .containsExactly(new Wish(Intent.MORE_SHADE, true, null, "don't add trees", null));
        assertThat(Wishes.read("No more trees please").understood())
                .extracting(Wish::intent, Wish::negated)
                .containsExactly(Tuple.tuple(Intent.MORE_SHADE, true));
        assertThat(Wishes.read("do not add a pond").understood())
                .extracting(Wish::intent, Wish::negated)
                .containsExactly(Tuple.tuple(Intent.WATER, true));
        assertThat(Wishes.read("don't add a pond").understood().getFirst().label())
                .isEqualTo("no water feature");
    }

    @Test
    void noPondRemovesThePondWhileDontAddAPondOnlyForbidsOne() {
        assertThat(Wishes.read("no pond").understood())
                .containsExactly(new Wish(Intent.REMOVE, false, new Wish.Thing(Thing.POND), "no pond", null));
        assertThat(Wishes.read("get rid of the lawn").understood())
                .extracting(Wish::intent, Wish::subject)
                .containsExactly(Tuple.tuple(Intent.REMOVE, new Wish.Thing(Thing.LAWN)));
        assertThat(Wishes.read("I don't want the fire pit").understood())
                .extracting(Wish::subject)
                .containsExactly(new Wish.Thing(Thing.FIRE));
    }

    @Test
    void keepsAndRemovesPlantsByCommonOrBotanicalNameOrKind() {
        List<Wish> wishes = Wishes.read(
                        "Keep the Japanese maple, remove the roses and the Lavandula angustifolia; lose the grasses")
                .understood();

        assertThat(wishes)
                .extracting(Wish::intent)
                .containsExactly(Intent.KEEP, Intent.REMOVE, Intent.REMOVE, Intent.REMOVE);
        Plant maple = plant("Acer palmatum");
        Plant bloodgood = plant("Acer palmatum 'Bloodgood'");
        Wish.Named japaneseMaple = (Wish.Named) wishes.get(0).subject();
        // the whole name names one plant; a design with only the Bloodgood maple still finds it as alike
        assertThat(japaneseMaple.in(List.of(maple, bloodgood))).containsExactly(maple);
        assertThat(japaneseMaple.in(List.of(bloodgood))).containsExactly(bloodgood);
        Wish.Named roses = (Wish.Named) wishes.get(1).subject();
        assertThat(roses.in(List.of(plant("Rosa 'Gertrude Jekyll'"), maple)))
                .containsExactly(plant("Rosa 'Gertrude Jekyll'"));
        Wish.Named lavender = (Wish.Named) wishes.get(2).subject();
        assertThat(lavender.in(List.of(plant("Lavandula angustifolia 'Hidcote'"), maple)))
                .containsExactly(plant("Lavandula angustifolia 'Hidcote'"));
        assertThat(wishes.get(3).subject()).isEqualTo(new Wish.Kind(PlantKind.GRASS));
    }

    @Test
    void keepingProtectsAndDontRemoveKeeps() {
        assertThat(Wishes.read("please don't remove the trees").understood())
                .extracting(Wish::intent, Wish::subject)
                .containsExactly(Tuple.tuple(Intent.KEEP, new Wish.Kind(PlantKind.TREE)));
        assertThat(Wishes.read("keep the coast live oak").understood())
                .extracting(Wish::intent)
                .containsExactly(Intent.KEEP);
        assertThat(Wishes.read("keep the patio and the pond").understood())
                .extracting(Wish::subject)
                .containsExactly(new Wish.Thing(Thing.PATIO), new Wish.Thing(Thing.POND));
    }

    @Test
    void replacingSomethingWithAWishRemovesItAndAddsTheWish() {
        assertThat(Wishes.read("replace the lawn with a vegetable patch").understood())
                .extracting(Wish::intent)
                .containsExactly(Intent.REMOVE, Intent.VEGETABLES);
        assertThat(Wishes.read("a kitchen garden instead of the lawn").understood())
                .extracting(Wish::intent)
                .containsExactly(Intent.REMOVE, Intent.VEGETABLES);
    }

    @Test
    void understoodButImpossibleWishesSayWhy() {
        List<Wish> wishes =
                Wishes.read("remove the house. Add a pool and a trampoline").understood();

        assertThat(wishes)
                .extracting(Wish::intent)
                .containsExactly(Intent.REMOVE, Intent.IMPOSSIBLE, Intent.IMPOSSIBLE);
        assertThat(wishes.get(0).subject()).isEqualTo(new Wish.Thing(Thing.STRUCTURES));
        assertThat(wishes.get(1).reason()).contains("no pools");
        assertThat(wishes.get(2).reason()).contains("play equipment");
    }

    @Test
    void unrecognisedTextIsReportedAndPleasantriesAreNot() {
        Wishes wishes = Wishes.read("Love it, thanks! Make it pop and more shade");

        assertThat(wishes.understood()).extracting(Wish::intent).containsExactly(Intent.MORE_SHADE);
        assertThat(wishes.unrecognised()).containsExactly("Make it pop");
    }

    @Test
    void aPlantNameIsNotMistakenForAFeature() {
        // fountain grass is a plant, the Ponderosa pine has no pond in it, and grasses are not the lawn
        assertThat(Wishes.read("remove the fountain grass").understood())
                .extracting(Wish::subject)
                .allMatch(subject ->
                        subject instanceof Wish.Named named && named.name().equals("fountain grass"));
        assertThat(Wishes.read("keep the ponderosa pine").understood())
                .extracting(Wish::subject)
                .allMatch(subject -> subject instanceof Wish.Named);
        assertThat(Wishes.read("remove the ornamental grasses").understood())
                .extracting(Wish::subject)
                .containsExactly(new Wish.Kind(PlantKind.GRASS));
    }

    private static Plant plant(String botanicalName) {
        return PlantCatalog.standard().plant(botanicalName).orElseThrow();
    }
}
