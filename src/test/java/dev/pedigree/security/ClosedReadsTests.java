package dev.pedigree.security;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code pedigree.security.open-reads=false}: every read needs a token, the pages and
 * their scripts stay open, and the explorer and the scenario page ask for a token on the
 * first refused read (in a real headless Chromium; skipped without it outside CI).
 */
@PedigreeServerTest
@TestPropertySource(properties = { "pedigree.security.open-reads=false", "pedigree.test.context=closed-reads" })
class ClosedReadsTests {

	@LocalServerPort
	int port;

	@Test
	void reads_need_a_token_while_pages_and_their_scripts_stay_open() {
		var http = GraphQlClient.http(this.port);
		http.post()
			.uri("/graphql")
			.header("Content-Type", "application/json")
			.bodyValue("{\"query\":\"{ model(id: \\\"google/gemma-7b\\\") { id } }\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		http.get()
			.uri("/export/csv?model=google/gemma-7b")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		for (String page : new String[] { "/", "/scenarios.html", "/explorer.js", "/auth.js", "/scenarios.js",
				"/explorer.css" }) {
			http.get().uri(page).exchange().expectStatus().isOk();
		}
		GraphQlClient.curator(this.port)
			.document("{ model(id: \"google/gemma-7b\") { id } }")
			.execute()
			.path("model.id")
			.entity(String.class)
			.isEqualTo("google/gemma-7b");
		http.get()
			.uri("/export/csv?model=google/gemma-7b")
			.header("Authorization", "Bearer " + PedigreeServerTest.TOKEN)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void the_pages_ask_for_a_token_once_and_read_and_download_with_it() throws Exception {
		File chromium = new File("/usr/bin/chromium");
		File chromedriver = new File("/usr/bin/chromedriver");
		boolean installed = chromium.canExecute() && chromedriver.canExecute();
		assertThat(installed || !"true".equals(System.getenv("CI")))
			.as("CI=true: Debian's chromium and chromium-driver must be installed (.ci/run installs them)")
			.isTrue();
		assumeTrue(installed, "Skipped: Debian's chromium and chromium-driver are not installed");
		var options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--window-size=1400,900",
				"--user-data-dir=" + Files.createTempDirectory("pedigree-chromium-closed").toString());
		var browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build(),
				options);
		try {
			var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			browser.get("http://localhost:" + this.port + "/scenarios.html?id=downstream-duties");
			// The first read is refused: a wrong token is refused again, the right one
			// kept.
			var prompt = wait.until(ExpectedConditions.alertIsPresent());
			assertThat(prompt.getText()).contains("needs a token");
			prompt.sendKeys("pdg_wrong_token");
			prompt.accept();
			prompt = wait.until(ExpectedConditions.alertIsPresent());
			assertThat(prompt.getText()).contains("refused");
			prompt.sendKeys(PedigreeServerTest.TOKEN);
			prompt.accept();
			wait.until(driver -> !driver.findElements(By.cssSelector("table.tiers tr[data-tier]")).isEmpty());
			// A download link goes through fetch with the token.
			browser.executeScript("window.downloads = []; const create = URL.createObjectURL; "
					+ "URL.createObjectURL = blob => { window.downloads.push(blob.size); return create(blob); };");
			browser.findElement(By.cssSelector(".exports a")).click();
			wait.until(driver -> ((Number) browser.executeScript("return window.downloads.length")).intValue() == 1);
			assertThat(((Number) browser.executeScript("return window.downloads[0]")).longValue()).isPositive();
			// The explorer in the same tab reads with the kept token: no second prompt.
			browser.get("http://localhost:" + this.port + "/");
			browser.findElement(By.id("query")).sendKeys("gemma-7b");
			wait.until(driver -> !driver.findElements(By.cssSelector("#suggestions li")).isEmpty());
			assertThat(ExpectedConditions.alertIsPresent().apply(browser)).isNull();
		}
		finally {
			browser.quit();
		}
	}

}
