package org.imagestore.source;

import java.util.regex.Pattern;

/** A source's account name: 1-64 characters of lowercase letters, digits, dot, dash and underscore. */
public record SourceName(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public SourceName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidSourceException("name",
                    "must be 1-64 characters: lowercase letters, digits, '.', '-', '_' (starting with a letter or digit)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
