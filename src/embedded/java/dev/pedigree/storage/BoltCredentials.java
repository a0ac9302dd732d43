package dev.pedigree.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded database's Bolt login: user {@code neo4j} and a random password generated
 * on the first start and kept in {@code <data-dir>/bolt-credentials.properties}, readable
 * by its owner only. The service's own driver logs in with it; any other local process
 * must read the file first (so needs the service user's rights), which closes the side
 * door around the API.
 *
 * @param file where the login is kept
 * @param username the Neo4j user
 * @param password the generated password (43 characters, 256 random bits)
 */
record BoltCredentials(Path file, String username, String password) {

	static final String FILE_NAME = "bolt-credentials.properties";

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	/** The login kept in {@code home}, created on the first call. */
	static BoltCredentials loadOrCreate(Path home) {
		Path file = home.resolve(FILE_NAME);
		try {
			if (Files.notExists(file)) {
				create(file);
			}
			return load(file);
		}
		catch (IOException ex) {
			throw unreadable(file, ex);
		}
	}

	/**
	 * The login of a store whose database another process runs: never created here (a new
	 * password would not be the running database's).
	 */
	static BoltCredentials loadExisting(Path home, String holder) {
		Path file = home.resolve(FILE_NAME);
		if (Files.notExists(file)) {
			throw new EmbeddedNeo4jStartupException(
					"The embedded Neo4j login " + file + " is missing while " + holder + " runs on the store.",
					"Restart that server (it writes a new login) or stop it, then run the command again.", null);
		}
		try {
			return load(file);
		}
		catch (IOException ex) {
			throw unreadable(file, ex);
		}
	}

	private static BoltCredentials load(Path file) throws IOException {
		restrict(file);
		var properties = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		String username = properties.getProperty("username", "neo4j");
		String password = properties.getProperty("password", "");
		if (password.length() < 8) {
			throw new EmbeddedNeo4jStartupException(
					"The embedded Neo4j login in " + file + " has no password of at least 8 characters.",
					"Delete the file; the next start generates a new password.", null);
		}
		return new BoltCredentials(file, username, password);
	}

	private static EmbeddedNeo4jStartupException unreadable(Path file, IOException ex) {
		return new EmbeddedNeo4jStartupException(
				"The embedded Neo4j login " + file + " cannot be read or written: " + ex.getMessage() + ".",
				"Make the data folder writable by the user that runs Pedigree.", ex);
	}

	private static void create(Path file) throws IOException {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		try {
			// Owner-only from the first byte: the file never exists with wider rights.
			if (posix(file.getParent())) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else {
				Files.createFile(file);
				ownerOnlyElsewhere(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// Another process created it in between: use theirs.
			return;
		}
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("# Bolt login of Pedigree's embedded Neo4j (generated on first start; delete to regenerate)\n");
			out.write("username=neo4j\n");
			out.write("password=" + password + "\n");
		}
	}

	/** A file copied in (or left by an older version) with wider rights is narrowed. */
	private static void restrict(Path file) throws IOException {
		if (posix(file)) {
			if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
				Files.setPosixFilePermissions(file, OWNER_ONLY);
			}
		}
		else {
			ownerOnlyElsewhere(file);
		}
	}

	private static boolean posix(Path path) {
		return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
	}

	private static void ownerOnlyElsewhere(Path file) {
		var f = file.toFile();
		f.setReadable(false, false);
		f.setWritable(false, false);
		f.setReadable(true, true);
		f.setWritable(true, true);
	}

	@Override
	public String toString() {
		return "BoltCredentials[" + this.username + " in " + this.file + "]";
	}

}
