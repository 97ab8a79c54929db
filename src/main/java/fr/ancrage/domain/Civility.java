package fr.ancrage.domain;

/**
 * The civilité of a contact, as a letter or a convention addresses the person: « Madame » (« Mme »)
 * or « Monsieur » (« M. »). A contact whose civilité was not given has none (null): nothing is
 * guessed from the first name. Labels: {@code enum.Civility.<CONSTANT>} and its abbreviation
 * {@code enum.Civility.<CONSTANT>.short} in the bundles.
 */
public enum Civility {
    MADAME, MONSIEUR
}
