package com.yarda.designer.builtin;

import com.yarda.designer.Material;
import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.site.HardinessZone;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The panel beside every builtin design: the style, where the design is for, the numbered planting list with
 * botanical names (headed with the site's hardiness zone when it is known), the materials with swatches and a title
 * block. The numbers match the tags on the drawing.
 */
final class Legend {

    static final int WIDTH = 396;
    private static final Color MUTED = new Color(0x6B675F);
    private static final Color RULE = new Color(0xDDD8CC);

    private final Graphics2D g;
    private final Style style;
    private final Look look;
    private final List<Plant> plants;
    private final @Nullable HardinessZone zone;
    private final double left;
    private final double right;
    private double y;

    private Legend(
            Graphics2D g, Style style, Look look, List<Plant> plants, @Nullable HardinessZone zone, Rectangle2D area) {
        this.g = g;
        this.style = style;
        this.look = look;
        this.plants = plants;
        this.zone = zone;
        this.left = area.getX() + 26;
        this.right = area.getMaxX() - 24;
        this.y = area.getY();
    }

    /**
     * Draws the panel into {@code area}.
     *
     * @param plants the plants of the design, numbered in this order as on the drawing
     * @param zone the site's hardiness zone, when known
     * @param subject where the design is for: the address, or a line about the photo
     * @param footer title-block lines, e.g. the scale
     */
    static void draw(
            Graphics2D g,
            Rectangle2D area,
            Style style,
            Look look,
            List<Plant> plants,
            @Nullable HardinessZone zone,
            String subject,
            List<String> footer) {
        draw(g, area, style, look, plants, zone, subject, footer, List.of());
    }

    /**
     * Draws the panel with a box of {@code changes}: what a refinement applied and could not apply, so the image
     * says it too. The plant and material rows close up to make room; changes that still do not fit are counted.
     */
    static void draw(
            Graphics2D g,
            Rectangle2D area,
            Style style,
            Look look,
            List<Plant> plants,
            @Nullable HardinessZone zone,
            String subject,
            List<String> footer,
            List<String> changes) {
        Symbols.prepare(g);
        RoundRectangle2D card =
                new RoundRectangle2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight(), 18, 18);
        g.setColor(new Color(0, 0, 0, 28));
        g.fill(new RoundRectangle2D.Double(
                area.getX() + 2, area.getY() + 4, area.getWidth(), area.getHeight(), 18, 18));
        g.setColor(Color.WHITE);
        g.fill(card);
        g.setColor(RULE);
        g.setStroke(new BasicStroke(1f));
        g.draw(card);
        new Legend(g, style, look, plants, zone, area).content(area, subject, footer, changes);
    }

    private void content(Rectangle2D area, String subject, List<String> footer, List<String> changes) {
        // a first design keeps its airy rows; a refinement's rows close up for its box of changes
        boolean compact = !changes.isEmpty();
        double plantRow = compact ? 50 : 56;
        double materialRow = compact ? 34 : 40;
        // a band in the style's own colours makes designs in different styles easy to tell apart
        Look.Palette palette = look.palette();
        Color[] band = {palette.lawn(), palette.beds(), palette.canopy(), palette.hardscape(), palette.accent()};
        double bandWidth = (area.getWidth() - 2) / band.length;
        for (int i = 0; i < band.length; i++) {
            g.setColor(band[i]);
            g.fill(new Rectangle2D.Double(area.getX() + 1 + i * bandWidth, area.getY() + 1, bandWidth + 0.5, 10));
        }
        y += 40;
        text(
                "YARDA  ·  LANDSCAPE CONCEPT",
                new Font(Symbols.SANS, Font.BOLD, 12),
                Symbols.shade(palette.canopy(), 0.8));
        y += 12;
        paragraph(style.displayName(), new Font(Symbols.SERIF, Font.BOLD, 30), Symbols.INK, 36);
        y += 2;
        paragraph(subject, new Font(Symbols.SANS, Font.PLAIN, 14), MUTED, 19);
        y += 6;
        paragraph(style.mood(), new Font(Symbols.SERIF, Font.ITALIC, 14), new Color(0x4A4741), 19);
        y += 14;
        rule();

        heading(plantingHeading(zone));
        double tag = 11;
        for (int i = 0; i < plants.size(); i++) {
            Plant plant = plants.get(i);
            Symbols.marker(g, i + 1, left + tag, y + 12, tag, tagColour(look.sprite(plant)));
            double textLeft = left + tag * 2 + 14;
            text(textLeft, y + 10, plant.commonName(), new Font(Symbols.SANS, Font.BOLD, 14), Symbols.INK);
            text(
                    textLeft,
                    y + (compact ? 26 : 28),
                    plant.botanicalName(),
                    new Font(Symbols.SERIF, Font.ITALIC, 13),
                    MUTED);
            String needs = capitalised(plant.sun()) + "  ·  " + plant.water() + " water";
            text(textLeft, y + (compact ? 40 : 44), needs, new Font(Symbols.SANS, Font.PLAIN, 11), new Color(0x8A857B));
            y += plantRow;
        }
        y += 4;
        rule();

        heading("MATERIALS");
        List<Material> materials = style.materials();
        for (int i = 0; i < materials.size(); i++) {
            Material material = materials.get(i);
            Color swatch = look.materialSwatches().get(i);
            double size = compact ? 26 : 30;
            RoundRectangle2D chip = new RoundRectangle2D.Double(left, y, size, size, 6, 6);
            g.setColor(swatch);
            g.fill(chip);
            g.setColor(Symbols.shade(swatch, 0.7));
            g.setStroke(new BasicStroke(1f));
            g.draw(chip);
            g.setColor(Symbols.withAlpha(Symbols.shade(swatch, 0.75), 140));
            for (int k = 1; k < 3; k++) {
                g.draw(new Line2D.Double(left + 2, y + k * size / 3, left + size - 2, y + k * size / 3));
            }
            text(left + 44, y + 12, material.name(), new Font(Symbols.SANS, Font.BOLD, 13), Symbols.INK);
            text(left + 44, y + (compact ? 26 : 28), material.use(), new Font(Symbols.SANS, Font.PLAIN, 12), MUTED);
            y += materialRow;
        }

        double bottom = area.getMaxY() - 20 - footer.size() * 17;
        if (compact) {
            y += 4;
            rule();
            changes(changes, bottom - 14);
        } else if (y + 92 < bottom - 14) {
            y += 4;
            rule();
            palette(palette);
        }
        g.setColor(RULE);
        g.draw(new Line2D.Double(left, bottom - 14, right, bottom - 14));
        for (String line : footer) {
            text(left, bottom + 4, line, new Font(Symbols.SANS, Font.PLAIN, 11), new Color(0x8A857B));
            bottom += 17;
        }
    }

    private void palette(Look.Palette palette) {
        heading("PALETTE");
        String[] names = {"Lawn", "Beds", "Paths", "Paving", "Trees", "Flowers"};
        Color[] colours = {
            palette.lawn(), palette.beds(), palette.path(), palette.hardscape(), palette.canopy(), palette.accent()
        };
        double chip = (right - left - 5 * 8) / 6;
        for (int i = 0; i < colours.length; i++) {
            double x = left + i * (chip + 8);
            RoundRectangle2D swatch = new RoundRectangle2D.Double(x, y, chip, 24, 6, 6);
            g.setColor(colours[i]);
            g.fill(swatch);
            g.setColor(Symbols.shade(colours[i], 0.75));
            g.draw(swatch);
            Font font = new Font(Symbols.SANS, Font.PLAIN, 11);
            g.setColor(MUTED);
            g.setFont(font);
            double width = g.getFontMetrics(font).stringWidth(names[i]);
            g.drawString(names[i], (float) (x + (chip - width) / 2), (float) (y + 40));
        }
        y += 48;
    }

    /** The notes of a refinement, two lines each at most, as many as fit above {@code limit}. */
    private void changes(List<String> changes, double limit) {
        heading("CHANGES IN THIS VERSION");
        Font font = new Font(Symbols.SANS, Font.PLAIN, 11);
        double line = 14;
        for (int i = 0; i < changes.size(); i++) {
            String change = changes.get(i);
            List<String> lines = wrapped(change, font, right - left - 12, 2);
            boolean last = i == changes.size() - 1;
            // room for this change, and for the line that counts the rest when it is not the last
            if (y + lines.size() * line + (last ? 0 : line) > limit) {
                int more = changes.size() - i;
                text(left, y + 10, "+ " + more + " more in the design's notes", font, MUTED);
                return;
            }
            Color colour = change.startsWith("Could not") ? new Color(0x9A4E24) : Symbols.INK;
            g.setColor(colour);
            g.fill(new Ellipse2D.Double(left + 1, y + 5, 4, 4));
            for (String text : lines) {
                text(left + 12, y + 10, text, font, colour);
                y += line;
            }
            y += 3;
        }
    }

    /** {@code text} broken into lines of at most {@code width} pixels, at most {@code max}, the last cut with "…". */
    private List<String> wrapped(String text, Font font, double width, int max) {
        var metrics = g.getFontMetrics(font);
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = current.isEmpty() ? word : current + " " + word;
            if (metrics.stringWidth(next) <= width || current.isEmpty()) {
                current = new StringBuilder(next);
            } else {
                lines.add(current.toString());
                current = new StringBuilder(word);
            }
        }
        lines.add(current.toString());
        if (lines.size() > max) {
            List<String> cut = new ArrayList<>(lines.subList(0, max));
            cut.set(max - 1, fit(String.join(" ", lines.subList(max - 1, lines.size())), font, width));
            return cut;
        }
        return lines;
    }

    private void heading(String title) {
        y += 8;
        text(title, new Font(Symbols.SANS, Font.BOLD, 12), new Color(0x8A857B));
        y += 14;
    }

    private void rule() {
        g.setColor(RULE);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(left, y, right, y));
        y += 14;
    }

    private void text(String text, Font font, Color color) {
        text(left, y, text, font, color);
    }

    private void text(double x, double baseline, String text, Font font, Color color) {
        g.setColor(color);
        g.setFont(font);
        g.drawString(fit(text, font, right - x), (float) x, (float) baseline);
    }

    /** Wraps text to the panel width; at most three lines so a long address cannot push the list off the card. */
    private void paragraph(String text, Font font, Color color, double lineHeight) {
        if (text.isBlank()) {
            return;
        }
        AttributedString attributed = new AttributedString(text, Map.of(TextAttribute.FONT, font));
        FontRenderContext frc = g.getFontRenderContext();
        LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(), frc);
        List<TextLayout> lines = new ArrayList<>();
        while (measurer.getPosition() < text.length() && lines.size() < 3) {
            lines.add(measurer.nextLayout((float) (right - left)));
        }
        g.setColor(color);
        for (TextLayout line : lines) {
            y += lineHeight * 0.8;
            line.draw(g, (float) left, (float) y);
            y += lineHeight * 0.2;
        }
        y += 4;
    }

    private String fit(String text, Font font, double width) {
        var metrics = g.getFontMetrics(font);
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The heading of the planting list: where the zone is known it says the plants were chosen for it, as the
     * homeowner should be able to check.
     */
    static String plantingHeading(@Nullable HardinessZone zone) {
        return zone == null ? "PLANTING" : "Plants for USDA zone " + zone;
    }

    /** A plant tag's ring colour, shared with the drawing so a number looks the same on both. */
    static Color tagColour(Look.Sprite sprite) {
        return Symbols.shade(sprite.leaf(), 0.8);
    }
}
