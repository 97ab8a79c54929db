package fr.ancrage.documents;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Table tents (« chevalets ») for a signing ceremony, as a tagged PDF/A-2u and PDF/UA-1 (decision
 * 0018): one A4 landscape page a tent,
 * folded along the dashed line in the middle so that it stands on the table. Each half shows the
 * name in large bold type, the title (« qualité ») and the organisation below it, centred; the
 * upper half is the lower one turned by 180°, so that once folded the tent reads from both sides.
 * A text too wide for the sheet is set smaller, and onto more lines (two for the name, three for
 * the title, two for the organisation) when it would otherwise become much smaller: nothing is
 * ever cut. The fonts are PdfOutput's Liberation Sans. Each tent is a Div of paragraphs (name,
 * title, organisation) read from the lower half; the upper half, the same text turned, and the fold
 * line are artifacts.
 */
public final class TableTents {

    /**
     * One tent.
     *
     * @param name         the signatory's name, required
     * @param title        their title, e.g. « Préfet du Doubs »; may be empty, and is then left out
     * @param organisation their organisation; may be empty, and is then left out
     */
    public record Tent(String name, String title, String organisation) {
        public Tent {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a tent needs a name");
            }
            name = name.strip();
            title = title == null ? "" : title.strip();
            organisation = organisation == null ? "" : organisation.strip();
        }
    }

    /** A4 landscape. */
    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float SIDE = 42.5f; // 1.5 cm left and right
    private static final float EDGE = 28.35f; // 1 cm from the fold and from the sheet's edge
    /** The widest a line may be. */
    static final float TEXT_WIDTH = PAGE.getWidth() - 2 * SIDE;
    /** The height the text of one half may take. */
    static final float FACE_HEIGHT = PAGE.getHeight() / 2 - 2 * EDGE;
    /** A text is set at no less than this share of its size on fewer lines before it takes one more. */
    private static final float SHRINK_BEFORE_WRAP = 0.75f;

    /** The three texts of a face, with their type. */
    enum Part {
        NAME(44, 2, true, 1.12f, 0x111111),
        TITLE(22, 3, false, 1.2f, 0x333333),
        ORGANISATION(16, 2, false, 1.2f, 0x1F3A5F);

        final float size;
        final int maxLines;
        final boolean bold;
        final float leading;
        final int color;

        Part(float size, int maxLines, boolean bold, float leading, int color) {
            this.size = size;
            this.maxLines = maxLines;
            this.bold = bold;
            this.leading = leading;
            this.color = color;
        }
    }

    /**
     * A line of a face: its text, size and width, and its baseline measured down from the top of
     * the face's text.
     */
    record Line(Part part, String text, float size, float width, float baseline) {
    }

    /** The lines of one half, and the height they take. */
    record Face(List<Line> lines, float height) {
    }

    private final PDDocument pdf;
    private final PdfA pdfA;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Tagging tags;

    TableTents(PDDocument pdf) throws IOException {
        this.pdf = pdf;
        this.pdfA = new PdfA(pdf);
        this.tags = new Tagging(pdf);
        this.regular = pdfA.font("LiberationSans-Regular");
        this.bold = pdfA.font("LiberationSans-Bold");
    }

    /**
     * Writes one page a tent, in the list's order.
     *
     * @param producer      the application and version named in the metadata
     * @param documentTitle the metadata title, e.g. « Chevalets — signature du 17 mars 2026 »
     * @param created       the creation time written in the metadata (same tents and time, same file)
     * @throws IllegalArgumentException when the list is empty (nothing is written): the caller
     *                                  checks there is someone to make tents for
     */
    public static void write(List<Tent> tents, String producer, String documentTitle, OffsetDateTime created,
                             OutputStream out) throws IOException {
        Objects.requireNonNull(documentTitle, "documentTitle");
        Objects.requireNonNull(created, "created");
        if (tents.isEmpty()) {
            throw new IllegalArgumentException("no tent to write");
        }
        try (PDDocument pdf = new PDDocument()) {
            TableTents writer = new TableTents(pdf);
            StringBuilder identity = new StringBuilder(documentTitle).append('\n').append(created);
            for (Tent tent : tents) {
                writer.page(tent);
                identity.append('\n').append(tent.name()).append('\t').append(tent.title())
                        .append('\t').append(tent.organisation());
            }
            writer.tags.finish();
            writer.pdfA.archival(documentTitle, created, producer, identity.toString());
            pdf.save(out);
        }
    }

    // ---- drawing ----------------------------------------------------------------------------------

    private void page(Tent tent) throws IOException {
        PDPage page = new PDPage(PAGE);
        pdf.addPage(page);
        Face face = face(tent);
        PDStructureElement div = tags.element(tags.document(), "Div");
        Map<Part, PDStructureElement> paragraphs = new EnumMap<>(Part.class);
        for (Line line : face.lines()) {
            paragraphs.computeIfAbsent(line.part(), p -> tags.element(div, "P"));
        }
        try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
            half(s, page, face, paragraphs);
            // the upper half is the lower one turned about the centre of the sheet: the same text
            // again, an artifact
            s.saveGraphicsState();
            s.transform(new Matrix(-1, 0, 0, -1, PAGE.getWidth(), PAGE.getHeight()));
            half(s, page, face, null);
            s.restoreGraphicsState();
            tags.beginArtifact(s);
            fold(s);
            tags.end(s);
        }
    }

    /**
     * The face in the lower half, its text centred between the sheet's edge and the fold; each line
     * tagged to its part's paragraph, or an artifact when {@code paragraphs} is null.
     */
    private void half(PDPageContentStream s, PDPage page, Face face, Map<Part, PDStructureElement> paragraphs)
            throws IOException {
        float top = PAGE.getHeight() / 2 - EDGE - (FACE_HEIGHT - face.height()) / 2;
        for (Line line : face.lines()) {
            PDType0Font font = font(line.part());
            int rgb = line.part().color;
            if (paragraphs == null) {
                tags.beginArtifact(s);
            } else {
                tags.begin(s, page, paragraphs.get(line.part()));
            }
            s.beginText();
            s.setFont(font, line.size());
            s.setNonStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
            s.newLineAtOffset((PAGE.getWidth() - line.width()) / 2, top - line.baseline());
            s.showText(pdfA.safe(line.text(), font));
            s.endText();
            tags.end(s);
        }
    }

    /** A thin light dashed line where the sheet is folded. */
    private static void fold(PDPageContentStream s) throws IOException {
        float y = PAGE.getHeight() / 2;
        s.setStrokingColor(0.72f, 0.72f, 0.72f);
        s.setLineWidth(0.5f);
        s.setLineDashPattern(new float[] {6, 4}, 0);
        s.moveTo(0, y);
        s.lineTo(PAGE.getWidth(), y);
        s.stroke();
    }

    private PDType0Font font(Part part) {
        return part.bold ? bold : regular;
    }

    // ---- layout -----------------------------------------------------------------------------------

    /**
     * Lays one half out: the name, then the title and the organisation when they are not empty.
     * When the whole is higher than a half, every size is reduced until it fits.
     */
    Face face(Tent tent) throws IOException {
        float scale = 1;
        while (true) {
            Face face = face(tent, scale);
            if (face.height() <= FACE_HEIGHT) {
                return face;
            }
            scale *= Math.min(0.97f, FACE_HEIGHT / face.height());
        }
    }

    private Face face(Tent tent, float scale) throws IOException {
        List<Line> lines = new ArrayList<>();
        float y = 0;
        for (Part part : Part.values()) {
            String text = switch (part) {
                case NAME -> tent.name();
                case TITLE -> tent.title();
                case ORGANISATION -> tent.organisation();
            };
            if (text.isEmpty()) {
                continue;
            }
            PDType0Font font = font(part);
            float ascent = font.getFontDescriptor().getAscent() / 1000f;
            float descent = -font.getFontDescriptor().getDescent() / 1000f;
            List<String> texts = new ArrayList<>();
            float size = fit(text, font, part.size * scale, part.maxLines, texts);
            if (!lines.isEmpty()) {
                y += 0.45f * size; // space above the title and above the organisation
            }
            float box = part.leading * size;
            for (String t : texts) {
                float baseline = y + (box - (ascent + descent) * size) / 2 + ascent * size;
                lines.add(new Line(part, t, size, pdfA.textWidth(t, font, size), baseline));
                y += box;
            }
        }
        return new Face(List.copyOf(lines), y);
    }

    /**
     * Splits the text into as few lines as possible, at most {@code maxLines}, and returns the size
     * at which they fit {@link #TEXT_WIDTH}, at most {@code size}. One more line is taken only when
     * fewer lines would need less than {@link #SHRINK_BEFORE_WRAP} of the size; lines end at spaces
     * or after a hyphen, and are as even as can be.
     */
    private float fit(String text, PDType0Font font, float size, int maxLines, List<String> lines)
            throws IOException {
        List<String> pieces = pieces(text);
        int n = pieces.size();
        // widths[i][j]: the width at size 1 of pieces i to j - 1 on one line
        float[][] widths = new float[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j <= n; j++) {
                widths[i][j] = pdfA.textWidth(join(pieces, i, j), font, 1);
            }
        }
        List<String> best = null;
        float bestSize = 0;
        for (int k = 1; k <= Math.min(maxLines, n); k++) {
            int[] breaks = evenBreaks(widths, n, k);
            float widest = 0;
            List<String> candidate = new ArrayList<>();
            for (int line = 0; line < k; line++) {
                widest = Math.max(widest, widths[breaks[line]][breaks[line + 1]]);
                candidate.add(join(pieces, breaks[line], breaks[line + 1]));
            }
            // to the tenth of a point below, so that rounding never makes a line wider than the sheet
            float fitting = (float) Math.floor(Math.min(size, TEXT_WIDTH / widest) * 10) / 10;
            if (best == null || fitting > bestSize) {
                best = candidate;
                bestSize = fitting;
            }
            if (fitting >= SHRINK_BEFORE_WRAP * size) {
                break;
            }
        }
        lines.addAll(best);
        return bestSize;
    }

    /**
     * The breaks (indexes of the first piece of each line, then {@code n}) that put the pieces on
     * {@code k} lines with the widest line as narrow as possible.
     */
    private static int[] evenBreaks(float[][] widths, int n, int k) {
        // widest[l][j]: the narrowest widest line putting the first j pieces on l lines
        float[][] widest = new float[k + 1][n + 1];
        int[][] from = new int[k + 1][n + 1];
        for (float[] row : widest) {
            java.util.Arrays.fill(row, Float.MAX_VALUE);
        }
        widest[0][0] = 0;
        for (int l = 1; l <= k; l++) {
            for (int j = l; j <= n; j++) {
                for (int i = l - 1; i < j; i++) {
                    float w = Math.max(widest[l - 1][i], widths[i][j]);
                    if (w < widest[l][j]) {
                        widest[l][j] = w;
                        from[l][j] = i;
                    }
                }
            }
        }
        int[] breaks = new int[k + 1];
        breaks[k] = n;
        for (int l = k; l > 0; l--) {
            breaks[l - 1] = from[l][breaks[l]];
        }
        return breaks;
    }

    /**
     * The text cut where a line may end: each word, and a hyphenated word after each hyphen
     * (« Rochefoucauld- » « Montbazon »). A piece that begins a word starts with its space.
     */
    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            String prefix = pieces.isEmpty() ? "" : " ";
            int start = 0;
            for (int i = 1; i < word.length() - 1; i++) {
                if (word.charAt(i) == '-' && Character.isLetter(word.charAt(i - 1))
                        && Character.isLetter(word.charAt(i + 1))) {
                    pieces.add(prefix + word.substring(start, i + 1));
                    prefix = "";
                    start = i + 1;
                }
            }
            pieces.add(prefix + word.substring(start));
        }
        return pieces;
    }

    private static String join(List<String> pieces, int from, int to) {
        return String.join("", pieces.subList(from, to)).strip();
    }
}
