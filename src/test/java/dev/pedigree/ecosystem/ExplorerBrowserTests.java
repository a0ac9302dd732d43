package dev.pedigree.ecosystem;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.pedigree.PedigreeServerTest;
import dev.pedigree.TestData;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lineage explorer in a real headless Chromium (Debian's chromium and chromedriver,
 * installed by .ci/run; skipped without them, except in CI where {@code CI=true} makes
 * their absence a failure): search a real model, read the panel, expand derivatives,
 * follow a shareable link, and keep a screenshot.
 */
@PedigreeServerTest
class ExplorerBrowserTests {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start_browser() {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		// In CI a missing browser is a broken build, not a skipped test.
		assertThat(installed || !"true".equals(System.getenv("CI")))
			.as("CI=true: Debian's chromium and chromium-driver must be installed (.ci/run installs them)")
			.isTrue();
		assumeTrue(installed,
				"Skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1400,900", "--user-data-dir=" + tempDir());
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stop_browser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void search_a_real_model_read_its_panel_expand_and_share_a_link() throws Exception {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.get("http://localhost:" + this.port + "/");
		var query = browser.findElement(By.id("query"));
		query.sendKeys("meta-llama/Llama-2-7b");
		wait.until(driver -> !driver.findElements(By.cssSelector("#suggestions option")).isEmpty()); // autocomplete
		query.sendKeys(org.openqa.selenium.Keys.ESCAPE); // close the suggestion list
															// before clicking past it
		browser.findElement(By.cssSelector("#search button")).click();
		try {
			wait.until(ExpectedConditions.textToBe(By.id("model-id"), "meta-llama/Llama-2-7b"));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("panel shows: " + browser.findElement(By.id("panel")).getText(), ex);
		}
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ecosystem")));
		int children = (int) TestData.huggingFaceEdges()
			.stream()
			.filter(e -> e.parent().equals("meta-llama/Llama-2-7b"))
			.count();
		int derivatives = Integer.parseInt(browser.findElement(By.id("derivatives")).getText());
		assertThat(derivatives).isGreaterThanOrEqualTo(children);
		// Its direct derivatives: edges.csv's and those Epoch AI names Llama 2-7B the
		// base of.
		assertThat(derivatives).isEqualTo((int) dev.pedigree.SeedFacts.load()
			.children("meta-llama/Llama-2-7b")
			.stream()
			.map(dev.pedigree.SeedFacts.Derivation::child)
			.distinct()
			.count());
		assertThat(nodes()).as("first page only: the model, 25 derivatives and an 'and N more' node").isEqualTo(27);
		assertThat(browser.findElement(By.id("panel")).getText()).contains("Meta", "Liability trace", "descendants");
		assertThat(browser.getCurrentUrl()).endsWith("/model/meta-llama/Llama-2-7b");

		long before = nodes();
		browser.findElement(By.id("expand")).click();
		wait.until(driver -> nodes() > before);
		// Progressive: one more page of 25, never the whole family at once.
		assertThat(nodes()).isEqualTo(1 + Math.min(derivatives, 50) + (derivatives > 50 ? 1 : 0));

		Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Path target = Path.of("target/explorer-llama-2-7b.png");
		Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(target)).isPositive();

		browser.get("http://localhost:" + this.port + "/model/google/gemma-7b");
		wait.until(ExpectedConditions.textToBe(By.id("model-id"), "google/gemma-7b"));
		assertThat(browser.findElement(By.cssSelector("#panel dl")).getText()).contains("Google");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ecosystem")));
		// Reported, not asserted: performance is measured, never a pass/fail criterion of
		// a functional test.
		Object ready = ((JavascriptExecutor) browser)
			.executeScript("return performance.getEntriesByName('pedigree:ready')[0].startTime");
		System.out.printf(
				"explorer: /model/google/gemma-7b complete (graph, facts, liability, ecosystem) %.0f ms after navigation%n",
				((Number) ready).doubleValue());
	}

	private static long nodes() {
		return (Long) ((JavascriptExecutor) browser).executeScript("return window.pedigree.cy.nodes().length");
	}

	private static String tempDir() {
		try {
			return Files.createTempDirectory("pedigree-chromium").toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
