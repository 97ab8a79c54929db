package fr.ancrage.documents;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Lays a {@link Doc} out on A4 pages as a tagged PDF/A-2u and PDF/UA-1 with PDFBox (decision 0018):
 * Liberation fonts embedded (subsets), XMP metadata matching the document information, an sRGB
 * output intent, a footer with the page number on every page. Tables break across pages and repeat
 * their header; charts are drawn as vector bars.
 *
 * <p>Tagging: every drawing primitive ({@link #text}, {@link #fill}, {@link #line}, the logo) wraps
 * itself in marked content for the structure element being drawn, {@link #target}, or in an
 * artifact when there is none. A block sets its element with {@link #in} (the document title is H1,
 * headings H2 and H3, paragraphs P, facts and tables Table/TR/TH/TD, the chart and the logo Figure
 * with alternative text); whatever is drawn outside {@code in} (rules, fills, footers, a header row
 * repeated on a new page) is an artifact. A new block kind creates its elements with
 * {@link Tagging#element} and draws inside {@code in}: nothing else is needed.
 */
public final class PdfOutput {

    private static final float MARGIN = 56.7f; // 2 cm
    private static final float FOOTER = 28f;
    /** Above the footer of a document to sign: a row of boxes for each party's initials. */
    private static final float INITIALS_BAND = 30f;
    private static final float INITIALS_BOX_WIDTH = 42.5f; // 1.5 cm
    private static final float INITIALS_BOX_HEIGHT = 22.7f; // 0.8 cm
    /** Under a signature block's names: room for a signature and a stamp. */
    private static final float SIGNATURE_SPACE = 127.6f; // 4.5 cm
    private static final float BODY = 10f;
    private static final float SMALL = 8.5f;
    private static final float CELL_PAD = 3.5f;
    private static final float LOGO_WIDTH = 127.6f; // 4.5 cm
    private static final float LOGO_HEIGHT = 70.9f; // 2.5 cm

    private final PDDocument pdf;
    private final PdfA pdfA;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PDType0Font italic;
    private final List<PDPage> pages = new ArrayList<>();
    private final Tagging tags;
    private PDPageContentStream out;
    private PDPage page;
    private float y;
    /** The structure element what is drawn belongs to; null: an artifact. */
    private PDStructureElement target;
    /** The level of the last heading tag (the title is H1): headings never skip a level. */
    private int headingLevel = 1;
    /** Whether what is drawn without element is pagination (footers, a repeated header) rather than layout. */
    private boolean pagination;
    private Doc.Initials initials;

    private PdfOutput(PDDocument pdf) throws IOException {
        this.pdf = pdf;
        this.pdfA = new PdfA(pdf);
        this.regular = pdfA.font("LiberationSans-Regular");
        this.bold = pdfA.font("LiberationSans-Bold");
        this.italic = pdfA.font("LiberationSans-Italic");
        this.tags = new Tagging(pdf);
    }

    /** What a block draws, between its structure element's marks. */
    @FunctionalInterface
    private interface Drawing {
        void draw() throws IOException;
    }

    /** Draws as the element's content: text, fills and lines drawn meanwhile are tagged to it. */
    private void in(PDStructureElement element, Drawing drawing) throws IOException {
        PDStructureElement outer = target;
        target = element;
        try {
            drawing.draw();
        } finally {
            target = outer;
        }
    }

    /** Draws as an artifact (layout, pagination), whatever the element being drawn. */
    private void artifact(Drawing drawing) throws IOException {
        in(null, drawing);
    }

    private PDStructureElement element(String type) {
        return tags.element(tags.document(), type);
    }

    private void beginMark() throws IOException {
        if (target == null && pagination) {
            tags.beginPagination(out);
        } else if (target == null) {
            tags.beginArtifact(out);
        } else {
            tags.begin(out, page, target);
        }
    }

    public static void write(Doc doc, String producer, OutputStream target) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PdfOutput writer = new PdfOutput(pdf);
            writer.initials = doc.initials();
            writer.layOut(doc);
            writer.footers(doc.footer());
            writer.tags.finish();
            writer.archival(doc, producer);
            pdf.save(target);
        }
    }

    // ---- flow -------------------------------------------------------------------------------------

    private void layOut(Doc doc) throws IOException {
        newPage();
        if (doc.letterhead() != null) {
            letterhead(doc.letterhead());
        }
        in(element("H1"), () -> write(doc.title(), bold, 17, 0x1F3A5F, 0, width()));
        if (!doc.subtitle().isEmpty()) {
            y -= 2;
            in(element("P"), () -> write(doc.subtitle(), regular, 11, 0x555555, 0, width()));
        }
        y -= 6;
        rule(0x1F3A5F, 1.2f);
        y -= 10;
        int n = 0;
        for (Doc.Block block : doc.blocks()) {
            switch (block) {
                case Doc.Heading h -> heading(h);
                case Doc.Paragraph p -> paragraph(p);
                case Doc.Facts f -> facts(f);
                case Doc.Table t -> table(t);
                case Doc.BarChart c -> chart(c);
                case Doc.PageBreak ignored -> newPage();
                case Doc.Letterhead l -> letterhead(l);
                case Doc.Signatures signatures -> signatures(signatures);
            }
            if ((++n & 63) == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("cancelled");
            }
        }
        out.close();
    }

    /**
     * The issuing authority's block: the logo (at most 4.5 × 2.5 cm) over the authority in bold and
     * the service and address lines on the left, who follows the matter on the right, aligned to the
     * right margin.
     */
    private void letterhead(Doc.Letterhead head) throws IOException {
        float top = y;
        float leftWidth = width() * 0.56f;
        float rightWidth = width() - leftWidth - 12;
        PDStructureElement div = element("Div");
        if (head.logoPng() != null) {
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(pdf,
                    javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(head.logoPng())));
            float scale = Math.min(LOGO_WIDTH / image.getWidth(), LOGO_HEIGHT / image.getHeight());
            float w = image.getWidth() * scale;
            float h = image.getHeight() * scale;
            in(tags.figure(div, SafeText.clean(head.logoDescription())), () -> {
                beginMark();
                out.drawImage(image, MARGIN, y - h, w, h);
                tags.end(out);
            });
            y -= h + 6;
        }
        if (!head.authority().isEmpty()) {
            in(tags.element(div, "P"), () -> write(head.authority(), bold, 10.5f, 0x1F3A5F, 0, leftWidth));
        }
        for (String line : head.identity()) {
            in(tags.element(div, "P"), () -> write(line, regular, SMALL, 0x333333, 0, leftWidth));
        }
        float leftBottom = y;
        y = top;
        for (String line : head.contact()) {
            in(tags.element(div, "P"), () -> {
                for (String part : wrap(line, regular, SMALL, rightWidth)) {
                    text(part, regular, SMALL, 0x333333, width() - textWidth(part, regular, SMALL), y - SMALL);
                    y -= SMALL * 1.3f;
                }
            });
        }
        y = Math.min(y, leftBottom) - 16;
    }

    private void heading(Doc.Heading h) throws IOException {
        float size = h.level() == 1 ? 13.5f : 11.5f;
        float needed = size * 1.4f + 40; // never leave a heading alone at the foot of a page
        ensure(needed);
        y -= h.level() == 1 ? 8 : 4;
        // the title is H1: level 1 is H2, level 2 H3, but never more than one level below the last
        headingLevel = Math.min(h.level() + 1, headingLevel + 1);
        in(element("H" + headingLevel), () -> write(h.text(), bold, size, h.level() == 1 ? 0x1F3A5F : 0x222222, 0, width()));
        if (h.level() == 1) {
            y -= 1;
            rule(0xB8C4D2, 0.6f);
        }
        y -= 5;
    }

    private void paragraph(Doc.Paragraph p) throws IOException {
        PDType0Font font = switch (p.emphasis()) {
            case STRONG -> bold;
            case NOTE -> italic;
            case NORMAL -> regular;
        };
        float size = p.emphasis() == Doc.Emphasis.NOTE ? SMALL : BODY;
        int color = p.emphasis() == Doc.Emphasis.NOTE ? 0x555555 : 0x111111;
        in(element("P"), () -> {
            for (String line : p.text().split("\n", -1)) {
                write(line, font, size, color, 0, width());
            }
        });
        y -= 5;
    }

    private void facts(Doc.Facts facts) throws IOException {
        float labelWidth = width() * 0.32f;
        // a table of two columns: each label is the header of its row
        PDStructureElement table = element("Table");
        for (Doc.Fact fact : facts.facts()) {
            PDStructureElement tr = tags.element(table, "TR");
            PDStructureElement th = tags.header(tr, PDTableAttributeObject.SCOPE_ROW);
            PDStructureElement td = tags.element(tr, "TD");
            List<String> labels = wrap(fact.label(), bold, BODY, labelWidth - 8);
            List<String> values = wrap(fact.value().isEmpty() ? "—" : fact.value(), regular, BODY,
                    width() - labelWidth);
            float leading = BODY * 1.3f;
            ensure(Math.max(labels.size(), values.size()) * leading + 2);
            float top = y;
            in(th, () -> lines(labels, bold, BODY, 0x333333, 0, leading));
            float afterLabel = y;
            y = top;
            in(td, () -> lines(values, regular, BODY, 0x111111, labelWidth, leading));
            y = Math.min(y, afterLabel) - 2;
        }
        y -= 6;
    }

    private void table(Doc.Table t) throws IOException {
        float[] widths = widths(t.columns());
        float leading = 9 * 1.25f;
        IntFunction<Boolean> isTotal = r -> t.totalRow() && r == t.rows().size() - 1;
        List<List<String>> headerCells = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            headerCells.add(wrap(t.columns().get(c).header(), bold, 8.5f, widths[c] - 2 * CELL_PAD));
        }
        float headerHeight = t.hasHeader() ? height(headerCells, leading) : 0;
        ensure(headerHeight + leading + 2 * CELL_PAD);
        PDStructureElement table = element("Table");
        if (t.hasHeader()) {
            PDStructureElement tr = tags.element(table, "TR");
            List<PDStructureElement> ths = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) {
                ths.add(tags.header(tr, PDTableAttributeObject.SCOPE_COLUMN));
            }
            header(t, widths, headerCells, headerHeight, leading, ths);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            boolean total = isTotal.apply(r);
            PDType0Font font = total ? bold : regular;
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) {
                cells.add(wrap(t.rows().get(r).get(c), font, 9, widths[c] - 2 * CELL_PAD));
            }
            float h = height(cells, leading);
            if (y - h < bottom()) {
                newPage();
                if (t.hasHeader()) {
                    // the header row repeated where the table continues is pagination: an artifact
                    pagination = true;
                    header(t, widths, headerCells, headerHeight, leading, null);
                    pagination = false;
                }
            }
            if (total) {
                fill(0, y - h, width(), h, 0xF1F3F6);
            }
            PDStructureElement tr = tags.element(table, "TR");
            List<PDStructureElement> tds = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) {
                tds.add(tags.element(tr, "TD"));
            }
            row(t.columns(), widths, cells, font, 9, leading, 0x111111, tds);
            y -= h;
            line(0, y, width(), y, total ? 0x6B7C93 : 0xD5DBE3, total ? 0.8f : 0.4f);
        }
        y -= 10;
    }

    /** The header row, tagged to {@code ths} (one a column), or an artifact when they are null. */
    private void header(Doc.Table t, float[] widths, List<List<String>> cells, float height, float leading,
                        List<PDStructureElement> ths) throws IOException {
        fill(0, y - height, width(), height, 0xE8ECF1);
        row(t.columns(), widths, cells, bold, 8.5f, leading, 0x1F3A5F, ths);
        y -= height;
        line(0, y, width(), y, 0x6B7C93, 0.8f);
    }

    /** A row, each cell's text tagged to its element of {@code elements} (null: artifacts). */
    private void row(List<Doc.Column> columns, float[] widths, List<List<String>> cells, PDType0Font font,
                     float size, float leading, int color, List<PDStructureElement> elements) throws IOException {
        float x = 0;
        for (int c = 0; c < widths.length; c++) {
            float cellX = x;
            int column = c;
            in(elements == null ? null : elements.get(c), () -> {
                float lineY = y - CELL_PAD - size;
                for (String line : cells.get(column)) {
                    float lineWidth = textWidth(line, font, size);
                    float lx = columns.get(column).align() == Doc.Align.RIGHT
                            ? cellX + widths[column] - CELL_PAD - lineWidth : cellX + CELL_PAD;
                    text(line, font, size, color, lx, lineY);
                    lineY -= leading;
                }
            });
            x += widths[c];
        }
    }

    private static float height(List<List<String>> cells, float leading) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return Math.max(1, lines) * leading + 2 * CELL_PAD;
    }

    private float[] widths(List<Doc.Column> columns) {
        double total = columns.stream().mapToDouble(Doc.Column::weight).sum();
        float[] widths = new float[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = (float) (width() * columns.get(c).weight() / total);
        }
        return widths;
    }

    private void chart(Doc.BarChart chart) throws IOException {
        int groups = chart.categories().size();
        int series = chart.series().size();
        float bar = 9;
        float gap = 7;
        float labelWidth = width() * 0.30f;
        float valueWidth = 60;
        float plotWidth = width() - labelWidth - valueWidth;
        float height = 18 + 14 + groups * (series * bar + gap) + 4;
        ensure(Math.min(height, bottomSpace()));
        // the whole chart, its title and labels too, is one figure: its alternative text says the values
        in(tags.figure(tags.document(), description(chart)), () -> bars(chart, labelWidth, plotWidth, bar, gap));
        y -= 8;
    }

    /**
     * The chart in words, from its own texts: « Title. Category : series label, series label.
     * Category : … ». No word is added, so it is in the document's language whatever that is.
     */
    static String description(Doc.BarChart chart) {
        List<String> sentences = new ArrayList<>();
        String title = chart.title().strip();
        while (title.endsWith(".")) {
            title = title.substring(0, title.length() - 1).strip();
        }
        if (!title.isEmpty()) {
            sentences.add(title);
        }
        for (int g = 0; g < chart.categories().size(); g++) {
            List<String> values = new ArrayList<>();
            for (Doc.Series s : chart.series()) {
                values.add((s.name().strip() + " " + s.labels().get(g).strip()).strip());
            }
            sentences.add(chart.categories().get(g).strip() + " : " + String.join(", ", values));
        }
        return SafeText.clean(String.join(". ", sentences) + ".");
    }

    private void bars(Doc.BarChart chart, float labelWidth, float plotWidth, float bar, float gap) throws IOException {
        int groups = chart.categories().size();
        int series = chart.series().size();
        write(chart.title(), bold, BODY, 0x222222, 0, width());
        // legend
        float lx = 0;
        float legendY = y - SMALL;
        for (Doc.Series s : chart.series()) {
            fill(lx, legendY - 1, 9, 8, s.color());
            text(s.name(), regular, SMALL, 0x333333, lx + 12, legendY);
            lx += 12 + textWidth(s.name(), regular, SMALL) + 16;
        }
        y -= 16;
        double max = chart.series().stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        for (int g = 0; g < groups; g++) {
            float groupHeight = series * bar;
            if (y - groupHeight - gap < bottom()) {
                newPage();
            }
            List<String> label = wrap(chart.categories().get(g), regular, SMALL, labelWidth - 8);
            // a label longer than two lines is shown whole: its group grows
            float labelHeight = label.size() * SMALL * 1.2f;
            if (label.size() > 2) {
                groupHeight = Math.max(groupHeight, labelHeight);
                if (y - groupHeight - gap < bottom()) {
                    newPage();
                }
            }
            float labelY = y - (groupHeight - labelHeight) / 2 - SMALL;
            for (String l : label) {
                text(l, regular, SMALL, 0x222222, 0, labelY);
                labelY -= SMALL * 1.2f;
            }
            for (int s = 0; s < series; s++) {
                Doc.Series sr = chart.series().get(s);
                double value = sr.values().get(g);
                float length = max <= 0 ? 0 : (float) (plotWidth * value / max);
                float top = y - s * bar;
                fill(labelWidth, top - bar + 1, Math.max(length, 0.5f), bar - 2, sr.color());
                String shown = sr.labels().get(g);
                text(shown, regular, 7.5f, 0x333333, labelWidth + length + 3, top - bar + 2.5f);
            }
            line(labelWidth, y + 1, labelWidth, y - groupHeight - 1, 0x9AA5B1, 0.5f);
            y -= groupHeight + gap;
        }
    }

    // ---- primitives -------------------------------------------------------------------------------

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private float bottom() {
        return MARGIN + FOOTER + (initials == null ? 0 : INITIALS_BAND);
    }

    private float bottomSpace() {
        return PDRectangle.A4.getHeight() - MARGIN - bottom();
    }

    private void ensure(float height) throws IOException {
        if (y - height < bottom()) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(pdf, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Writes wrapped text from the cursor down; {@code x} is relative to the left margin. */
    private void write(String text, PDType0Font font, float size, int color, float x, float maxWidth)
            throws IOException {
        lines(wrap(text, font, size, maxWidth - x), font, size, color, x, size * 1.3f);
    }

    private void lines(List<String> lines, PDType0Font font, float size, int color, float x, float leading)
            throws IOException {
        for (String line : lines) {
            ensure(leading);
            text(line, font, size, color, x, y - size);
            y -= leading;
        }
    }

    private void text(String text, PDType0Font font, float size, int color, float x, float baseline)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        beginMark();
        out.beginText();
        out.setFont(font, size);
        color(color, false);
        out.newLineAtOffset(MARGIN + x, baseline);
        out.showText(safe(text, font));
        out.endText();
        tags.end(out);
    }

    private void fill(float x, float yBottom, float w, float h, int color) throws IOException {
        beginMark();
        color(color, false);
        out.addRect(MARGIN + x, yBottom, w, h);
        out.fill();
        tags.end(out);
    }

    private void line(float x1, float y1, float x2, float y2, int color, float thickness) throws IOException {
        beginMark();
        color(color, true);
        out.setLineWidth(thickness);
        out.moveTo(MARGIN + x1, y1);
        out.lineTo(MARGIN + x2, y2);
        out.stroke();
        tags.end(out);
    }

    private void rule(int color, float thickness) throws IOException {
        line(0, y, width(), y, color, thickness);
    }

    private void color(int rgb, boolean stroke) throws IOException {
        float r = ((rgb >> 16) & 0xFF) / 255f;
        float g = ((rgb >> 8) & 0xFF) / 255f;
        float b = (rgb & 0xFF) / 255f;
        if (stroke) {
            out.setStrokingColor(r, g, b);
        } else {
            out.setNonStrokingColor(r, g, b);
        }
    }

    private float textWidth(String text, PDType0Font font, float size) throws IOException {
        return pdfA.textWidth(text, font, size);
    }

    private String safe(String text, PDType0Font font) {
        return pdfA.safe(text, font);
    }

    /**
     * Greedy line breaking on spaces; a word wider than the line is cut, nothing lost. The text is
     * made drawable first ({@link PdfA#safe}), so a cut never falls inside a character.
     */
    private List<String> wrap(String text, PDType0Font font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String paragraph = safe(raw, font);
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (textWidth(candidate, font, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (textWidth(rest, font, size) > maxWidth && rest.length() > 1) {
                    // as many characters as fit (at least one), measured one by one
                    int cut = 0;
                    float used = 0;
                    while (cut < rest.length() - 1) {
                        float w = textWidth(rest.substring(cut, cut + 1), font, size);
                        if (cut > 0 && used + w > maxWidth) {
                            break;
                        }
                        used += w;
                        cut++;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private void footers(String footer) throws IOException {
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream s = new PDPageContentStream(pdf, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = s;
                page = pages.get(i);
                target = null; // footers are pagination: artifacts
                pagination = true;
                float baseline = MARGIN - 6;
                if (initials != null) {
                    initialsRow(baseline + SMALL + 10);
                }
                line(0, baseline + SMALL + 4, width(), baseline + SMALL + 4, 0xB8C4D2, 0.5f);
                String right = (i + 1) + " / " + total;
                float rightWidth = textWidth(right, regular, 7.5f);
                // a footer too long for its line goes on more lines, into the bottom margin
                float lineY = baseline;
                for (String left : wrap(footer, regular, 7.5f, width() - rightWidth - 12)) {
                    text(left, regular, 7.5f, 0x555555, 0, lineY);
                    lineY -= 8.5f;
                }
                text(right, regular, 7.5f, 0x555555, width() - rightWidth, baseline);
            }
        }
        out = null;
        page = null;
        pagination = false;
    }

    /**
     * « Paraphes » and a box for each party, right-aligned just above the footer's rule; drawn with
     * the footer, an artifact (the same on every page, a place to write on paper).
     */
    private void initialsRow(float bottomY) throws IOException {
        float x = width() - initials.count() * (INITIALS_BOX_WIDTH + 6) + 6;
        String label = initials.label();
        text(label, regular, SMALL, 0x555555, x - 8 - textWidth(label, regular, SMALL),
                bottomY + (INITIALS_BOX_HEIGHT - SMALL) / 2 + 1);
        for (int b = 0; b < initials.count(); b++) {
            frame(x + b * (INITIALS_BOX_WIDTH + 6), bottomY, INITIALS_BOX_WIDTH, INITIALS_BOX_HEIGHT, 0x9AA5B1, 0.6f);
        }
    }

    /**
     * Two blocks a row, each a frame holding « Pour … » in bold, the name, the title, and 4.5 cm of
     * room to sign and stamp; a row that does not fit goes whole to the next page, so that a block
     * is never parted from its names.
     */
    private void signatures(Doc.Signatures block) throws IOException {
        List<Doc.Signature> all = block.signatures();
        float gap = 14;
        float column = (width() - gap) / 2;
        float inner = column - 4 * CELL_PAD;
        float leading = BODY * 1.3f;
        y -= 6;
        // a Div of signatories, each a Div of paragraphs (for whom, name, title) read in signing
        // order; the frames, drawn outside them, are artifacts
        PDStructureElement signatories = element("Div");
        for (int i = 0; i < all.size(); i += 2) {
            List<List<List<String>>> cells = new ArrayList<>();
            int lines = 0;
            for (int c = i; c < Math.min(i + 2, all.size()); c++) {
                Doc.Signature s = all.get(c);
                List<List<String>> parts = List.of(wrap(s.forWhom(), bold, BODY, inner), wrap(s.name(), regular, BODY, inner),
                        wrap(s.title(), regular, BODY, inner));
                cells.add(parts);
                lines = Math.max(lines, parts.stream().mapToInt(List::size).sum());
            }
            float height = 2 * CELL_PAD + lines * leading + SIGNATURE_SPACE;
            ensure(height);
            float top = y;
            for (int c = 0; c < cells.size(); c++) {
                float x = c * (column + gap);
                frame(x, top - height, column, height, 0xB8C4D2, 0.6f);
                y = top - CELL_PAD;
                List<List<String>> parts = cells.get(c);
                PDStructureElement signatory = tags.element(signatories, "Div");
                float left = x + 2 * CELL_PAD;
                for (int k = 0; k < 3; k++) {
                    List<String> text = parts.get(k);
                    PDType0Font font = k == 0 ? bold : regular;
                    int color = k == 2 ? 0x444444 : 0x111111;
                    // an empty line keeps its room but is no paragraph
                    boolean empty = text.stream().allMatch(String::isEmpty);
                    in(empty ? null : tags.element(signatory, "P"), () -> lines(text, font, BODY, color, left, leading));
                }
            }
            y = top - height - gap;
        }
    }

    private void frame(float x, float yBottom, float w, float h, int color, float thickness) throws IOException {
        beginMark();
        color(color, true);
        out.setLineWidth(thickness);
        out.addRect(MARGIN + x, yBottom, w, h);
        out.stroke();
        tags.end(out);
    }

    // ---- PDF/A ------------------------------------------------------------------------------------

    private void archival(Doc doc, String producer) throws IOException {
        // the file identifier is derived from the content, not from the clock: same data, same file
        pdfA.archival(doc.title(), doc.author(), doc.created(), producer,
                doc.title() + '\n' + doc.created() + '\n' + pages.size());
    }
}
