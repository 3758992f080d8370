package dev.secretsstarter.refresh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.cache.ServedSnapshots;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging the changes of one key queued since the last apply. The cache tells its listeners of a
 * change after the swap, outside its lock, so two changes of one key made on two threads can
 * arrive in the opposite order; these tests queue the changes in that order directly, with
 * snapshots a real cache served (so with its sequence numbers) where the order matters.
 */
class RotationApplierTests {

	private static final SecretKey DB = SecretKey.current("db/credentials");

	private final ServedSnapshots served = new ServedSnapshots(DB);

	private final List<SecretRotatedEvent> events = new ArrayList<>();

	private final List<Set<SecretKey>> refreshed = new ArrayList<>();

	private final RotationApplier applier = new RotationApplier(this,
			new PropertyChangeTracker(new StandardEnvironment()), (keys, names) -> this.refreshed.add(keys),
			(event) -> this.events.add((SecretRotatedEvent) event));

	@Test
	void twoChangesOfOneKeyHeardInTheOppositeOrderAreOneChangeFromTheFirstToTheLastVersion() {
		SecretSnapshot v1 = this.served.snapshot("v1", "{\"username\":\"app\",\"password\":\"one\"}");
		SecretSnapshot v2 = this.served.snapshot("v2", "{\"username\":\"app\",\"password\":\"two\"}");
		SecretSnapshot v3 = this.served.snapshot("v3", "{\"username\":\"app\",\"password\":\"three\"}");
		this.applier.add(new RotationApplier.Change(DB, v2, v3));
		this.applier.add(new RotationApplier.Change(DB, v1, v2));
		assertThat(this.applier.apply()).isEqualTo(1);
		assertThat(this.refreshed).containsExactly(Set.of(DB));
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.getPreviousVersionId()).isEqualTo("v1");
			assertThat(event.getNewVersionId()).isEqualTo("v3");
			assertThat(event.getChangedPropertyNames()).containsExactly("password");
		});
	}

	@Test
	void aChangeHeardAfterANewerOneOfItsKeyWasAppliedIsNotApplied() {
				SecretSnapshot v1 = this.served.serve("v1", credentials("v1"));
		SecretSnapshot v2 = this.served.serve("v2", credentials("v2"));
		SecretSnapshot v3 = this.served.serve("v3", credentials("v3"));
		this.applier.add(new RotationApplier.Change(DB, v2, v3));
		assertThat(this.applier.apply()).isEqualTo(1);
		this.applier.add(new RotationApplier.Change(DB, v1, v2));
		assertThat(this.applier.apply()).isZero();
		assertThat(this.refreshed).containsExactly(Set.of(DB));
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.getPreviousVersionId()).isEqualTo("v2");
			assertThat(event.getNewVersionId()).isEqualTo("v3");
		});
	}

	@Test
	void changesThatWentBackAndForthHeardOutOfOrderAreOneChangeFromTheOldestToTheNewestVersion() {
				SecretSnapshot v1 = this.served.serve("v1", credentials("v1"));
		SecretSnapshot v2 = this.served.serve("v2", credentials("v2"));
		SecretSnapshot v3 = this.served.serve("v3", credentials("v3"));
		SecretSnapshot v1Again = this.served.serve("v1", credentials("v1"));
		SecretSnapshot v2Again = this.served.serve("v2", credentials("v2"));
		this.applier.add(new RotationApplier.Change(DB, v2, v3));
		this.applier.add(new RotationApplier.Change(DB, v1Again, v2Again));
		this.applier.add(new RotationApplier.Change(DB, v1, v2));
		this.applier.add(new RotationApplier.Change(DB, v3, v1Again));
		assertThat(this.applier.apply()).isEqualTo(1);
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.getPreviousVersionId()).isEqualTo("v1");
			assertThat(event.getNewVersionId()).isEqualTo("v2");
		});
	}

	private static String credentials(String versionId) {
		return "{\"username\":\"app\",\"password\":\"" + versionId + "\"}";
	}

}
