package dev.pedigree.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt address of the server that holds an embedded store, kept in
 * {@code <data-dir>/running-server.properties} from when it is ready until it stops, so that a command-line
 * command on the same store runs through that server's database instead of failing on
 * the store's lock (one process opens a store at a time). While the server starts, the
 * file says so ({@code state=starting}, no address yet), and a command waits for it
 * instead of failing on the lock. The file holds no secret: a command still logs in with
 * the store's kept login, readable by its owner only.
 *
 * @param uri the server's Bolt address on the loopback interface
 * @param pid the server's process
 * @param store the real path of the store the server holds: a copy of the folder (with
 * this file in it) names the original, not the copy
 */
record RunningServer(URI uri, long pid, Path store) {

	static final String FILE_NAME = "running-server.properties";

	private static final Logger log = LoggerFactory.getLogger(RunningServer.class);

	/** How long a command waits for the published port to accept a connection. */
	private static final int CONNECT_TIMEOUT_MILLIS = 1000;

	/** How often a command waiting for a starting server looks again. */
	private static final long POLL_MILLIS = 200;

	private static final String STARTING = "starting";

	/**
	 * Records this process as the store's server, once it is ready (its schema migrations
	 * run: a command must not run them beside it); written whole (a temporary file
	 * renamed), so a reader never sees half of it.
	 * @return the file, to withdraw at shutdown; null when it could not be written (the
	 * server runs on, and commands find its store locked as before)
	 */
	static Path publish(Path home, URI uri) {
		var properties = new Properties();
		properties.setProperty("uri", uri.toString());
		return write(home, properties);
	}

	/**
	 * Records this process as the store's server while it starts (before its database
	 * holds the store's lock), so that a command begun meanwhile waits for it; unless
	 * another live process's record for this store is there already (a server that holds
	 * the store, or starts on it: this start is about to fail on its lock, and the record
	 * stays that server's).
	 * @return the file, to withdraw if the start fails; null when none was written
	 */
	static Path announce(Path home) {
		if (holder(home).isPresent()) {
			return null;
		}
		var properties = new Properties();
		properties.setProperty("state", STARTING);
		return write(home, properties);
	}

	private static Path write(Path home, Properties properties) {
		Path file = home.resolve(FILE_NAME);
		Path partial = null;
		try {
			properties.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
			// With the pid: a record whose pid another process reuses later is not
			// taken for it.
			ProcessHandle.current()
				.info()
				.startInstant()
				.ifPresent(started -> properties.setProperty("started", Long.toString(started.toEpochMilli())));
			properties.setProperty("store", home.toRealPath().toString());
			partial = Files.createTempFile(home, FILE_NAME, ".partial");
			try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
				properties.store(out, "The Pedigree server that holds this store; commands on the store run through it."
						+ " Deleted when it stops; ignored when its process or port is gone.");
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return file;
		}
		catch (IOException ex) {
			log.warn("Could not write {} ({}): commands on this store will find it locked while the server runs",
					file, ex.getMessage());
			try {
				if (partial != null) {
					Files.deleteIfExists(partial);
				}
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			return null;
		}
	}

	/** Deletes the record if it is still this process's (a later server may have replaced it). */
	static void withdraw(Path file) {
		try {
			if (readPid(file).filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", file, ex.getMessage());
		}
	}

	/**
	 * The server that holds the store in {@code home}: present only when its record names
	 * this store (not the one a copied folder came from), a live process and a loopback
	 * Bolt port that accepts a connection. A record left by a server that was killed (its
	 * process gone, or its port closed) is ignored.
	 */
	static Optional<RunningServer> find(Path home) {
		Path store;
		try {
			store = home.toRealPath();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		return read(home.resolve(FILE_NAME)).filter(server -> server.store().equals(store))
			.filter(RunningServer::alive);
	}

	/**
	 * The server that holds the store in {@code home} once it is ready, waiting up to
	 * {@code wait} while a live server on this store says it is starting ({@code waiting}
	 * is told its process first). Empty at once when no server is starting there, and as
	 * soon as the starting server's record goes (its start failed) or its process ends.
	 */
	static Optional<RunningServer> awaitReady(Path home, Duration wait, LongConsumer waiting)
			throws InterruptedException {
		var ready = find(home);
		if (ready.isPresent()) {
			return ready;
		}
		var starting = holder(home).filter(record -> STARTING.equals(record.getProperty("state"))).map(RunningServer::pid);
		if (starting.isEmpty()) {
			return Optional.empty();
		}
		waiting.accept(starting.get());
		long waitNanos;
		try {
			waitNanos = wait.toNanos();
		}
		catch (ArithmeticException ex) {
			waitNanos = Long.MAX_VALUE;
		}
		long begun = System.nanoTime();
		while (System.nanoTime() - begun < waitNanos) {
			Thread.sleep(POLL_MILLIS);
			ready = find(home);
			if (ready.isPresent()) {
				return ready;
			}
			if (!holder(home).map(RunningServer::pid).equals(starting)) {
				// Changed since the read above: ready now, or its start failed.
				return find(home);
			}
		}
		return Optional.empty();
	}

	/**
	 * The record in {@code home} when it names this store and a live process other than
	 * this one (the one that wrote it, not a later process given its pid).
	 */
	private static Optional<Properties> holder(Path home) {
		Path store;
		try {
			store = home.toRealPath();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		return properties(home.resolve(FILE_NAME)).filter(record -> {
			try {
				return store.equals(Path.of(record.getProperty("store", ""))) && pid(record) != ProcessHandle.current().pid()
						&& live(pid(record), record.getProperty("started"));
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		});
	}

	private static long pid(Properties record) {
		return Long.parseLong(record.getProperty("pid", ""));
	}

	private static Optional<Long> readPid(Path file) {
		try {
			return properties(file).map(properties -> Long.parseLong(properties.getProperty("pid", "")));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The record's properties; empty when there is none or it cannot be read. */
	private static Optional<Properties> properties(Path file) {
		if (Files.notExists(file)) {
			return Optional.empty();
		}
		var properties = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(in);
			return Optional.of(properties);
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Whether {@code pid} is alive and, when the record says when it started, the same process. */
	private static boolean live(long pid, String started) {
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(process -> started == null || process.info()
				.startInstant()
				.map(instant -> Long.toString(instant.toEpochMilli()).equals(started))
				.orElse(true))
			.isPresent();
	}

	private static Optional<RunningServer> read(Path file) {
		var record = properties(file);
		if (record.isEmpty()) {
			return Optional.empty();
		}
		var properties = record.get();
		try {
			URI uri = URI.create(properties.getProperty("uri", ""));
			long pid = Long.parseLong(properties.getProperty("pid", ""));
			Path store = Path.of(properties.getProperty("store", ""));
			// Loopback only, as the embedded Bolt connector listens: the login never
			// leaves the machine, whatever the file says.
			boolean loopback = "bolt".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0
					&& InetAddress.getByName(uri.getHost()).isLoopbackAddress();
			return loopback && store.isAbsolute() ? Optional.of(new RunningServer(uri, pid, store)) : Optional.empty();
		}
		catch (IOException | IllegalArgumentException ex) {
			// Unreadable or not ours: as if there were none.
			return Optional.empty();
		}
	}

	private boolean alive() {
		if (!live(this.pid, null)) {
			return false;
		}
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.uri.getHost(), this.uri.getPort()), CONNECT_TIMEOUT_MILLIS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
