package fr.ancrage.domain;

import fr.ancrage.domain.validation.Issue;
import fr.ancrage.domain.validation.TextLimits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a letterhead needs before it is saved (keys are resource-bundle keys). */
public final class LetterheadRules {

    public static final String AUTHORITY = "authority";
    public static final String SERVICE = "service";
    public static final String ADDRESS = "letterheadAddress";
    public static final String FOLLOWED_BY = "followedBy";
    public static final String CONTACT = "letterheadContact";
    public static final String PLACE = "madeAt";
    public static final String LOGO = "logo";
    public static final String LOGO_DESCRIPTION = "logoDescription";
    /** The largest logo kept, once made a PNG (the column's size). */
    public static final int LOGO_BYTES = 1_000_000;
    public static final int PLACE_LENGTH = 100;

    private LetterheadRules() {
    }

    public static Map<String, List<Issue>> check(Letterhead l) {
        Map<String, List<Issue>> issues = new LinkedHashMap<>();
        if (l.authority().isEmpty()) {
            issues.computeIfAbsent(AUTHORITY, k -> new ArrayList<>())
                    .add(Issue.error("validation.letterhead.authority.required"));
        }
        TextLimits.check(issues, AUTHORITY, l.authority(), TextLimits.TITLE);
        TextLimits.check(issues, SERVICE, l.service(), TextLimits.ADDRESS);
        TextLimits.check(issues, ADDRESS, l.address(), TextLimits.ADDRESS);
        TextLimits.check(issues, FOLLOWED_BY, l.followedBy(), TextLimits.TITLE);
        TextLimits.check(issues, CONTACT, l.contact(), TextLimits.ADDRESS);
        TextLimits.check(issues, PLACE, l.place(), PLACE_LENGTH);
        TextLimits.check(issues, LOGO_DESCRIPTION, l.logoDescription(), TextLimits.TITLE);
        if (l.hasLogo() && l.logo().length > LOGO_BYTES) {
            issues.computeIfAbsent(LOGO, k -> new ArrayList<>())
                    .add(Issue.error("validation.letterhead.logo.tooLarge", LOGO_BYTES / 1000));
        }
        if (l.hasLogo() && l.logoDescription().isEmpty()) {
            issues.computeIfAbsent(LOGO_DESCRIPTION, k -> new ArrayList<>())
                    .add(Issue.error("validation.letterhead.logoDescription.required"));
        }
        return issues;
    }
}
