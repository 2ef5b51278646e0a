package com.yarda.designer.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.designer.Design;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.PlacedPlant;
import com.yarda.designer.Style;
import com.yarda.designer.builtin.Layout.PlantSpot;
import com.yarda.site.HardinessZone;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What a builtin design says it is made of: the plants of the style that grow in the site's zone, numbered as on
 * the drawing, each with as many as the drawing shows.
 */
class DesignedPlantsTest {

    private static final String ADDRESS = "250 Marquette Ave, Minneapolis, MN 55401";

    /** A cold, a middle and a hot zone, and no zone at all. */
    private static final List<@Nullable HardinessZone> ZONES =
            Arrays.asList(HardinessZone.of("4a"), HardinessZone.of("7b"), HardinessZone.of("10b"), null);

    private final BuiltinDesigner designer = new BuiltinDesigner();

    @Test
    void everyStyleInEveryZoneListsOnlyHardyPlantsNumberedOneToNEachAsOftenAsThePlanHoldsIt() {
        for (Style style : Style.values()) {
            for (HardinessZone zone : ZONES) {
                DesignRequest request = request(style, ADDRESS, zone);
                Design design = designer.design(request);
                String where = style.id() + " in zone " + zone;

                List<PlacedPlant> plants = design.plants();
                assertThat(plants)
                        .as(where)
                        .extracting(PlacedPlant::number)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(1, plants.size()).boxed().toList());
                assertThat(plants)
                        .as(where)
                        .extracting(PlacedPlant::plant)
                        .containsExactlyElementsOf(request.palette());
                if (zone == null) {
                    assertThat(plants).as(where).extracting(PlacedPlant::plant).isEqualTo(style.plants());
                } else {
                    assertThat(plants)
                            .as(where)
                            .allMatch(placed -> placed.plant().hardyIn(zone));
                }
                assertThat(plants).as(where).allMatch(placed -> placed.quantity() != null && placed.quantity() >= 1);
                assertThat(quantities(design)).as(where).isEqualTo(symbolsPerNumber(layout(request)));
                assertThat(design.materials()).as(where).isEqualTo(style.materials());
            }
        }
    }

    /**
     * Draws one plan with a census pen: every plant symbol the drawing paints is also painted, with the same
     * transform and clip, as a dot in its number's own colour on a census image. The dots in that image, counted
     * per colour, are what the drawing shows of each plant; they must be the quantities the design reports. A
     * drawing that skipped a bed, drew a plant twice, drew one outside the plan's frame or with another plant's
     * symbol would fail here. The census drawing is pixel for pixel the design's image.
     */
    @Test
    void theDrawingShowsAsManyMarkersOfEachNumberAsTheDesignReports() throws IOException {
        Style style = Style.CALIFORNIA_NATIVE;
        HardinessZone zone = HardinessZone.of("5a");
        DesignRequest request = request(style, ADDRESS, zone);
        Design design = designer.design(request);
        Layout layout = layout(request);
        Look look = Look.of(style);
        int plants = layout.plants().size();

        BufferedImage census = new BufferedImage(YardPlan.WIDTH, YardPlan.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D dots = census.createGraphics();
        double dot = 0.35; // feet: a few pixels, well inside the nearest neighbour's distance
        Planting.Pen pen = (g, sprite, plant, texture) -> {
            Planting.SYMBOLS.draw(g, sprite, plant, texture);
            assertThat(sprite)
                    .as("the symbol of plant %d", plant.number())
                    .isEqualTo(look.sprite(layout.plants().get(plant.number() - 1)));
            dots.setTransform(g.getTransform());
            dots.setClip(g.getClip());
            dots.setColor(censusColour(plant.number(), plants));
            dots.fill(new Ellipse2D.Double(plant.x() - dot, plant.y() - dot, dot * 2, dot * 2));
        };
        Drawing drawing = YardPlan.draw(layout, zone, BuiltinDesigner.seed(request), pen);
        dots.dispose();

        assertThat(argb(drawing.image())).isEqualTo(argb(decode(design.image())));
        Map<Integer, Integer> markers = new TreeMap<>();
        for (int number = 1; number <= plants; number++) {
            markers.put(number, blobs(census, censusColour(number, plants)));
        }
        assertThat(markers).isEqualTo(quantities(design));
        assertThat(markers.values()).allMatch(count -> count >= 1);
    }

    @Test
    void everyPlantOfThePaletteIsPlantedAndNoneWhereACanopyOrABoulderWouldHideIt() {
        List<String> addresses = IntStream.range(0, 12)
                .mapToObj(i -> (100 + i * 37) + " Test Street, Town " + i)
                .toList();
        List<@Nullable HardinessZone> zones = Arrays.asList(
                HardinessZone.of("3b"),
                HardinessZone.of("5a"),
                HardinessZone.of("6b"),
                HardinessZone.of("8a"),
                HardinessZone.of("9b"),
                HardinessZone.of("11a"),
                null);
        for (String address : addresses) {
            for (Style style : Style.values()) {
                for (HardinessZone zone : zones) {
                    Layout layout = layout(request(style, address, zone));
                    String where = style.id() + " in zone " + zone + " at " + address;

                    assertThat(layout.plantCounts().values()).as(where).allMatch(count -> count >= 1);
                    List<Layout.Bed> beds = new ArrayList<>(layout.feature().beds());
                    beds.addAll(layout.beds());
                    List<PlantSpot> planted = new ArrayList<>(layout.feature().pots());
                    beds.forEach(bed -> planted.addAll(bed.plants()));
                    for (PlantSpot plant : planted) {
                        assertThat(layout.trees())
                                .as("%s: plant %s under a canopy", where, plant)
                                .noneMatch(tree ->
                                        Point2D.distance(plant.x(), plant.y(), tree.x(), tree.y()) < tree.radius());
                    }
                    for (Layout.Bed bed : beds) {
                        Point2D boulder = bed.boulder();
                        if (boulder != null) {
                            assertThat(bed.plants())
                                    .as("%s: plants under a boulder", where)
                                    .allMatch(plant ->
                                            boulder.distance(plant.x(), plant.y()) >= Drifts.BOULDER_CLEARANCE);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theLegendHeadsThePlantsWithTheZoneWhenItIsKnown() {
        HardinessZone zone = HardinessZone.of("5a");
        DesignRequest request = request(Style.ENGLISH_GARDEN, ADDRESS, zone);
        Layout layout = layout(request);
        long seed = BuiltinDesigner.seed(request);

        assertThat(Legend.plantingHeading(zone)).isEqualTo("Plants for USDA zone 5a");
        assertThat(Legend.plantingHeading(null)).isEqualTo("PLANTING");
        // the same plan with and without the zone differs in one line of the legend only: the heading
        BufferedImage withZone = YardPlan.draw(layout, zone, seed).image();
        BufferedImage without = YardPlan.draw(layout, null, seed).image();
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int left = Integer.MAX_VALUE;
        for (int y = 0; y < YardPlan.HEIGHT; y++) {
            for (int x = 0; x < YardPlan.WIDTH; x++) {
                if (withZone.getRGB(x, y) != without.getRGB(x, y)) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                }
            }
        }
        assertThat(bottom).as("some pixels differ").isNotNegative();
        assertThat(left).as("only the legend differs").isGreaterThanOrEqualTo(YardPlan.WIDTH - Legend.WIDTH - 32);
        assertThat(bottom - top).as("only one line differs").isLessThan(20);
    }

    @Test
    void aPhotoDesignListsThePlantsOfTheZoneEachDrawnAtLeastOnce() throws IOException {
        byte[] photo = BuiltinDesignerTest.encode(BuiltinDesignerTest.yardPhoto(800, 600), "png");
        for (Style style : Style.values()) {
            for (HardinessZone zone : Arrays.asList(HardinessZone.of("4a"), null)) {
                DesignRequest request = new DesignRequest(
                        UUID.randomUUID(),
                        style,
                        null,
                        new DesignRequest.Photo(photo, "image/png", 800, 600),
                        null,
                        zone,
                        List.of());
                Design design = designer.design(request);
                String where = style.id() + " in zone " + zone;

                assertThat(design.plants())
                        .as(where)
                        .extracting(PlacedPlant::number)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(1, request.palette().size())
                                        .boxed()
                                        .toList());
                assertThat(design.plants())
                        .as(where)
                        .extracting(PlacedPlant::plant)
                        .containsExactlyElementsOf(request.palette());
                assertThat(design.plants())
                        .as(where)
                        .allMatch(placed -> placed.quantity() != null && placed.quantity() >= 1);
                assertThat(design.materials()).as(where).isEqualTo(style.materials());
            }
        }
    }

    private static DesignRequest request(Style style, String address, @Nullable HardinessZone zone) {
        return new DesignRequest(UUID.randomUUID(), style, address, null, null, zone, List.of());
    }

    private static Layout layout(DesignRequest request) {
        return Layout.of(
                request.style(), request.palette(), BuiltinDesigner.siteSeed(request), BuiltinDesigner.seed(request));
    }

    private static Map<Integer, Integer> quantities(Design design) {
        return design.plants().stream()
                .collect(Collectors.toMap(PlacedPlant::number, PlacedPlant::quantity, (a, b) -> a, TreeMap::new));
    }

    /** The plant symbols the layout holds, counted one by one: every bed, the feature's beds, trees and pots. */
    private static Map<Integer, Integer> symbolsPerNumber(Layout layout) {
        Map<Integer, Integer> symbols = new TreeMap<>();
        List<PlantSpot> all = new ArrayList<>(layout.trees());
        all.addAll(layout.feature().pots());
        layout.feature().beds().forEach(bed -> all.addAll(bed.plants()));
        layout.beds().forEach(bed -> all.addAll(bed.plants()));
        all.forEach(plant -> symbols.merge(plant.number(), 1, Integer::sum));
        return symbols;
    }

    private static Color censusColour(int number, int plants) {
        return new Color(Color.HSBtoRGB((number - 1) / (float) plants, 1f, 1f));
    }

    /** How many separate blobs of exactly {@code colour} the image holds (4-connected). */
    private static int blobs(BufferedImage image, Color colour) {
        int w = image.getWidth();
        int h = image.getHeight();
        int rgb = colour.getRGB();
        boolean[] seen = new boolean[w * h];
        int blobs = 0;
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || image.getRGB(start % w, start / w) != rgb) {
                continue;
            }
            blobs++;
            Deque<Integer> open = new ArrayDeque<>(List.of(start));
            seen[start] = true;
            while (!open.isEmpty()) {
                int p = open.pop();
                int x = p % w;
                int y = p / w;
                int[][] next = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
                for (int[] q : next) {
                    if (q[0] >= 0 && q[0] < w && q[1] >= 0 && q[1] < h) {
                        int i = q[1] * w + q[0];
                        if (!seen[i] && image.getRGB(q[0], q[1]) == rgb) {
                            seen[i] = true;
                            open.push(i);
                        }
                    }
                }
            }
        }
        return blobs;
    }

    private static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
