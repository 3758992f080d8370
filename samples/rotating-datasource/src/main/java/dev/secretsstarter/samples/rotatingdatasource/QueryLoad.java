package dev.secretsstarter.samples.rotatingdatasource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A load loop: a few worker threads borrow a connection from the pool and run a query, again and
 * again, counting queries run and failed. Expected while the password rotates: zero failed.
 * Starts after the application context, stops before the pool closes. Thread-safe.
 *
 * @author secrets-starter team
 */
@Component
class QueryLoad implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(QueryLoad.class);

	private final DataSource dataSource;

	private final int workers;

	private final AtomicLong run = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private volatile @Nullable String lastFailure;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	QueryLoad(DataSource dataSource, @Value("${demo.load.workers:4}") int workers) {
		this.dataSource = dataSource;
		this.workers = workers;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		for (int i = 1; i <= this.workers; i++) {
			Thread thread = new Thread(this::work, "query-load-" + i);
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
		logger.info(this.workers + " workers query the database continuously");
	}

	private void work() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM orders")) {
				result.next();
				this.run.incrementAndGet();
			}
			catch (SQLException ex) {
				this.failed.incrementAndGet();
				// SQL state and class only: a driver message may quote connection details.
				this.lastFailure = ex.getClass().getSimpleName() + " (SQL state " + ex.getSQLState() + ")";
				logger.warn("Query failed: " + this.lastFailure);
			}
			// A short pause so that the demo does not take every core.
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		for (Thread thread : this.threads) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.threads.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	long queriesRun() {
		return this.run.get();
	}

	long queriesFailed() {
		return this.failed.get();
	}

	@Nullable String lastFailure() {
		return this.lastFailure;
	}

}
