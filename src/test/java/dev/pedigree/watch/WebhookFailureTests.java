package dev.pedigree.watch;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed delivery's {@code lastError} says what happened and where: the JDK's client
 * gives a refused connection no message ("ConnectException: null" before session 35).
 */
class WebhookFailureTests {

	@Test
	void a_refused_connection_names_the_address() {
		assertThat(WebhookDeliverer.failure(new ConnectException(), "http://localhost:9/hook"))
			.isEqualTo("could not connect to localhost:9: nothing accepted the connection")
			.doesNotContain("null");
	}

	@Test
	void a_timeout_and_other_failures_say_so_with_their_detail() {
		assertThat(WebhookDeliverer.failure(new HttpTimeoutException("request timed out"), "https://example.org/hook"))
			.isEqualTo("no answer from example.org within the request timeout (request timed out)");
		assertThat(WebhookDeliverer.failure(new java.io.IOException("connection reset"), "http://10.0.0.1:8080/x"))
			.isEqualTo("sending to 10.0.0.1:8080 failed: IOException (connection reset)");
	}

}
