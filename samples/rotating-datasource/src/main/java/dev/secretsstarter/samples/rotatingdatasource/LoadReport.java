package dev.secretsstarter.samples.rotatingdatasource;

import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import dev.secretsstarter.refresh.SecretRotatedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /stats} and a log line every few seconds: queries run and failed, rotations the
 * application picked up, and the credentials' version id — never a user name or password.
 *
 * @author secrets-starter team
 */
@RestController
class LoadReport {

	private static final Log logger = LogFactory.getLog(LoadReport.class);

	private final QueryLoad load;

	private final HikariDataSource dataSource;

	private final AtomicInteger rotations = new AtomicInteger();

	private volatile @Nullable String versionId;

	LoadReport(QueryLoad load, HikariDataSource dataSource) {
		this.load = load;
		this.dataSource = dataSource;
	}

	@EventListener
	void onRotation(SecretRotatedEvent event) {
		if (DemoRotation.SECRET.equals(event.getSecretId())) {
			this.versionId = event.getNewVersionId();
			logger.info("Rotation #" + this.rotations.incrementAndGet() + " picked up: " + event.getSecretId()
					+ " is now version " + event.getNewVersionId() + "; the pool's credentials were swapped");
		}
	}

	@GetMapping("/stats")
	Stats stats() {
		var pool = this.dataSource.getHikariPoolMXBean();
		return new Stats(this.load.queriesRun(), this.load.queriesFailed(), this.rotations.get(), this.versionId,
				(pool != null) ? pool.getTotalConnections() : 0, this.load.lastFailure());
	}

	@Scheduled(fixedDelayString = "${demo.report-interval:5s}")
	void log() {
		Stats stats = stats();
		logger.info("Queries run " + stats.queriesRun() + ", failed " + stats.queriesFailed() + ", rotations picked up "
				+ stats.rotationsPickedUp());
	}

	@EventListener
	void tellWhereToLook(WebServerInitializedEvent event) {
		logger.info("Open http://127.0.0.1:" + event.getWebServer().getPort()
				+ "/stats to see queries run and failed while the password rotates");
	}

	/**
	 * What {@code GET /stats} answers.
	 *
	 * @param queriesRun queries that succeeded
	 * @param queriesFailed queries that failed (expected: 0)
	 * @param rotationsPickedUp new versions of the credentials the application detected
	 * @param credentialsVersionId the version id of the credentials in use, once one rotated
	 * @param poolConnections connections in the pool now
	 * @param lastFailure the type and SQL state of the last failure, if any
	 */
	record Stats(long queriesRun, long queriesFailed, int rotationsPickedUp, @Nullable String credentialsVersionId,
			int poolConnections, @Nullable String lastFailure) {
	}

}
