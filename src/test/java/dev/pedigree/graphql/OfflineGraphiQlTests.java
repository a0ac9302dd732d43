package dev.pedigree.graphql;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * GraphiQL works without internet: the page at {@code /graphiql} and everything it loads
 * come from this server.
 */
@PedigreeServerTest
class OfflineGraphiQlTests {

	private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	void the_page_and_its_scripts_and_styles_come_from_this_server() {
		var client = GraphQlClient.http(this.port);
		client.get()
			.uri("/graphiql")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueMatches("Location", ".*/graphiql\\?path=/graphql");
		String page = client.get()
			.uri("/graphiql?path=/graphql")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).doesNotContain("http://", "https://", "esm.sh", "unpkg", "jsdelivr");
		List<String> references = new ArrayList<>();
		REFERENCE.matcher(page).results().forEach(m -> references.add(m.group(1)));
		assertThat(references).hasSize(4)
			.anyMatch(r -> r.contains("graphiql.min.js"))
			.anyMatch(r -> r.contains("react-dom"))
			.allSatisfy(reference -> assertThat(reference).startsWith("/").doesNotStartWith("//"));
		for (String reference : references) {
			byte[] body = client.get()
				.uri(reference)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();
			assertThat(body).as(reference).hasSizeGreaterThan(1_000);
		}
	}

	/**
	 * {@code curl -I} on a page answers as a GET does (RFC 9110 9.3.2: the same status
	 * and header fields, no body): GraphiQL's redirect and page, the explorer and its
	 * shareable links.
	 */
	@Test
	void head_answers_each_page_as_get_does() throws Exception {
		var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		for (String path : List.of("/graphiql", "/graphiql?path=/graphql", "/", "/model/meta-llama/Llama-2-7b",
				"/scenarios.html")) {
			URI uri = URI.create("http://localhost:" + this.port + path);
			HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(uri).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(uri).HEAD().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(get.statusCode()).as("GET " + path).isIn(200, 307);
			assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
			assertThat(head.headers().firstValue("Content-Type")).as("HEAD " + path)
				.isEqualTo(get.headers().firstValue("Content-Type"));
			assertThat(head.headers().firstValue("Location")).as("HEAD " + path)
				.isEqualTo(get.headers().firstValue("Location"));
			assertThat(head.body()).as("HEAD " + path).isEmpty();
		}
	}

	@Test
	void graphiql_renders_and_runs_a_query_in_a_browser_without_internet() throws Exception {
		File chromium = new File("/usr/bin/chromium");
		File chromedriver = new File("/usr/bin/chromedriver");
		assumeTrue(chromium.canExecute() && chromedriver.canExecute(), "Skipped: Debian's chromium is not installed");
		var options = new ChromeOptions();
		options.setBinary(chromium);
		// No proxy and no background traffic: anything not served by this server fails.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=localhost;127.0.0.1",
				"--window-size=1400,900",
				"--user-data-dir=" + Files.createTempDirectory("pedigree-graphiql").toString());
		var browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build(),
				options);
		try {
			var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
			browser.get("http://localhost:" + this.port + "/graphiql");
			wait.until(driver -> !driver.findElements(By.cssSelector(".graphiql-container")).isEmpty());
			browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
			wait.until(driver -> driver.findElement(By.cssSelector(".result-window"))
				.getText()
				.contains("meta-llama/Llama-2-7b"));
		}
		finally {
			browser.quit();
		}
	}

}
