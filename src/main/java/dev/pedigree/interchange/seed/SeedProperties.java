package dev.pedigree.interchange.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shipped seed data.
 *
 * @param enabled whether {@code seed-data/} is loaded at start (idempotent; skipped when
 * already loaded)
 */
@ConfigurationProperties("pedigree.seed")
public record SeedProperties(@DefaultValue("true") boolean enabled) {
}
