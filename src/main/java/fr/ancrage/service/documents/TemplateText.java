package fr.ancrage.service.documents;

import fr.ancrage.documents.Doc;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The provided templates are kept as plain text in the sources (easy to review and to change) and
 * become an ODT when the team asks for one: {@code = } title, {@code == } subtitle, {@code # } and
 * {@code ## } headings, {@code ~ } the footer of every page, paragraphs separated by a blank line.
 */
final class TemplateText {

    private TemplateText() {
    }

    static Doc parse(String text, OffsetDateTime created) {
        String title = "";
        String subtitle = "";
        String footer = "";
        List<Doc.Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : (text + "\n").split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                flush(paragraph, blocks);
            } else if (l.startsWith("~ ")) {
                footer = l.substring(2).strip();
            } else if (l.startsWith("== ")) {
                subtitle = l.substring(3).strip();
            } else if (l.startsWith("= ")) {
                title = l.substring(2).strip();
            } else if (l.startsWith("## ")) {
                flush(paragraph, blocks);
                blocks.add(new Doc.Heading(2, l.substring(3).strip()));
            } else if (l.startsWith("# ")) {
                flush(paragraph, blocks);
                blocks.add(new Doc.Heading(1, l.substring(2).strip()));
            } else {
                if (!paragraph.isEmpty()) {
                    paragraph.append('\n');
                }
                paragraph.append(l.strip());
            }
        }
        return new Doc(title, subtitle, footer, created, blocks);
    }

    private static void flush(StringBuilder paragraph, List<Doc.Block> blocks) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Doc.Paragraph(paragraph.toString()));
            paragraph.setLength(0);
        }
    }
}
