package com.yarda.designer.builtin;

import com.yarda.designer.builtin.Layout.PlantSpot;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.Random;

/**
 * The beds of a layout with their mulch and plants, and its trees, each plant drawn as its symbol. Every plant of a
 * plan is drawn by {@link #plant}, so what the plan shows of each plant is what its {@link Layout} counts.
 */
final class Planting {

    /** Draws one plant of a plan: the plan counts what it draws through its pen, and a test can look over it. */
    interface Pen {
        void draw(Graphics2D g, Look.Sprite sprite, PlantSpot plant, Random texture);
    }

    /** The plant's symbol, as a homeowner sees it. */
    static final Pen SYMBOLS =
            (g, sprite, plant, texture) -> Symbols.plant(g, sprite, plant.x(), plant.y(), plant.radius(), texture);

    private final Graphics2D g;
    private final Look look;
    private final Layout layout;
    private final List<Look.Sprite> sprites;
    private final Random texture;
    private final Grounds grounds;
    private final Hardscape hardscape;
    private final Pen pen;

    Planting(Graphics2D g, Look look, Layout layout, Random texture, Grounds grounds, Hardscape hardscape, Pen pen) {
        this.g = g;
        this.look = look;
        this.layout = layout;
        this.sprites = look.sprites(layout.plants());
        this.texture = texture;
        this.grounds = grounds;
        this.hardscape = hardscape;
        this.pen = pen;
    }

    void beds() {
        for (Layout.Bed bed : layout.beds()) {
            bed(bed);
        }
        Layout.Bed screen = layout.additions().screen();
        if (screen != null) {
            bed(screen);
        }
    }

    /** Mulch and an edge, then the plants back to front; an island in gravel is raked around and gets its boulder. */
    void bed(Layout.Bed bed) {
        Shape area = bed.area();
        Point2D boulder = bed.boulder();
        if (boulder != null && look.ground() == Look.Ground.RAKED_GRAVEL) {
            grounds.raked(area);
        }
        if (!area.getBounds2D().isEmpty()) {
            g.setColor(look.palette().beds());
            g.fill(area);
            grounds.speckle(area, Symbols.tint(look.palette().beds(), 0.18), 0.14, 1.2);
            g.setColor(Symbols.shade(look.palette().beds(), 0.7));
            g.setStroke(new BasicStroke(look.beds() == Look.Beds.GEOMETRIC ? 0.35f : 0.2f));
            g.draw(area);
            for (PlantSpot plant : bed.plants()) {
                plant(plant);
            }
        }
        if (boulder != null) {
            hardscape.boulder(boulder.getX(), boulder.getY(), 1.2 + texture.nextDouble());
        }
    }

    void trees() {
        for (PlantSpot tree : layout.trees()) {
            plant(tree);
        }
    }

    void plant(PlantSpot plant) {
        pen.draw(g, sprites.get(plant.number() - 1), plant, texture);
    }
}
