package dev.secretsstarter.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyIntegrationTests extends AbstractServerIntegrationTests {

	@Test
	void concurrentWritersLeaveExactlyOneCurrentAndAtMostOnePrevious() throws Exception {
		this.client.createSecret((r) -> r.name("s").secretString("dummy-0"));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					for (int i = 0; i < 15; i++) {
						String value = "dummy-" + thread + "-" + i;
						String versionId = this.client.putSecretValue((r) -> r.secretId("s").secretString(value))
							.versionId();
						if (i % 3 == 0) {
							moveCurrentBack(versionId);
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Map<String, List<String>> stages = this.client.describeSecret((r) -> r.secretId("s")).versionIdsToStages();
		assertThat(stages.values().stream().filter((s) -> s.contains("AWSCURRENT"))).hasSize(1);
		assertThat(stages.values().stream().filter((s) -> s.contains("AWSPREVIOUS")).count()).isLessThanOrEqualTo(1);
	}

	private void moveCurrentBack(String versionId) {
		String current = this.client.getSecretValue((r) -> r.secretId("s")).versionId();
		try {
			this.client.updateSecretVersionStage(
					(r) -> r.secretId("s").versionStage("AWSCURRENT").moveToVersionId(versionId).removeFromVersionId(current));
		}
		catch (InvalidParameterException ex) {
			// Another writer moved AWSCURRENT between our read and write: the server rightly refused.
		}
	}

}
