package dev.secretsstarter.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.secretsstarter.core.SecretsException;

/**
 * Runs the chunks of a batch load in parallel on a small bounded pool of daemon threads that
 * exist only while there is work (the pool's core threads time out). A dedicated pool rather
 * than the common fork-join pool, because the work blocks on I/O and must not starve unrelated
 * parallel streams. One chunk runs on the caller's thread. Thread-safe.
 */
final class BatchExecutor {

	// Four calls in flight load 80 secrets at once; more would mostly invite throttling.
	static final int MAX_THREADS = 4;

	private static final AtomicInteger threadCount = new AtomicInteger();

	private final ThreadPoolExecutor executor;

	BatchExecutor() {
		ThreadFactory threads = (runnable) -> {
			Thread thread = new Thread(runnable, "secrets-batch-" + threadCount.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.executor = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 10, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), threads);
		this.executor.allowCoreThreadTimeOut(true);
	}

	void run(List<SecretKey> keys, int chunkSize, Consumer<List<SecretKey>> chunkLoader,
			Map<SecretKey, RuntimeException> failed) {
		List<List<SecretKey>> chunks = new ArrayList<>();
		for (int i = 0; i < keys.size(); i += chunkSize) {
			chunks.add(List.copyOf(keys.subList(i, Math.min(i + chunkSize, keys.size()))));
		}
		if (chunks.size() == 1) {
			guarded(chunks.get(0), chunkLoader, failed);
			return;
		}
		CompletableFuture<?>[] futures = chunks.stream()
			.map((chunk) -> CompletableFuture.runAsync(() -> guarded(chunk, chunkLoader, failed), this.executor))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(futures).join();
	}

	private static void guarded(List<SecretKey> chunk, Consumer<List<SecretKey>> chunkLoader,
			Map<SecretKey, RuntimeException> failed) {
		try {
			chunkLoader.accept(chunk);
		}
		catch (RuntimeException ex) {
			chunk.forEach((key) -> failed.putIfAbsent(key, new SecretsException(
					"Loading secret '" + key + "' failed unexpectedly: " + ex.getClass().getName(), key.secretId(),
					"BatchGetSecretValue", null, ex)));
		}
	}

}
