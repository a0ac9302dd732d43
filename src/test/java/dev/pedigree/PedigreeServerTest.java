package dev.pedigree;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one test configuration of the whole server (every distinct context starts its own
 * Neo4j): embedded database in a temporary store on a free port, the shipped seed data, a
 * curator token, HTTP on a random port. Reads get 30 s instead of 5 s: builds share small
 * machines, and a functional test must not fail on a busy one (the time budget itself is
 * tested in a context of its own, UnseededServerTests, at 3 s). The start-up warm-up
 * sends 12 requests (WarmUpTests) instead of its 1,000.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pedigree.embedded.ephemeral=true", "pedigree.embedded.bolt-port=0",
				"pedigree.embedded.page-cache=256m", "pedigree.limits.read-timeout=30s", "pedigree.warmup.requests=12",
				"pedigree.security.curator-token=" + PedigreeServerTest.TOKEN,
				"pedigree.security.admin-token=" + PedigreeServerTest.ADMIN_TOKEN })
public @interface PedigreeServerTest {

	String TOKEN = "test-curator-token";

	/** Creates and revokes curators' tokens. */
	String ADMIN_TOKEN = "test-admin-token";

}
