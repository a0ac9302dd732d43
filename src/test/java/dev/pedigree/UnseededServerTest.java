package dev.pedigree;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The server without seed data and with a 3 s read budget: one configuration, so that the
 * tests that need it share one server start (a copy that drifted would start another).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pedigree.embedded.ephemeral=true", "pedigree.embedded.bolt-port=0",
				"pedigree.embedded.page-cache=64m", "pedigree.seed.enabled=false", "pedigree.limits.read-timeout=3s" })
public @interface UnseededServerTest {

}
