package dev.secretsstarter.local.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts the data file, kept beside it and readable by the owner only. Stateless.
 */
final class KeyFile {

	private KeyFile() {
	}

	static SecretKey loadOrCreate(Path keyFile) {
		try {
			if (!Files.exists(keyFile)) {
				create(keyFile);
			}
			byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
			if (key.length != 32) {
				throw new IllegalStateException("Key file " + keyFile + " does not hold a 256-bit key");
			}
			return new SecretKeySpec(key, "AES");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create key file " + keyFile, ex);
		}
	}

	private static void create(Path keyFile) throws IOException {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Path parent = keyFile.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		try {
			// Created with owner-only permissions so the key is never readable by others, even briefly.
			if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(keyFile);
			}
		}
		catch (FileAlreadyExistsException ex) {
			return;
		}
		Files.writeString(keyFile, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
	}

}
