package dev.pedigree.ecosystem;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
 * their absence a failure): search a real model, read the panel, page inside a relation
 * group, filter, change depth, slide through time, read charts, export the view, follow a
 * shareable link, and keep screenshots. Expected groups and orders come from edges.csv
 * and nodes.csv.
 */
@PedigreeServerTest
class ExplorerBrowserTests {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final String GEMMA = "google/gemma-7b";

	/** Members of a relation group per page (explorer.js PAGE). */
	private static final int PAGE = 8;

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
	void search_a_real_model_read_its_panel_page_a_group_and_share_a_link() throws Exception {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.get("http://localhost:" + this.port + "/");
		var query = browser.findElement(By.id("query"));
		query.sendKeys("Llama-2-7b");
		// Autocomplete, the match highlighted in each suggestion.
		wait.until(driver -> !driver.findElements(By.cssSelector("#suggestions li")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#suggestions li mark"))).isNotEmpty()
			.allSatisfy(mark -> assertThat(mark.getText()).isEqualToIgnoringCase("Llama-2-7b"));
		query.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN); // choose one with the
																// keyboard
		assertThat(query.getDomProperty("value")).containsIgnoringCase("llama-2-7b");
		query.clear();
		query.sendKeys("meta-llama/Llama-2-7b");
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
		assertThat(browser.findElement(By.id("panel")).getText()).contains("Meta", "Liability trace", "descendants");
		assertThat(browser.getCurrentUrl()).endsWith("/model/meta-llama/Llama-2-7b");
		// The panel links the citable liability report, and the link serves it.
		String reportLink = browser.findElement(By.cssSelector("#liability-report a[href*='format=pdf']"))
			.getAttribute("href");
		assertThat(reportLink).contains("/report/liability?model=meta-llama%2FLlama-2-7b");
		assertThat((String) js("return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('content-type'))",
				reportLink))
			.isEqualTo("200 application/pdf");
		// Every reason of a verdict is listed, not only the last.
		assertThat(browser.findElements(By.cssSelector(".role li")).size())
			.isGreaterThan(browser.findElements(By.cssSelector(".role b")).size());

		// Llama 2 is gated: the Hub reports 0 downloads. It is drawn at a middle size
		// with a dashed ring (explained in the legend), never as the smallest node.
		assertThat((Boolean) js("return pedigree.cy.getElementById('meta-llama/Llama-2-7b').hasClass('unreported')"))
			.isTrue();
		assertThat(((Number) js("return pedigree.cy.getElementById('meta-llama/Llama-2-7b').width()")).doubleValue())
			.isGreaterThan(
					((Number) js("return Math.min(...pedigree.cy.nodes('[kind = \"model\"]').map(n => n.width()))"))
						.doubleValue());
		assertThat(browser.findElement(By.id("legend")).getText()).contains("downloads not reported");

		int before = members("FINETUNE").size();
		assertThat(before).isEqualTo(PAGE);
		js("pedigree.cy.getElementById('more:FINETUNE').emit('tap')");
		wait.until(driver -> members("FINETUNE").size() > before);
		assertThat(members("FINETUNE")).hasSize(2 * PAGE); // one more page, never the
															// whole family

		Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(screenshot, Path.of("target/explorer-llama-2-7b.png"), StandardCopyOption.REPLACE_EXISTING);

		// Siblings sharing a long stem with their parent are told apart by the rest of
		// their name (cutting the end gave "mistralai/Mistral-Small-24B-…" twice).
		browser.get("http://localhost:" + this.port + "/model/mistralai/Mistral-Small-24B-Instruct-2501");
		wait.until(ExpectedConditions.textToBe(By.id("model-id"), "mistralai/Mistral-Small-24B-Instruct-2501"));
		assertThat((String) js(
				"return pedigree.cy.getElementById('huihui-ai/Mistral-Small-24B-Instruct-2501-abliterated').data('label')"))
			.isEqualTo("huihui-ai/…-abliterated");
	}

	@Test
	void gemma_opens_on_its_relation_groups_with_the_most_downloaded_first() throws Exception {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		var edges = TestData.huggingFaceEdges();
		var downloads = TestData.huggingFaceDownloads();
		Map<String, List<String>> expected = new TreeMap<>();
		edges.stream()
			.filter(e -> e.parent().equals(GEMMA))
			.forEach(e -> expected.computeIfAbsent(e.relation().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
				.add(e.child()));
		expected.values().forEach(group -> group.sort(TestData.byDownloads(downloads)));

		browser.get("http://localhost:" + this.port + "/model/" + GEMMA);
		wait.until(ExpectedConditions.textToBe(By.id("model-id"), GEMMA));
		assertThat(browser.findElement(By.cssSelector("#panel dl")).getText()).contains("Google");

		// The first view: one group per relation, headed by its count, each listing its
		// most downloaded derivatives first.
		for (var group : expected.entrySet()) {
			String relation = group.getKey();
			assertThat((String) js("return pedigree.cy.getElementById('group:" + relation + "').data('label')"))
				.as(relation)
				.contains(String.format(Locale.ROOT, "%,d", group.getValue().size()));
			assertThat(members(relation)).as(relation)
				.isEqualTo(group.getValue().subList(0, Math.min(PAGE, group.getValue().size())));
		}
		assertThat(members("FINETUNE")).contains("google/gemma-7b-it");
		// Long ids are labelled by their distinguishing part: no two drawn labels alike.
		List<?> labels = (List<?>) js("return pedigree.cy.nodes('.member').map(n => n.data('label'))");
		assertThat(labels).doesNotHaveDuplicates();
		assertThat(browser.findElement(By.id("legend")).getText()).doesNotContainIgnoringCase("safety removal")
			.doesNotContainIgnoringCase("safety_removal");

		Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath(); // the first
																				// view
		Files.copy(screenshot, Path.of("target/explorer-gemma-7b.png"), StandardCopyOption.REPLACE_EXISTING);

		// Paging inside a group goes on in the same order.
		js("pedigree.cy.getElementById('more:FINETUNE').emit('tap')");
		wait.until(driver -> members("FINETUNE").size() > PAGE);
		assertThat(members("FINETUNE")).isEqualTo(expected.get("FINETUNE").subList(0, 2 * PAGE));

		// An edge's tooltip names its relation, source, safety effect and compute.
		js("pedigree.cy.getElementById('FINETUNE→google/gemma-7b-it').emit('mouseover')");
		assertThat(browser.findElement(By.id("tooltip")).getText()).contains("relation: finetune", "source: hf:",
				"safety effect:", "compute:");
		js("pedigree.cy.getElementById('FINETUNE→google/gemma-7b-it').emit('mouseout')");

		// The time slider fades what was created after its date (and what is undated).
		js("const t = document.getElementById('time'); t.value = '1'; t.dispatchEvent(new Event('input'))");
		assertThat(browser.findElement(By.id("time-label")).getText()).startsWith("≤ ");
		assertThat((Long) js("return pedigree.cy.nodes('.later').length")).isPositive();
		assertThat((Long) js("return pedigree.cy.nodes('[kind = \"model\"]').not('.later').length")).isPositive();
		js("const t = document.getElementById('time'); t.value = t.max; t.dispatchEvent(new Event('input'))");
		assertThat((Long) js("return pedigree.cy.nodes('.later').length")).isZero();

		// Charts: growth per month says the undated share.
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-growth svg")));
		int undated = (int) TestData.reachable(edges, GEMMA, true)
			.keySet()
			.stream()
			.filter(id -> !TestData.huggingFaceCreationDates().containsKey(id))
			.count();
		assertThat(browser.findElement(By.id("chart-growth")).getText()).contains("undated",
				String.format(Locale.ROOT, "%,d undated", undated));
		assertThat(browser.findElements(By.cssSelector("#chart-relations svg path"))).isNotEmpty();

		// Exports of the view: an SVG of what is drawn and a PNG.
		browser.findElement(By.id("export-svg")).click();
		String svg = fetchText(browser.findElement(By.id("export-svg")).getAttribute("href"));
		assertThat(svg).startsWith("<svg").contains("google/gemma-7b-it", "<polyline");
		Files.writeString(Path.of("target/explorer-gemma-7b.svg"), svg);
		browser.findElement(By.id("export-png")).click();
		String png = (String) ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.blob()).then(b => done(b.type + ' ' + b.size))",
				browser.findElement(By.id("export-png")).getAttribute("href"));
		assertThat(png).startsWith("image/png ");
		assertThat(Long.parseLong(png.split(" ")[1])).isGreaterThan(10_000);
		assertThat(browser.findElement(By.cssSelector(".exports a")).getAttribute("href"))
			.contains("/export/cyclonedx?model=google%2Fgemma-7b&direction=down");

		wait.until(driver -> (Boolean) js("return performance.getEntriesByName('pedigree:ready').length > 0"));
		// Reported, not asserted: performance is measured, never a pass/fail criterion of
		// a functional test.
		System.out.printf(
				"explorer: /model/google/gemma-7b grouped first view drawn %.0f ms after navigation (%.0f ms after the request), panel with charts complete %.0f ms%n",
				mark("pedigree:grouped"), mark("pedigree:grouped") - mark("pedigree:start"), mark("pedigree:ready"));

		// Relation filter and depth control.
		js("document.querySelector('#relations input[value=ADAPTER]').click()");
		assertThat((Boolean) js("return pedigree.cy.getElementById('group:ADAPTER').visible()")).isFalse();
		assertThat(browser.findElement(By.id("legend")).getText()).doesNotContain("adapter");
		var depth = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("depth")));
		depth.selectByValue("2");
		wait.until(driver -> String.valueOf(js("return pedigree.cy.getElementById('group:FINETUNE').data('label')"))
			.contains("levels"));
		int finetuneChains = TestData
			.reachable(edges.stream().filter(e -> e.relation().equalsIgnoreCase("finetune")).toList(), GEMMA, true)
			.values()
			.stream()
			.filter(d -> d <= 2)
			.toList()
			.size();
		assertThat((String) js("return pedigree.cy.getElementById('group:FINETUNE').data('label')"))
			.contains(String.format(Locale.ROOT, "%,d", finetuneChains));
		js("const t = document.getElementById('time'); t.value = String(Math.floor(t.max / 2)); t.dispatchEvent(new Event('input'))");
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/explorer-gemma-7b-depth-2.png"),
				StandardCopyOption.REPLACE_EXISTING);

		// The charts, for the README.
		browser.get("http://localhost:" + this.port + "/model/meta-llama/Llama-2-7b-chat-hf");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-drift svg")));
		js("document.getElementById('chart-growth').scrollIntoView()");
		Path charts = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(charts, Path.of("target/explorer-charts.png"), StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(Path.of("target/explorer-charts.png"))).isPositive();
	}

	/** The members drawn in a relation group, in their order. */
	@Test
	void the_scenario_page_moves_a_scenario_through_time_with_its_charts() {
		var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		browser.get("http://localhost:" + this.port + "/scenarios.html?id=downstream-duties");
		wait.until(driver -> !driver.findElements(By.cssSelector("table.tiers tr[data-tier]")).isEmpty());
		assertThat(browser.findElement(By.id("scenario")).getDomProperty("value")).isEqualTo("downstream-duties");
		assertThat(browser.findElement(By.cssSelector(".as-of")).getText()).contains("as it is now");
		String nowModels = browser.findElement(By.cssSelector("tr[data-tier] .models")).getText();
		assertThat(browser.findElements(By.cssSelector("#coverage-chart svg, #growth-chart svg"))).hasSize(2);
		// Back to the end of February 2025: fewer safety removers existed; the figures
		// say which date they describe.
		js("const s = document.getElementById('as-of'); const all = []; "
				+ "for (let d = new Date(Date.UTC(2019, 0, 1)); d <= new Date(); d.setUTCMonth(d.getUTCMonth() + 1)) "
				+ "all.push(d.toISOString().slice(0, 7)); s.value = String(all.indexOf('2025-02')); "
				+ "s.dispatchEvent(new Event('change'));");
		// Read by script: the summary is redrawn whole, an element found before may be
		// gone.
		wait.until(driver -> "2025-02-28".equals(js("return document.querySelector('.as-of')?.dataset.asOf")));
		String thenModels = (String) js("return document.querySelector('tr[data-tier] .models').textContent");
		assertThat(Integer.parseInt(thenModels.replace(",", "")))
			.isLessThan(Integer.parseInt(nowModels.replace(",", "")));
		assertThat((String) js("return document.querySelector('.exports a').getAttribute('href')"))
			.contains("asOf=2025-02-28");
		// Leaving undated models out says so.
		browser.findElement(By.id("undated")).click();
		wait.until(driver -> String.valueOf(js("return document.querySelector('.as-of')?.textContent"))
			.contains("left out"));
	}

	private static List<String> members(String relation) {
		return ((List<?>) js("return pedigree.state.groups.get('" + relation + "').members")).stream()
			.map(String::valueOf)
			.toList();
	}

	private static double mark(String name) {
		return ((Number) js("return performance.getEntriesByName('" + name + "')[0].startTime")).doubleValue();
	}

	private static String fetchText(String url) {
		return (String) ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)",
				url);
	}

	private static Object js(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
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
