package org.imagestore.ftp.inbound;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${name}} and {@code ${name:default}} from system properties; defaults may themselves hold
 * placeholders. Unknown names without a default are an error, so a typo fails the deployment instead of
 * silently listening on the wrong port.
 */
final class Placeholders {

    private static final Pattern INNERMOST = Pattern.compile("\\$\\{([^${}:]+)(?::([^${}]*))?}");

    private Placeholders() {
    }

    static String resolve(String value) {
        String current = value == null ? "" : value;
        for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
            Matcher m = INNERMOST.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1).trim();
                String found = System.getProperty(name);
                if (found == null) {
                    found = m.group(2);
                }
                if (found == null) {
                    throw new IllegalArgumentException("system property " + name + " is not set and has no default");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(found));
            }
            m.appendTail(out);
            current = out.toString();
        }
        return current.trim();
    }

    static int integer(String setting, String value) {
        long number = longInteger(setting, value);
        if (number != (int) number) {
            // a cast would wrap around: 4294969417 would become port 2121
            throw new IllegalArgumentException(setting + " must be a number between " + Integer.MIN_VALUE + " and "
                    + Integer.MAX_VALUE + ", not '" + number + "'");
        }
        return (int) number;
    }

    static long longInteger(String setting, String value) {
        String resolved = resolve(value);
        try {
            return Long.parseLong(resolved);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must be a number, not '" + resolved + "'");
        }
    }

    static Path path(String value) {
        return Path.of(resolve(value));
    }
}
