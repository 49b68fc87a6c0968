package org.imagestore.alerting;

import java.util.regex.Pattern;

/**
 * A shell-style pattern: {@code *} stands for any run of characters ({@code /} included), {@code ?} for one;
 * everything else stands for itself.
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern, boolean ignoreCase) {
        this.pattern = pattern;
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(literal.isEmpty() ? "" : Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(literal.isEmpty() ? "" : Pattern.quote(literal.toString()));
        this.regex = Pattern.compile(regex.toString(),
                ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL : Pattern.DOTALL);
    }

    public static Glob of(String pattern) {
        return new Glob(pattern, false);
    }

    public static Glob ignoringCase(String pattern) {
        return new Glob(pattern, true);
    }

    public boolean matches(String text) {
        return text != null && regex.matcher(text).matches();
    }

    /** The same pattern for SQL {@code LIKE ... ESCAPE '\'}. */
    public String sqlLike() {
        StringBuilder like = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
