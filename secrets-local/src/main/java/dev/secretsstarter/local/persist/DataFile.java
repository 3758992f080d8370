package dev.secretsstarter.local.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import dev.secretsstarter.local.store.SecretStore;
import dev.secretsstarter.local.store.ServiceError;

/**
 * Durable, encrypted persistence: the whole store as one AES-GCM encrypted snapshot, written to a
 * temporary file, fsynced, atomically renamed over the data file and the directory fsynced, before a
 * write is acknowledged, so an acknowledged write survives {@code kill -9} and a crash mid-write leaves
 * the previous snapshot intact. A whole-store snapshot is simple and fine at local-development sizes.
 * Called under the store lock; not thread-safe on its own.
 */
public final class DataFile {

	private static final byte[] MAGIC = "SLD1".getBytes(StandardCharsets.US_ASCII);

	private static final int IV_BYTES = 12;

	private final Path file;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	public DataFile(Path file) {
		this.file = file.toAbsolutePath();
		this.key = KeyFile.loadOrCreate(keyFileFor(this.file));
	}

	/** @return where the key of {@code dataFile} is kept */
	public static Path keyFileFor(Path dataFile) {
		return dataFile.resolveSibling(dataFile.getFileName() + ".key");
	}

	/** Loads the snapshot into {@code store}, if the file exists. */
	public void load(SecretStore store) {
		if (!Files.exists(this.file)) {
			return;
		}
		try {
			byte[] bytes = Files.readAllBytes(this.file);
			if (bytes.length < MAGIC.length + IV_BYTES || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
				throw new IllegalStateException("Data file " + this.file + " is not a secrets-local data file");
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key,
					new GCMParameterSpec(128, bytes, MAGIC.length, IV_BYTES));
			byte[] json = cipher.doFinal(bytes, MAGIC.length + IV_BYTES, bytes.length - MAGIC.length - IV_BYTES);
			SnapshotCodec.read(json, store);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read data file " + this.file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt data file " + this.file
					+ " with key file " + keyFileFor(this.file) + " (wrong key or corrupt file)", ex);
		}
	}

	/** Writes the snapshot durably; a failure answers the request with InternalServiceError. */
	public void save(SecretStore store) {
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
			byte[] encrypted = cipher.doFinal(SnapshotCodec.write(store));
			Path temp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.createDirectories(this.file.getParent());
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				channel.write(ByteBuffer.wrap(MAGIC));
				channel.write(ByteBuffer.wrap(iv));
				channel.write(ByteBuffer.wrap(encrypted));
				channel.force(true);
			}
			Files.move(temp, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			syncDirectory();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw ServiceError.internal("Could not persist the change to the data file.");
		}
	}

	private void syncDirectory() {
		// Makes the rename itself durable; not every platform can open a directory, which is harmless.
		try (FileChannel directory = FileChannel.open(this.file.getParent(), StandardOpenOption.READ)) {
			directory.force(true);
		}
		catch (IOException ex) {
			// best effort
		}
	}

}
