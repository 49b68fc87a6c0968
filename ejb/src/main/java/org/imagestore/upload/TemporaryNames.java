package org.imagestore.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names cameras give files while they upload them ({@code x.tmp}, then {@code RNTO x.jpg}). Such uploads are
 * stored durably but announced to the indexer only once renamed to their final name, so the indexer never
 * hears of a {@code .tmp} file.
 */
@ApplicationScoped
public class TemporaryNames {

    private final List<String> suffixes;

    protected TemporaryNames() {
        this.suffixes = List.of();
    }

    @Inject
    public TemporaryNames(@ConfigProperty(name = "imagestore.ftp.temporary-suffixes",
            defaultValue = ".tmp,.part,.partial,.filepart,.crdownload,.temp") String suffixes) {
        this.suffixes = Arrays.stream(suffixes.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isTemporary(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return suffixes.stream().anyMatch(lower::endsWith);
    }
}
