package com.yarda.designer.builtin;

import com.yarda.designer.builtin.Layout.PlantSpot;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.util.Random;

/** The beds of a layout with their mulch and plants, and its trees, each plant drawn as its symbol. */
final class Planting {

    private final Graphics2D g;
    private final Look look;
    private final Layout layout;
    private final Random texture;
    private final Grounds grounds;
    private final Hardscape hardscape;

    Planting(Graphics2D g, Look look, Layout layout, Random texture, Grounds grounds, Hardscape hardscape) {
        this.g = g;
        this.look = look;
        this.layout = layout;
        this.texture = texture;
        this.grounds = grounds;
        this.hardscape = hardscape;
    }

    void beds() {
        for (Layout.Bed bed : layout.beds()) {
            bed(bed);
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
        Symbols.plant(g, look.plants().get(plant.number() - 1), plant.x(), plant.y(), plant.radius(), texture);
    }
}
