package fr.ancrage.documents;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logical structure of a tagged PDF (ISO 32000-1 § 14.7–14.8, PDF/UA-1), shared by the writers
 * that lay pages out by hand. A writer builds structure elements under {@link #document()} in
 * reading order ({@link #element}), and wraps every drawing either in {@link #begin} … {@link #end}
 * for an element (marked content with an MCID, recorded in the parent tree) or in
 * {@link #beginArtifact} … {@link #end} for what is only layout or pagination (rules, fills, page
 * footers, a table header repeated on a new page). {@link #finish} writes what the catalog and the
 * pages need: the parent tree, /MarkInfo, /ViewerPreferences /DisplayDocTitle, /Tabs /S.
 *
 * <p>Only standard structure types are used, so there is no role map.
 */
final class Tagging {

    private final PDDocument pdf;
    private final PDStructureTreeRoot root;
    private final PDStructureElement document;
    /** For each page with marked content, in the order of their first mark: the element of each MCID. */
    private final Map<PDPage, List<PDStructureElement>> marks = new IdentityHashMap<>();
    private final List<PDPage> marked = new ArrayList<>();
    private final PDPropertyList pagination;

    Tagging(PDDocument pdf) {
        this.pdf = pdf;
        this.root = new PDStructureTreeRoot();
        COSDictionary properties = new COSDictionary();
        properties.setName(COSName.TYPE, "Pagination");
        this.pagination = PDPropertyList.create(properties);
        this.document = new PDStructureElement("Document", root);
        root.appendKid(document);
        pdf.getDocumentCatalog().setStructureTreeRoot(root);
    }

    /** The Document element, the root of what the writer tags. */
    PDStructureElement document() {
        return document;
    }

    /** A new element of the given standard type, appended to the parent's kids. */
    PDStructureElement element(PDStructureElement parent, String type) {
        PDStructureElement element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    /** A figure described by its alternative text (a logo, a chart). */
    PDStructureElement figure(PDStructureElement parent, String alt) {
        PDStructureElement figure = element(parent, "Figure");
        figure.setAlternateDescription(alt);
        return figure;
    }

    /** A table header cell for its column ({@code scope} Column) or its row (Row). */
    PDStructureElement header(PDStructureElement row, String scope) {
        PDStructureElement th = element(row, "TH");
        PDTableAttributeObject attributes = new PDTableAttributeObject();
        attributes.setScope(scope);
        th.addAttribute(attributes);
        return th;
    }

    /**
     * Opens marked content in the stream for the element: what is drawn until {@link #end} is
     * that element's content. A sequence never spans pages: begin again on the new page.
     */
    void begin(PDPageContentStream out, PDPage page, PDStructureElement element) throws IOException {
        List<PDStructureElement> onPage = marks.computeIfAbsent(page, p -> {
            marked.add(p);
            return new ArrayList<>();
        });
        int mcid = onPage.size();
        onPage.add(element);
        if (element.getPage() == null) {
            element.setPage(page);
        }
        if (element.getPage().getCOSObject() == page.getCOSObject()) {
            element.appendKid(mcid);
        } else {
            PDMarkedContentReference reference = new PDMarkedContentReference();
            reference.setPage(page);
            reference.setMCID(mcid);
            element.appendKid(reference);
        }
        out.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
    }

    /** Opens an artifact: what is drawn until {@link #end} is layout (a rule, a fill, a frame), not content. */
    void beginArtifact(PDPageContentStream out) throws IOException {
        out.beginMarkedContent(COSName.ARTIFACT);
    }

    /**
     * Opens a pagination artifact ({@code /Type /Pagination}): what is drawn until {@link #end} is
     * there because of the page (a footer, a page number, a table header repeated on a new page).
     */
    void beginPagination(PDPageContentStream out) throws IOException {
        // one property list for the document: a page's resources name it once
        out.beginMarkedContent(COSName.ARTIFACT, pagination);
    }

    void end(PDPageContentStream out) throws IOException {
        out.endMarkedContent();
    }

    /**
     * Writes the parent tree (for each page with marked content, the element of each MCID), marks
     * the document as tagged, asks viewers to show the title rather than the file name, and sets
     * the tab order of every page to the structure's.
     */
    void finish() {
        COSArray nums = new COSArray();
        int key = 0;
        for (PDPage page : marked) {
            page.setStructParents(key);
            COSArray elements = new COSArray();
            for (PDStructureElement element : marks.get(page)) {
                elements.add(element);
            }
            nums.add(COSInteger.get(key));
            nums.add(elements);
            key++;
        }
        COSDictionary parentTree = new COSDictionary();
        parentTree.setItem(COSName.NUMS, nums);
        root.getCOSObject().setItem(COSName.PARENT_TREE, parentTree);
        root.setParentTreeNextKey(key);

        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        catalog.setMarkInfo(markInfo);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        for (PDPage page : pdf.getPages()) {
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
        }
    }
}
