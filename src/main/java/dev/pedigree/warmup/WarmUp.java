package dev.pedigree.warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;
import dev.pedigree.storage.RequestSessions;
import dev.pedigree.storage.StatementPlans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Sends the canned documents of {@code warmup/*.graphql} to the server's own
 * {@code /graphql} once it is ready, with ids read from the store: the JIT compiles the
 * hot paths (HTTP, GraphQL, driver, Cypher execution) and the database plans each query
 * once, before clients pay for it. The first requests after a start measured 2-4× the
 * warm latency without it (docs/benchmarks.md). The documents of
 * {@code warmup/reports/*.graphql} (explorer view, liability trace, ecosystem summary)
 * run only in the first {@code report-rounds} rounds: each costs several lineage
 * requests, and their first request after the start is what planning them buys (it
 * measured the same after 10 rounds as after 143); the rounds after that go to the
 * lineage and search documents, which clients send most. Then it plans, without running
 * them, the statements of curated writes ({@link StatementPlans}), which no request of
 * its own reaches. The server already serves while it runs; the application reports
 * itself ready (readiness state) once it is done. Its requests stop at the first refused
 * one (e.g. reads that need a token); the planning still runs.
 */
@Component
@ConditionalOnWebApplication
class WarmUp implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	// Each document's first 100 rounds get distinct ids: a repeated id is answered from
	// kept
	// answers, not the path a new id takes (later rounds warm that kept path).
	private static final int IDS = 100;

	/**
	 * A round's search: the whole id (0), or its name part's first 2, 3, 5, 8 letters.
	 */
	private static final int[] SEARCH_CUTS = { 0, 2, 3, 5, 8 };

	/**
	 * Rounds whose search goes round {@link #SEARCH_CUTS}; later rounds search whole ids.
	 * Two of each cut plan every path of a search for the terms users send; a short term
	 * costs more than a whole id, and every round beyond would make ready later on a
	 * store where the warm-up ends before its time limit.
	 */
	static final int SHORT_SEARCH_ROUNDS = 10;

	private final Graph graph;

	private final CypherQueries cypher;

	private final List<StatementPlans> plans;

	private final int requests;

	private final int reportRounds;

	private final Duration timeLimit;

	private final String path;

	private final Counter ok;

	private final Counter failed;

	private final JsonMapper json = JsonMapper.builder().build();

	WarmUp(Graph graph, CypherQueries cypher, List<StatementPlans> plans, MeterRegistry meters,
			WarmUpProperties properties, @Value("${spring.graphql.http.path:/graphql}") String path) {
		this.graph = graph;
		this.cypher = cypher;
		this.plans = plans;
		this.requests = properties.requests();
		this.reportRounds = properties.reportRounds();
		this.timeLimit = properties.timeLimit();
		this.path = path;
		this.ok = Counter.builder("pedigree.warmup.requests")
			.description("Requests the start-up warm-up sent, by outcome")
			.tag("outcome", "ok")
			.register(meters);
		this.failed = Counter.builder("pedigree.warmup.requests")
			.description("Requests the start-up warm-up sent, by outcome")
			.tag("outcome", "error")
			.register(meters);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.requests <= 0) {
			log.info("Warm-up skipped: pedigree.warmup.requests is {}", this.requests);
			return;
		}
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		try {
			run(URI.create("http://127.0.0.1:" + web.getWebServer().getPort() + this.path));
		}
		catch (RuntimeException ex) {
			log.warn("Warm-up stopped: {}", ex.getMessage());
		}
	}

	private void run(URI endpoint) {
		long start = System.nanoTime();
		List<String> every = documents("warmup/*.graphql");
		List<String> reports = documents("warmup/reports/*.graphql");
		List<Step> steps = schedule(every, reports, this.reportRounds, this.requests);
		if (steps.isEmpty()) {
			log.info("Warm-up skipped: {}", skipReason(steps.size(), 0, 0));
			return;
		}
		List<String> children = new ArrayList<>();
		List<String> roots = new ArrayList<>();
		List<String> hubs = new ArrayList<>();
		// A budget of its own: on a busy machine the first query of a start also pays for
		// planning. Planning is this read's purpose: its seconds are not a slow query.
		this.graph.batch(() -> this.graph.read(tx -> {
			tx.run(this.cypher.get("warmup/ids"), Map.of("limit", IDS))
				.forEachRemaining(r -> (switch (r.get("kind").asString()) {
					case "root" -> roots;
					case "hub" -> hubs;
					default -> children;
				}).add(r.get("id").asString()));
			// Planned now: the first read after a write asks which families the write
			// reached (lineage/FamilyIndex), with the ids the write touched: one for a
			// new model, two (child and parent) for a derivation. The plan cache keys a
			// plan by its parameters' types and size classes (a list of one, of two to
			// ten, ...); an empty list is in neither. With an empty list planned here,
			// the first page after a start's first write planned it twice more, about
			// 80 ms (docs/benchmarks.md, session 31). No model has the empty id.
			for (List<String> ids : List.of(List.of(""), List.of("", ""))) {
				tx.run(this.cypher.get("lineage/ancestor-ids"), Map.of("ids", ids)).consume();
			}
			// Planned now, run on nothing: the statements of a search read band by band,
			// which a whole-id search never reaches (the first such search after a start
			// on the 2M graph once ran out of its time budget). Empty values are a size
			// class of their own to the plan cache: the short searches of the rounds
			// below plan them for the terms users send (searchTerm).
			Map<String, Object> band = new HashMap<>(Map.of("search", "", "contains", List.of(), "rank", 1, "afterKey",
					"", "afterKeyFloor", "", "afterKeyFlips", List.of(), "limit", 0, "walk", 0, "candidates", 0,
					"includePlaceholders", false));
			for (String filter : List.of("developerId", "license", "relation", "safetyEffect", "tag", "hasParents")) {
				band.put(filter, null);
			}
			for (String statement : List.of("lineage/models-search-walk", "lineage/models-search-tiers",
					"lineage/models-search-scan")) {
				tx.run(this.cypher.get(statement), band).consume();
			}
			return null;
		}, Duration.ofMinutes(1)));
		String skipped = skipReason(steps.size(), children.size(), roots.size());
		if (skipped != null) {
			log.info("Warm-up skipped: {}", skipped);
			return;
		}
		long idsRead = System.nanoTime();
		long firstRound = 0;
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		int sent = 0;
		int errors = 0;
		int refused = 0;
		long deadline = System.nanoTime() + this.timeLimit.toNanos();
		for (int i = 0; i < steps.size() && System.nanoTime() < deadline; i++) {
			Step step = steps.get(i);
			if (step.round() == 1 && firstRound == 0) {
				firstRound = System.nanoTime();
			}
			// Each document gets another id every round (a repeated one would be answered
			// from kept answers, not the path a new id takes), and the documents of a
			// round different ones.
			String child = children.get((step.round() + step.position()) % children.size());
			// The first round goes to a hub: its pages have statements of their own (the
			// first level read from the id index, the family counted without ordering
			// it).
			String root = (step.round() == 0 && !hubs.isEmpty()) ? hubs.get(0)
					: roots.get((step.round() + step.position()) % roots.size());
			Map<String, Object> variables = Map.of("id", child, "root", root, "search",
					searchTerm(child, step.round()));
			String body = this.json.writeValueAsString(Map.of("query", step.document(), "variables", variables));
			HttpResponse<String> response = send(client, endpoint, body);
			sent++;
			if (response.statusCode() == 401 || response.statusCode() == 403) {
				refused = response.statusCode();
				break;
			}
			if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
				this.failed.increment();
				if (errors++ == 0) {
					log.warn("Warm-up request failed ({}): {}", response.statusCode(),
							response.body().substring(0, Math.min(300, response.body().length())));
				}
			}
			else {
				this.ok.increment();
			}
		}
		long requestsEnd = System.nanoTime();
		// After the requests: clients read far more than they write, and the time limit
		// is the requests'.
		int writesPlanned = planWrites(children.get(0), roots.get(0));
		long end = System.nanoTime();
		if (refused != 0) {
			log.info("Warm-up stopped: the server refused an anonymous read ({}); {} write statements planned in {} ms",
					refused, writesPlanned, (end - requestsEnd) / 1_000_000);
			return;
		}
		// Its phases say where a start's warm-up went: the ids and the statements planned
		// with them, the first round (the hub's order and summary, each statement's first
		// plan), the rest (mostly the JIT).
		long idsMs = (idsRead - start) / 1_000_000;
		long firstRoundMs = (((firstRound != 0) ? firstRound : end) - idsRead) / 1_000_000;
		String cut = (sent < steps.size()) ? "; stopped by pedigree.warmup.time-limit (" + this.timeLimit + ")" : "";
		log.info(
				"Warm-up: {} requests ({} failed) over {} documents in {} ms (ids and first plans {} ms, "
						+ "first round {} ms; then {} write statements planned in {} ms){}",
				sent, errors, every.size() + reports.size(), (end - start) / 1_000_000, idsMs, firstRoundMs,
				writesPlanned, (end - requestsEnd) / 1_000_000, cut);
	}

	/**
	 * Plans the statements of writes (a curated registerModel and recordDerivation),
	 * which the warm-up's requests, reads all, never reach: unplanned, the first of each
	 * after a start took 1.3-2.2 s together, planned 0.8-1.0 s (docs/benchmarks.md, issue
	 * 12, session 32). Nothing is committed. A failure is logged and leaves them to be
	 * planned on first use.
	 * @return how many statements were planned
	 */
	private int planWrites(String model, String other) {
		int planned = 0;
		for (StatementPlans module : this.plans) {
			try {
				planned += this.graph.batch(() -> this.graph.plan(module.statements(model, other)));
			}
			catch (RuntimeException ex) {
				log.warn("Warm-up could not plan the statements of {}: {}", module.getClass().getSimpleName(),
						ex.getMessage());
			}
		}
		return planned;
	}

	/**
	 * The search of a round, as the explorer's search box sends them: the name part of
	 * {@code id} (after "/") cut to 2, 3, 5 and 8 characters as a user types, and the
	 * whole id as pasted, in turn for the first {@value #SHORT_SEARCH_ROUNDS} rounds,
	 * then the whole id. A whole id alone (what the warm-up searched before) took one
	 * statement with a long term; a short term takes the others (the probe's verdict, the
	 * exact band's narrow lookups, the bounded walk, the tiers), and the database plans a
	 * statement again for a term or list of another size class (1, up to 10, up to 100
	 * characters or items). Left to users, those plans and the first runs of those paths
	 * made the first hundred searches after a start on the 2M graph 4× slower at p95 than
	 * warm ones (docs/benchmarks.md, issue 12, session 14).
	 */
	static String searchTerm(String id, int round) {
		String lower = id.toLowerCase(Locale.ROOT);
		int cut = (round < SHORT_SEARCH_ROUNDS) ? SEARCH_CUTS[Math.floorMod(round, SEARCH_CUTS.length)] : 0;
		if (cut == 0) {
			return lower;
		}
		String name = lower.substring(lower.indexOf('/') + 1);
		return name.substring(0, Math.min(cut, name.length()));
	}

	/**
	 * Why the warm-up cannot run, or {@code null} when it can: it needs documents, a
	 * model with a parent (ancestors, parents, liability trace, search) and the root of a
	 * family (descendants, explorer, ecosystem).
	 */
	static String skipReason(int steps, int children, int roots) {
		if (steps == 0) {
			return "no canned documents (warmup/*.graphql) on the class path";
		}
		if (children == 0) {
			return "no lineage in the store yet (no model has a parent)";
		}
		if (roots == 0) {
			return "no family root with at most 100 direct derivatives (every root is a hub)";
		}
		return null;
	}

	private static HttpResponse<String> send(HttpClient client, URI endpoint, String body) {
		var request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header(RequestSessions.WARM_UP_HEADER, RequestSessions.WARM_UP_VALUE)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * The documents to send, in order: rounds of every document, the report documents
	 * only in the first {@code reportRounds} rounds, up to {@code requests} in all.
	 */
	static List<Step> schedule(List<String> every, List<String> reports, int reportRounds, int requests) {
		List<Step> order = new ArrayList<>();
		for (int round = 0; order.size() < requests; round++) {
			List<String> documents = (round < reportRounds) ? concat(every, reports) : every;
			if (documents.isEmpty()) {
				break;
			}
			for (int position = 0; position < documents.size() && order.size() < requests; position++) {
				order.add(new Step(documents.get(position), round, position));
			}
		}
		return order;
	}

	/**
	 * One request of the warm-up: a document, the round it belongs to and its place in
	 * the round.
	 */
	record Step(String document, int round, int position) {
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> both = new ArrayList<>(a);
		both.addAll(b);
		return both;
	}

	private static List<String> documents(String pattern) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern);
			Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
			List<String> documents = new ArrayList<>();
			for (Resource resource : resources) {
				try (var in = resource.getInputStream()) {
					documents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
