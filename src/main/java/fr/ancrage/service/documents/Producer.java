package fr.ancrage.service.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The name and version written into every document and package as their producer. */
public final class Producer {

    public static final String NAME = "Ancrage";
    public static final String VERSION = readVersion();

    private Producer() {
    }

    public static String label() {
        return NAME + " " + VERSION;
    }

    /** The version as office files want it: major.minor, digits only ("0.1" for 0.1.0-SNAPSHOT). */
    public static String officeVersion() {
        var m = java.util.regex.Pattern.compile("^(\\d{1,2})\\.(\\d{1,4})").matcher(VERSION);
        return m.find() ? m.group(1) + "." + m.group(2) : "1.0";
    }

    private static String readVersion() {
        try (InputStream in = Producer.class.getResourceAsStream("/fr/ancrage/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
