package dev.secretsstarter.local.store;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StagesTests {

	private final Instant now = Instant.parse("2030-01-01T00:00:00Z");

	private final Secret secret = new Secret("s", "arn:aws:secretsmanager:us-east-1:000000000000:secret:s-abcdef",
			"us-east-1", this.now);

	private SecretVersion add(String id, String... stages) {
		return Stages.addVersion(this.secret, id, SecretValue.ofString("dummy-" + id), List.of(stages), this.now);
	}

	@Test
	void movingCurrentMovesPreviousToTheVersionItLeft() {
		add("v1", Stages.CURRENT);
		add("v2", Stages.CURRENT);
		add("v3", Stages.CURRENT);
		assertThat(this.secret.versions().get("v1").stages()).isEmpty();
		assertThat(this.secret.versions().get("v2").stages()).containsExactly(Stages.PREVIOUS);
		assertThat(this.secret.versions().get("v3").stages()).containsExactly(Stages.CURRENT);
	}

	@Test
	void aLabelIsOnAtMostOneVersion() {
		add("v1", Stages.CURRENT, "custom");
		add("v2", "custom");
		assertThat(this.secret.versions().get("v1").stages()).containsExactly(Stages.CURRENT);
		assertThat(this.secret.versions().get("v2").stages()).containsExactly("custom");
	}

	@Test
	void movingCurrentOntoItsOwnVersionChangesNothing() {
		SecretVersion v1 = add("v1", Stages.CURRENT);
		Stages.move(this.secret, Stages.CURRENT, v1);
		assertThat(v1.stages()).containsExactly(Stages.CURRENT);
		assertThat(this.secret.versionWithStage(Stages.PREVIOUS)).isEmpty();
	}

	@Test
	void pruningKeepsLabelledVersionsAndDropsTheOldestDeprecated() {
		add("keep", "custom");
		for (int i = 0; i < 120; i++) {
			add("v" + i, Stages.CURRENT);
		}
		assertThat(this.secret.versions()).hasSize(Stages.MAX_VERSIONS).containsKey("keep").containsKey("v119");
		assertThat(this.secret.versions()).doesNotContainKey("v0");
	}

}
