package dev.secretsstarter.local.store;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArnsTests {

	@Test
	void newArnHasTheServiceShape() {
		assertThat(Arns.newArn("eu-west-1", "123456789012", "db/credentials"))
			.matches("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db/credentials-[A-Za-z0-9]{6}");
	}

	@Test
	void derivedArnHasTheServiceShapeWhateverTheBits() {
		for (long bits : new long[] { 0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789ABCDEFL }) {
			assertThat(Arns.derivedArn("eu-west-1", "123456789012", "db/credentials", bits))
				.matches("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db/credentials-[A-Za-z0-9]{6}");
		}
	}

	@Test
	void derivedArnIsTheSameForTheSameBitsAndDiffersForOthers() {
		assertThat(Arns.derivedArn("us-east-1", "000000000000", "db", 42L))
			.isEqualTo(Arns.derivedArn("us-east-1", "000000000000", "db", 42L))
			.isNotEqualTo(Arns.derivedArn("us-east-1", "000000000000", "db", 43L));
	}

	@Test
	void matchesByNameFullArnAndPartialArnOnly() {
		Secret secret = new Secret("db", "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbC123", "us-east-1",
				Instant.EPOCH);
		assertThat(Arns.matches(secret, "db")).isTrue();
		assertThat(Arns.matches(secret, "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbC123")).isTrue();
		assertThat(Arns.matches(secret, "arn:aws:secretsmanager:us-east-1:000000000000:secret:db")).isTrue();
		assertThat(Arns.matches(secret, "arn:aws:secretsmanager:us-east-1:000000000000:secret:d")).isFalse();
		assertThat(Arns.matches(secret, "db-AbC123")).isFalse();
	}

	@Test
	void replicaArnKeepsNameAndSuffix() {
		assertThat(Arns.inRegion("arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbC123", "eu-west-1"))
			.isEqualTo("arn:aws:secretsmanager:eu-west-1:000000000000:secret:db-AbC123");
	}

}
