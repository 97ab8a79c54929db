package fr.ancrage.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The letterhead of the team's documents, set once in « En-tête des documents »: who issues them
 * (« Préfet du Doubs »), the service, its address, « Affaire suivie par », how to reach them, the place
 * the documents are made at (« Fait à Besançon ») and the team's own logo as a PNG image (Ancrage ships
 * none: the team supplies the one it has the right to use). Texts are stripped, never null.
 *
 * @param logo            PNG bytes, or null when the team gave no logo
 * @param logoDescription what the logo shows, read out by screen readers (alternative text)
 */
public record Letterhead(RecordMeta meta, String authority, String service, String address, String followedBy,
                         String contact, String place, byte[] logo, String logoDescription) {

    public Letterhead {
        Objects.requireNonNull(meta, "meta");
        authority = Text.clean(authority);
        service = Text.clean(service);
        address = Text.clean(address);
        followedBy = Text.clean(followedBy);
        contact = Text.clean(contact);
        place = Text.clean(place);
        logo = logo == null || logo.length == 0 ? null : logo.clone();
        logoDescription = Text.clean(logoDescription);
    }

    /** A new, empty letterhead (nothing configured yet). */
    public static Letterhead empty() {
        return new Letterhead(RecordMeta.fresh(), "", "", "", "", "", "", null, "");
    }

    @Override
    public byte[] logo() {
        return logo == null ? null : logo.clone();
    }

    public boolean hasLogo() {
        return logo != null;
    }

    /** True when the team has said who issues its documents. */
    public boolean configured() {
        return !authority.isEmpty();
    }

    /** The lines under the authority: service, then each line of the address. */
    public List<String> identityLines() {
        return Stream.concat(Stream.of(service), Arrays.stream(address.split("\n")))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Letterhead withLogo(byte[] png, String description) {
        return new Letterhead(meta, authority, service, address, followedBy, contact, place, png, description);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Letterhead l && meta.equals(l.meta) && authority.equals(l.authority)
                && service.equals(l.service) && address.equals(l.address) && followedBy.equals(l.followedBy)
                && contact.equals(l.contact) && place.equals(l.place) && Arrays.equals(logo, l.logo)
                && logoDescription.equals(l.logoDescription);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meta, authority, service, address, followedBy, contact, place, Arrays.hashCode(logo),
                logoDescription);
    }

    @Override
    public String toString() {
        return "Letterhead[" + authority + ", " + service + ", logo=" + (logo == null ? 0 : logo.length) + " B]";
    }
}
