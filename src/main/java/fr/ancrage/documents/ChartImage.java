package fr.ancrage.documents;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Doc.BarChart} drawn as a PNG picture for the OpenDocument text, as the PDF draws it:
 * legend, one group of horizontal bars per category, each bar with its value; in Liberation Sans.
 * The same chart gives the same bytes.
 */
final class ChartImage {

    /** Pixels per centimetre: 150 dpi, sharp on paper and light. */
    static final double PX_PER_CM = 150 / 2.54;

    /** The picture and its size on the page. */
    record Picture(byte[] png, double widthCm, double heightCm) {
    }

    private static final Font REGULAR = font("LiberationSans-Regular");

    private ChartImage() {
    }

    private static Font font(String name) {
        try (InputStream in = ChartImage.class.getResourceAsStream("/liberation/" + name + ".ttf")) {
            if (in == null) {
                return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        }
    }

    static Picture draw(Doc.BarChart chart, double widthCm) throws IOException {
        double scale = PX_PER_CM / (72 / 2.54); // points to pixels
        int width = (int) Math.round(widthCm * PX_PER_CM);
        int groups = chart.categories().size();
        int series = chart.series().size();
        float bar = 9;
        float gap = 7;
        float legend = 18;
        float heightPt = legend + groups * (series * bar + gap) + 4;
        int height = (int) Math.ceil(heightPt * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.scale(scale, scale);
            float widthPt = (float) (width / scale);
            float labelWidth = widthPt * 0.30f;
            float valueWidth = 60;
            float plotWidth = widthPt - labelWidth - valueWidth;
            Font small = REGULAR.deriveFont(8.5f);
            Font values = REGULAR.deriveFont(7.5f);
            g.setFont(small);
            float x = 0;
            for (Doc.Series s : chart.series()) {
                g.setColor(new Color(s.color()));
                g.fill(new java.awt.geom.Rectangle2D.Float(x, 3, 9, 8));
                g.setColor(new Color(0x333333));
                String name = SafeText.clean(s.name());
                g.drawString(name, x + 12, 10.5f);
                x += 12 + g.getFontMetrics().stringWidth(name) + 16;
            }
            double max = chart.series().stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                    .max().orElse(0);
            float y = legend;
            for (int c = 0; c < groups; c++) {
                float groupHeight = series * bar;
                g.setFont(small);
                List<String> label = wrap(SafeText.clean(chart.categories().get(c)), g.getFontMetrics(), labelWidth - 8);
                int shown = Math.min(2, label.size());
                float labelY = y + (groupHeight - shown * 8.5f * 1.2f) / 2 + 8.5f;
                g.setColor(new Color(0x222222));
                for (String l : label.subList(0, shown)) {
                    g.drawString(l, 0, labelY);
                    labelY += 8.5f * 1.2f;
                }
                for (int s = 0; s < series; s++) {
                    Doc.Series sr = chart.series().get(s);
                    double value = sr.values().get(c);
                    float length = max <= 0 ? 0 : (float) (plotWidth * value / max);
                    float top = y + s * bar;
                    g.setColor(new Color(sr.color()));
                    g.fill(new java.awt.geom.Rectangle2D.Float(labelWidth, top + 1, Math.max(length, 0.5f), bar - 2));
                    g.setColor(new Color(0x333333));
                    g.setFont(values);
                    g.drawString(SafeText.clean(sr.labels().get(c)), labelWidth + length + 3, top + bar - 1.5f);
                }
                g.setColor(new Color(0x9AA5B1));
                g.setStroke(new BasicStroke(0.5f));
                g.draw(new java.awt.geom.Line2D.Float(labelWidth, y - 1, labelWidth, y + groupHeight + 1));
                y += groupHeight + gap;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return new Picture(png.toByteArray(), widthCm, height / PX_PER_CM);
    }

    private static List<String> wrap(String text, FontMetrics metrics, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= maxWidth || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
